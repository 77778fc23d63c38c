"""Scoring the page read alone on a page gold set (``newsgraph eval --pages``).

A page gold set (``eval/gold/pages/``) has the layout of the real-news set (``articles/``, one gold
file per article, ``split.json`` with the halves ``tuning`` and ``held_back``) but its gold files
annotate only the page: ``article``, ``page`` (the format of ``eval/gold/news/README.md``) and
optionally ``published`` and ``notes``. Each article goes through the pipeline and its title,
outlet, publication date, non-body lines and body lines are scored by
:func:`~newsgraph.evaluation.page_scorer.score_page`, summed over each half. Problems are kept per
article; the renderer lists those of the tuning half only unless asked. A gold file that does not
fit its page (a listed line the page does not have) leaves its article out of the figures; the
report names it, with the reason only for the tuning half, while the set is being annotated.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from dataclasses import asdict, dataclass
from datetime import date
from pathlib import Path
from typing import Any

from newsgraph.errors import InputError
from newsgraph.evaluation._reader import Reader
from newsgraph.evaluation.gold import GoldDocument
from newsgraph.evaluation.gold_news import LINE_KINDS, NEWS_HINT, parse_page
from newsgraph.evaluation.news_set import HALVES, read_split
from newsgraph.evaluation.page_scorer import PageScore, score_page
from newsgraph.evaluation.run import analysed_file
from newsgraph.evaluation.scores import Problem, Ratio
from newsgraph.pipeline import Pipeline, default_pipeline

__all__ = [
    "PageArticle",
    "PageArticleScore",
    "PageReport",
    "evaluate_page_set",
    "load_page_set",
    "parse_page_gold",
    "render_pages",
]

ALL = "all"
_SPLIT = "split.json"
_HINT = "a page gold file holds 'article' and 'page' (optionally 'published', 'notes'); " + NEWS_HINT


@dataclass(frozen=True)
class PageArticle:
    """One annotated page: its gold, the path of its text and its half."""

    gold: GoldDocument
    path: Path
    half: str

    @property
    def name(self) -> str:
        return self.gold.article


@dataclass(frozen=True)
class PageArticleScore:
    """The page score of one article and its problems."""

    article: str
    half: str
    page: PageScore
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class PageReport:
    """The page scores of every annotated article of a set, and the split's articles without gold."""

    folder: str
    articles: tuple[PageArticleScore, ...]
    unannotated: tuple[str, ...] = ()
    unfit: tuple[tuple[str, str, str], ...] = ()
    """``(article, half, reason)`` of each gold file that does not fit its page."""

    def in_half(self, name: str) -> tuple[PageArticleScore, ...]:
        """The articles of the half ``name`` (``tuning``, ``held_back``) or of the whole set (``all``)."""
        if name not in (*HALVES, ALL):
            raise KeyError(name)
        return tuple(article for article in self.articles if name in (ALL, article.half))

    def half(self, name: str) -> PageScore:
        """The page figures of the half ``name`` summed over its articles."""
        return sum((article.page for article in self.in_half(name)), PageScore())

    def to_json(self, *, problems_of: Sequence[str] = ()) -> dict[str, Any]:
        """Every figure of both halves and the whole set; the problems of the halves named."""
        return {
            "folder": self.folder,
            "unannotated": list(self.unannotated),
            "unfit": [article for article, _, _ in self.unfit],
            "halves": {
                name: {"articles": len(self.in_half(name)), "page": self.half(name).to_json()}
                for name in (*HALVES, ALL)
            },
            "problems": {
                name: [asdict(problem) for article in self.in_half(name) for problem in article.problems]
                for name in problems_of
            },
        }


def parse_page_gold(data: Any, path: str) -> GoldDocument:
    """The gold of one page-only gold file (``path``, decoded as ``data``)."""
    if not isinstance(data, dict):
        raise InputError(path, "a gold file must hold one JSON object", _HINT)
    top = Reader(path, data, "gold", _HINT)
    top.check_fields(("article", "page"), ("published", "notes"))
    return GoldDocument(
        path=path,
        article=top.required_text("article"),
        published=top.text("published", nullable=True),
        actors=(),
        mentions=(),
        quotes=(),
        notes=top.text("notes") or "",
        page=parse_page(data["page"], top),
    )


def load_page_set(folder: Path) -> tuple[tuple[PageArticle, ...], tuple[str, ...]]:
    """The annotated pages of the page gold ``folder`` (in name order) and the split's pages
    nobody has annotated yet."""
    if not folder.is_dir():
        raise InputError(str(folder), "no such gold folder", "give the folder of a page gold set (eval/gold/pages)")
    halves = read_split(folder / _SPLIT)
    articles = []
    for path in sorted(folder.glob("*.json")):
        if path.name == _SPLIT:
            continue
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError) as error:
            raise InputError(str(path), f"cannot read it as JSON: {error}", _HINT) from error
        gold = parse_page_gold(data, str(path))
        page = folder / "articles" / gold.article
        if not page.is_file():
            raise InputError(str(path), f"its article {gold.article!r} is not in {folder / 'articles'}", "check 'article'")
        half = halves.get(Path(gold.article).stem)
        if half is None:
            raise InputError(str(path), f"its article {gold.article!r} is in neither half of {_SPLIT}", "add it to one half")
        articles.append(PageArticle(gold, page, half))
    annotated = {Path(article.name).stem for article in articles}
    return tuple(articles), tuple(sorted(name for name in halves if name not in annotated))


def evaluate_page_set(
    folder: Path,
    *,
    pipeline: Pipeline | None = None,
    today: date | None = None,
    progress: Callable[[str, int, int], None] | None = None,
) -> PageReport:
    """Run the pipeline on every annotated page of ``folder`` and score what it read of the page."""
    articles, unannotated = load_page_set(folder)
    pipeline = pipeline or default_pipeline(today)
    scores = []
    unfit = []
    for done, article in enumerate(articles):
        if progress:
            progress(f"scoring {article.name}", done, len(articles))
        _, document = analysed_file(article.path, pipeline)
        metadata = document.metadata
        try:
            page, problems = score_page(
                article.gold,
                document.raw_text,
                document.text,
                title=metadata.title,
                outlet=metadata.outlet,
                published=metadata.published,
            )
        except InputError as error:
            unfit.append((article.name, article.half, str(error)))
            continue
        scores.append(PageArticleScore(article.name, article.half, page, problems))
    if progress:
        progress("done", len(articles), len(articles))
    return PageReport(str(folder), tuple(scores), unannotated, tuple(unfit))


def _ratio(ratio: Ratio) -> str:
    return "-" if ratio.total == 0 else f"{ratio.value:.2f}  {ratio.right}/{ratio.total}"


def render_pages(report: PageReport, *, problems: bool = True, held_back_problems: bool = False) -> str:
    """The page figures of both halves and the whole set as a table, then the problems of the
    tuning half (with ``held_back_problems``, those of the held-back half too)."""
    names = (*HALVES, ALL)
    figures = {name: report.half(name) for name in names}
    rows: list[tuple[str, list[str]]] = [
        ("", list(names)),
        ("articles", [str(len(report.in_half(name))) for name in names]),
        ("title right", [_ratio(figures[name].title) for name in names]),
        ("outlet right", [_ratio(figures[name].outlet) for name in names]),
        ("publication date right", [_ratio(figures[name].published) for name in names]),
        ("non-body lines removed", [_ratio(figures[name].junk) for name in names]),
        *(
            (f"  {kind}", [_ratio(figures[name].junk_kinds.get(kind, Ratio())) for name in names])
            for kind in LINE_KINDS
        ),
        ("body lines kept", [_ratio(figures[name].body) for name in names]),
    ]
    label_width = max(len(label) for label, _ in rows) + 2
    column_width = max(len(cell) for _, cells in rows for cell in cells) + 3
    lines = [f"page gold {report.folder}", ""]
    lines += [
        (f"{label:<{label_width}}" + "".join(f"{cell:<{column_width}}" for cell in cells)).rstrip()
        for label, cells in rows
    ]
    if report.unannotated:
        lines += ["", f"{len(report.unannotated)} article(s) of the split have no gold yet: {', '.join(report.unannotated)}"]
    for article, half, reason in report.unfit:
        shown = reason if half != "held_back" or held_back_problems else "(reason not shown: held-back half)"
        lines.append(f"left out, gold does not fit the page: {article} ({half}): {shown}")
    if not problems:
        return "\n".join(lines)
    for name in HALVES:
        found = [problem for article in report.in_half(name) for problem in article.problems]
        lines.append("")
        if name == "held_back" and not held_back_problems:
            lines.append(f"{name}: {len(found)} problems (not listed: --held-back-problems lists them)")
            continue
        lines.append(f"{name}: {len(found)} problems")
        lines.extend(f"  {problem.line()}" for problem in found)
    return "\n".join(lines)
