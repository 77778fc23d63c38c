"""Gold files: a valid one loads into records; a malformed one is refused with its name and the field at fault."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from evaluation.ruiz_case import gold_data, make_gold

from newsgraph.errors import InputError
from newsgraph.evaluation import load_gold, load_gold_folder, load_gold_set


def test_a_valid_gold_file_loads_with_defaults(tmp_path: Path) -> None:
    path = tmp_path / "ruiz.json"
    path.write_text(json.dumps(gold_data()), encoding="utf-8")
    gold = load_gold(path)
    assert gold.path == str(path)
    assert gold.actor("tomas").kb_id is None
    assert gold.quotes[1].where == "body" and gold.quotes[1].n == 1 and not gold.quotes[1].continues
    assert gold.quotes[3].continues
    assert gold.quotes[4].speakers == ("tomas",)


def test_an_actor_mentioned_only_optionally_is_optional() -> None:
    data = gold_data()
    data["mentions"] = [mention for mention in data["mentions"] if mention["text"] != "Portugal"]
    assert make_gold(data).optional_actors() == frozenset({"prt"})


def _set(path: tuple[Any, ...], value: Any) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        target[path[-1]] = value

    return change


def _drop(path: tuple[Any, ...]) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        target: Any = data
        for step in path[:-1]:
            target = target[step]
        del target[path[-1]]

    return change


def _drop_mentions_of(key: str) -> Callable[[dict[str, Any]], None]:
    def change(data: dict[str, Any]) -> None:
        data["mentions"] = [mention for mention in data["mentions"] if mention["actor"] != key]

    return change


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (_drop(("article",)), "missing field 'article'"),
        (_set(("speakr",), "ana"), "unknown field 'speakr'"),
        (_set(("published",), "March 2024"), "'published' must be an ISO date"),
        (_set(("actors", 0, "type"), "politician"), r"actors\[0\]: 'type' must be one of"),
        (_set(("actors", 0, "country"), "Portugal"), r"actors\[0\]: 'country' must be an ISO 3166 alpha-3"),
        (_set(("actors", 1, "key"), "ana"), "actor key 'ana' is used twice"),
        (_set(("mentions", 1, "actor"), "nobody"), r"mentions\[1\]: actor 'nobody' is not among the gold actors"),
        (_set(("mentions", 1, "n"), 0), r"mentions\[1\]: 'n' must be a whole number from 1"),
        (_set(("mentions", 1, "optional"), "yes"), r"mentions\[1\]: 'optional' must be true or false"),
        (_set(("quotes", 1, "kind"), "reported"), r"quotes\[1\]: 'kind' must be one of"),
        (
            _set(("quotes", 1, "starts"), "one two three four five six seven"),
            r"quotes\[1\]: 'starts' must give the first 1 to 6 words",
        ),
        (_set(("quotes", 1, "speaker"), "nobody"), r"quotes\[1\]: speaker 'nobody' is not among the gold actors"),
        (_set(("quotes", 1, "speaker"), 3), r"quotes\[1\]: 'speaker' must be an actor key"),
        (_set(("quotes", 1, "where"), "caption"), r"quotes\[1\]: 'where' must be one of"),
        (_drop_mentions_of("ana"), "actor 'ana' has no mention"),
        (_set(("actors",), {"key": "ana"}), "'actors' must be a list"),
    ],
)
def test_a_malformed_gold_file_is_refused_naming_file_and_field(
    tmp_path: Path, change: Callable[[dict[str, Any]], None], message: str
) -> None:
    data = gold_data()
    change(data)
    path = tmp_path / "broken.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(InputError, match=message) as caught:
        load_gold(path)
    assert caught.value.path == str(path)
    assert "eval/README.md" in str(caught.value)


def test_a_gold_file_without_mentions_needs_none_and_makes_no_actor_optional() -> None:
    data = gold_data()
    data["mentions"] = []
    gold = make_gold(data)
    assert not gold.scores_mentions
    assert gold.optional_actors() == frozenset()
    assert gold.page is None and gold.events is None


@pytest.mark.parametrize("content", ["{not json", "[1, 2]", ""])
def test_a_file_that_is_not_one_json_object_is_refused(tmp_path: Path, content: str) -> None:
    path = tmp_path / "bad.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match="bad.json"):
        load_gold(path)


def test_a_gold_set_pairs_each_gold_file_with_its_article(tmp_path: Path) -> None:
    (tmp_path / "articles").mkdir()
    (tmp_path / "ruiz.json").write_text(json.dumps(gold_data()), encoding="utf-8")
    with pytest.raises(InputError, match="ruiz.json.*'ruiz.txt' is not in"):
        load_gold_set(tmp_path, tmp_path / "articles")
    (tmp_path / "articles" / "ruiz.txt").write_text("text", encoding="utf-8")
    [(gold, article)] = load_gold_set(tmp_path, tmp_path / "articles")
    assert (gold.article, article) == ("ruiz.txt", tmp_path / "articles" / "ruiz.txt")


def test_a_missing_gold_folder_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such gold folder"):
        load_gold_folder(tmp_path / "absent")
