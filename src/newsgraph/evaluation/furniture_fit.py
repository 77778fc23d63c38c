"""Fit the furniture classifier on annotated pages: ``python -m newsgraph.evaluation.furniture_fit``.

Every line of the **tuning half** of the real-news gold set that no furniture rule names is a row:
a line the gold lists as ``junk`` is furniture, a body line or a headline is not (bylines, stamps,
datelines and captions are other steps' and left out). The lines of the seed articles that survive
cleaning are added as lines that are not furniture: the user's own pages must keep their text. The
weights are fitted by L2-regularised logistic regression
(:func:`~newsgraph.evaluation.confidence_fit.fit_logistic`); the threshold is the lowest
probability that no body line of the tuning pages reaches, raised by :data:`MARGIN`, so that the
classifier only removes lines surer than any body line it was shown. The held-back half is never
read here: ``newsgraph eval --news`` judges it afterwards, as totals.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path

from newsgraph.clean.characters import normalise_characters
from newsgraph.clean.furniture import furniture_rule, _mark_cookie_notices, _mark_neighbourhoods
from newsgraph.clean.furniture_model import FurnitureModel
from newsgraph.clean.line_features import FEATURE_NAMES, page_features
from newsgraph.evaluation.confidence_fit import Labelled, fit_logistic
from newsgraph.evaluation.news_set import load_news_set
from newsgraph.evaluation.page_scorer import listed_line_kinds
from newsgraph.metadata.stamps import stamp_prefix
from newsgraph.textmap import TrackedText

__all__ = ["MARGIN", "labelled_lines", "page_rows", "main"]

_MODEL = Path(__file__).resolve().parent.parent / "data" / "furniture.json"
_L2 = 0.3
MARGIN = 0.05
_NEGATIVE_KINDS = frozenset({"title"})


def page_rows(raw: str, kinds: dict[int, str] | None) -> list[Labelled]:
    """The rows of one page: each line no rule names, labelled by ``kinds`` (raw line number to
    gold kind; every line not in it is body). ``kinds`` None: every such line is body."""
    text = TrackedText(raw)
    text, _ = text.apply(normalise_characters(text).edits)
    lines: list[tuple[int, int, str]] = []
    for start, end, line in text.lines():
        prefix = stamp_prefix(line)
        cut = prefix.end() if prefix is not None else 0
        lines.append((start + cut, end, line[cut:]))
    reasons = [furniture_rule(line) for _, _, line in lines]
    _mark_cookie_notices(lines, reasons)
    _mark_neighbourhoods(lines, reasons)
    rows: list[Labelled] = []
    for number, values in enumerate(page_features([line for _, _, line in lines], reasons)):
        if values is None or reasons[number] is not None:
            continue
        kind = (kinds or {}).get(number)
        if kind is None or kind in _NEGATIVE_KINDS:
            rows.append((values, False))
        elif kind == "junk":
            rows.append((values, True))
    return rows


def labelled_lines(folder: Path, seeds: Path | None, half: str = "tuning") -> list[Labelled]:
    """The rows of every page of the ``half`` of the gold set in ``folder``, and of the seeds."""
    rows: list[Labelled] = []
    for article in load_news_set(folder).articles:
        if article.half != half:
            continue
        raw = article.path.read_text(encoding="utf-8")
        rows.extend(page_rows(raw, listed_line_kinds(article.gold, raw)))
    if seeds is not None and seeds.is_dir():
        for path in sorted(seeds.glob("*.txt")):
            rows.extend(page_rows(path.read_text(encoding="utf-8"), None))
    return rows


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold/news"), help="the real-news gold folder")
    parser.add_argument("--seeds", type=Path, default=Path("../shared/corpus/seeds"), help="the seed articles")
    parser.add_argument("--out", type=Path, default=_MODEL, help="the model file to write")
    parser.add_argument("--l2", type=float, default=_L2, help="the L2 penalty on the weights")
    args = parser.parse_args(argv)
    rows = labelled_lines(args.gold, args.seeds)
    intercept, weights = fit_logistic(rows, args.l2, FEATURE_NAMES)
    model = FurnitureModel(intercept, weights, 1.0)
    body = [model.probability(values) for values, junk in rows if not junk]
    junk = [model.probability(values) for values, is_junk in rows if is_junk]
    threshold = min(0.99, max(body, default=0.0) + MARGIN)
    caught = sum(1 for probability in junk if probability >= threshold)
    summary = {
        "fitted_on": (
            f"the tuning half of {args.gold.as_posix()} and the seed articles ({len(rows)} lines no rule names: "
            f"{len(junk)} junk, {len(body)} body or headline), L2 {args.l2}; threshold: the highest body line's "
            f"probability ({max(body, default=0.0):.3f}) plus {MARGIN}; by python -m newsgraph.evaluation.furniture_fit"
        ),
        "threshold": round(threshold, 4),
        "intercept": round(intercept, 4),
        "weights": weights,
    }
    args.out.write_text(json.dumps(summary, indent=2) + "\n", encoding="utf-8")
    print(f"fitted on {len(rows)} lines ({len(junk)} junk); threshold {threshold:.3f} catches {caught} of them; wrote {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
