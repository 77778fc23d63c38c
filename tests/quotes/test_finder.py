from __future__ import annotations

import pytest
from spacy.language import Language

from newsgraph.quotes import QuoteSpan, find_quotes, find_quotes_in_text


def quotes(nlp: Language, text: str, kinds: tuple[str, ...] = ("direct", "partial")) -> list[QuoteSpan]:
    return [quote for quote in find_quotes(nlp(text)) if quote.kind in kinds]


def summary(found: list[QuoteSpan]) -> list[tuple[str, str, str | None, str | None]]:
    return [(quote.kind, quote.text, quote.cue, quote.speaker_text) for quote in found]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            '"The trains will run on Monday," the minister said during a press conference in Lyon.',
            [("direct", "The trains will run on Monday", "say", "the minister")],
            id="quote-then-said",
        ),
        pytest.param(
            'Lopez said: "We will not give up."',
            [("direct", "We will not give up.", "say", "Lopez")],
            id="said-colon-quote",
        ),
        pytest.param(
            'The union leader told reporters, "Nobody will drive a train this week."',
            [("direct", "Nobody will drive a train this week.", "tell", "The union leader")],
            id="told-comma-quote",
        ),
        pytest.param(
            "\u201cWe have waited for a year. Nobody listened. Now we stop,\u201d Lopez said.",
            [("direct", "We have waited for a year. Nobody listened. Now we stop", "say", "Lopez")],
            id="multi-sentence-curly",
        ),
        pytest.param(
            '"Talks will resume next week," according to the agency.',
            [("direct", "Talks will resume next week", "according to", "the agency")],
            id="according-to-after",
        ),
        pytest.param(
            '"Rail workers hosted the mayor," he was quoted as saying in a transcript.',
            [("direct", "Rail workers hosted the mayor", "say", "he")],
            id="quoted-as-saying",
        ),
        pytest.param(
            'The mayor vowed to do "whatever it takes" to end the strike.',
            [("partial", "whatever it takes", "vow", "The mayor")],
            id="partial-object",
        ),
        pytest.param(
            'Lopez praised "Citizen" Dubois in a speech.',
            [("partial", "Citizen", "praise", "Lopez")],
            id="partial-title",
        ),
        pytest.param(
            "Lopez vows to do 'whatever it takes' to end rail strike",
            [("partial", "whatever it takes", "vow", "Lopez")],
            id="single-quoted-headline",
        ),
        pytest.param(
            'The agency said the leaders shared "their deepest thoughts" during the ride.',
            [("partial", "their deepest thoughts", "say", "The agency")],
            id="partial-in-reported-clause",
        ),
        pytest.param(
            'A Transport Ministry spokesperson told the radio: "No train will leave Paris."',
            [("direct", "No train will leave Paris.", "tell", "A Transport Ministry spokesperson")],
            id="spokesperson",
        ),
        pytest.param(
            'The minister said, accusing the union of "holding the country hostage," that talks were over.',
            [("partial", "holding the country hostage", "accuse", "The minister")],
            id="participle-borrows-subject",
        ),
        pytest.param(
            'The mediator said the parties had agreed to a "lasting truce" on Sunday.',
            [("partial", "lasting truce", "say", "The mediator")],
            id="announcer-not-parties",
        ),
        pytest.param(
            'The ruling prompted Lopez to call the charges "completely false."',
            [("partial", "completely false.", "call", "Lopez")],
            id="object-speaks-for-the-verb-it-is-made-to-do",
        ),
        pytest.param(
            'Lopez pointed the blame at "foreign forces" on Sunday.',
            [("partial", "foreign forces", "point", "Lopez")],
            id="partial-without-speech-verb",
        ),
        pytest.param(
            'The resolution, adopted on Friday, "demands that the fighters withdraw."',
            [("partial", "demands that the fighters withdraw.", "demand", "The resolution")],
            id="quoted-verb-of-the-writers-subject",
        ),
        pytest.param(
            'Lopez: "We will not give up"',
            [("direct", "We will not give up", ":", "Lopez")],
            id="headline-colon",
        ),
        pytest.param(
            "The European Union's High Representative for Foreign Affairs and Security Policy and Vice-President "
            'of the European Commission Anna Lind called the episode "an extremely dangerous provocation."',
            [("partial", "an extremely dangerous provocation.", "call", "Anna Lind")],
            id="two-subjects-the-person-nearest",
        ),
        pytest.param(
            '"My husband is free!" Tsikhanouskaya wrote on X. "I cannot describe my joy."',
            [("direct", "My husband is free!", "write", "Tsikhanouskaya"),
             ("direct", "I cannot describe my joy.", "write", "Tsikhanouskaya")],
            id="attribution-the-parser-took-for-a-sentence",
        ),
        pytest.param(
            '"We will not wait for Tokyo," Park Min-jae said.',
            [("direct", "We will not wait for Tokyo", "say", "Park Min-jae")],
            id="a-name-the-parser-split",
        ),
    ],
)
def test_finds_each_quotation_with_its_cue_and_speaker(
    nlp: Language, text: str, expected: list[tuple[str, str, str, str]]
) -> None:
    assert summary(quotes(nlp, text)) == expected


@pytest.mark.parametrize(
    ("attribution", "cue", "speaker"),
    [
        ("he said", "say", "he"),
        ("she said", "say", "she"),
        ("he added", "add", "he"),
        ("he continued", "continue", "he"),
        ("he wrote in a report", "write", "he"),
        ("they told reporters", "tell", "they"),
    ],
)
def test_keeps_a_pronoun_speaker_as_written(nlp: Language, attribution: str, cue: str, speaker: str) -> None:
    (quote,) = quotes(nlp, f'"The rail network is failing," {attribution}.')
    assert (quote.cue, quote.speaker_text) == (cue, speaker)


def test_both_halves_of_a_split_quote_get_the_same_attribution(nlp: Language) -> None:
    text = '"The trains will run," she said, "but not on time."'
    first, second = quotes(nlp, text)
    assert [first.text, second.text] == ["The trains will run", "but not on time."]
    assert [first.kind, second.kind] == ["direct", "direct"]
    assert (first.cue_start, first.speaker_start) == (second.cue_start, second.speaker_start)
    assert second.carried_from is None


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            '"We will stop," Lopez said.\n\n"And we will not start again until they listen."', id="closed"
        ),
        pytest.param(
            'Lopez said: "We will stop.\n\n"And we will not start again until they listen."', id="left-open"
        ),
        pytest.param(
            '"We will stop," Lopez said. "And we will not start again until they listen."',
            id="same-paragraph",
        ),
    ],
)
def test_an_unattributed_continuation_inherits_the_previous_speaker(nlp: Language, text: str) -> None:
    first, second = quotes(nlp, text)
    assert second.carried_from == 0
    assert (second.speaker_text, second.speaker_start, second.cue) == ("Lopez", first.speaker_start, "say")
    assert second.sentence_start == second.start - 1


def test_a_quote_running_on_into_an_attributed_paragraph_takes_that_attribution(nlp: Language) -> None:
    text = '"The talks were productive. Both sides showed goodwill.\n\n"But there is work to do," said Ana Ruiz.'
    first, second = quotes(nlp, text)
    assert (second.speaker_text, second.carried_from) == ("Ana Ruiz", None)
    assert (first.carried_from, first.speaker_text, first.cue) == (1, "Ana Ruiz", "say")


def test_a_quote_after_an_unquoted_paragraph_inherits_nothing(nlp: Language) -> None:
    text = '"We stop now," she said.\n\nThe minister left the room.\n\n"We stop forever."'
    last = quotes(nlp, text)[-1]
    assert (last.carried_from, last.speaker_text, last.cue) == (None, None, None)


def test_a_quote_inside_a_quote_is_not_an_attribution(nlp: Language) -> None:
    text = '"The mayor said that they agreed," Lopez said.'
    (quote,) = quotes(nlp, text)
    assert (quote.speaker_text, text[quote.cue_start or 0 : quote.cue_end]) == ("Lopez", "said")
    assert text.index("said", quote.end) == quote.cue_start


def test_a_named_speaker_keeps_the_apposition_apart(nlp: Language) -> None:
    text = '"We will win," Marc Dubois, a fellow at the Institute for Urban Studies, said in an email.'
    (quote,) = quotes(nlp, text)
    assert (quote.speaker_text, quote.apposition_text) == (
        "Marc Dubois",
        "a fellow at the Institute for Urban Studies",
    )
    assert text[quote.apposition_start or 0 : quote.apposition_end] == quote.apposition_text


def test_an_inverted_attribution_keeps_the_apposition_apart(nlp: Language) -> None:
    text = (
        'The strike "could last a month," said Marc Dubois, '
        "a former official now with the Institute for Urban Studies."
    )
    (quote,) = quotes(nlp, text)
    assert quote.speaker_text == "Marc Dubois"
    assert quote.apposition_text == "a former official now with the Institute for Urban Studies"


def test_the_agency_relaying_a_quote_is_its_reporter(nlp: Language) -> None:
    text = '"We will win," Spain\'s EFE news agency quoted Lopez as saying.'
    (quote,) = quotes(nlp, text)
    assert (quote.speaker_text, quote.reporter_text, quote.cue) == ("Lopez", "Spain's EFE news agency", "say")


def test_according_to_beside_a_speech_verb_names_the_reporter(nlp: Language) -> None:
    text = '"We value your support," Lopez said at the dinner, according to state media.'
    (quote,) = quotes(nlp, text)
    assert (quote.speaker_text, quote.reporter_text) == ("Lopez", "state media")


@pytest.mark.parametrize(
    ("text", "clause", "cue", "speaker"),
    [
        ("Lopez said that the talks had failed.", "the talks had failed", "say", "Lopez"),
        ("Lopez told reporters the talks had failed.", "the talks had failed", "tell", "Lopez"),
        (
            "A flight carrying Houthi rebel prisoners of war left Saudi Arabia on Saturday bound for Yemen's "
            "rebel-held capital Sanaa, the International Committee of the Red Cross (ICRC) said.",
            "A flight carrying Houthi rebel prisoners of war left Saudi Arabia on Saturday bound for Yemen's "
            "rebel-held capital Sanaa",
            "say",
            "the International Committee of the Red Cross",
        ),
        (
            "According to the union, the talks failed on Friday.",
            "the talks failed on Friday",
            "according to",
            "the union",
        ),
        (
            "The Spanish Foreign Ministry said Tuesday that any strike must not block the border.",
            "any strike must not block the border",
            "say",
            "The Spanish Foreign Ministry",
        ),
        (
            "The strike is the biggest in a decade, said Marc Dubois.",
            "The strike is the biggest in a decade",
            "say",
            "Marc Dubois",
        ),
    ],
)
def test_finds_reported_speech(nlp: Language, text: str, clause: str, cue: str, speaker: str) -> None:
    (quote,) = quotes(nlp, text, ("indirect",))
    assert (quote.text, quote.cue, quote.speaker_text) == (clause, cue, speaker)


@pytest.mark.parametrize(
    "text",
    [
        "The ministry said on Monday.",
        "Lopez spoke to the press on Friday.",
        "The vote underscores that rail matters.",
    ],
)
def test_a_speech_verb_without_a_clause_reports_nothing(nlp: Language, text: str) -> None:
    assert find_quotes(nlp(text)) == []


def test_results_are_in_text_order_with_offsets_into_the_text(nlp: Language) -> None:
    text = (
        'Lopez said the strike would go on and vowed to do "whatever it takes" to win.\n\n'
        '"We stop when they listen," he added. "Not before."'
    )
    found = find_quotes(nlp(text))
    assert [quote.start for quote in found] == sorted(quote.start for quote in found)
    assert all(text[quote.start : quote.end] == quote.text for quote in found)
    assert all(quote.sentence_start <= quote.start and quote.end <= quote.sentence_end for quote in found)
    assert [quote.paragraph for quote in found] == [0, 0, 1, 1]


def test_an_unclosed_quote_does_not_swallow_the_next_paragraphs(nlp: Language) -> None:
    text = 'He said "we will win.\n\nThe minister disagreed. Later the union said the strike was over.'
    found = find_quotes(nlp(text))
    assert [(quote.kind, quote.text) for quote in found] == [
        ("partial", "we will win."),
        ("indirect", "the strike was over"),
    ]
    assert found[0].paragraph == 0 and found[1].paragraph == 1


@pytest.mark.parametrize("text", ["", "  \n\n ", '"', '""', "'"])
def test_text_without_quotations_gives_nothing(nlp: Language, text: str) -> None:
    assert find_quotes(nlp(text)) == []


def test_find_quotes_in_text_parses_with_the_shared_pipeline(nlp: Language) -> None:
    text = '"We will win," Lopez said.'
    assert find_quotes_in_text(text) == find_quotes(nlp(text))


def test_a_quotation_on_its_own_line_after_a_colon_is_attributed_by_the_line_before(nlp: Language) -> None:
    text = 'Ana Ruiz met the rebels on Monday. Afterwards she wrote on X:\n\n"We will not give in. The people want peace."'
    (quote,) = [quote for quote in find_quotes(nlp(text)) if quote.kind == "direct"]
    assert (quote.cue, quote.speaker_text) == ("write", "she")
