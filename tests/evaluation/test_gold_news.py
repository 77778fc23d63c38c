"""The real-news gold fields: page and events load into records; a malformed one is refused naming
the file and the field."""

from __future__ import annotations

import copy
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation import load_gold
from newsgraph.evaluation.gold_news import EVENT_STATUSES, plover_modes, valid_iso_date
from newsgraph.events import PLOVER_TYPES, STATUSES

FIXTURE = Path(__file__).parent / "news_fixture" / "001_harbour-post-border.json"
BASE: dict[str, Any] = json.loads(FIXTURE.read_text(encoding="utf-8"))

Change = Callable[[dict[str, Any]], None]


def _set(*path: Any, value: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop(*path: Any) -> Change:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _write(tmp_path: Path, data: dict[str, Any]) -> Path:
    path = tmp_path / "gold.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def test_page_and_events_load_into_records(tmp_path: Path) -> None:
    gold = load_gold(_write(tmp_path, copy.deepcopy(BASE)))
    assert gold.page is not None and gold.events is not None
    assert gold.page.title == "Poland and Germany agree joint border patrols"
    assert [line.kind for line in gold.page.lines][:4] == ["junk", "junk", "junk", "title"]
    consult, agree, cooperate, _, joined = gold.events
    assert (consult.type, consult.source, consult.target) == ("CONSULT", ("sikorski",), ("wadephul",))
    assert consult.key and consult.date == "2025-05-12" and consult.date_fixed
    assert agree.mutual and agree.cluster == "p1-patrols"
    assert cooperate.date is None and not cooperate.date_fixed and cooperate.n == 1
    assert joined.background and joined.date == "1999"


def test_without_mentions_every_actor_may_go_unmentioned(tmp_path: Path) -> None:
    gold = load_gold(_write(tmp_path, copy.deepcopy(BASE)))
    assert gold.mentions == () and not gold.scores_mentions and gold.optional_actors() == frozenset()


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_set("events", 0, "type", value="MEET"), r"events\[0\]: 'type' must be one of AGREE, CONSULT, .* not 'MEET'"),
        (_set("events", 0, "mode", value="summit"), r"events\[0\]: 'mode' of CONSULT must be one of visit, host"),
        (_set("events", 1, "mode", value="treaty"), r"events\[1\]: AGREE has no modes: 'mode' must be null"),
        (_set("events", 0, "source", value=["nobody"]), r"events\[0\]: source 'nobody' is not among the gold actors"),
        (_set("events", 0, "target", value="wadephul"), r"events\[0\]: 'target' must be a list of actor keys"),
        (_set("events", 0, "target", value=["wadephul", "wadephul"]), r"events\[0\]: 'target' lists an actor twice"),
        (_drop("events", 0, "status"), r"events\[0\]: missing field 'status'"),
        (_set("events", 0, "status", value="rumoured"), r"events\[0\]: 'status' must be one of asserted, planned"),
        (_set("events", 0, "date", value="2025-02-30"), r"events\[0\]: 'date' must be an ISO date"),
        (_set("events", 0, "date", value="12 May 2025"), r"events\[0\]: 'date' must be an ISO date"),
        (_set("events", 3, "date", value="2025-13"), r"events\[3\]: 'date' must be an ISO date"),
        (_set("events", 3, "date", value=None), r"events\[3\]: 'date_fixed' is true but 'date' is null"),
        (_set("events", 1, "target", value=["pol"]), r"events\[1\]: a mutual event lists both parties in 'source'"),
        (_set("events", 0, "reported_by", value="rus"), r"events\[0\]: 'reported_by' is only for alleged and denied"),
        (_set("events", 0, "reported_by", value="nobody"), r"events\[0\]: reported_by 'nobody' is not among"),
        (_set("events", 0, "key", value="yes"), r"events\[0\]: 'key' must be true or false"),
        (_set("events", 0, "n", value=0), r"events\[0\]: 'n' must be a whole number from 1"),
        (_set("events", 0, "when", value="Monday"), r"events\[0\]: unknown field 'when'"),
        (
            _set("events", 0, "sentence", value="one two three four five six seven eight nine"),
            r"events\[0\]: 'sentence' must give the first 4 to 8 words",
        ),
        (_set("events", value={"type": "CONSULT"}), r"gold: 'events' must be a list"),
        (_set("events", 2, value="CONSULT"), r"events\[2\] must be an object"),
        (_drop("page", "outlet"), r"page: missing field 'outlet'"),
        (_set("page", "published", value="May 2025"), r"page: 'published' must be an ISO date"),
        (_set("page", "title", value=""), r"page: 'title' must be a non-empty string"),
        (_set("page", "lines", 0, "kind", value="menu"), r"page.lines\[0\]: 'kind' must be one of title, byline"),
        (_set("page", "lines", 1, "starts", value="|"), r"page.lines\[1\]: 'starts' must hold at least one word"),
        (_set("page", "lines", 2, "n", value=-1), r"page.lines\[2\]: 'n' must be a whole number from 1"),
        (_set("page", value=[]), r"page must be an object"),
    ],
)
def test_a_malformed_page_or_event_is_refused_naming_file_and_field(
    tmp_path: Path, change: Change, message: str
) -> None:
    data = copy.deepcopy(BASE)
    change(data)
    path = _write(tmp_path, data)
    with pytest.raises(InputError, match=message) as caught:
        load_gold(path)
    assert caught.value.path == str(path)
    assert "eval/gold/news/README.md" in str(caught.value)


@pytest.mark.parametrize(
    ("value", "valid"),
    [("2025", True), ("2025-05", True), ("2025-05-12", True), ("2024-02-29", True), ("2025-02-29", False),
     ("2025-00", False), ("2025-5-12", False), ("25-05-12", False), ("2025-W19", False)],
)  # fmt: skip
def test_iso_dates_are_checked_at_every_precision(value: str, valid: bool) -> None:
    assert valid_iso_date(value) is valid


def test_the_gold_knows_the_coders_types_and_statuses() -> None:
    assert tuple(plover_modes()) == PLOVER_TYPES
    assert EVENT_STATUSES == STATUSES
