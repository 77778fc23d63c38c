"""Build a pipeline from stages, check their contracts, and run it over one article."""

from __future__ import annotations

from collections.abc import Sequence
from typing import ClassVar, Protocol

from newsgraph.errors import PipelineError
from newsgraph.pipeline.analysis import ANALYSIS_FIELDS, Analysis
from newsgraph.pipeline.budget import Budget
from newsgraph.records import RawArticle
from newsgraph.registry import StageSpec, stage_spec

__all__ = ["Stage", "RegisteredStage", "Pipeline"]


_WARM_UP = RawArticle(
    source="newsgraph:warm-up",
    format="text",
    raw_text="Ministers meet in Lima\n\nForeign ministers of Chile and Peru met in Lima on Monday, officials said.\n\n"
    '"We agreed to keep talking," said Ana Ruiz, a spokeswoman for the Chilean foreign ministry.\n',
    raw_sha="newsgraph:warm-up",
)


class Stage(Protocol):
    """One pipeline stage. ``name`` is versioned (``newsgraph.clean.v1``) and stored with the output."""

    @property
    def name(self) -> str: ...

    @property
    def requires(self) -> tuple[str, ...]: ...

    @property
    def assigns(self) -> tuple[str, ...]: ...

    def __call__(self, analysis: Analysis) -> Analysis: ...


class RegisteredStage:
    """A stage declared in :data:`newsgraph.registry.STAGES` under ``key``: its name, version and
    what it requires and assigns are read from there, never written twice."""

    key: ClassVar[str]

    @property
    def spec(self) -> StageSpec:
        return stage_spec(self.key)

    @property
    def name(self) -> str:
        return self.spec.name

    @property
    def requires(self) -> tuple[str, ...]:
        return self.spec.requires

    @property
    def assigns(self) -> tuple[str, ...]:
        return self.spec.assigns


class Pipeline:
    """Stages in order, checked on construction. With ``max_seconds``, an article that takes more
    CPU time than that is stopped (:class:`~newsgraph.pipeline.budget.OverBudget`) and skipped."""

    def __init__(self, stages: Sequence[Stage], *, max_seconds: float | None = None) -> None:
        self.max_seconds = max_seconds
        self._warm = max_seconds is None
        available = {"raw"}
        for stage in stages:
            unknown = (set(stage.requires) | set(stage.assigns)) - ANALYSIS_FIELDS
            if unknown:
                raise PipelineError(f"stage {stage.name} names unknown fields: {', '.join(sorted(unknown))}")
            missing = set(stage.requires) - available
            if missing:
                raise PipelineError(
                    f"stage {stage.name} requires {', '.join(sorted(missing))}, which no earlier stage assigns"
                )
            available |= set(stage.assigns)
        self.stages = tuple(stages)

    @property
    def names(self) -> list[str]:
        return [stage.name for stage in self.stages]

    @property
    def signature(self) -> str:
        """The versioned stage names, stored with every record the pipeline makes."""
        return ",".join(self.names)

    def __call__(self, raw: RawArticle) -> Analysis:
        self._warm_up()
        analysis = self._start(raw)
        for stage in self.stages:
            analysis = self._run(stage, analysis)
        return analysis

    def run_batch(self, raws: Sequence[RawArticle]) -> list[Analysis | PipelineError]:
        """Every article through every stage, in order; a stage with a ``batch`` method (the parse)
        gets all the articles still going at once, and answers each with its analysis or the
        :class:`PipelineError` that stopped it. A failure stops only its own article."""
        self._warm_up()
        results: list[Analysis | PipelineError] = [self._start(raw) for raw in raws]
        for stage in self.stages:
            going = [i for i, result in enumerate(results) if isinstance(result, Analysis)]
            batch = getattr(stage, "batch", None)
            if batch is not None and len(going) > 1:
                try:
                    done: list[Analysis | PipelineError] = batch([results[i] for i in going])
                except Exception:  # noqa: BLE001 - one bad article must not fail the batch: retry one by one
                    pass
                else:
                    for i, outcome in zip(going, done):
                        try:
                            results[i] = outcome if isinstance(outcome, PipelineError) else self._checked(stage, outcome)
                        except PipelineError as error:
                            results[i] = error
                    continue
            for i in going:
                current = results[i]
                assert isinstance(current, Analysis)
                try:
                    results[i] = self._run(stage, current)
                except PipelineError as error:
                    results[i] = error
        return results

    def _warm_up(self) -> None:
        """Before the first budgeted article, run a short one through every stage unbudgeted, so
        what the stages load once (the language model, the knowledge base, the gazetteers) is
        not counted against whichever article happens to come first."""
        if self._warm:
            return
        self._warm = True
        analysis = Analysis(raw=_WARM_UP)
        for stage in self.stages:
            analysis = self._run(stage, analysis)

    def _start(self, raw: RawArticle) -> Analysis:
        budget = Budget(raw.source, self.max_seconds) if self.max_seconds is not None else None
        return Analysis(raw=raw, budget=budget)

    def _run(self, stage: Stage, analysis: Analysis) -> Analysis:
        try:
            if analysis.budget is None:
                analysis = stage(analysis)
            else:
                with analysis.budget.charging(stage.name):
                    analysis = stage(analysis)
        except PipelineError:
            raise
        except Exception as error:
            raise PipelineError(f"{analysis.raw.source}: stage {stage.name} failed: {error}") from error
        return self._checked(stage, analysis)

    @staticmethod
    def _checked(stage: Stage, analysis: Analysis) -> Analysis:
        for field in stage.assigns:
            if getattr(analysis, field) is None:
                raise PipelineError(f"{analysis.raw.source}: stage {stage.name} did not assign {field}")
        return analysis
