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
        "newsgraph.quotes.v2",
        "newsgraph.times.v1",
        "newsgraph.places.v1",
        "newsgraph.amounts.v1",
        "newsgraph.events.v3",
    ]


@dataclass(frozen=True)
class PickyBatchStage:
    """Fails on the article called bad.txt, alone or in a batch."""

    name: str = "test.clean.v1"
    requires: tuple[str, ...] = ("raw",)
    assigns: tuple[str, ...] = ("metadata",)

    def __call__(self, analysis: Analysis) -> Analysis:
        if analysis.raw.source == "bad.txt":
            raise ValueError("cannot read this one")
        from newsgraph.records import Metadata

        analysis.metadata = Metadata(title=analysis.raw.source)
        return analysis

    def batch(self, analyses: list[Analysis]) -> list[Analysis]:
        return [self(analysis) for analysis in analyses]


def test_a_failing_article_in_a_batch_fails_alone() -> None:
    raws = [RawArticle(source=name, format="text", raw_text="x", raw_sha=name) for name in ("a.txt", "bad.txt", "c.txt")]
    results = Pipeline([PickyBatchStage()]).run_batch(raws)
    assert [r.metadata.title if isinstance(r, Analysis) else str(r) for r in results] == [  # type: ignore[union-attr]
        "a.txt",
        "bad.txt: stage test.clean.v1 failed: cannot read this one",
        "c.txt",
    ]
