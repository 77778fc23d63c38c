"""ingest --date, --outlet, --url: what the user states about the files of a run."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.cli.ingest import stated_metadata
from newsgraph.errors import ConfigError
from newsgraph.ingest import ingest
from newsgraph.settings import Settings
from newsgraph.store import Store


def test_stated_metadata_is_checked() -> None:
    assert stated_metadata("2021-03-04", " Example Times ", None) == {"published": "2021-03-04", "outlet": "Example Times"}
    with pytest.raises(ConfigError, match="--date 'March 4': not a date"):
        stated_metadata("March 4", None, None)


def test_stated_metadata_wins_over_the_text_and_dates_its_relative_days(tmp_path: Path) -> None:
    article = tmp_path / "repost.txt"
    article.write_text(
        "Ferry route opens\n\nPortugal and Morocco signed an agreement on Tuesday to open a daily ferry route.\n\n"
        "Source: Other Paper\n",
        encoding="utf-8",
    )
    db = tmp_path / "db.duckdb"
    given = {"published": "2021-03-04", "outlet": "Example Times", "url": "https://example.org/ferry"}
    assert ingest([article], Settings(db=db, workers=1, progress=False, link=False), given=given).ok
    with Store(db, read_only=True) as store:
        (document,) = store.query("SELECT published, outlet, url FROM documents")
        dates = [row["date"] for row in store.query("SELECT date FROM events WHERE date IS NOT NULL")]
    assert document == {"published": "2021-03-04", "outlet": "Example Times", "url": "https://example.org/ferry"}
    assert "2021-03-02" in dates  # "on Tuesday", the Tuesday before
