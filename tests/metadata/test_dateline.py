"""Datelines opening the first paragraph: place, outlet and date read, the prefix cut."""

from __future__ import annotations

import pytest

from newsgraph.metadata.dateline import find_dateline, title_case_place
from newsgraph.steps import Found
from newsgraph.textmap import TrackedText

PROSE = "Two governments agreed to share gauge readings."


def run(text: str) -> tuple[str, list[Found]]:
    tracked = TrackedText(text)
    result = find_dateline(tracked)
    return tracked.apply(result.edits)[0].text, result.found


def by_field(found: list[Found]) -> dict[str, tuple[object, float]]:
    return {item.field: (item.value, item.confidence) for item in found}


@pytest.mark.parametrize(
    ("prefix", "expected"),
    [
        (
            "VALDORA, Sept. 20 (Valdora Wire) — ",
            {"dateline": "Valdora", "outlet": "Valdora Wire", "published": "--09-20"},
        ),
        ("LISBON/MADRID (Reuters) - ", {"dateline": "Lisbon/Madrid", "outlet": "Reuters"}),
        ("NEW YORK, March 4, 2025 (AP) – ", {"dateline": "New York", "outlet": "AP", "published": "2025-03-04"}),
        ("ST. PETERSBURG (Reuters) - ", {"dateline": "St. Petersburg", "outlet": "Reuters"}),
        ("LOS ANGELES, Calif. (AP) — ", {"dateline": "Los Angeles, Calif.", "outlet": "AP"}),
        ("SEOUL, June 18 (Yonhap) -- ", {"dateline": "Seoul", "outlet": "Yonhap", "published": "--06-18"}),
        ("SEOUL, June 18 (Yonhap)--", {"dateline": "Seoul", "outlet": "Yonhap", "published": "--06-18"}),
        ("AMSTERDAM, 2 March - ", {"dateline": "Amsterdam", "published": "--03-02"}),
        ("GENEVA - ", {"dateline": "Geneva"}),
        ("Lisbon (AFP) - ", {"dateline": "Lisbon", "outlet": "AFP"}),
        ("NAIROBI, Kenya: ", {"dateline": "Nairobi, Kenya"}),
        ("LISBON: ", {"dateline": "Lisbon"}),
        ("Buenos Aires: ", {"dateline": "Buenos Aires"}),
    ],
)
def test_a_dateline_is_read_and_cut_from_the_paragraph(prefix: str, expected: dict[str, str]) -> None:
    text, found = run(f"{prefix}{PROSE}\n")
    assert text == f"{PROSE}\n"
    assert {field: value for field, (value, _) in by_field(found).items()} == expected


@pytest.mark.parametrize(
    ("prefix", "confidence"), [("VALDORA, Sept. 20 (AP) - ", 0.5), ("VALDORA, Sept. 20, 2024 (AP) - ", 1.0)]
)
def test_a_month_day_without_a_year_is_less_certain(prefix: str, confidence: float) -> None:
    assert by_field(run(prefix + PROSE)[1])["published"][1] == confidence


def test_a_misspelt_month_still_marks_the_dateline_but_gives_no_date() -> None:
    text, found = run(f"VALDORA, FEb 26 - {PROSE}\n")
    assert text == f"{PROSE}\n"
    assert set(by_field(found)) == {"dateline"}


def test_the_dateline_may_follow_deleted_header_lines() -> None:
    text, found = run(f"\n\n\nVALDORA (Reuters) - {PROSE}\n")
    assert text == f"\n\n\n{PROSE}\n"
    assert by_field(found)["dateline"][0] == "Valdora"


@pytest.mark.parametrize(
    "text",
    [
        "BROWN-FORMAN TO SPLIT SHARES\nShr one dlr vs 73 cts\n",
        "ECONOMIC SPOTLIGHT - VALDORA BANKS\nValdora banks are not under pressure.\n",
        "Kim (left) - and his aides - arrived late.\n",
        "Valdora - a small port - reopened.\n",
        "Valdora, Route 66 - the old highway - reopened.\n",
        f"The ministers met.\n{PROSE} LISBON (Reuters) - more\n",
        f"The ministers met on the dam and agreed\nLISBON (Reuters) - {PROSE}\n",
        f"FILE PHOTO: {PROSE}\n",
        f"UPDATE: {PROSE}\n",
        f"Valdora: {PROSE}\n",
        "Lisbon: Two governments agree to share gauge readings\n",
    ],
)
def test_other_openings_are_not_datelines(text: str) -> None:
    assert run(text) == (text, [])


@pytest.mark.parametrize(
    ("place", "cased"),
    [
        ("SEOUL/MOSCOW", "Seoul/Moscow"),
        ("ST. PETERSBURG", "St. Petersburg"),
        ("PORT-AU-PRINCE", "Port-au-Prince"),
        ("RIO DE JANEIRO", "Rio de Janeiro"),
        ("U.S. VIRGIN ISLANDS", "U.S. Virgin Islands"),
        ("O'HARE", "O'Hare"),
        ("LA PAZ", "La Paz"),
    ],
)
def test_title_case_place(place: str, cased: str) -> None:
    assert title_case_place(place) == cased


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Lakeside (Valdora Wire)", {"dateline": ("Lakeside", 1.0), "agency": ("Valdora Wire", 0.8)}),
        ("MOSCOW", {"dateline": ("Moscow", 1.0)}),
        ("LISBON, March 4, 2025 -", {"dateline": ("Lisbon", 1.0), "published": ("2025-03-04", 1.0)}),
    ],
)
def test_a_dateline_alone_on_its_line_over_the_first_paragraph_is_read_and_deleted(
    line: str, expected: dict[str, tuple[object, float]]
) -> None:
    text, found = run(f"{line}\n{PROSE}\n")
    assert text == f"\n{PROSE}\n"
    assert by_field(found) == expected


@pytest.mark.parametrize(
    "text",
    [
        f"Talks\n{PROSE}\n",
        f"MINISTERS MEET\n{PROSE}\n",
        f"Lakeside (Valdora Wire)\nMinisters meet at the dam\n",
    ],
)
def test_a_lone_word_or_a_line_over_a_headline_is_no_dateline(text: str) -> None:
    assert run(text) == (text, [])
