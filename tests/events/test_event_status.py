from __future__ import annotations

import pytest
from spacy.language import Language

from events.events_helpers import code, event
from newsgraph.events.patterns import load_patterns
from newsgraph.events.status import read_framing, read_noun_framing


@pytest.mark.parametrize(
    ("text", "trigger", "status"),
    [
        pytest.param("Russia attacked Ukraine on Monday.", "attacked", "asserted", id="asserted"),
        pytest.param("Russia will expel the diplomats.", "expel", "planned", id="will"),
        pytest.param("Russia is set to expel the diplomats.", "expel", "planned", id="is-set-to"),
        pytest.param("Russia is expected to expel the diplomats.", "expel", "planned", id="is-expected-to"),
        pytest.param("Russia plans to expel the diplomats.", "expel", "planned", id="plans-to"),
        pytest.param("Russia is due to expel the diplomats.", "expel", "planned", id="is-due-to"),
        pytest.param("Iran said it would expel the inspectors.", "expel", "planned", id="would-after-past-said"),
        pytest.param("Moscow could provide long-range weapons to Syria.", "provide", "hypothetical", id="could"),
        pytest.param("Turkey may attack the Kurdish militias.", "attack", "hypothetical", id="may"),
        pytest.param("If Turkey attacks Syria, Iran will respond.", "attacks", "hypothetical", id="if-clause"),
        pytest.param("Moscow and Pyongyang have denied arms transfers.", "transfers", "denied", id="denied-noun"),
        pytest.param("Iran denied that it had supplied drones to Russia.", "supplied", "denied", id="denied-that"),
        pytest.param("Washington has revealed that North Korea provided Russia with munitions.", "provided", "alleged", id="alleged"),
        pytest.param("Russia reportedly shelled Kharkiv.", "shelled", "alleged", id="reportedly"),
        pytest.param("The planned summit between Vladimir Putin and Kim Jong Un was delayed.", "summit", "planned", id="planned-noun"),
        pytest.param("No Pakistani military facilities were targeted by India.", "targeted", "denied", id="no-subject"),
    ],
)
def test_status(nlp: Language, text: str, trigger: str, status: str) -> None:
    assert event(nlp, text, trigger).status == status


def test_a_negated_event_is_kept_marked_and_never_asserted(nlp: Language) -> None:
    found = event(nlp, "The Indian prime minister did not attend the summit in Moscow.", "summit")
    assert (found.type, found.negated, found.status) == ("CONSULT", True, "denied")


def test_a_denial_names_the_denier(nlp: Language) -> None:
    found = event(nlp, "Moscow and Pyongyang have denied arms transfers.", "transfers")
    assert {actor.country for actor in found.source_actors} == {"RUS", "PRK"}
    assert found.reported_by is not None and found.reported_by.country == "RUS"


def test_an_allegation_names_the_reporter(nlp: Language) -> None:
    found = event(nlp, "Washington has revealed that North Korea provided Russia with munitions.", "provided")
    assert found.reported_by is not None and found.reported_by.code == "USAGOV"
    assert (found.type, found.mode) == ("AID", "military")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Hungary said it had sent aid to Serbia.", id="source-reports-itself"),
        pytest.param("Russia shelled Kharkiv, the Russian defence ministry said.", id="same-country-reports"),
        pytest.param("Russia shelled Kharkiv, witnesses said.", id="unnamed-witnesses"),
    ],
)
def test_a_report_by_the_source_or_by_nobody_in_particular_stays_asserted(nlp: Language, text: str) -> None:
    found = [e for e in code(nlp, text) if e.type in ("AID", "ASSAULT")]
    assert [e.status for e in found] == ["asserted"]


def test_framing_records_condition_and_obligation(nlp: Language) -> None:
    book = load_patterns()
    doc = nlp("The minister said Israel must withdraw unless talks resume.")
    framing = read_framing(next(t for t in doc if t.text == "withdraw"), book)
    assert (framing.status, framing.obligation, framing.conditional) == ("hypothetical", True, True)
    assert framing.speech is not None and framing.speech.text == "said"


def test_noun_framing_reads_its_own_modifiers(nlp: Language) -> None:
    book = load_patterns()
    doc = nlp("A possible attack worried the villagers.")
    assert read_noun_framing(next(t for t in doc if t.text == "attack"), book).status == "hypothetical"
