"""The registry of the per-document pipeline's stages: each stage's name and version, and the
fields of the analysis it requires and assigns, declared once, here.

The stage classes (:mod:`newsgraph.pipeline`) read their declaration from here, the pipeline checks
the chain from it when it is built, and the store records with each quotation and event the name
of the stage that made it (``newsgraph.events.v3``) from here too: a new version of a stage is
one edit of this table. A leaf: reading it loads nothing.
"""

from __future__ import annotations

from dataclasses import dataclass

__all__ = ["StageSpec", "STAGES", "stage_spec"]


@dataclass(frozen=True)
class StageSpec:
    """One stage: ``key`` (``events``), ``version``, and what it ``requires`` and ``assigns``
    (fields of :class:`~newsgraph.pipeline.analysis.Analysis`)."""

    key: str
    version: int
    requires: tuple[str, ...]
    assigns: tuple[str, ...]

    @property
    def name(self) -> str:
        """The versioned name stored with the stage's output: ``newsgraph.events.v3``."""
        return f"newsgraph.{self.key}.v{self.version}"


STAGES: tuple[StageSpec, ...] = (
    StageSpec("clean", 1, requires=("raw",), assigns=("cleaned",)),
    StageSpec("metadata", 1, requires=("raw", "cleaned"), assigns=("metadata",)),
    StageSpec("parse", 1, requires=("cleaned",), assigns=("parsed",)),
    StageSpec("actors", 1, requires=("parsed", "metadata"), assigns=("actors", "reading")),
    # quotes v2: speakers on the actors stage's reading, with coreference, reasons and confidence.
    StageSpec("quotes", 2, requires=("parsed", "actors", "reading", "metadata"), assigns=("quotes",)),
    StageSpec("times", 1, requires=("parsed", "metadata"), assigns=("times",)),
    StageSpec("places", 1, requires=("parsed",), assigns=("places",)),
    StageSpec("amounts", 1, requires=("parsed",), assigns=("amounts",)),
    # events v2: events carry date_basis and may take their date from their context or the
    # article; v3: every event carries a confidence.
    StageSpec("events", 3, requires=("parsed", "reading", "quotes", "metadata", "times", "places"), assigns=("events",)),
)
"""The stages of the default pipeline, in the order it runs them."""

_BY_KEY = {spec.key: spec for spec in STAGES}


def stage_spec(key: str) -> StageSpec:
    """The declaration of the stage ``key``; raises KeyError naming the known keys."""
    try:
        return _BY_KEY[key]
    except KeyError:
        raise KeyError(f"no stage {key!r}; the stages are {', '.join(_BY_KEY)}") from None
