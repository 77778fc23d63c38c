"""Each quotation's speaker resolved to an actor: people, bodies, media, carried and title quotes."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.actors import resolve_actors, resolve_speakers, resolve_title_speaker
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.quotes import find_quotes

DAY = date(2024, 6, 18)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def speakers(nlp: Language, kb: KnowledgeBase, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text)
    actors = resolve_actors(doc, kb, DAY)
    quotes = find_quotes(doc)
    return [(quote.text, speaker) for quote, speaker in zip(quotes, resolve_speakers(doc, actors, quotes, kb, DAY))]


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        ('"We will not back down," Blinken said in Paris.', "We will not back down", "person:antony-blinken"),
        (
            'Secretary of State Antony Blinken met allies. "Aid must flow," the secretary said.',
            "Aid must flow", "person:antony-blinken",
        ),
        (
            'A State Department spokesperson told reporters: "No country should help them."',
            "No country should help them.", "sector:USAGOV",
        ),
        (
            "North Korean state media called the drills \"a rehearsal for invasion.\"",
            "a rehearsal for invasion.", "sector:PRKMED",
        ),
        (
            "The Korean Central News Agency praised the leader. The agency called the test \"a great success.\"",
            "a great success.", "media:kcna",
        ),
        ("Pyongyang called the drills \"reckless provocations\" on Sunday.", "reckless provocations", "sector:PRKGOV"),
    ],
)
def test_a_speaker_is_a_person_a_states_body_or_a_media_actor(
    nlp: Language, kb: KnowledgeBase, text: str, quote: str, speaker: str
) -> None:
    assert (quote, speaker) in speakers(nlp, kb, text)


def test_a_pronoun_speaker_and_a_carried_quotation_get_the_persons_id(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        'Jon Park, an analyst at the Harbor Institute, spoke on Monday. "Sanctions are failing," he said.\n\n'
        '"Nobody enforces them any more."'
    )
    found = dict(speakers(nlp, kb, text))
    assert found["Sanctions are failing"] == "person:jon-park"
    assert found["Nobody enforces them any more."] == "person:jon-park"


def test_a_speaker_naming_several_actors_has_no_single_id(nlp: Language, kb: KnowledgeBase) -> None:
    found = dict(speakers(nlp, kb, 'Seoul and Washington called the launch "a clear violation."'))
    assert found["a clear violation."] is None


def test_a_speaker_no_actor_covers_is_unknown(nlp: Language, kb: KnowledgeBase) -> None:
    found = dict(speakers(nlp, kb, 'Several experts called the plan "a gamble."'))
    assert found["a gamble."] is None


def test_a_title_quote_is_given_the_body_actor_it_names(nlp: Language, kb: KnowledgeBase) -> None:
    body = nlp('Daniel Ortiz, a fellow at the Harbor Institute, spoke. "The talks failed," Ortiz said.')
    actors = resolve_actors(body, kb, DAY)
    title = nlp('Talks "failed," Ortiz says')
    quotes = find_quotes(title)
    assert quotes
    assert resolve_title_speaker(title, quotes, actors, kb, DAY)[0] == "person:daniel-ortiz"
    elsewhere = resolve_actors(nlp("The weather was mild in Lisbon."), kb, DAY)
    assert resolve_title_speaker(title, quotes, elsewhere, kb, DAY)[0] is None
