"""Set the quote speakers' confidences from annotated real news: ``python -m newsgraph.evaluation.quote_confidence_fit``.

A quotation's ``confidence`` is how often a speaker found the same way was right
(:func:`newsgraph.actors.speakers.speaker_confidence`): one rate per way of finding a speaker
(``how``: a mention, a pronoun, a body, a document ...) and one per reason a speaker stays
unresolved (there, "right" means the gold names no speaker either), and a factor for a speaker
read off the subject of a verb that is no speech verb. This module runs the pipeline on the
**tuning half** of the real-news gold set, pairs its quotations with the gold ones as
``newsgraph eval --news`` does, counts the speakers right and wrong in each group, and writes each
group's rate, smoothed towards the overall rate (``(right + k * overall) / (found + k)``), to
``data/quotes/confidence.json``, saying what it was fitted on. The held-back half is never read
here: ``newsgraph eval --news`` judges it afterwards, as totals.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from newsgraph.actors.speakers import cued
from newsgraph.evaluation.anchors import locate_gold
from newsgraph.evaluation.matching import ActorMatcher, pair_spans
from newsgraph.evaluation.run import analysed_half, document_predictions
from newsgraph.pipeline import Pipeline, default_pipeline
from newsgraph.pipeline.analysis import FoundQuote

__all__ = ["LabelledSpeaker", "labelled_speakers", "rates", "main"]

_TABLE = Path(__file__).resolve().parent.parent / "data" / "quotes" / "confidence.json"
_SMOOTHING = 5.0


@dataclass(frozen=True)
class LabelledSpeaker:
    """How a found quotation's speaker was found (or why it is unresolved), whether a speech cue
    attributed it, and whether the gold says it is right."""

    how: str | None
    reason: str | None
    cued: bool
    right: bool


def labelled_speakers(folder: Path, half: str = "tuning", pipeline: Pipeline | None = None) -> list[LabelledSpeaker]:
    """Every quotation the pipeline finds in the ``half`` of the gold set in ``folder`` that is a
    gold quotation, with how its speaker was found and whether it is the gold speaker."""
    pipeline = pipeline or default_pipeline(date.today())
    rows: list[LabelledSpeaker] = []
    for article, analysis, document in analysed_half(folder, half, pipeline):
        located = locate_gold(article.gold, document.text, document.metadata.title, lenient=True)
        matcher = ActorMatcher(article.gold, document_predictions(document))
        texts = {"text": document.text, "title": document.metadata.title or ""}
        for field, where in (("text", "body"), ("title", "title")):
            for kinds in (("direct", "partial"), ("indirect",)):
                gold = [q for q in located.quotes if q.quote.where == where and q.quote.kind in kinds]
                found = [f for f in analysis.quotes or [] if f.field == field and f.span.kind in kinds]
                spans = [(f.span.start, f.span.end) for f in found]
                for gold_index, found_index in pair_spans(texts[field], [(g.start, g.end) for g in gold], spans):
                    rows.append(_labelled(found[found_index], gold[gold_index].quote.speakers, matcher))
    return rows


def _labelled(found: FoundQuote, speakers: tuple[str, ...], matcher: ActorMatcher) -> LabelledSpeaker:
    if speakers:
        right = matcher.resolve(found.speaker_actor_id) in speakers
    else:
        right = found.speaker_actor_id is None
    return LabelledSpeaker(found.speaker_how, found.speaker_unresolved_reason, cued(found.span.cue), right)


def rates(rows: Sequence[LabelledSpeaker], smoothing: float = _SMOOTHING) -> dict[str, object]:
    """The confidence table: smoothed rates of right speakers by how (resolved) and by reason
    (unresolved), the defaults for groups not met, and the factor for uncued speakers."""
    resolved = [row for row in rows if row.reason is None and row.how is not None]
    unresolved = [row for row in rows if row.reason is not None]
    overall_resolved = _share(resolved, 0.5)
    overall_unresolved = _share(unresolved, 0.1)
    cued_rate = _share([row for row in resolved if row.cued], overall_resolved)
    uncued = [row for row in resolved if not row.cued]
    uncued_rate = (sum(row.right for row in uncued) + smoothing * cued_rate) / (len(uncued) + smoothing)
    return {
        "resolved": _grouped(resolved, lambda row: row.how or "", overall_resolved, smoothing),
        "resolved_default": round(overall_resolved, 3),
        "unresolved": _grouped(unresolved, lambda row: row.reason or "", overall_unresolved, smoothing),
        "unresolved_default": round(overall_unresolved, 3),
        "uncued_factor": round(min(uncued_rate / cued_rate, 1.0), 3) if cued_rate else 1.0,
    }


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
    parser.add_argument("--out", type=Path, default=_TABLE, help="the confidence table to write")
    args = parser.parse_args(argv)
    rows = labelled_speakers(args.gold)
    table = {
        "fitted_on": (
            f"the tuning half of {args.gold.as_posix()} ({len(rows)} quotations found, "
            f"{sum(row.right for row in rows)} with the right speaker), smoothing {_SMOOTHING}, "
            "by python -m newsgraph.evaluation.quote_confidence_fit"
        ),
        **rates(rows),
    }
    args.out.write_text(json.dumps(table, indent=1) + "\n", encoding="utf-8")
    print(f"{len(rows)} quotations, {sum(row.right for row in rows)} right; wrote {args.out}")
    groups: Counter[tuple[str, str]] = Counter()
    wins: Counter[tuple[str, str]] = Counter()
    for row in rows:
        group = ("unresolved", row.reason) if row.reason else ("resolved", f"{row.how}{'' if row.cued else ' (uncued)'}")
        groups[group] += 1
        wins[group] += row.right
    for group, count in sorted(groups.items()):
        print(f"  {group[0]:10} {group[1]:30} {wins[group]:4d}/{count:<4d}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
