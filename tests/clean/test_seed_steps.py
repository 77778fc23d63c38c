"""The cleaning steps of this package, in the runner's order, over the real seed articles.

The metadata line steps (title, byline, stamps, datelines, credit tags) are not run here: these
checks are about general properties of the character, furniture, caption, unwrap, spacing and
whitespace steps, which must hold for any article.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

import pytest

from newsgraph.clean._dictionary import JOINED_ZIPF, is_fragment, is_word
from newsgraph.clean.captions import extract_captions, find_credit
from newsgraph.clean.characters import normalise_characters
from newsgraph.clean.furniture import furniture_rule, remove_furniture
from newsgraph.clean.spacing import restore_missing_spaces
from newsgraph.clean.unwrap import join_wrapped_lines
from newsgraph.clean.whitespace import tidy_whitespace
from newsgraph.records import Caption
from newsgraph.steps import CleaningStep
from newsgraph.textmap import Removal, TrackedText

SEEDS = (Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds").resolve()
SEED_FILES = sorted(SEEDS.glob("*.txt")) if SEEDS.is_dir() else []
# One None parameter when the seeds are absent, so the checks report a skip rather than vanish.
SEED_PARAMS: list[Path | None] = [*SEED_FILES] or [None]

STEPS: tuple[CleaningStep, ...] = (
    normalise_characters,
    remove_furniture,
    extract_captions,
    join_wrapped_lines,
    restore_missing_spaces,
    tidy_whitespace,
)

_ALPHA = re.compile(r"[^\W\d_]+")
_LAST_ALPHA = re.compile(r"(?:^|\s)([^\W\d_]+)$")
_FIRST_ALPHA = re.compile(r"^([^\W\d_]+)(?![\w'])")


@dataclass
class Cleaned:
    raw: str
    normalised: str
    text: TrackedText
    captions: list[Caption]
    removed: list[Removal]


def clean(raw: str) -> Cleaned:
    text = TrackedText(raw)
    captions: list[Caption] = []
    removed: list[Removal] = []
    normalised = raw
    for step in STEPS:
        result = step(text)
        text, removals = text.apply(result.edits)
        captions.extend(result.captions)
        removed.extend(removals)
        if step is normalise_characters:
            normalised = text.text
    return Cleaned(raw, normalised, text, captions, removed)


@pytest.fixture(scope="module", params=SEED_PARAMS, ids=lambda path: path.name if path else "none")
def seed(request: pytest.FixtureRequest) -> Cleaned:
    if request.param is None:
        pytest.skip(
            "../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo"
        )
    return clean(request.param.read_text(encoding="utf-8"))


def test_no_furniture_line_remains(seed: Cleaned) -> None:
    assert [line for line in seed.text.text.split("\n") if furniture_rule(line)] == []


def test_every_furniture_line_of_the_raw_text_is_gone(seed: Cleaned) -> None:
    paragraphs = set(seed.text.text.split("\n\n"))
    furniture = [line.strip() for line in seed.normalised.split("\n") if furniture_rule(line)]
    assert [line for line in furniture if line in paragraphs] == []


def test_no_word_is_left_broken_across_a_line(seed: Cleaned) -> None:
    lines = seed.normalised.split("\n")
    clean_words = set(_ALPHA.findall(seed.text.text))
    for left, right in pairwise(lines):
        head, tail = _LAST_ALPHA.search(left.rstrip()), _FIRST_ALPHA.match(right.lstrip())
        if head and tail and tail.group(1)[0].islower():
            joined = head.group(1) + tail.group(1)
            if is_word(joined, JOINED_ZIPF) and (is_fragment(head.group(1)) or is_fragment(tail.group(1))):
                assert joined in clean_words


def test_no_fragment_pair_is_left_in_the_clean_text(seed: Cleaned) -> None:
    words = _ALPHA.findall(seed.text.text)
    broken = [
        f"{left} {right}"
        for left, right in pairwise(words)
        if right[0].islower()
        and is_word(left + right, JOINED_ZIPF)
        and is_fragment(left)
        and is_fragment(right)
    ]
    assert broken == []


def test_photo_captions_leave_the_body_with_their_credit(seed: Cleaned) -> None:
    credited = [
        line
        for line in seed.normalised.split("\n")
        if (credit := find_credit(line.strip())) and credit.strong
    ]
    for line in credited:
        credit = find_credit(line.strip())
        assert credit is not None
        assert any(caption.credit and caption.credit.endswith(credit.text[-12:]) for caption in seed.captions)
        assert line.strip() not in seed.text.text
    for caption in seed.captions:
        assert caption.text and caption.text not in seed.text.text
        assert seed.raw[caption.raw_start : caption.raw_end].split()[0] == caption.text.split()[0]


def test_some_seed_has_a_caption() -> None:
    if not SEED_FILES:
        pytest.skip(
            "../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo"
        )
    assert any(clean(path.read_text(encoding="utf-8")).captions for path in SEED_FILES)


def test_paragraphs_are_separated_by_one_blank_line(seed: Cleaned) -> None:
    text = seed.text.text
    assert text == text.strip()
    assert "\n\n\n" not in text
    assert re.search(r"(?<!\n)\n(?!\n)", text) is None
    assert re.search(r" \n|\n | {2}", text) is None


def test_no_letter_outside_removed_lines_is_lost(seed: Cleaned) -> None:
    dropped = [
        (removal.raw_start, removal.raw_end)
        for removal in seed.removed
        if removal.reason.startswith(("furniture", "caption"))
    ]
    kept = set(seed.text.origin)
    lost = [
        position
        for position, character in enumerate(seed.raw)
        if character.isalpha()
        and position not in kept
        and not any(start <= position < end for start, end in dropped)
    ]
    assert lost == []


def test_clean_characters_map_back_to_the_raw_characters(seed: Cleaned) -> None:
    offsets = seed.text.offset_map()
    exact = 0
    for position in range(0, len(seed.text.text), 3):
        character = seed.text.text[position]
        original = seed.raw[offsets.to_raw(position)]
        exact += character == original
        assert _same_modulo_normalisation(character, original), (position, character, original)
    assert exact >= 0.98 * len(range(0, len(seed.text.text), 3))


def _same_modulo_normalisation(clean: str, raw: str) -> bool:
    if clean == raw:
        return True
    if clean in " \n":
        return raw.isspace() or unicodedata.category(raw) in {"Zs", "Cf"}
    if clean in "\"'":
        return unicodedata.category(raw) in {"Pi", "Pf", "Ps", "Pe", "Po"}
    return clean.isalpha() and raw.isalpha() and not raw.isascii()
