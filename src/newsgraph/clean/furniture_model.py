"""The furniture classifier: how likely a line no furniture rule names is page furniture.

A logistic function of the line's features (:mod:`newsgraph.clean.line_features`): the intercept,
the weights and the threshold over which a line is furniture are data
(``src/newsgraph/data/furniture.json``), fitted on the tuning half of the real-news gold set by
:mod:`newsgraph.evaluation.furniture_fit`, which says there what it was fitted on and how the
threshold was chosen (the lowest that removes no body line of the tuning pages, raised by a margin).
"""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from types import MappingProxyType
from typing import Any

from newsgraph.clean.line_features import FEATURE_NAMES
from newsgraph.errors import PipelineError

__all__ = ["FurnitureModel", "furniture_model", "MODEL_FILE"]

MODEL_FILE = "furniture.json"


@dataclass(frozen=True)
class FurnitureModel:
    """Intercept, one weight per feature name, and the probability over which a line is furniture."""

    intercept: float
    weights: Mapping[str, float]
    threshold: float
    fitted_on: str = ""

    def probability(self, features: Mapping[str, float]) -> float:
        """How likely a line with these feature values is furniture, in [0, 1]."""
        score = self.intercept + sum(self.weights.get(name, 0.0) * value for name, value in features.items())
        return 1.0 / (1.0 + math.exp(-max(-60.0, min(60.0, score))))

    def is_furniture(self, features: Mapping[str, float]) -> bool:
        return self.probability(features) >= self.threshold

    @classmethod
    def from_json(cls, data: Mapping[str, Any], where: str = MODEL_FILE) -> FurnitureModel:
        """The model a data file describes; raises PipelineError naming ``where`` when it is wrong."""
        try:
            weights = {str(name): float(value) for name, value in data["weights"].items()}
            model = cls(float(data["intercept"]), MappingProxyType(weights), float(data["threshold"]), str(data.get("fitted_on", "")))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            raise PipelineError(f"{where}: not a furniture model ({error}); refit it with python -m newsgraph.evaluation.furniture_fit") from error
        unknown = sorted(set(weights) - set(FEATURE_NAMES))
        if unknown:
            raise PipelineError(f"{where}: unknown features {unknown}; refit it with python -m newsgraph.evaluation.furniture_fit")
        return model


@cache
def furniture_model() -> FurnitureModel:
    """The packaged model."""
    data = json.loads((files("newsgraph") / "data" / MODEL_FILE).read_text(encoding="utf-8"))
    return FurnitureModel.from_json(data)
