"""Fit the event confidence model on annotated real news: ``python -m newsgraph.evaluation.confidence_fit``.

The coder gives every event a confidence, a logistic function of the features
:mod:`newsgraph.events.confidence` reads (:func:`~newsgraph.events.confidence.feature_values`).
This module runs the pipeline on the **tuning half** of the real-news gold set, labels each coded
event fully right or not with the same scorer as ``newsgraph eval --news``, fits the weights by
L2-regularised logistic regression (Newton's method, NumPy), and writes them to the model's data
file, saying what they were fitted on. The held-back half is never read here: its calibration is
judged afterwards by ``newsgraph eval --news``, as totals.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

import numpy as np

from newsgraph.evaluation.news_run import predicted_events, score_news_article
from newsgraph.evaluation.run import analysed_half
from newsgraph.events.confidence import FEATURE_NAMES
from newsgraph.pipeline import Pipeline, default_pipeline

__all__ = ["Labelled", "fit_logistic", "labelled_events", "main"]

Labelled = tuple[Mapping[str, float], bool]
"""An event's feature values and whether the gold says it was coded fully right."""

_MODEL = Path(__file__).resolve().parent.parent / "data" / "events" / "confidence.json"
_L2 = 1.0
_ITERATIONS = 50


def labelled_events(folder: Path, half: str = "tuning", pipeline: Pipeline | None = None) -> list[Labelled]:
    """Every event the pipeline codes in the ``half`` of the gold set in ``folder``, with its
    feature values and whether it is fully right (a fully right report of a background event
    counts as right)."""
    # Every event the coder drafts, the ones under the model's floor too: the fit decides the floor.
    pipeline = pipeline or default_pipeline(date.today(), confidence_floor=0.0)
    rows: list[Labelled] = []
    for article, analysis, document in analysed_half(folder, half, pipeline):
        found = analysis.events or []
        _, result = score_news_article(article, document, predicted_events(document, found))
        right = {event_id for _, event_id in result.matched}
        for stored, dated in zip(document.events, found):
            if dated.event.features is not None:
                rows.append((dated.event.features, stored.id in right))
    return rows


def fit_logistic(
    rows: Sequence[Labelled], l2: float = _L2, names: Sequence[str] = FEATURE_NAMES
) -> tuple[float, dict[str, float]]:
    """The intercept and weights (one per feature in ``names``) of an L2-regularised logistic
    regression of rightness on the features; the intercept is not penalised."""
    if not rows:
        raise ValueError("no labelled rows to fit on")
    x = np.array([[1.0] + [values[name] for name in names] for values, _ in rows])
    y = np.array([1.0 if right else 0.0 for _, right in rows])
    penalty = np.eye(x.shape[1]) * l2
    penalty[0, 0] = 0.0
    beta = np.zeros(x.shape[1])
    for _ in range(_ITERATIONS):
        p = 1.0 / (1.0 + np.exp(-(x @ beta)))
        gradient = x.T @ (p - y) + penalty @ beta
        hessian = (x.T * (p * (1 - p))) @ x + penalty
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if float(np.max(np.abs(step))) < 1e-8:
            break
    return float(beta[0]), {name: round(float(weight), 4) for name, weight in zip(names, beta[1:])}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold/news"), help="the real-news gold folder")
    parser.add_argument("--out", type=Path, default=_MODEL, help="the model file to write")
    parser.add_argument("--l2", type=float, default=_L2, help="the L2 penalty on the weights")
    args = parser.parse_args(argv)
    rows = labelled_events(args.gold)
    intercept, weights = fit_logistic(rows, args.l2)
    current = json.loads(args.out.read_text(encoding="utf-8")) if args.out.is_file() else {}
    right = sum(1 for _, ok in rows if ok)
    model = {
        "fitted_on": (
            f"the tuning half of {args.gold.as_posix()} ({len(rows)} coded events, {right} fully right), "
            f"L2 {args.l2}, by python -m newsgraph.evaluation.confidence_fit"
        ),
        "threshold": current.get("threshold", 0.5),
        "floor": current.get("floor", 0.0),
        "intercept": round(intercept, 4),
        "weights": weights,
    }
    args.out.write_text(json.dumps(model, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {len(rows)} events ({right} right); wrote {args.out}")
    print("on the tuning half, by confidence cut (to choose the floor and the threshold):")
    print("  at least   events   right   precision   share of the right ones kept")
    scored = [(_score(intercept, weights, values), ok) for values, ok in rows]
    for cut in (0.0, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4, 0.5, 0.6):
        kept = [ok for confidence, ok in scored if confidence >= cut]
        share = sum(kept) / right if right else 0.0
        print(f"  {cut:8.2f} {len(kept):8d} {sum(kept):7d} {sum(kept) / max(1, len(kept)):11.2f} {share:12.2f}")
    return 0


def _score(intercept: float, weights: Mapping[str, float], values: Mapping[str, float]) -> float:
    total = intercept + sum(weights[name] * values[name] for name in FEATURE_NAMES)
    return 1.0 / (1.0 + math.exp(-total))


if __name__ == "__main__":
    sys.exit(main())
