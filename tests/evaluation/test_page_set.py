"""newsgraph.evaluation.page_set: page-only gold files, both halves scored, unfit gold left out."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation.page_set import evaluate_page_set, parse_page_gold, render_pages

TUNING = (
    "Valdora and Lisbon agree on river data\n"
    "By Ann Lee\n"
    "\n"
    "The two governments agreed on Tuesday to share gauge readings every hour, officials said.\n"
    "\n"
    "Subscribe to our newsletter\n"
)
HELD_BACK = "Ministers meet at the dam\n\nThe ministers met at the dam on Monday, officials said.\n"


def _page(title: str | None, lines: list[dict[str, str]]) -> dict[str, object]:
    return {"title": title, "outlet": None, "published": None, "lines": lines}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    (tmp_path / "articles").mkdir()
    (tmp_path / "articles" / "001_a.txt").write_text(TUNING, encoding="utf-8")
    (tmp_path / "articles" / "002_b.txt").write_text(HELD_BACK, encoding="utf-8")
    (tmp_path / "articles" / "003_c.txt").write_text(HELD_BACK, encoding="utf-8")
    split = {"tuning": ["001_a.txt"], "held_back": ["002_b.txt", "003_c.txt", "004_d.txt"]}
    (tmp_path / "split.json").write_text(json.dumps(split), encoding="utf-8")
    lines = [
        {"starts": "Valdora and Lisbon agree", "kind": "title"},
        {"starts": "By Ann Lee", "kind": "byline"},
        {"starts": "Subscribe to our", "kind": "junk"},
    ]
    gold = {"article": "001_a.txt", "page": _page("Valdora and Lisbon agree on river data", lines)}
    (tmp_path / "001_a.json").write_text(json.dumps(gold), encoding="utf-8")
    gold = {"article": "002_b.txt", "page": _page("Ministers meet at the dam", [{"starts": "Ministers meet", "kind": "title"}])}
    (tmp_path / "002_b.json").write_text(json.dumps(gold), encoding="utf-8")
    gold = {"article": "003_c.txt", "page": _page(None, [{"starts": "A line the page lacks", "kind": "junk"}])}
    (tmp_path / "003_c.json").write_text(json.dumps(gold), encoding="utf-8")
    return tmp_path


def test_both_halves_are_scored_and_unfit_gold_is_left_out(folder: Path) -> None:
    report = evaluate_page_set(folder)
    tuning, held_back = report.half("tuning"), report.half("held_back")
    assert (tuning.title.right, tuning.title.total) == (1, 1)
    assert (tuning.junk.right, tuning.junk.total) == (3, 3)
    assert (tuning.body.right, tuning.body.total) == (1, 1)
    assert (held_back.title.right, held_back.title.total) == (1, 1)
    assert report.unannotated == ("004_d",)
    assert [(article, half) for article, half, _ in report.unfit] == [("003_c.txt", "held_back")]
    text = render_pages(report)
    assert "A line the page lacks" not in text and "003_c.txt (held_back)" in text
    assert "A line the page lacks" in render_pages(report, held_back_problems=True)
    data = report.to_json(problems_of=("tuning",))
    assert data["halves"]["tuning"]["page"]["junk_removed"]["right"] == 3
    assert data["unfit"] == ["003_c.txt"]


def test_a_page_gold_file_holds_only_the_page() -> None:
    with pytest.raises(InputError, match="unknown field 'events'"):
        parse_page_gold({"article": "a.txt", "page": _page(None, []), "events": []}, "a.json")
    gold = parse_page_gold({"article": "a.txt", "page": _page(None, []), "notes": "n"}, "a.json")
    assert gold.page is not None and gold.actors == () and gold.notes == "n"
