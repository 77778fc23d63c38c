"""The registry declares each stage once: the stages, the pipeline and the store read it; the heavy
resources are given to the stages when the pipeline is built, never loaded while it runs."""

from __future__ import annotations

import sys
from datetime import date
from typing import Any

import pytest

from newsgraph.pipeline import default_pipeline
from newsgraph.records import RawArticle
from newsgraph.registry import STAGES, stage_spec
from newsgraph.store.rows import document_rows
from newsgraph.documents import build_document

ARTICLE = RawArticle(
    source="summit.txt",
    format="text",
    raw_text="Leaders meet in Hanoi\n\nRussian President Vladimir Putin met Vietnamese President To Lam in Hanoi "
    'on Wednesday.\n\n"We will work together," Putin said.\n',
    raw_sha="sha-summit",
    given={"published": "2024-06-19"},
)
LOADERS = ("load_nlp", "load_knowledge_base", "load_gazetteer", "default_resolver", "load_patterns", "load_ontology")


def test_the_default_pipeline_runs_the_registered_stages_as_declared() -> None:
    stages = default_pipeline(date(2024, 6, 20)).stages
    assert [stage.name for stage in stages] == [spec.name for spec in STAGES]
    assert [(stage.requires, stage.assigns) for stage in stages] == [(spec.requires, spec.assigns) for spec in STAGES]


def test_stored_quotations_and_events_name_their_registered_stage() -> None:
    document = build_document(default_pipeline(date(2024, 6, 20))(ARTICLE))
    rows = document_rows([document], [], "test")
    assert rows["quotes"] and {row["stage"] for row in rows["quotes"]} == {stage_spec("quotes").name}
    assert rows["events"] and {row["stage"] for row in rows["events"]} == {stage_spec("events").name}


def test_an_unknown_stage_is_named_with_the_known_ones() -> None:
    with pytest.raises(KeyError, match="no stage 'colour'; the stages are clean, metadata, parse"):
        stage_spec("colour")


def test_a_built_pipeline_loads_nothing_while_it_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    pipeline = default_pipeline(date(2024, 6, 20))
    expected = build_document(pipeline(ARTICLE))

    def refuse(*args: Any, **kwargs: Any) -> None:
        raise AssertionError("a stage loaded a resource while running")

    for name, module in list(sys.modules.items()):
        if name.startswith("newsgraph"):
            for loader in LOADERS:
                if hasattr(module, loader):
                    monkeypatch.setattr(module, loader, refuse)
    found = build_document(pipeline(ARTICLE))
    assert [event.id for event in found.events] == [event.id for event in expected.events]
    assert [actor.id for actor in found.actors] == [actor.id for actor in expected.actors]
