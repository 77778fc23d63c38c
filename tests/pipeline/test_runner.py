from __future__ import annotations

from dataclasses import dataclass

import pytest

from newsgraph.errors import PipelineError
from newsgraph.pipeline import Analysis, Pipeline, default_pipeline
from newsgraph.records import RawArticle


@dataclass(frozen=True)
class FakeStage:
    name: str
    requires: tuple[str, ...]
    assigns: tuple[str, ...]
    fail: bool = False
    assign: bool = True

    def __call__(self, analysis: Analysis) -> Analysis:
        if self.fail:
            raise ValueError("boom")
        return analysis


RAW = RawArticle(source="a.txt", format="text", raw_text="Some text.", raw_sha="x")


def test_a_stage_requiring_what_no_earlier_stage_assigns_is_refused_when_built() -> None:
    with pytest.raises(PipelineError, match="requires parsed"):
        Pipeline([FakeStage("test.actors.v1", ("parsed",), ("actors",))])


def test_a_stage_naming_an_unknown_field_is_refused() -> None:
    with pytest.raises(PipelineError, match="unknown fields: colour"):
        Pipeline([FakeStage("test.v1", ("raw",), ("colour",))])


def test_a_failing_stage_is_named_in_the_error() -> None:
    pipeline = Pipeline([FakeStage("test.clean.v1", ("raw",), ("cleaned",), fail=True)])
    with pytest.raises(PipelineError, match="a.txt: stage test.clean.v1 failed: boom"):
        pipeline(RAW)


def test_a_stage_that_does_not_assign_what_it_promised_is_caught() -> None:
    pipeline = Pipeline([FakeStage("test.clean.v1", ("raw",), ("cleaned",))])
    with pytest.raises(PipelineError, match="did not assign cleaned"):
        pipeline(RAW)


def test_the_default_pipeline_names_its_versioned_stages_in_order() -> None:
    assert default_pipeline().names == [
        "newsgraph.clean.v1",
        "newsgraph.metadata.v1",
        "newsgraph.parse.v1",
        "newsgraph.actors.v1",
        "newsgraph.quotes.v1",
        "newsgraph.times.v1",
        "newsgraph.places.v1",
        "newsgraph.amounts.v1",
    ]
