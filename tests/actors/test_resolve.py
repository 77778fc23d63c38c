"""resolve_actors end to end on small texts written for these tests: each trap of the issue."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.actors import DocumentActors, resolve_actors
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base

DAY = date(2024, 6, 18)

KIMS = (
    "North Korean leader Kim Jong Un oversaw a missile drill on Saturday, and Kim called it a warning. "
    "His sister, Kim Yo Jong, mocked Seoul in a statement. Kim's father, Kim Jong Il, and his grandfather, "
    "Kim Il Sung, ruled before him.\n\n"
    '"The drills are a message to Washington," said Lami Kim, a professor at the Pacific Institute for '
    "Policy in Honolulu.\n\n"
    '"Talks are unlikely this year," Kim, the professor in Honolulu, said.\n\n'
    "Kim also promoted two generals after the drill."
)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def resolve(nlp: Language, kb: KnowledgeBase, text: str, published: date | None = DAY) -> DocumentActors:
    return resolve_actors(nlp(text), kb, published)


def said_by(actors: DocumentActors, text: str, form: str, occurrence: int = 0) -> str | None:
    """The actor of the ``occurrence``-th mention written ``form``."""
    starts = [m.start for m in actors.mentions if m.text == form]
    assert len(starts) > occurrence, f"no mention {occurrence} of {form!r} in {[m.text for m in actors.mentions]}"
    mention = next(m for m in actors.mentions if m.start == starts[occurrence] and m.text == form)
    assert text[mention.start : mention.end] == form
    return mention.actor_id


def test_spelling_variants_are_one_actor_and_the_demonym_its_country(nlp: Language, kb: KnowledgeBase) -> None:
    text = "North Korean leader Kim Jong-un toured a plant. Kim Jong Un later visited a farm."
    actors = resolve(nlp, kb, text)
    kim = actors.actor("person:kim-jong-un")
    assert kim is not None and {"Kim Jong-un", "Kim Jong Un"} <= set(kim.aliases)
    assert said_by(actors, text, "North Korean") == "country:PRK"
    assert actors.actor_at(0, text.index(" toured")) == "person:kim-jong-un"


@pytest.mark.parametrize(
    "form, occurrence, expected",
    [
        ("Kim", 0, "person:kim-jong-un"),  # in a Kim Jong Un story
        ("Kim", 1, "person:kim-jong-un"),  # "Kim's father": the possessor
        ("Kim Jong Il", 0, "person:kim-jong-il"),
        ("Kim", 2, "person:lami-kim"),  # "Kim, the professor in Honolulu"
        ("Kim", 3, "person:kim-jong-un"),  # the leader again, not the latest Kim
    ],
)
def test_people_who_share_a_surname_stay_apart(
    nlp: Language, kb: KnowledgeBase, form: str, occurrence: int, expected: str
) -> None:
    assert said_by(resolve(nlp, kb, KIMS), KIMS, form, occurrence) == expected


def test_five_kims_are_five_actors(nlp: Language, kb: KnowledgeBase) -> None:
    people = {a.id for a in resolve(nlp, kb, KIMS).actors if a.type == "person"}
    assert {
        "person:kim-jong-un", "person:kim-yo-jong", "person:kim-jong-il", "person:kim-il-sung", "person:lami-kim"
    } <= people


@pytest.mark.parametrize(
    "text, form, published, expected",
    [
        (
            'Secretary of State Antony Blinken landed in Cairo. "We want calm," the secretary told reporters.',
            "the secretary", DAY, "person:antony-blinken",
        ),
        ("The Russian leader met reporters on Tuesday.", "The Russian leader", DAY, "person:vladimir-putin"),
        ("The North Korean leader met troops on Tuesday.", "The North Korean leader", DAY, "person:kim-jong-un"),
        ("The NATO chief warned allies on Tuesday.", "The NATO chief", date(2025, 3, 1), "person:mark-rutte"),
        (
            "Ursula von der Leyen spoke first. The European Commission president said aid would grow.",
            "The European Commission president", None, "person:ursula-von-der-leyen",
        ),
        (
            "The United States will keep backing Kyiv, its top diplomat said. Secretary of State Antony Blinken "
            "spoke in Brussels.",
            "its top diplomat", None, "person:antony-blinken",
        ),
        ("Britain will send aid, its top diplomat said on Monday.", "its top diplomat", date(2024, 6, 1), "person:david-cameron"),
        (
            "Lami Kim, a professor at the Pacific Institute in Honolulu, spoke first. Park Ji-hoon, a professor "
            "at a Seoul university, disagreed. The professor in Honolulu said talks would fail.",
            "The professor in Honolulu", DAY, "person:lami-kim",
        ),
        (
            "The Korean Central News Agency praised the test. The agency said more would follow.",
            "The agency", DAY, "media:kcna",
        ),
        (
            "A U.S. State Department spokesperson said talks went well. The spokesperson added that more were planned.",
            "The spokesperson", DAY, "sector:USAGOV",
        ),
    ],
)
def test_titles_and_descriptions_resolve_to_their_actor(
    nlp: Language, kb: KnowledgeBase, text: str, form: str, published: date | None, expected: str
) -> None:
    assert said_by(resolve(nlp, kb, text, published), text, form) == expected


def test_no_office_holder_is_guessed_without_a_date(nlp: Language, kb: KnowledgeBase) -> None:
    actors = resolve(nlp, kb, "The Russian leader met reporters on Tuesday.", None)
    assert "person:vladimir-putin" not in {a.id for a in actors.actors}


@pytest.mark.parametrize(
    "text, form, expected",
    [
        ("Pyongyang rejected the offer on Monday.", "Pyongyang", "sector:PRKGOV"),
        ("The envoy arrived in Pyongyang on Monday.", "Pyongyang", "country:PRK"),
        ("The Pentagon declined to comment.", "Pentagon", "sector:USAMIL"),
        ("The Kremlin denied the report.", "Kremlin", "sector:RUSGOV"),
        ("The White House welcomed the vote.", "White House", "sector:USAGOV"),
        ("Seoul warned that the North would pay a price.", "North", "country:PRK"),
        ("North Korean state media praised the visit.", "North Korean state media", "sector:PRKMED"),
        ("The South Korean Foreign Ministry protested.", "The South Korean Foreign Ministry", "sector:KORGOV"),
        ("U.S. intelligence officials doubt the claim.", "U.S. intelligence officials", "sector:USASPY"),
    ],
)
def test_places_and_bodies_standing_for_a_state_are_its_sector(
    nlp: Language, kb: KnowledgeBase, text: str, form: str, expected: str
) -> None:
    assert said_by(resolve(nlp, kb, text), text, form) == expected


def test_a_sector_actor_has_a_stable_id_name_type_and_code(nlp: Language, kb: KnowledgeBase) -> None:
    actor = resolve(nlp, kb, "Russian state media aired the speech.").actor("sector:RUSMED")
    assert actor is not None
    assert (actor.name, actor.type, actor.country, actor.code, actor.from_kb) == ("Russia media", "media", "RUS", "RUSMED", True)


def test_a_person_the_base_does_not_know_gets_role_affiliation_country_and_code(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        '"The region is at a turning point," said Nora Lindqvist, a former U.S. national security official '
        'now with the Atlantic Policy Institute. "Allies must act together," she said.'
    )
    actors = resolve(nlp, kb, text)
    nora = actors.actor("person:nora-lindqvist")
    assert nora is not None and not nora.from_kb
    assert (nora.role, nora.affiliation, nora.country, nora.code) == (
        "former national security official", "Atlantic Policy Institute", "USA", "USAELI",
    )
    assert actors.actor("organization:atlantic-policy-institute") is not None
    assert said_by(actors, text, "she") == "person:nora-lindqvist"


@pytest.mark.parametrize(
    "text, person, country",
    [
        ("Putin's foreign policy aide Pavel Orlov said the visit would go ahead.", "person:pavel-orlov", "RUS"),
        ("Tass quoted Deputy Foreign Minister Ivan Sokolov as saying plans were ready.", "person:ivan-sokolov", "RUS"),
        ("Jon Park, a professor at the Harbor Institute in Busan, said so.", "person:jon-park", None),
    ],
)
def test_a_persons_country_comes_from_the_text_when_it_supports_one(
    nlp: Language, kb: KnowledgeBase, text: str, person: str, country: str | None
) -> None:
    actor = resolve(nlp, kb, text).actor(person)
    assert actor is not None and actor.country == country


def test_a_speakers_pronoun_goes_to_the_speaker_not_the_person_they_spoke_of(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Stoltenberg said Putin's plan had failed.\n\n"
        '"It will not work," he said.'
    )
    assert said_by(resolve(nlp, kb, text), text, "he") == "person:jens-stoltenberg"


def test_a_she_after_a_persons_quote_makes_later_pronouns_skip_her(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        'Jon Park met Anna Berg on Monday. "It went well," Berg said. "We agreed," she said.\n\n'
        '"I am pleased," he said.'
    )
    actors = resolve(nlp, kb, text)
    assert said_by(actors, text, "she") == "person:anna-berg"
    assert said_by(actors, text, "he") == "person:jon-park"


def test_pronouns_inside_quotations_are_left_alone(nlp: Language, kb: KnowledgeBase) -> None:
    text = 'Blinken spoke on Monday. "He cannot win this war," Blinken said of Putin.'
    assert [m for m in resolve(nlp, kb, text).mentions if m.how == "pronoun"] == []


@pytest.mark.parametrize("published, code", [(DAY, "USAGOV"), (date(2025, 6, 1), "USAELI"), (None, "USAGOV")])
def test_codes_are_those_of_the_articles_date(
    nlp: Language, kb: KnowledgeBase, published: date | None, code: str
) -> None:
    actor = resolve(nlp, kb, "Antony Blinken spoke on Monday.", published).actor("person:antony-blinken")
    assert actor is not None and actor.code == code


def test_ids_are_the_same_in_every_document(nlp: Language, kb: KnowledgeBase) -> None:
    first = resolve(nlp, kb, "Nora Lindqvist, an analyst, spoke to the U.S. Senate.")
    second = resolve(nlp, kb, "Yesterday NORA LINDQVIST and Nora Lindqvist's staff left.")
    assert "person:nora-lindqvist" in {a.id for a in first.actors} & {a.id for a in second.actors}


def test_every_mention_points_at_its_words(nlp: Language, kb: KnowledgeBase) -> None:
    actors = resolve(nlp, kb, KIMS)
    assert all(KIMS[m.start : m.end] == m.text for m in actors.mentions)
    assert {m.actor_id for m in actors.mentions} == {a.id for a in actors.actors}



def test_hyphenated_given_names_and_family_names_first(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Park Min-jae, commissioner of the coast guard, defended his crews. Park Soo-yeon, a professor, "
        "disagreed. Park Min-jae said the patrols would go on. Mao Ning, a ministry spokesperson, spoke next. "
        "Mao said China objected."
    )
    actors = resolve(nlp, kb, text)
    assert {"person:park-min-jae", "person:park-soo-yeon", "person:mao-ning"} <= {actor.id for actor in actors.actors}
    assert said_by(actors, text, "Park Min-jae", 1) == "person:park-min-jae"
    assert said_by(actors, text, "Mao") == "person:mao-ning"


def test_a_country_s_ambassador_to_the_un_acts_for_the_country_and_a_un_envoy_for_the_un(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        '"This fails the people of Gaza," said Linda Grant, the U.S. ambassador to the United Nations. '
        "UN envoy Tor Berg said talks would resume."
    )
    actors = {actor.id: actor for actor in resolve(nlp, kb, text).actors}
    assert (actors["person:linda-grant"].country, actors["person:linda-grant"].code) == ("USA", "USAGOV")
    assert actors["person:tor-berg"].code == "IGOUNO"
