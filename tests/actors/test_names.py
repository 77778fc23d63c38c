"""Name normalisation: spellings news uses for one name share a key; different names do not."""

from __future__ import annotations

import pytest

from newsgraph.actors._names import fold, is_acronym, name_key


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Kim Jong-un", "Kim Jong Un"),
        ("Kim Jong‐Un", "Kim Jong Un"),  # a Unicode hyphen
        ("U.S.", "US"),
        ("U.N. Security Council", "UN Security Council"),
        ("Erdoğan", "Erdogan"),
        ("Sébastien Lecornu", "Sebastien Lecornu"),
        ("Władysław Kosiniak-Kamysz", "Wladyslaw Kosiniak Kamysz"),
        ("Yıldırım", "Yildirim"),
        ("the Kremlin", "Kremlin"),
        ("The Washington Post", "Washington Post"),
        ("North Korea's", "North Korea"),
        ("North Korea’s", "North Korea"),
        ("Gideon Sa'ar", "Gideon Saar"),
        ("Washington, D.C.", "Washington DC"),
        ("  Vladimir   Putin ", "Vladimir Putin"),
        ("Ukrainе", "Ukraine"),  # a Cyrillic e inside a Latin word
    ],
)
def test_spellings_of_one_name_share_a_folded_key(one: str, other: str) -> None:
    assert fold(name_key(one)) == fold(name_key(other))


@pytest.mark.parametrize(("one", "other"), [("WHO", "who"), ("Li Qiang", "Li Keqiang"), ("Niger", "Nigeria")])
def test_different_names_keep_different_keys(one: str, other: str) -> None:
    assert name_key(one) != name_key(other)


@pytest.mark.parametrize(("text", "key"), [("Kim Jong-un", "Kim Jong un"), ("U.S.", "US"), ("the Kremlin", "Kremlin"), ("Erdoğan's", "Erdogan")])
def test_the_key_keeps_case(text: str, key: str) -> None:
    assert name_key(text) == key


def test_case_is_kept_in_the_key_and_folded_on_request() -> None:
    assert name_key("NATO") == "NATO"
    assert fold(name_key("NATO")) == fold(name_key("Nato"))


@pytest.mark.parametrize(("key", "expected"), [("NATO", True), ("US", True), ("Nato", False), ("North Korea", False)])
def test_acronyms_are_single_words_in_capitals(key: str, expected: bool) -> None:
    assert is_acronym(key) is expected
