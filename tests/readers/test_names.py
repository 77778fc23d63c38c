"""Bylines split into names, and shouting capitals softened."""

from __future__ import annotations

import time

import pytest

from newsgraph.readers._names import soften_capitals, split_authors


@pytest.mark.parametrize(
    ("byline", "names"),
    [
        ("Ada Brill", ["Ada Brill"]),
        ("By Ada Brill, Tomas Vey and Lena Ortiz", ["Ada Brill", "Tomas Vey", "Lena Ortiz"]),
        ("Ada Brill; Tomas Vey", ["Ada Brill", "Tomas Vey"]),
        ("BY ADA BRILL AND TOMAS VEY", ["ADA BRILL", "TOMAS VEY"]),
        ("Ada Brill & Sandro Anderson", ["Ada Brill", "Sandro Anderson"]),
        ("  by   Ada   Brill ,  ", ["Ada Brill"]),
        ("", []),
    ],
)
def test_bylines_split_into_names(byline: str, names: list[str]) -> None:
    assert split_authors(byline) == names


@pytest.mark.parametrize(
    ("text", "softened"),
    [
        ("NEW YORK", "New York"),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("PORTLAND, Ore.", "Portland, Ore."),
        ("ROCHESTER, N.Y.", "Rochester, N.Y."),
        ("TOMAS O'BRIEN", "Tomas O'Brien"),
        ("ST. JOHN'S", "St. John's"),
        ("McAllen", "McAllen"),
        ("Arnhem, The Netherlands", "Arnhem, The Netherlands"),
    ],
)
def test_all_capital_words_get_ordinary_capitals(text: str, softened: str) -> None:
    assert soften_capitals(text) == softened


def test_a_long_run_of_spaces_costs_time_in_proportion() -> None:
    started = time.process_time()
    assert split_authors("By Ada Brill" + " " * 40_000 + "Vey") == ["Ada Brill Vey"]
    assert time.process_time() - started < 1.0, "the separator pattern backtracks over the spaces"
