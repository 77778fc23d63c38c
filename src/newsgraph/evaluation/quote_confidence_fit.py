"""Set the quote speakers' confidences from annotated real news: ``python -m newsgraph.evaluation.quote_confidence_fit``.

A resolved speaker's ``confidence`` is a logistic model of its attribution's evidence
(:class:`newsgraph.actors.speakers.SpeakerEvidence`: how it was found, whether a speech cue
attributed it, how far the speaker's words and the actor's last appearance stand from the
quotation, how many rival actors stand around it); an unresolved speaker's is one rate per reason
(there, "right" means the gold names no speaker either). This module runs the pipeline on the
**tuning half** of the real-news gold set, pairs its quotations with the gold ones as
``newsgraph eval --news`` does, fits the model's weights by L2-penalised maximum likelihood and
each reason's rate, smoothed towards the overall rate (``(right + k * overall) / (found + k)``), and
writes them to ``data/quotes/confidence.json``, saying what it was fitted on. The held-back half is
never read here: ``newsgraph eval --news`` judges it afterwards, as totals.
"""

from __future__ import annotations

import argparse
import json
import math
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.actors.speakers import SpeakerEvidence, cued, evidence_features
from newsgraph.evaluation.anchors import locate_gold
from newsgraph.evaluation.gold import GoldDocument, load_gold_set
from newsgraph.evaluation.matching import ActorMatcher, pair_spans
from newsgraph.evaluation.run import analysed_file, analysed_half, document_predictions
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.pipeline.analysis import Analysis, FoundQuote
from newsgraph.records import Document

__all__ = ["LabelledSpeaker", "labelled_gold_set", "labelled_speakers", "logistic_weights", "rates", "main"]

_TABLE = Path(__file__).resolve().parent.parent / "data" / "quotes" / "confidence.json"
_SMOOTHING = 5.0
_PENALTY = 2.0
_STEPS = 50
_BIAS_SHRINK = 0.01


@dataclass(frozen=True)
class LabelledSpeaker:
    """The evidence of a found quotation's speaker and whether the gold says it is right."""

    evidence: SpeakerEvidence
    right: bool

    @property
    def how(self) -> str | None:
        return self.evidence.how

    @property
    def reason(self) -> str | None:
        return self.evidence.reason

    @property
    def cued(self) -> bool:
        return self.evidence.cued


def labelled_speakers(folder: Path, half: str = "tuning", pipeline: Pipeline | None = None) -> list[LabelledSpeaker]:
    """Every quotation the pipeline finds in the ``half`` of the real-news gold set in ``folder``
    that is a gold quotation, with its speaker's evidence and whether it is the gold speaker."""
    pipeline = pipeline or default_pipeline(date.today())
    rows: list[LabelledSpeaker] = []
    for article, analysis, document in analysed_half(folder, half, pipeline):
        rows += _labelled_quotes(article.gold, analysis, document)
    return rows


def labelled_gold_set(folder: Path, pipeline: Pipeline | None = None) -> list[LabelledSpeaker]:
    """The same for a gold set in the format of ``eval/README.md`` (``folder`` with its articles in
    ``folder/articles``), such as the invented held-out articles."""
    pipeline = pipeline or default_pipeline(date.today())
    rows: list[LabelledSpeaker] = []
    for gold, path in load_gold_set(folder, folder / "articles"):
        rows += _labelled_quotes(gold, *analysed_file(path, pipeline))
    return rows


def _labelled_quotes(gold: GoldDocument, analysis: Analysis, document: Document) -> list[LabelledSpeaker]:
    located = locate_gold(gold, document.text, document.metadata.title, lenient=True)
    matcher = ActorMatcher(gold, document_predictions(document))
    texts = {"text": document.text, "title": document.metadata.title or ""}
    rows: list[LabelledSpeaker] = []
    for field, where in (("text", "body"), ("title", "title")):
        for kinds in (("direct", "partial"), ("indirect",)):
            wanted = [q for q in located.quotes if q.quote.where == where and q.quote.kind in kinds]
            found = [f for f in analysis.quotes or [] if f.field == field and f.span.kind in kinds]
            spans = [(f.span.start, f.span.end) for f in found]
            for gold_index, found_index in pair_spans(texts[field], [(g.start, g.end) for g in wanted], spans):
                rows.append(_labelled(found[found_index], wanted[gold_index].quote.speakers, matcher))
    return rows


def _labelled(found: FoundQuote, speakers: tuple[str, ...], matcher: ActorMatcher) -> LabelledSpeaker:
    if speakers:
        right = matcher.resolve(found.speaker_actor_id) in speakers
    else:
        right = found.speaker_actor_id is None
    evidence = found.speaker_evidence or SpeakerEvidence(
        found.speaker_how, found.speaker_unresolved_reason, cued(found.span.cue), found.span.kind
    )
    return LabelledSpeaker(evidence, right)


def rates(
    rows: Sequence[LabelledSpeaker], smoothing: float = _SMOOTHING, penalty: float = _PENALTY
) -> dict[str, object]:
    """The confidence table: the weights of the resolved speakers' model, smoothed rates of right
    speakers by reason (unresolved) and the rate for a reason not met."""
    resolved = [row for row in rows if row.reason is None and row.how is not None]
    unresolved = [row for row in rows if row.reason is not None]
    overall_unresolved = _share(unresolved, 0.1)
    return {
        "resolved_weights": logistic_weights(resolved, penalty),
        "unresolved": _grouped(unresolved, lambda row: row.reason or "", overall_unresolved, smoothing),
        "unresolved_default": round(overall_unresolved, 3),
    }


def logistic_weights(rows: Sequence[LabelledSpeaker], penalty: float = _PENALTY) -> dict[str, float]:
    """The weights of a logistic model of ``rows``' rightness on their evidence's features, by
    Newton's method on the log-likelihood less ``penalty`` times half the squared weights (the
    bias hardly penalised, enough to stay finite when every speaker is right): few wrong speakers
    to learn from, so weights stay small unless the data insist."""
    samples = [(evidence_features(row.evidence), float(row.right)) for row in rows]
    names = sorted({name for features, _ in samples for name in features})
    if not samples:
        return {"bias": 0.0}
    weights = dict.fromkeys(names, 0.0)
    for _ in range(_STEPS):
        gradient = {name: -_shrink(name, penalty) * weights[name] for name in names}
        hessian = {(a, b): -_shrink(a, penalty) * (a == b) for a in names for b in names}
        for features, label in samples:
            probability = 1.0 / (1.0 + math.exp(-sum(weights[name] * value for name, value in features.items())))
            for a, value_a in features.items():
                gradient[a] += (label - probability) * value_a
                for b, value_b in features.items():
                    hessian[(a, b)] -= probability * (1.0 - probability) * value_a * value_b
        step = _solve([[hessian[(a, b)] for b in names] for a in names], [gradient[name] for name in names])
        for name, change in zip(names, step):
            weights[name] -= change
        if max(abs(change) for change in step) < 1e-9:
            break
    return {name: round(weight, 4) for name, weight in weights.items()}


def _shrink(name: str, penalty: float) -> float:
    return penalty * _BIAS_SHRINK if name == "bias" else penalty


def _solve(matrix: list[list[float]], vector: list[float]) -> list[float]:
    """``x`` with ``matrix @ x == vector``, by Gaussian elimination with partial pivoting (a
    penalised Hessian is negative definite, so never singular)."""
    size = len(vector)
    rows = [[*matrix[index], vector[index]] for index in range(size)]
    for column in range(size):
        pivot = max(range(column, size), key=lambda index: abs(rows[index][column]))
        rows[column], rows[pivot] = rows[pivot], rows[column]
        for index in range(column + 1, size):
            factor = rows[index][column] / rows[column][column]
            for other in range(column, size + 1):
                rows[index][other] -= factor * rows[column][other]
    solution = [0.0] * size
    for column in range(size - 1, -1, -1):
        known = sum(rows[column][other] * solution[other] for other in range(column + 1, size))
        solution[column] = (rows[column][size] - known) / rows[column][column]
    return solution


def _share(rows: Sequence[LabelledSpeaker], default: float) -> float:
    return sum(row.right for row in rows) / len(rows) if rows else default


def _grouped(
    rows: Sequence[LabelledSpeaker], key: Callable[[LabelledSpeaker], str], prior: float, smoothing: float
) -> dict[str, float]:
    found: Counter[str] = Counter(key(row) for row in rows)
    right: Counter[str] = Counter(key(row) for row in rows if row.right)
    return {
        group: round((right[group] + smoothing * prior) / (count + smoothing), 3) for group, count in sorted(found.items())
    }


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=Path("eval/gold/news"), help="the real-news gold folder")
    parser.add_argument(
        "--invented", type=Path, default=Path("eval/gold/held_out"),
        help="a gold set of invented articles the code was not tuned on, fitted on too (its speakers "
        "are wrong as often as unseen news's are; the tuning half's hardly ever are); '' for none",
    )
    parser.add_argument("--out", type=Path, default=_TABLE, help="the confidence table to write")
    args = parser.parse_args(argv)
    pipeline = default_pipeline(date.today())
    tuning = labelled_speakers(args.gold, pipeline=pipeline)
    invented = labelled_gold_set(args.invented, pipeline) if str(args.invented) not in {"", "."} else []
    rows = tuning + invented
    sources = f"the tuning half of {args.gold.as_posix()} ({_counted(tuning)})"
    if invented:
        sources += f" and {args.invented.as_posix()} ({_counted(invented)})"
    table = {
        "fitted_on": (
            f"{sources}, L2 penalty {_PENALTY}, smoothing {_SMOOTHING}, "
            "by python -m newsgraph.evaluation.quote_confidence_fit"
        ),
        **rates(rows),
    }
    args.out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print(f"{sources}; wrote {args.out}")
    groups: Counter[tuple[str, str]] = Counter()
    wins: Counter[tuple[str, str]] = Counter()
    for row in rows:
        group = ("unresolved", row.reason) if row.reason else ("resolved", f"{row.how}{'' if row.cued else ' (uncued)'}")
        groups[group] += 1
        wins[group] += row.right
    for group, count in sorted(groups.items()):
        print(f"  {group[0]:10} {group[1]:30} {wins[group]:4d}/{count:<4d}")
    return 0


def _counted(rows: Sequence[LabelledSpeaker]) -> str:
    return f"{len(rows)} quotations found, {sum(row.right for row in rows)} with the right speaker"


if __name__ == "__main__":
    sys.exit(main())
