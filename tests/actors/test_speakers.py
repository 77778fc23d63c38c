"""Each quotation's speaker: an actor of the document, or unresolved with a reason. One case per rule."""

from __future__ import annotations

from datetime import date

import pytest
from spacy.language import Language

from newsgraph.actors import Speaker, resolve_speakers, resolve_title_speakers
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base
from newsgraph.actors.reading import ActorReading, read_actors
from newsgraph.actors.speakers import SPEAKER_HOWS, UNRESOLVED_REASONS, SpeakerEvidence, speaker_confidence
from newsgraph.quotes import find_quotes

DAY = date(2024, 6, 18)


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def read(nlp: Language, kb: KnowledgeBase, text: str) -> tuple[ActorReading, dict[str, Speaker]]:
    doc = nlp(text)
    reading = read_actors(doc, kb, DAY)
    quotes = find_quotes(doc)
    return reading, {quote.text: speaker for quote, speaker in zip(quotes, resolve_speakers(reading, quotes, kb))}


def speakers(nlp: Language, kb: KnowledgeBase, text: str) -> dict[str, str | None]:
    return {text: speaker.actor_id for text, speaker in read(nlp, kb, text)[1].items()}


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
    assert speakers(nlp, kb, text)[quote] == speaker


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        pytest.param(
            "Nigeria's foreign minister, Adaeze Okafor, arrived in Accra on Monday. The talks covered trade.\n\n"
            'Ghana\'s president hosted a dinner.\n\n"We are ready to sign," Okafor said.',
            "We are ready to sign", "person:adaeze-okafor", id="surname-paragraphs-after-the-full-name",
        ),
        pytest.param(
            'Economy Minister Ana Ruiz spoke first. "Prices will fall," said Ruiz.',
            "Prices will fall", "person:ana-ruiz", id="surname-of-a-titled-name",
        ),
        pytest.param(
            "Thai Prime Minister Srettha Thavisin met reporters. Srettha said the border would reopen soon.",
            "the border would reopen soon", "person:srettha-thavisin", id="a-name-that-goes-by-the-given-name",
        ),
    ],
)
def test_a_surname_is_the_person_named_in_full(
    nlp: Language, kb: KnowledgeBase, text: str, quote: str, speaker: str
) -> None:
    assert speakers(nlp, kb, text)[quote] == speaker


def test_pronouns_across_sentences_and_paragraphs_agree_in_gender_and_kind(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Maria Lindqvist, the EU envoy, met Serbia's president in Belgrade. The talks lasted three hours.\n\n"
        'She called them frank. "There is no alternative to dialogue," she said.\n\n'
        "The Kenyan foreign ministry said the border would reopen. It said the decision followed talks.\n\n"
        "Hezbollah said it had fired rockets. They said the attack was a warning."
    )
    found = speakers(nlp, kb, text)
    assert found["There is no alternative to dialogue"] == "person:maria-lindqvist"
    assert found["the decision followed talks"] == "sector:KENGOV"
    assert found["the attack was a warning"] == "org:hezbollah"


def test_a_she_skips_a_man_the_text_calls_mr(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Anna Berg, the mayor, received Mr. Tomas Holm at the site. The visit lasted an hour.\n\n"
        '"We need more money," she said.'
    )
    assert speakers(nlp, kb, text)["We need more money"] == "person:anna-berg"


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        pytest.param(
            'Russia\'s Foreign Ministry confirmed the exchange. "The servicemen are safe," the ministry said.',
            "The servicemen are safe", "sector:RUSGOV", id="the-ministry-named-before",
        ),
        pytest.param(
            'Kenya closed the border on Friday.\n\n"The border will reopen," the ministry said in a statement.',
            "The border will reopen", "sector:KENGOV", id="a-ministry-of-the-country-in-sight",
        ),
        pytest.param(
            'The European Union extended its sanctions. "The measures stay," a statement from the bloc said.',
            "The measures stay", "igo:eu", id="a-statement-from-the-bloc",
        ),
        pytest.param(
            'The Kenyan foreign ministry said in a statement that talks went well. "We are hopeful," the statement said.',
            "We are hopeful", "sector:KENGOV", id="the-statement-of-who-gave-it",
        ),
        pytest.param(
            "Niger's military rulers met on Monday. \"The transition will be respected,\" the junta said.",
            "The transition will be respected", "sector:NERGOV", id="the-junta",
        ),
        pytest.param(
            "The Pentagon said two warships were sent. A defence official said they would arrive within days.",
            "they would arrive within days", "sector:USAMIL", id="an-unnamed-official",
        ),
        pytest.param(
            "Belarus released 14 prisoners on Sunday, the opposition said.",
            "Belarus released 14 prisoners on Sunday", "sector:BLROPP", id="the-opposition-of-the-country-in-sight",
        ),
        pytest.param(
            "Israeli strikes killed at least eight people in southern Lebanon on Tuesday, Lebanon's state news "
            "agency said.",
            "Israeli strikes killed at least eight people in southern Lebanon on Tuesday", "sector:LBNMED", id="state-media-whatever-the-words-lean-to",
        ),
        pytest.param(
            "Georgian police dispersed the protesters overnight, the interior ministry said.",
            "Georgian police dispersed the protesters overnight", "sector:GEOGOV", id="a-ministry-not-the-police",
        ),
        pytest.param(
            "The Economic Community of West African States met. \"We regret the exit,\" the commission said.",
            "We regret the exit", "igo:ecowas", id="a-body-whose-name-holds-the-word",
        ),
    ],
)
def test_institutions_speak_for_their_organisation_or_government(
    nlp: Language, kb: KnowledgeBase, text: str, quote: str, speaker: str
) -> None:
    assert speakers(nlp, kb, text)[quote] == speaker


def test_the_announcer_not_the_parties_speaks(nlp: Language, kb: KnowledgeBase) -> None:
    text = 'The mediator, Qatari envoy Ahmed al-Khulaifi, said the parties had agreed to a "lasting truce".'
    assert speakers(nlp, kb, text)["lasting truce"] == "person:ahmed-al-khulaifi"


def test_an_agreement_speaks_for_its_first_party(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Rwanda and the Democratic Republic of Congo signed a peace agreement on Friday.\n\n"
        'The deal, brokered by Qatar, calls for an end to "defensive measures".'
    )
    found = read(nlp, kb, text)[1]["defensive measures"]
    assert (found.actor_id, found.how) == ("country:RWA", "agreement")


def test_the_clause_of_the_quote_names_its_speaker(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Defence Minister Yoav Gallant said the army would keep fighting, while Hamas official Osama Hamdan "
        'said the group would reject "any deal that keeps the occupation".'
    )
    assert speakers(nlp, kb, text)["any deal that keeps the occupation"] == "person:osama-hamdan"


def test_a_quote_running_over_paragraphs_has_one_speaker(nlp: Language, kb: KnowledgeBase) -> None:
    text = '"The talks were productive. Both sides showed goodwill.\n\n"But there is work to do," said Ana Ruiz.'
    found = speakers(nlp, kb, text)
    assert found["The talks were productive. Both sides showed goodwill."] == "person:ana-ruiz"
    assert found["But there is work to do"] == "person:ana-ruiz"


def test_namesakes_stay_apart(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Park Min-jae, commissioner of the coast guard, defended his crews. Park Soo-yeon, a professor at "
        'Korea University, disagreed.\n\n"A hotline is only as good as its users," Park Soo-yeon said.\n\n'
        '"We will not wait," Park Min-jae said. Park said the next patrol would leave on Friday.'
    )
    found = speakers(nlp, kb, text)
    assert found["A hotline is only as good as its users"] == "person:park-soo-yeon"
    assert found["We will not wait"] == "person:park-min-jae"
    assert found["the next patrol would leave on Friday"] == "person:park-min-jae"


def test_a_namesake_is_the_one_the_apposition_describes(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        '"Talks are unlikely," said Lami Kim, a professor at the Pacific Institute in Honolulu.\n\n'
        "North Korean leader Kim Jong Un tested a missile. China kept shielding Kim from sanctions.\n\n"
        '"Their cooperation will undermine sanctions," Kim, the professor in Honolulu, said.'
    )
    assert speakers(nlp, kb, text)["Their cooperation will undermine sanctions"] == "person:lami-kim"


def test_a_name_no_actor_holds_becomes_one_of_the_documents_actors(nlp: Language, kb: KnowledgeBase) -> None:
    reading, found = read(nlp, kb, 'Journalists were detained on Friday. "We will keep working," Meydan TV said.')
    speaker = found["We will keep working"]
    assert (speaker.actor_id, speaker.how) == ("media:meydan-tv", "new name")
    actor = reading.document_actors().actor("media:meydan-tv")
    assert actor is not None and (actor.name, actor.type) == ("Meydan TV", "media")


def test_speakers_joined_by_and_are_the_first_named(nlp: Language, kb: KnowledgeBase) -> None:
    found = read(nlp, kb, 'Seoul and Washington called the launch "a clear violation."')[1]["a clear violation."]
    assert (found.actor_id, found.how) == ("sector:KORGOV", "several")


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        (
            "Ukraine and Russia exchanged prisoners on Monday. Officials in both countries said more swaps would follow.",
            "more swaps would follow", "country:UKR",
        ),
        (
            "Rwanda and Congo signed the accord in Washington. The two sides said the deal would end years of fighting.",
            "the deal would end years of fighting", "country:RWA",
        ),
        (
            "Police detained Maria Lopez and Tomas Varga, who edit a weekly in Lima. Both journalists said the "
            "charges were false.",
            "the charges were false", "person:maria-lopez",
        ),
    ],
)
def test_a_counted_group_is_its_first_named_member(
    nlp: Language, kb: KnowledgeBase, text: str, quote: str, speaker: str
) -> None:
    found = read(nlp, kb, text)[1][quote]
    assert (found.actor_id, found.how) == (speaker, "several")


def test_a_quotation_after_a_sentence_about_someone_is_theirs(nlp: Language, kb: KnowledgeBase) -> None:
    text = 'Zelensky thanked the allies for the package on Monday. "This will save thousands of lives."'
    found = read(nlp, kb, text)[1]["This will save thousands of lives."]
    assert (found.actor_id, found.how) == ("person:volodymyr-zelenskyy", "context")


@pytest.mark.parametrize(
    "text, quote, reason",
    [
        ('Several experts called the plan "a gamble."', "a gamble.", "unnamed source"),
        ('The weather was mild. "What a day."', "What a day.", "no attribution"),
        ('The deal calls for an end to "defensive measures".', "defensive measures", "document without author"),
        ('The rain called for "umbrellas".', "umbrellas", "not an actor"),
        ('"We will see," he said.', "We will see", "pronoun without antecedent"),
    ],
)
def test_an_unresolved_speaker_says_why(nlp: Language, kb: KnowledgeBase, text: str, quote: str, reason: str) -> None:
    found = read(nlp, kb, text)[1][quote]
    assert (found.actor_id, found.reason) == (None, reason)
    assert reason in UNRESOLVED_REASONS


def test_every_speaker_is_an_actor_of_the_document_with_a_confidence(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        "Russia's Ministry of Defence confirmed the exchange. \"The servicemen are safe,\" the ministry said. "
        'Meydan TV said journalists were held. "We will keep working," it said. Experts called it "a gamble."'
    )
    reading, found = read(nlp, kb, text)
    ids = {actor.id for actor in reading.document_actors().actors}
    for speaker in found.values():
        assert speaker.actor_id is None or speaker.actor_id in ids
        assert speaker.how is None or speaker.how in SPEAKER_HOWS or speaker.how in {"none"}
        assert 0.0 <= speaker.confidence <= 1.0
        assert (speaker.actor_id is None) == (speaker.reason is not None)


def test_confidence_follows_the_evidence_of_the_attribution() -> None:
    named = SpeakerEvidence("mention", None)
    assert speaker_confidence(named) > speaker_confidence(SpeakerEvidence(None, "no attribution"))
    assert speaker_confidence(SpeakerEvidence("mention", None, rivals=3)) < speaker_confidence(named)
    assert speaker_confidence(SpeakerEvidence("pronoun", None, seen_apart=3)) < speaker_confidence(
        SpeakerEvidence("pronoun", None, seen_apart=0)
    )


def test_a_speaker_carries_the_evidence_of_its_attribution(nlp: Language, kb: KnowledgeBase) -> None:
    text = (
        'Foreign Minister Ana Ruiz met Tomas Varga and Piet Jansen in Lima. "We agreed," she said.\n\n'
        '"We will meet again," she added.'
    )
    found = read(nlp, kb, text)[1]
    first, second = found["We agreed"], found["We will meet again"]
    assert first.evidence is not None and second.evidence is not None
    assert (first.evidence.how, first.evidence.words_apart, first.evidence.rivals) == ("pronoun", 0, 2)
    assert first.evidence.seen_apart == 1


def test_a_title_quote_is_given_the_body_actor_it_names(nlp: Language, kb: KnowledgeBase) -> None:
    body = read_actors(nlp('Daniel Ortiz, a fellow at the Harbor Institute, spoke. "The talks failed," Ortiz said.'), kb, DAY)
    title = nlp('Talks "failed," Ortiz says')
    quotes = find_quotes(title)
    assert quotes
    assert resolve_title_speakers(title, quotes, body.document_actors(), kb, DAY)[0].actor_id == "person:daniel-ortiz"
    elsewhere = read_actors(nlp("The weather was mild in Lisbon."), kb, DAY).document_actors()
    unknown = resolve_title_speakers(title, quotes, elsewhere, kb, DAY)[0]
    assert (unknown.actor_id, unknown.reason) == (None, "not in the body")


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        pytest.param(
            "Peru and Chile signed a trade pact on Monday. The deal will cut tariffs by half, according to "
            "Foreign Minister Ana Ruiz.",
            "The deal will cut tariffs by half", "person:ana-ruiz", id="according-to-a-titled-name",
        ),
        pytest.param(
            '"Sanctions will not work," China\'s envoy to the UN Fu Cong told the council.',
            "Sanctions will not work", "person:fu-cong", id="a-name-run-into-the-body-before-it",
        ),
        pytest.param(
            "Kenyan President William Ruto met Ethiopian leaders in Addis Ababa. Ruto's spokesman said the "
            "president would return on Friday.",
            "the president would return on Friday", "sector:KENGOV", id="a-persons-spokesman-speaks-for-their-state",
        ),
        pytest.param(
            "Kenyan President William Ruto met Ethiopian leaders in Addis Ababa. Ruto's office said the "
            "president would return on Friday.",
            "the president would return on Friday", "sector:KENGOV", id="a-persons-office-speaks-for-their-state",
        ),
        pytest.param(
            "Ghana's parliament passed the bill. The parliament said the law would take effect in May.",
            "the law would take effect in May", "sector:GHALEG", id="a-parliament-is-a-body-of-its-state",
        ),
        pytest.param(
            "Kyiv sent negotiators to Istanbul. Ukraine's General Staff said the front held.",
            "the front held", "organization:general-staff", id="a-bodys-name-is-no-title-and-surname",
        ),
    ],
)
def test_a_title_names_a_person_and_a_spokesperson_speaks_for_their_principal(
    nlp: Language, kb: KnowledgeBase, text: str, quote: str, speaker: str
) -> None:
    assert speakers(nlp, kb, text)[quote] == speaker


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        pytest.param(
            "Two buildings collapsed, according to Norway's Fjord Lys Vakt rescue service.",
            "Two buildings collapsed", "organization:fjord-lys-vakt", id="a-name-before-a-common-noun",
        ),
        pytest.param(
            "Therese Wagner met the envoy on Monday. The Wagner mercenary outfit said its men would leave.",
            "its men would leave", "organization:wagner", id="not-the-person-of-that-surname",
        ),
    ],
)
def test_a_body_is_the_name_qualifying_its_noun(
    nlp: Language, kb: KnowledgeBase, text: str, quote: str, speaker: str
) -> None:
    assert speakers(nlp, kb, text)[quote] == speaker


@pytest.mark.parametrize(
    "text, quote, speaker",
    [
        pytest.param(
            'Lindiwe Dlamini runs a small clinic in the township. "We turn people away every day," she said.',
            "We turn people away every day", "person:lindiwe-dlamini", id="a-name-taken-for-an-organisation",
        ),
        pytest.param(
            'Dr Okonkwo treated the wounded all night. "It was chaos," he said.',
            "It was chaos", "person:okonkwo", id="a-name-after-a-title-of-address",
        ),
        pytest.param(
            'Ana Ruiz met Tomas Varga and Piet Jansen in Lima. "We agreed," she said.',
            "We agreed", "person:ana-ruiz", id="the-subject-not-a-person-the-actors-stage-knew",
        ),
        pytest.param(
            'The minister, Lindiwe Dlamini, posted a video. "We will not give in," she wrote.',
            "We will not give in", "person:lindiwe-dlamini", id="a-name-in-apposition-to-the-subject",
        ),
    ],
)
def test_a_pronoun_after_a_name_the_recogniser_missed_is_that_person(
    nlp: Language, kb: KnowledgeBase, text: str, quote: str, speaker: str
) -> None:
    found = read(nlp, kb, text)
    assert found[1][quote].actor_id == speaker
    assert found[0].document_actors().actor(speaker) is not None
