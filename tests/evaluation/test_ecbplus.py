"""Reading a cross-document gold folder (docs.jsonl, mentions.jsonl) into gold clusterings.

The fixture is invented, in the ECB+ layout: one topic (a harbour fire) split into two subtopics
(two different fires), plus a second topic.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from newsgraph.errors import InputError
from newsgraph.evaluation.ecbplus import load_crossdoc_gold

DOCS = [
    {"id": "1_1ecb", "topic": "1", "subtopic": "1ecb", "text": "Fire destroys warehouse at Kestrel harbour."},
    {"id": "1_2ecb", "topic": "1", "subtopic": "1ecb", "text": "A blaze gutted a Kestrel harbour warehouse on Monday."},
    {"id": "1_1ecbplus", "topic": "1", "subtopic": "1ecbplus", "text": "Second fire in a year hits Kestrel docks."},
    {"id": "2_1ecb", "topic": "2", "subtopic": "2ecb", "text": "Ferry strike called off after talks."},
]
MENTIONS = [
    {"doc": "1_1ecb", "start": 0, "end": 4, "cluster": "fire-1", "text": "Fire"},
    {"doc": "1_2ecb", "start": 2, "end": 7, "cluster": "fire-1", "text": "blaze"},
    {"doc": "1_1ecbplus", "start": 7, "end": 11, "cluster": "fire-2"},
    {"doc": "2_1ecb", "start": 6, "end": 12, "cluster": "strike"},
]


def write_folder(folder: Path, docs: list[Any], mentions: list[Any] | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "docs.jsonl").write_text("".join(json.dumps(row) + "\n" for row in docs), encoding="utf-8")
    if mentions is not None:
        (folder / "mentions.jsonl").write_text("".join(json.dumps(row) + "\n" for row in mentions), encoding="utf-8")
    return folder


def test_stories_are_the_subtopics(tmp_path: Path) -> None:
    gold = load_crossdoc_gold(write_folder(tmp_path, DOCS, MENTIONS))
    assert gold.stories() == {"1_1ecb": "1ecb", "1_2ecb": "1ecb", "1_1ecbplus": "1ecbplus", "2_1ecb": "2ecb"}
    assert gold.topics() == {"1_1ecb": "1", "1_2ecb": "1", "1_1ecbplus": "1", "2_1ecb": "2"}
    assert gold.texts()["2_1ecb"] == "Ferry strike called off after talks."


def test_event_chains_are_keyed_by_document_and_offsets(tmp_path: Path) -> None:
    gold = load_crossdoc_gold(write_folder(tmp_path, DOCS, MENTIONS))
    chains = gold.event_chains()
    assert chains[("1_1ecb", 0, 4)] == chains[("1_2ecb", 2, 7)] == "fire-1"
    assert chains[("1_1ecbplus", 7, 11)] == "fire-2"
    assert DOCS[2]["text"][7:11] == "fire"


def test_mentions_are_optional(tmp_path: Path) -> None:
    gold = load_crossdoc_gold(write_folder(tmp_path, DOCS))
    assert gold.mentions == ()
    assert gold.event_chains() == {}


def test_blank_lines_are_skipped(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, DOCS)
    (folder / "docs.jsonl").write_text("\n" + (folder / "docs.jsonl").read_text(encoding="utf-8") + "\n\n", encoding="utf-8")
    assert len(load_crossdoc_gold(folder).documents) == 4


def replace(rows: list[dict[str, Any]], index: int, **changes: Any) -> list[Any]:
    changed = [dict(row) for row in rows]
    changed[index].update(changes)
    return changed


@pytest.mark.parametrize(
    ("docs", "mentions", "where", "problem"),
    [
        (DOCS + [DOCS[0]], None, "docs.jsonl", "document id '1_1ecb' is used twice"),
        (replace(DOCS, 1, subtopic=""), None, "docs.jsonl#2", "'subtopic' must be a non-empty string"),
        (replace(DOCS, 0, sumary="x"), None, "docs.jsonl#1", "unknown field 'sumary'"),
        ([{"id": "a", "topic": "1", "text": "t"}], None, "docs.jsonl#1", "missing field 'subtopic'"),
        (DOCS, replace(MENTIONS, 0, doc="9_9ecb"), "mentions.jsonl#1", "document '9_9ecb' is not in docs.jsonl"),
        (DOCS, replace(MENTIONS, 2, end=400), "mentions.jsonl#3", "offsets 7:400 are not a span"),
        (DOCS, replace(MENTIONS, 2, start=-1), "mentions.jsonl#3", "'start' must be a whole number from 0"),
        (DOCS, replace(MENTIONS, 1, text="fire"), "mentions.jsonl#2", "the span 2:7 reads 'blaze'"),
        (DOCS, MENTIONS + [MENTIONS[0]], "mentions.jsonl", "is listed twice"),
        ([], None, "docs.jsonl", "holds no document"),
    ],
    ids=[
        "duplicate-id", "empty-subtopic", "unknown-field", "missing-field", "unknown-document",
        "span-past-end", "negative-start", "drifted-offsets", "duplicate-mention", "empty",
    ],
)  # fmt: skip
def test_bad_gold_names_the_file_line_and_problem(
    tmp_path: Path, docs: list[Any], mentions: list[Any] | None, where: str, problem: str
) -> None:
    folder = write_folder(tmp_path, docs, mentions)
    with pytest.raises(InputError) as raised:
        load_crossdoc_gold(folder)
    assert raised.value.path.endswith(where)
    assert problem in raised.value.problem


def test_a_line_that_is_not_json_is_named(tmp_path: Path) -> None:
    folder = write_folder(tmp_path, DOCS)
    with (folder / "docs.jsonl").open("a", encoding="utf-8") as handle:
        handle.write("{not json\n")
    with pytest.raises(InputError, match=r"docs\.jsonl#5: not valid JSON"):
        load_crossdoc_gold(folder)


def test_a_missing_folder_is_named(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"docs\.jsonl: no such file"):
        load_crossdoc_gold(tmp_path / "nowhere")
