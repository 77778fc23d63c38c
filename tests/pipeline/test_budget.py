"""The time budget of one article: a long one is parsed in pieces, stopped soon after its budget,
reported by name and skipped, and the run goes on with the others."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner

from newsgraph.cli import app
from newsgraph.pipeline.nlp_stages import PIECE_CHARS, text_pieces
from newsgraph.store import Store

from pipeline.test_scaling import long_article

SHORT = "Talks end in agreement\n\nThe two ministers agreed on Monday to reopen the border crossing, officials said.\n"


def test_an_article_over_its_budget_is_skipped_by_name_and_the_run_goes_on(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "huge.txt").write_text(long_article(1_000_000))
    (folder / "short.txt").write_text(SHORT)
    result = CliRunner().invoke(
        app, ["ingest", str(folder), "--db", str(tmp_path / "db.duckdb"), "--workers", "1", "--max-article-seconds", "2"]
    )
    assert result.exit_code == 1, result.output
    output = " ".join(result.output.split())
    # Stopped in the stage it had reached (the parse, or on a slow machine the cleaning or metadata
    # before it), between two pieces of the parse at the latest.
    found = re.search(r"huge\.txt: over the time budget of 2 s per article, skipped \(stopped after ([\d.]+) s in stage "
                      r"newsgraph\.(clean|metadata|parse)\.v\d", output)
    assert found, output
    # Not after parsing the whole megabyte (a minute).
    assert float(found.group(1)) < 2 + 10
    assert "1 new" in output and "1 failed" in output
    with Store(tmp_path / "db.duckdb", read_only=True) as store:
        assert [row["title"] for row in store.iter_document_rows()] == ["Talks end in agreement"]


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("First paragraph.\n\nSecond one here.\n\nThird.", 25),
        ("One long line with no paragraph breaks at all, only sentences. Two. Three.", 30),
        ("x" * 100, 30),
    ],
)
def test_text_pieces_join_back_and_end_at_breaks(text: str, size: int) -> None:
    pieces = list(text_pieces(text, size))
    assert "".join(pieces) == text
    assert all(len(piece) <= size for piece in pieces)
    assert all(piece.endswith(("\n\n", " ")) or piece == pieces[-1] or len(piece) == size for piece in pieces)


def test_a_long_article_parsed_in_pieces_has_the_same_tokens_and_paragraph_sentences() -> None:
    from newsgraph.nlp import load_nlp
    from newsgraph.pipeline.analysis import Analysis
    from newsgraph.pipeline.nlp_stages import ParseStage
    from newsgraph.clean import clean_text
    from newsgraph.records import RawArticle

    text = long_article(PIECE_CHARS * 2 + 5_000)
    analysis = Analysis(raw=RawArticle(source="long.txt", format="text", raw_text=text, raw_sha="sha"))
    analysis.cleaned = clean_text(text)
    parsed = ParseStage()(analysis).parsed
    whole = load_nlp()(analysis.cleaned.text)
    assert parsed is not None and parsed.text == whole.text
    assert [token.text for token in parsed] == [token.text for token in whole]
    starts = {token.i for token in whole if token.is_sent_start and token.i and whole[token.i - 1].text.count("\n") >= 2}
    assert starts <= {token.i for token in parsed if token.is_sent_start}, "every paragraph still starts a sentence"
