"""Generated hostile text through the readers, cleaning, metadata and the whole pipeline: random
Unicode, markup, very long lines, repeated words, long runs of capitalised words, quotation marks
nested deep. Nothing may raise anything but newsgraph's own errors, every offset must stay inside
its text, and every case must end within a time budget in proportion to its length (CPU time of
this thread, so a busy machine does not fail it).

Hypothesis runs a fixed set of examples (``derandomize``), so the suite takes the same bounded time
in CI every run; ``NEWSGRAPH_FUZZ_EXAMPLES=500`` explores more when run by hand.
"""

from __future__ import annotations

import json
import os
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from newsgraph.clean import clean_text
from newsgraph.documents import build_document
from newsgraph.errors import NewsgraphError
from newsgraph.pipeline import CleanStage, MetadataStage, default_pipeline
from newsgraph.pipeline.analysis import Analysis
from newsgraph.readers import read_file
from newsgraph.records import Document, RawArticle

EXAMPLES = int(os.environ.get("NEWSGRAPH_FUZZ_EXAMPLES", "0")) or None


def fuzz(examples: int) -> Callable[[Callable[..., None]], Callable[..., None]]:
    return settings(
        max_examples=EXAMPLES or examples,
        deadline=None,  # timed below, in proportion to each case's length
        derandomize=EXAMPLES is None,
        database=None,
        # No shrinking: a failing case of a hundred thousand characters takes minutes to shrink, and
        # the suite must end in bounded time; the case is printed as found.
        phases=[Phase.explicit, Phase.reuse, Phase.generate],
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
    )


@contextmanager
def within(length: int, per_kb: float, base: float = 0.5) -> Iterator[None]:
    """The block must take at most ``base`` plus ``per_kb`` CPU seconds per 1,000 characters.

    The rates are ten times the worst measured on a shared machine, so only a cost that grows
    faster than the text (seconds for some tens of kilobytes) fails them."""
    started = time.thread_time()
    yield
    spent = time.thread_time() - started
    budget = base + per_kb * length / 1000
    assert spent <= budget, f"{spent:.2f} s for {length:,} characters (budget {budget:.2f} s)"


WORDS = ["the", "minister", "said", "Kim", "Jong", "Un", "North", "Korea", "Putin", "Moscow", "summit", "on",
         "Monday", "1,000", "missiles", "U.S.", "By", "Reuters", "(AP)", "©", "2024", "All", "rights", "reserved",
         "Source:", "Copyright", "Inc.", "is", "solely", "responsible", "for", "this", "content", "ago", "days", "one"]
QUOTES = ['"', "'", "“", "”", "‘", "’", "«", "»", "„", "‹", "›"]
MARKUP = ["<p>", "</p>", "<div>", "<script>alert(1)</script>", "[bold]", "[/bold]", "[link=https://x.example]",
          "<!--", "-->", "&amp;", "&#0;", "\x1b[31m", "\x00", "\u200b", "\ufeff", "\u202e", "{", "}", "\\"]


def _run(unit: st.SearchStrategy[str], lo: int, hi: int) -> st.SearchStrategy[str]:
    return st.builds(lambda word, n, sep: sep.join([word] * n), unit, st.integers(lo, hi), st.sampled_from([" ", "\n", "", "-"]))


def _nested(depth: int) -> str:
    marks = [QUOTES[i % len(QUOTES)] for i in range(depth)]
    return "".join(marks) + "We will meet" + "".join(reversed(marks)) + " he said."


PIECES = st.one_of(
    st.text(max_size=200),  # any Unicode, control characters included
    st.sampled_from(WORDS + MARKUP + QUOTES),
    _run(st.sampled_from(WORDS), 50, 3_000),  # repeated tokens
    _run(st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True), 200, 3_000),  # runs of capitalised words
    _run(st.sampled_from([" ", "\n", "\t", ",", ".", "1", "(", "[", "©", "“"]), 1_000, 20_000),  # long runs
    st.integers(1, 400).map(_nested),  # quotation marks nested deep
    st.builds(lambda n: "x" * n, st.integers(1_000, 30_000)),  # very long lines
)
HOSTILE = st.lists(PIECES, min_size=1, max_size=12).map(" ".join)


@fuzz(40)
@given(text=HOSTILE)
def test_cleaning_and_metadata_hold_on_hostile_text(text: str) -> None:
    with within(len(text), per_kb=0.25):
        cleaned = clean_text(text)
        analysis = _clean_and_read_metadata(text)
    assert 0 <= len(cleaned.text) and cleaned.text == analysis.cleaned.text  # type: ignore[union-attr]
    for offset in range(0, len(cleaned.text), max(1, len(cleaned.text) // 50)):
        assert 0 <= cleaned.offset_map.to_raw(offset) <= len(text)
    assert analysis.metadata is not None


def _clean_and_read_metadata(text: str) -> Analysis:
    return MetadataStage(today=date(2026, 3, 20))(CleanStage()(Analysis(raw=RawArticle("f.txt", "text", text, "x"))))


UNITS = st.one_of(
    st.builds(lambda word, sep: word + sep, st.sampled_from(WORDS + MARKUP + QUOTES), st.sampled_from([" ", "\n", "", "-", ", "])),
    st.from_regex(r"[A-Z][a-z]{1,9}[ -]", fullmatch=True),  # capitalised words
    st.text(min_size=1, max_size=12),
    st.lists(st.sampled_from(WORDS + QUOTES), min_size=2, max_size=4).map(" ".join).map(lambda words: words + " "),
)
FRAMES = [("", ""), ("Talks end in agreement\n\nBy Ana Ruiz\n\n", ""), ("The ministers met on Monday.\n\n", "\n\n(AP)\n")]


def _cost(run: Callable[[], object]) -> float:
    """The CPU time of ``run``, the least of two runs: one run's figure may hold a pause of the
    garbage collector that has nothing to do with the text."""
    costs = []
    for _ in range(2):
        started = time.thread_time()
        run()
        costs.append(time.thread_time() - started)
    return min(costs)


@fuzz(50)
@given(unit=UNITS, frame=st.sampled_from(FRAMES))
def test_cleaning_and_metadata_cost_grows_in_proportion_to_the_text(unit: str, frame: tuple[str, str]) -> None:
    """The same hostile stretch four times as long costs at most about four times as much: a stage
    that reads the stretch again for each of its words (sixteen times as much) fails."""
    head, tail = frame
    short = head + unit * (8_000 // len(unit)) + tail
    long = head + unit * (32_000 // len(unit)) + tail
    small, large = _cost(lambda: _clean_and_read_metadata(short)), _cost(lambda: _clean_and_read_metadata(long))
    assert large <= 8 * small + 0.1, f"{small:.3f} s for {len(short):,} characters, {large:.3f} s for {len(long):,}"


@fuzz(40)
@given(text=HOSTILE, suffix=st.sampled_from([".txt", ".html", ".jsonl", ".sgm"]), wrap=st.booleans())
def test_readers_hold_on_hostile_files(tmp_path_factory: pytest.TempPathFactory, text: str, suffix: str, wrap: bool) -> None:
    if wrap and suffix == ".jsonl":
        text = json.dumps({"text": text, "title": text[:200], "date": text[:30], "outlet": text[:50]}) + "\n" + text
    elif wrap and suffix == ".sgm":
        text = f'<REUTERS NEWID="1"><TEXT><TITLE>{text[:100]}</TITLE><DATELINE>{text[:300]}</DATELINE><BODY>{text}</BODY></TEXT></REUTERS>'
    elif wrap and suffix == ".html":
        text = f"<html><head><title>{text[:100]}</title></head><body><article><p>{text}</p></article></body></html>"
    path = tmp_path_factory.mktemp("fuzz") / ("article" + suffix)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    with within(len(text), per_kb=0.5, base=2.0):
        found = list(read_file(path, max_article_bytes=10 * 1024 * 1024))
    for item in found:
        assert isinstance(item, (RawArticle, NewsgraphError))
        if isinstance(item, RawArticle):
            assert isinstance(item.raw_text, str)


@pytest.fixture(scope="module")
def pipeline():  # type: ignore[no-untyped-def]
    pipeline = default_pipeline(date(2026, 3, 20))
    pipeline(RawArticle("warm.txt", "text", "Officials met in Lima on Monday, the minister said.", "w"))
    return pipeline


SHORT_PIECES = st.one_of(
    st.text(max_size=80),
    st.sampled_from(WORDS + MARKUP + QUOTES),
    _run(st.sampled_from(WORDS), 5, 300),
    _run(st.from_regex(r"[A-Z][a-z]{1,9}", fullmatch=True), 20, 400),
    st.integers(1, 60).map(_nested),
    st.builds(lambda n: "x" * n, st.integers(100, 3_000)),
)
SHORT_HOSTILE = st.lists(SHORT_PIECES, min_size=1, max_size=8).map(" ".join)


@fuzz(25)
@given(text=SHORT_HOSTILE)
def test_the_whole_pipeline_holds_on_hostile_text(pipeline, text: str) -> None:  # type: ignore[no-untyped-def]
    raw = RawArticle("hostile.txt", "text", text, "sha")
    with within(len(text), per_kb=5.0, base=2.0):
        try:
            document: Document | None = build_document(pipeline(raw))
        except NewsgraphError:
            document = None
    if document is None:
        return
    size = len(document.text)
    for start, end in [(m.start, m.end) for m in document.mentions] + [(q.start, q.end) for q in document.quotes if q.field == "text"]:
        assert 0 <= start <= end <= size
    for event in document.events:
        assert 0 <= event.evidence_start <= event.trigger_start < event.trigger_end <= event.evidence_end <= size


@fuzz(10)
@given(unit=UNITS, frame=st.sampled_from(FRAMES))
def test_the_whole_pipeline_costs_time_in_proportion_to_the_text(pipeline, unit: str, frame: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    head, tail = frame
    texts = [head + unit * (size // len(unit)) + tail for size in (2_000, 8_000)]

    def run(text: str) -> None:
        try:
            build_document(pipeline(RawArticle("hostile.txt", "text", text, "sha")))
        except NewsgraphError:
            pass

    small, large = _cost(lambda: run(texts[0])), _cost(lambda: run(texts[1]))
    assert large <= 8 * small + 0.3, f"{small:.3f} s for {len(texts[0]):,} characters, {large:.3f} s for {len(texts[1]):,}"
