"""``ingest URL``, ``watch`` and ``alert`` run in process against a local server, as a user types them."""

from __future__ import annotations

import json
import re
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from livesite import ACCUSATION, QUOTATION, Connections, Site, loopback_only, rss, site  # noqa: F401 - fixtures
from newsgraph.cli import app

runner = CliRunner()
STAMP = "Tue, 04 Jun 2024 10:00:00 GMT"


@pytest.fixture(autouse=True)
def in_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)  # no newsgraph.toml but the tests' own
    monkeypatch.delenv("NEWSGRAPH_CONFIG", raising=False)


def _local(site: Site, path: str) -> str:
    return f"http://127.0.0.1:{site.server.port}{path}"


def _three_article_feed(site: Site) -> str:
    for name in "abc":
        site.page(f"/{name}.html", f"Drones over Pyongyang, part {name}", ACCUSATION, QUOTATION)
    site.feed("/feed.xml", rss(*[(_local(site, f"/{name}.html?utm_source=rss"), STAMP) for name in "abc"]))
    return _local(site, "/feed.xml")


def test_watch_once_stores_a_feeds_three_articles_then_nothing_new(site: Site, tmp_path: Path) -> None:
    feed = _three_article_feed(site)
    db = tmp_path / "x.duckdb"
    first = runner.invoke(app, ["watch", feed, "--once", "--allow-private", "--db", str(db)])
    assert first.exit_code == 0, first.output
    assert "poll 1: 1 source(s), 3 article(s) listed: 3 new (0 updated), 0 unchanged, 0 failed" in first.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert sorted(row[0] for row in con.execute("SELECT url FROM documents").fetchall()) == [
            _local(site, f"/{name}.html") for name in "abc"
        ]
    second = runner.invoke(app, ["watch", feed, "--once", "--allow-private", "--db", str(db)])
    assert second.exit_code == 0, second.output
    assert "0 new (0 updated), 3 unchanged, 0 failed" in second.output
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM documents").fetchone() == (3,)


@pytest.mark.parametrize(
    ("path", "problem"),
    [
        (None, "169.254.169.254 is a link-local address"),
        ("/a.html", "127.0.0.1 is a loopback address (this machine) (give --allow-private"),
    ],
)
def test_ingest_refuses_forbidden_addresses_in_one_line_without_connecting(
    site: Site, loopback_only: Connections, tmp_path: Path, path: str | None, problem: str  # noqa: F811
) -> None:
    site.page("/a.html", "Drones over Pyongyang")
    url = _local(site, path) if path else "http://169.254.169.254/latest/meta-data/"
    result = runner.invoke(app, ["ingest", url, "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"failed: {url}: refused: {problem}")
    assert loopback_only.hosts == [] and site.server.log == []
    assert not (tmp_path / "x.duckdb").exists()


def test_ingest_reads_urls_and_files_in_one_run(site: Site, tmp_path: Path) -> None:
    site.page("/a.html", "Drones over Pyongyang")
    (tmp_path / "b.txt").write_text("Talks end in agreement\n\nThe two ministers agreed on Monday to reopen the border crossing.\n")
    db = str(tmp_path / "x.duckdb")
    result = runner.invoke(app, ["ingest", _local(site, "/a.html"), str(tmp_path / "b.txt"), "--allow-private", "--db", db])
    assert result.exit_code == 0, result.output
    assert "1 file(s), 1 article(s)" in result.output and "1 page(s)" in result.output


def test_watch_reads_its_sources_from_the_watch_table_and_writes_alerts(site: Site, tmp_path: Path) -> None:
    feed = _three_article_feed(site)
    (tmp_path / "newsgraph.toml").write_text(
        f'[newsgraph]\ndb = "news.duckdb"\nallow_private = true\nfetch_delay = 0.0\n\n[watch]\nsources = ["{feed}"]\nevery = 600\n'
    )
    added = runner.invoke(app, ["alert", "add", "pyongyang", "--actor", "North Korea", "--type", "accuse"])
    assert added.exit_code == 0, added.output
    assert "alert pyongyang added: actor=North Korea type=ACCUSE (events only)" in added.output
    result = runner.invoke(app, ["watch", "--once", "--alerts-out", "alerts.jsonl"])
    assert result.exit_code == 0, result.output
    assert "3 new" in result.output and "1 alert match(es)" in result.output
    # The match names the event and its confidence: a number in [0, 1].
    assert re.search(r"alert pyongyang: ACCUSE country:PRK -> country:KOR \(asserted, [01]\.\d\d\)", result.output)
    assert [json.loads(line)["alert"] for line in (tmp_path / "alerts.jsonl").read_text().splitlines()] == ["pyongyang"]
    listed = runner.invoke(app, ["alert", "list"])
    assert "pyongyang" in listed.output and "1 alert(s)" in listed.output
    removed = runner.invoke(app, ["alert", "remove", "pyongyang"])
    assert removed.exit_code == 0 and "with its 1 match(es)" in removed.output


def test_watch_with_nothing_to_watch_says_what_to_do() -> None:
    result = runner.invoke(app, ["watch", "--once"])
    assert result.exit_code == 1 and "nothing to watch" in result.output


def test_watch_exits_non_zero_after_a_failed_source_and_goes_on(site: Site, tmp_path: Path) -> None:
    feed = _three_article_feed(site)
    site.feed("/broken.xml", "this is not xml <<<")
    result = runner.invoke(app, ["watch", _local(site, "/broken.xml"), feed, "--once", "--allow-private", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1
    assert f"failed: {_local(site, '/broken.xml')}: not an RSS or Atom feed" in result.output
    assert "3 new (0 updated), 0 unchanged, 1 failed" in result.output


def test_alert_add_refuses_an_unknown_type(tmp_path: Path) -> None:
    result = runner.invoke(app, ["alert", "add", "x", "--type", "BOMB", "--db", str(tmp_path / "x.duckdb")])
    assert result.exit_code == 1 and "not a PLOVER type" in result.output
