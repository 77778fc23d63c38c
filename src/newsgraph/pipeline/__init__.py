"""The per-document pipeline: named, versioned stages run in order over one article.

Each stage says which fields of :class:`Analysis` it ``requires`` and which it ``assigns``; the
:class:`Pipeline` checks the chain when it is built (not after 3,000 documents), checks after each
stage that it assigned what it promised, and re-raises a failure with the stage's name.
"""

from newsgraph.pipeline.analysis import Analysis, FoundQuote
from newsgraph.pipeline.nlp_stages import ActorsStage, ParseStage, QuotesStage
from newsgraph.pipeline.runner import Pipeline, Stage
from newsgraph.pipeline.stages import CleanStage, MetadataStage, default_pipeline

__all__ = [
    "Analysis",
    "FoundQuote",
    "Pipeline",
    "Stage",
    "CleanStage",
    "MetadataStage",
    "ParseStage",
    "ActorsStage",
    "QuotesStage",
    "default_pipeline",
]
