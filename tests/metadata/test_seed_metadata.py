"""The metadata steps and the resolver on the five real seed articles.

Each seed is run two ways: through the metadata line steps alone (after a local NFC and quote
normalisation), and through the whole cleaning runner when its modules import. The expectations
are general properties: which seeds have a headline (never with its "(LEAD)"-style tag), that a
placeholder byline names no author, that outlets come from header and footer lines and never from
names in the body, the datelines, and the publication dates (an explicit stamp is certain; a
month-day dateline's year is inferred, less certain, from the weekday the text reports on).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from newsgraph.metadata import resolve_metadata
from newsgraph.metadata.lines import METADATA_LINE_STEPS
from newsgraph.metadata.published import WEEKDAY_CONFIDENCE
from newsgraph.records import Metadata
from newsgraph.steps import Found
from newsgraph.textmap import TrackedText

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"
TODAY = date(2026, 11, 23)
HEADER_AND_FOOTER_RULES = {"dateline.outlet", "byline.outlet", "source_line", "copyright"}

# Per seed (by file-name prefix): what a careful reader takes from its header and footer lines.
EXPECTED: dict[str, dict[str, Any]] = {
    "000": {
        "title": True,
        "authors": [],
        "outlet": "Yonhap News Agency",
        "agencies": [],
        "dateline": None,
        "published": None,
        "contributors": [],
    },
    "001": {
        "title": False,
        "authors": [],
        "outlet": "Korea Bizwire",
        "agencies": ["Yonhap"],
        "dateline": "Washington",
        "published": "2023-09-20",
        "contributors": [],
    },
    "002": {
        "title": True,
        "authors": ["Hyonhee Shin", "Josh Smith", "Guy Faulconbridge"],
        "outlet": "Reuters",
        "agencies": [],
        "dateline": "Seoul/Moscow",
        "published": "2024-06-18",
        "contributors": ["Lidia Kelly", "Michelle Nichols"],
    },
    "003": {
        "title": True,
        "authors": [],
        "outlet": None,
        "agencies": [],
        "dateline": None,
        "published": None,
        "contributors": [],
    },
    "004": {
        "title": True,
        "authors": [],
        "outlet": None,
        "agencies": [],
        "dateline": None,
        "published": None,
        "contributors": [],
    },
}
PIPELINES = ("steps", "clean_text")


@dataclass
class Result:
    raw: str
    text: str
    metadata: Metadata


_STRAIGHT = str.maketrans("‘’“”\u00a0", "''\"\" ")


def _normalise(raw: str) -> str:
    """What the character step does first: NFC, LF line ends, straight quotes, plain spaces."""
    return unicodedata.normalize("NFC", raw.replace("\r\n", "\n")).translate(_STRAIGHT)


def _steps_only(raw: str) -> tuple[str, list[Found]]:
    text, found = TrackedText(_normalise(raw)), []
    for _, step in METADATA_LINE_STEPS:
        result = step(text)
        text, _ = text.apply(result.edits)
        found.extend(result.found)
    return text.text, found


def _whole_cleaning(raw: str) -> tuple[str, list[Found]]:
    try:
        from newsgraph.clean import clean_text
    except ImportError as error:
        pytest.skip(f"newsgraph.clean does not import yet ({error}); the steps-only run covers the seeds")
    cleaned = clean_text(raw)
    return cleaned.text, cleaned.found


@pytest.fixture(scope="module")
def results() -> dict[tuple[str, str], Result]:
    return {}


@pytest.fixture(params=PIPELINES)
def pipeline(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture(params=sorted(EXPECTED))
def seed(
    request: pytest.FixtureRequest, pipeline: str, results: dict[tuple[str, str], Result]
) -> tuple[Result, dict[str, Any]]:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    prefix = str(request.param)
    key = (pipeline, prefix)
    if key not in results:
        (path,) = SEEDS.glob(f"{prefix}_*.txt")
        run = _steps_only if pipeline == "steps" else _whole_cleaning
        raw = path.read_text(encoding="utf-8")
        text, found = run(raw)
        results[key] = Result(raw, text, resolve_metadata({}, found, text, TODAY))
    return results[key], EXPECTED[prefix]


def test_headlines_are_found_without_editorial_tags(seed: tuple[Result, dict[str, Any]]) -> None:
    result, expected = seed
    title = result.metadata.title
    assert (title is not None) is expected["title"]
    if title is not None:
        assert not title.startswith(("(", "["))
        assert all(line.strip() != title for line in result.text.split("\n")), "the headline stays in the body"


def test_authors_come_from_bylines_and_placeholders_name_none(seed: tuple[Result, dict[str, Any]]) -> None:
    result, expected = seed
    assert result.metadata.authors == expected["authors"]
    assert not re.search(r"(?m)^\s*by\s+\S+\s*$", result.text, re.IGNORECASE), "a byline stays in the body"


def test_outlets_come_from_header_and_footer_lines_never_from_the_body(seed: tuple[Result, dict[str, Any]]) -> None:
    result, expected = seed
    assert result.metadata.outlet == expected["outlet"]
    assert result.metadata.agencies == expected["agencies"]
    if result.metadata.outlet is not None:
        assert result.metadata.evidence["outlet"].rule in HEADER_AND_FOOTER_RULES


def test_datelines(seed: tuple[Result, dict[str, Any]]) -> None:
    result, expected = seed
    assert result.metadata.dateline == expected["dateline"]


def test_publication_dates(seed: tuple[Result, dict[str, Any]]) -> None:
    result, expected = seed
    metadata = result.metadata
    assert metadata.published == expected["published"]
    if metadata.published is None:
        return
    if metadata.evidence["published"].rule == "stamp":
        assert metadata.published_confidence == 1.0
    else:
        assert metadata.published_confidence == WEEKDAY_CONFIDENCE < 1


def test_footers_and_trailers_leave_the_body(seed: tuple[Result, dict[str, Any]]) -> None:
    result, _ = seed
    for leftover in ("Reporting by", "rights reserved", "solely responsible", "Source: "):
        assert leftover not in result.text


def test_contributors_come_from_the_credit_trailer_without_its_editors(seed: tuple[Result, dict[str, Any]]) -> None:
    result, expected = seed
    assert result.metadata.contributors == expected["contributors"]


def test_every_evidence_points_at_its_words_in_the_raw_text(seed: tuple[Result, dict[str, Any]]) -> None:
    result, _ = seed
    raw = _normalise(result.raw)
    for field, evidence in result.metadata.evidence.items():
        assert raw[evidence.raw_start : evidence.raw_end] == evidence.text, field
