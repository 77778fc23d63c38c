from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.quotes.attribution import attribute, attribute_quote
from newsgraph.quotes.marks import find_quoted_regions, paragraph_spans


def attribution_of(nlp: Language, text: str, word: str) -> tuple[str | None, str | None, str | None]:
    doc = nlp(text)
    found = attribute(next(token for token in doc if token.text == word))
    assert found is not None
    speaker = found.speaker.text if found.speaker else None
    reporter = found.reporter.text if found.reporter else None
    return found.cue, speaker, reporter


@pytest.mark.parametrize(
    ("text", "word", "expected"),
    [
        ("The official who said the line was safe resigned.", "said", ("say", "The official", None)),
        (
            "The city rebuked the union, with a spokesperson telling the radio it was wrong.",
            "telling",
            ("tell", "a spokesperson", None),
        ),
        (
            "EFE quoted the minister as saying the talks went well.",
            "quoted",
            ("say", "the minister", "EFE"),
        ),
        (
            "The minister was quoted by EFE as saying the talks went well.",
            "quoted",
            ("say", "The minister", "EFE"),
        ),
        (
            "Lopez said the talks had failed, state media reported.",
            "reported",
            ("say", "Lopez", "state media"),
        ),
        ("The talks went well, the ministry said, EFE reported.", "said", ("say", "the ministry", "EFE")),
        (
            "The claims went unanswered, according to the union.",
            "according",
            ("according to", "the union", None),
        ),
        (
            "It came amid Spanish accusations that the line was unsafe.",
            "accusations",
            ("accusation", "Spanish", None),
        ),
        (
            "The ministry condemned the sanctions, saying that the line was safe.",
            "saying",
            ("say", "The ministry", None),
        ),
        (
            "The ministry issued a statement saying that the line was safe.",
            "saying",
            ("say", "The ministry", None),
        ),
    ],
)
def test_attributes_a_cue_to_its_speaker_and_reporter(
    nlp: Language, text: str, word: str, expected: tuple[str, str, str | None]
) -> None:
    assert attribution_of(nlp, text, word) == expected


def test_a_cue_joined_inside_a_reported_clause_takes_the_reporting_speaker(nlp: Language) -> None:
    text = 'Ruiz said the drivers deserved better and promised "real money" for the line.'
    doc = nlp(text)
    (region,) = find_quoted_regions(text)
    quoted = {token.i for token in doc if region.outer_start <= token.idx < region.outer_end}
    found = attribute_quote(doc, region, False, quoted, paragraph_spans(text)[0])
    assert found is not None and found.speaker is not None
    assert (found.cue, found.speaker.text) == ("promise", "Ruiz")


def test_a_direct_quote_prefers_the_attribution_after_it(nlp: Language) -> None:
    text = 'In reply to Lopez\'s remarks, "We stop now," the minister said.'
    doc = nlp(text)
    (region,) = find_quoted_regions(text)
    quoted = {token.i for token in doc if region.outer_start <= token.idx < region.outer_end}
    found = attribute_quote(doc, region, True, quoted, paragraph_spans(text)[0])
    assert found is not None and found.speaker is not None
    assert found.speaker.text == "the minister"


def test_a_noun_without_an_owner_is_no_attribution(nlp: Language) -> None:
    doc = nlp("The accusations were loud.")
    assert attribute(doc[1]) is None


@pytest.mark.parametrize(
    ("text", "cue", "speaker"),
    [
        ('Ana Ruiz was blunt: "The talks are over."', "be", "Ana Ruiz"),
        ('Speaking in Lima, the minister struck a defiant tone: "We will not give in."', "strike", "the minister"),
    ],
)
def test_a_direct_quote_after_a_colon_is_the_clause_subjects(nlp: Language, text: str, cue: str, speaker: str) -> None:
    doc = nlp(text)
    (region,) = find_quoted_regions(text)
    quoted = {token.i for token in doc if region.outer_start <= token.idx < region.outer_end}
    found = attribute_quote(doc, region, True, quoted, paragraph_spans(text)[0])
    assert found is not None and found.speaker is not None
    assert (found.cue, found.speaker.text) == (cue, speaker)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        pytest.param(
            "The two ministers signed the pact in the presence of envoy Ana Ruiz, who admitted there was "
            'much to do but said the pact would "bring calm to the region."',
            "envoy Ana Ruiz", id="a-speech-verb-joined-to-the-relative-clause-before-it",
        ),
        pytest.param(
            'Tomas Varga met Ana Ruiz, who spoke first, and added that "the war will go on."',
            "Tomas Varga", id="not-across-the-comma-closing-an-aside",
        ),
        pytest.param('"A dark day": UN chief condemns attack on convoy', "UN chief", id="not-the-quoted-words-themselves"),
    ],
)
def test_the_speaker_is_the_subject_of_the_right_clause(nlp: Language, text: str, speaker: str) -> None:
    doc = nlp(text)
    (region,) = find_quoted_regions(text)
    quoted = {token.i for token in doc if region.outer_start <= token.idx < region.outer_end}
    direct = text.startswith('"')
    found = attribute_quote(doc, region, direct, quoted, paragraph_spans(text)[0])
    assert found is not None and found.speaker is not None
    assert found.speaker.text == speaker
