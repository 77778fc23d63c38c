from __future__ import annotations

import pytest
from spacy.language import Language

from events.events_helpers import code, event, roots


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "sources", "targets"),
    [
        pytest.param("Syria expelled two Turkish diplomats.", "expelled", "SANCTION", ("SYR",), ("TUR",), id="subject-verb-object"),
        pytest.param("Kenya held talks with Somalia on Monday.", "talks", "CONSULT", ("KEN",), ("SOM",), id="light-verb-and-preposition"),
        pytest.param("A Kenyan convoy was attacked by Somali militants.", "attacked", "ASSAULT", ("SOM",), ("KEN",), id="passive"),
        pytest.param("Sierra Leonean and Liberian refugees were tortured by Guinean soldiers.", "tortured", "ASSAULT", ("GIN",), ("SLE", "LBR"), id="coordinated-modifiers"),
        pytest.param("Saudi Arabia launched air strikes against Yemen.", "strikes", "ASSAULT", ("SAU",), ("YEM",), id="light-verb-noun"),
        pytest.param("Russia's veto angered the Western members.", "veto", "REJECT", ("RUS",), (), id="nominal-possessor"),
        pytest.param("Syria condemned Israel, which had bombed Damascus.", "bombed", "ASSAULT", ("ISR",), ("SYR",), id="relative-clause-subject"),
        pytest.param("Chile rejected a Peruvian proposal on fishing.", "rejected", "REJECT", ("CHL",), ("PER",), id="owner-of-the-object"),
        pytest.param("Germany gave Ukraine more weapons.", "gave", "AID", ("DEU",), ("UKR",), id="dative-recipient"),
        pytest.param("Egyptian police arrested demonstrators in Cairo.", "arrested", "COERCE", ("EGY",), ("EGY",), id="domestic-default"),
        pytest.param("France in May vetoed the renewal of a committee of inspectors checking compliance with United Nations sanctions against Syria.", "vetoed", "REJECT", ("FRA",), ("IGO",), id="veto-of-a-body-is-aimed-at-its-organisation"),
        pytest.param("China ended the inquiry of the United Nations into Myanmar with a veto last month.", "veto", "REJECT", ("CHN",), ("IGO",), id="means-noun-takes-the-verb-subject"),
        pytest.param("Greek coastguards fired warning shots after Turkish marines entered the strait.", "fired", "MOBILIZE", ("GRC",), ("TUR",), id="show-of-force-answers-the-provoker"),
        pytest.param("Greek coastguards fired warning shots after Greek marines entered the strait.", "fired", "MOBILIZE", ("GRC",), (), id="no-provoker-of-the-same-country"),
        pytest.param("Chechen separatists ambushed Georgian border guards.", "ambushed", "ASSAULT", ("RUS",), ("GEO",), id="ethnic-demonym"),
        pytest.param("Kenyan police arrested up to 12 Italian engineers near the port.", "arrested", "COERCE", ("KEN",), ("ITA",), id="up-to-a-number-is-the-object"),
        pytest.param("President Bush condemned Syria.", "condemned", "ACCUSE", ("USA",), ("SYR",), id="family-surname-of-one-country"),
        pytest.param("The opposition party boycotted Kenya's elections.", "boycotted", "PROTEST", ("KEN",), ("KEN",), id="a-party-faces-its-own-state"),
        pytest.param("The Nepalese army overran a Tamil Tiger camp.", "overran", "ASSAULT", ("NPL",), ("LKA",), id="demonym-in-a-misread-person-name"),
        pytest.param("Ugandan rebels freed 12 soldiers.", "freed", "RETREAT", ("UGA",), ("UGA",), id="insurgents-face-their-own-army"),
        pytest.param("Egypt lifted the closure of the West Bank.", "lifted", "CONCEDE", ("EGY",), ("PSE",), id="a-place-name-is-no-sector"),
        pytest.param("A Kurdish armed group kidnapped three Dutch tourists in eastern Turkey.", "kidnapped", "ASSAULT", ("TUR",), ("NLD",), id="domestic-actor-of-the-scene"),
        pytest.param("Dutch soldiers were killed by a roadside bomb in southern Afghanistan.", "killed", "ASSAULT", (), ("NLD",), id="where-a-weapon-is-is-not-whose"),
        pytest.param("Protesters stoned the French embassy.", "stoned", "ASSAULT", (None,), ("FRA",), id="protesters-facing-a-foreign-state-stay-unplaced"),
        pytest.param("The plan drew sharp condemnation from Egypt.", "condemnation", "ACCUSE", ("EGY",), (), id="drew-condemnation-from"),
        pytest.param("Syria's decision drew sharp condemnation from Egypt.", "condemnation", "ACCUSE", ("EGY",), ("SYR",), id="drew-condemnation-aimed-at-the-owner"),
        pytest.param("Chadian troops counterattacked Libyan forces.", "counterattacked", "ASSAULT", ("TCD",), ("LBY",), id="counter-prefix"),
        pytest.param("President Marcel Putin of Haiti accused Cuba.", "accused", "ACCUSE", ("HTI",), ("CUB",), id="a-namesake-is-not-the-known-person"),
        pytest.param("Moammar Gaddafi criticized Egypt.", "criticized", "ACCUSE", ("LBY",), ("EGY",), id="a-variant-spelling-is-the-known-person"),
        pytest.param("The Kenya Law Society accused the police of torture.", "accused", "ACCUSE", ("KEN",), ("KEN",), id="the-police-facing-one-country"),
        pytest.param("Guerrillas blew up a gas pipeline in Peru.", "blew", "ASSAULT", ("PER",), ("PER",), id="scene-on-the-object"),
        pytest.param("Rebels attacked Kenyan troops near the border.", "attacked", "ASSAULT", (None,), ("KEN",), id="facing-an-army-stays-unplaced"),
        pytest.param("Venezuelan opposition leader Maria Corina Machado called Nicolas Maduro a dictator on Monday.", "called", "ACCUSE", ("VEN",), ("VEN",), id="called-someone-a-dictator"),
        pytest.param("Zelensky described Putin as a terrorist.", "described", "ACCUSE", ("UKR",), ("RUS",), id="described-someone-as-a-terrorist"),
        pytest.param("Chile announced the sanctioning of two Peruvian firms.", "sanctioning", "SANCTION", ("CHL",), ("PER",), id="a-gerund-noun"),
        pytest.param("Iran downed a US drone over the Gulf.", "downed", "ASSAULT", ("IRN",), ("USA",), id="downed-an-aircraft"),
        pytest.param("Argentina filed an indictment against a Chilean banker.", "indictment", "ACCUSE", ("ARG",), ("CHL",), id="an-indictment"),
        pytest.param("The UN Security Council adopted a resolution demanding that Eritrea withdraw its troops.", "demanding", "REQUEST", ("IGO",), ("ERI",), id="a-document-demands-for-whoever-adopted-it"),
        pytest.param("Israel called the raid an attack on its sovereignty.", "called", "ACCUSE", ("ISR",), (), id="calling-an-act-an-attack-accuses"),
        pytest.param("Chile strongly refuted Peru's version of events.", "refuted", "REJECT", ("CHL",), ("PER",), id="refuting-a-version"),
        pytest.param("Mali announced its immediate withdrawal from ECOWAS.", "withdrawal", "SANCTION", ("MLI",), ("IGO",), id="leaving-an-organisation-cuts-ties"),
        pytest.param("Months after its invasion of Moldova, Russia sought new weapons.", "invasion", "ASSAULT", ("RUS",), ("MDA",), id="a-fronted-possessive-names-the-subject-after-it"),
        pytest.param("Sudan fired rockets into Chadian-controlled territory.", "fired", "ASSAULT", ("SDN",), ("TCD",), id="a-place-held-by-a-country"),
        pytest.param("Eritrea carried out air strikes across several areas of Ethiopian-held territory.", "strikes", "ASSAULT", ("ERI",), ("ETH",), id="areas-of-a-held-place"),
        pytest.param("Russian drones struck an apartment block in Kharkiv, wounding 12 people.", "struck", "ASSAULT", ("RUS",), ("UKR",), id="the-toll-is-part-of-the-attack"),
        pytest.param("A Sudanese missile hit a market in Chad, wounding 12 people.", "hit", "ASSAULT", ("SDN",), ("TCD",), id="the-toll-of-an-attack-on-a-place"),
    ],
)
def test_who_did_what_to_whom(nlp: Language, text: str, trigger: str, event_type: str, sources: tuple[str, ...], targets: tuple[str, ...]) -> None:
    found = event(nlp, text, trigger)
    assert found.type == event_type
    assert roots(found) == (sources, targets)


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "sources"),
    [
        pytest.param("Kenya and Uganda signed a trade agreement.", "signed", "SUPPORT", ("KEN", "UGA"), id="coordinated-subjects"),
        pytest.param("The Indian and Chinese foreign ministers met in Moscow.", "met", "CONSULT", ("IND", "CHN"), id="coordinated-modifiers"),
        pytest.param("The summit between Vladimir Putin and Kim Jong Un ended.", "summit", "CONSULT", ("RUS", "PRK"), id="nominal-between"),
        pytest.param("China and Russia held joint naval drills.", "drills", "COOPERATE", ("CHN", "RUS"), id="joint-exercise"),
    ],
)
def test_symmetric_events_between_coordinated_actors_are_mutual(nlp: Language, text: str, trigger: str, event_type: str, sources: tuple[str, ...]) -> None:
    found = event(nlp, text, trigger)
    assert (found.type, found.mutual, found.target_actors) == (event_type, True, ())
    assert set(roots(found)[0]) == set(sources)


def test_a_month_is_not_a_march(nlp: Language) -> None:
    assert [e.type for e in code(nlp, "Peru in March rejected the plan.", require_actor=False)] == ["REJECT"]


def test_one_army_exercising_alone_mobilizes(nlp: Language) -> None:
    assert event(nlp, "The Chinese navy held military drills near Taiwan.", "drills").type == "MOBILIZE"


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "cameo", "intended", "targets"),
    [
        pytest.param("Britain promised to send military aid to Ukraine.", "promised", "AGREE", "0332", "AID/military", ("UKR",), id="promise-of-aid"),
        pytest.param("Poland vowed to support Ukraine against Russia.", "vowed", "AGREE", "032", "SUPPORT", ("UKR",), id="vow-to-support"),
        pytest.param("Iran vowed to attack Israel.", "vowed", "THREATEN", "138", "ASSAULT", ("ISR",), id="vow-to-attack"),
        pytest.param("China threatened to impose sanctions on Lithuania.", "threatened", "THREATEN", "1312", "SANCTION/sever", ("LTU",), id="threat"),
        pytest.param("Iran threatened to close the strait unless Washington lifted sanctions.", "threatened", "THREATEN", "1381", "COERCE/restrict", ("USA",), id="threat-aimed-at-the-condition"),
        pytest.param("Pakistan demanded that India release the captured pilot.", "demanded", "REQUEST", "1053", "RETREAT/release", ("IND",), id="demand-that"),
        pytest.param("Ukraine urged Germany to send tanks.", "urged", "REQUEST", "0232", "AID/military", ("DEU",), id="appeal-with-object-control"),
        pytest.param("Serbia refused to withdraw its troops from the border.", "refused", "REJECT", "1246", "RETREAT/withdraw", (), id="refusal"),
        pytest.param("Cuba offered to mediate between Colombia and the rebels.", "offered", "AGREE", "036", "CONSULT", ("COL", "COL"), id="offer-to-mediate"),
    ],
)
def test_speech_acts_take_their_code_from_the_action(
    nlp: Language, text: str, trigger: str, event_type: str, cameo: str, intended: str, targets: tuple[str, ...]
) -> None:
    found = event(nlp, text, trigger)
    assert (found.type, found.cameo, found.intended) == (event_type, cameo, intended)
    assert roots(found)[1] == targets


def test_the_promised_action_is_not_an_event_of_its_own(nlp: Language) -> None:
    assert [e.type for e in code(nlp, "Britain promised to send military aid to Ukraine.")] == ["AGREE"]


def test_an_accusation_also_codes_the_alleged_action(nlp: Language) -> None:
    events = code(nlp, "Ukraine accused Russia of shelling the nuclear plant.")
    accusation = next(e for e in events if e.type == "ACCUSE")
    shelling = next(e for e in events if e.type == "ASSAULT")
    assert (accusation.cameo, roots(accusation)) == ("1123", (("UKR",), ("RUS",)))
    assert (shelling.status, roots(shelling)[0]) == ("alleged", ("RUS",))
    assert shelling.reported_by is not None and shelling.reported_by.country == "UKR"


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "cameo", "targets"),
    [
        pytest.param("Egypt urged Arab states to support the Palestinians.", "urged", "SUPPORT", "053", ("PSE",), id="rally-support"),
        pytest.param("Iran called on Muslims to protest against Israel.", "called", "ACCUSE", "113", ("ISR",), id="rally-opposition"),
    ],
)
def test_asking_others_to_act_for_or_against_someone(nlp: Language, text: str, trigger: str, event_type: str, cameo: str, targets: tuple[str, ...]) -> None:
    found = event(nlp, text, trigger)
    assert (found.type, found.cameo, roots(found)[1]) == (event_type, cameo, targets)


def test_a_reported_obligation_is_a_demand(nlp: Language) -> None:
    found = event(nlp, "The French president said Israel must withdraw from Gaza.", "withdraw")
    assert (found.type, found.status) == ("REQUEST", "asserted")
    assert roots(found) == (("FRA",), ("ISR",))


def test_the_purpose_of_a_sending_is_the_event(nlp: Language) -> None:
    events = code(nlp, "The United Nations sent inspectors to Iraq to investigate the site.")
    assert [(e.type, e.mode) for e in events] == [("ACCUSE", "investigate")]
    assert roots(events[0]) == (("IGO",), ("IRQ",))


@pytest.mark.parametrize(
    ("text", "trigger", "event_type", "cameo", "status", "intended"),
    [
        pytest.param("Japan will give Vietnam new loans.", "give", "AGREE", "0331", "planned", "AID/economic", id="future-aid-is-intent"),
        pytest.param("Putin is set to hold a summit with Kim Jong Un.", "summit", "AGREE", "036", "planned", "CONSULT", id="planned-summit"),
        pytest.param("Serbia said it will impose sanctions on Kosovo unless the arrests stop.", "impose", "THREATEN", "1312", "planned", "SANCTION/sever", id="conditional-is-threat"),
        pytest.param("Iran will not release the detained sailors.", "release", "REJECT", "1243", "asserted", "RETREAT/release", id="declared-refusal"),
        pytest.param("Russia will expel the diplomats next week.", "expel", "SANCTION", "166", "planned", None, id="planned-conflict-stays"),
    ],
)
def test_future_actions(nlp: Language, text: str, trigger: str, event_type: str, cameo: str, status: str, intended: str | None) -> None:
    found = event(nlp, text, trigger)
    assert (found.type, found.cameo, found.status, found.intended) == (event_type, cameo, status, intended)


@pytest.mark.parametrize(
    ("text", "trigger", "mode", "cameo"),
    [
        pytest.param("Rebels attacked the convoy with machetes.", "attacked", "primitive", "180", id="edged-weapons"),
        pytest.param("Israeli tanks fired shells at Gaza.", "fired", "heavy-weapons", "194", id="tanks"),
        pytest.param("A suicide bomber attacked a market in Kabul.", "attacked", "suicide-attack", "1831", id="suicide"),
        pytest.param("Gunmen killed the provincial governor.", "killed", "assassinate", "186", id="leader-killed"),
        pytest.param("Germany gave Ukraine more weapons.", "gave", "military", "072", id="military-aid"),
        pytest.param("Japan gave Sri Lanka 50 million dollars in loans.", "gave", "economic", "071", id="economic-aid"),
    ],
)
def test_modes_from_weapons_victims_and_aid(nlp: Language, text: str, trigger: str, mode: str, cameo: str) -> None:
    found = event(nlp, text, trigger)
    assert (found.mode, found.cameo) == (mode, cameo)


def test_goldstein_comes_from_the_code(nlp: Language) -> None:
    found = event(nlp, "Russian forces shelled Kharkiv overnight.", "shelled")
    assert (found.cameo, found.goldstein, roots(found)) == ("194", -10.0, (("RUS",), ("UKR",)))


def test_events_without_actors_are_dropped_unless_asked_for(nlp: Language) -> None:
    text = "An explosion destroyed the market."
    assert code(nlp, text) == []
    kept = code(nlp, text, require_actor=False)
    assert kept and {e.type for e in kept} == {"ASSAULT"}


def test_a_background_mention_without_source_is_dropped(nlp: Language) -> None:
    assert code(nlp, "Prices rose during the war in Ukraine.") == []


def test_evidence_is_the_sentence(nlp: Language) -> None:
    text = "It rained. Syria expelled two Turkish diplomats."
    found = event(nlp, text, "expelled")
    assert text[found.evidence_start : found.evidence_end] == "Syria expelled two Turkish diplomats."
    assert text[found.trigger_start : found.trigger_end] == "expelled"


def test_a_word_of_a_place_name_gives_no_sector(nlp: Language) -> None:
    found = event(nlp, "Egypt lifted the closure of the West Bank.", "lifted")
    assert [actor.code for actor in found.target_actors] == ["PSE"]


def test_an_approved_loan_is_economic_aid_from_the_approver(nlp: Language) -> None:
    found = event(nlp, "The World Bank approved a new loan to Ghana.", "loan")
    assert (found.type, found.cameo) == ("AID", "071")
    assert roots(found) == (("IGO",), ("GHA",))


@pytest.mark.parametrize(
    "text",
    [
        pytest.param('Calling them "cowardly attacks", the minister vowed a response.', id="object-predicate"),
        pytest.param("Sharif denounced the Indian action as an act of aggression.", id="as-an-act-of"),
        pytest.param("Israel called the raid an attack on its sovereignty.", id="called-an-attack"),
        pytest.param("Two Italian jets were deployed to Estonia in support of the alliance's mission.", id="in-support-of"),
    ],
)
def test_a_name_given_to_an_act_is_no_new_event(nlp: Language, text: str) -> None:
    assert not [event for event in code(nlp, text, require_actor=False) if event.type in ("ASSAULT", "SUPPORT")]


def test_call_ends_or_cancels_only_with_off(nlp: Language) -> None:
    assert [event.type for event in code(nlp, "Pakistan called off the offensive.") if event.trigger_text == "called"] == ["RETREAT"]
    assert not [event for event in code(nlp, "Israel called the raid an attack on its sovereignty.") if event.type in ("RETREAT", "CONCEDE", "SANCTION")]


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Russian drones struck an apartment block in Kharkiv, wounding 12 people.", id="participle"),
        pytest.param("The Somali attack on the convoy killed 19 Kenyan soldiers.", id="the-attack-killed"),
        pytest.param("Somali militants ambushed a convoy of Kenyan troops and killed 24 soldiers.", id="and-killed"),
    ],
)
def test_the_toll_of_an_attack_is_no_second_attack(nlp: Language, text: str) -> None:
    assert len([event for event in code(nlp, text) if event.type == "ASSAULT"]) == 1


def test_a_missile_fired_into_the_sea_is_a_show_of_force_and_into_a_country_an_attack(nlp: Language) -> None:
    assert [e.type for e in code(nlp, "North Korea launched a ballistic missile into the sea on Sunday.")] == ["MOBILIZE"]
    assert [e.type for e in code(nlp, "North Korea fired a ballistic missile into Japan on Sunday.")] == ["ASSAULT"]


def test_a_candidate_barred_from_running_is_banned_by_the_government(nlp: Language) -> None:
    (barred,) = [e for e in code(nlp, "The Venezuelan opposition leader was barred from registering as a candidate.") if e.trigger_text == "barred"]
    assert barred.type == "COERCE"
    assert [a.code for a in barred.source_actors] == ["VENGOV"]


def test_a_strike_that_damages_is_an_attack_and_one_that_paralyses_a_port_a_protest(nlp: Language) -> None:
    assert [e.type for e in code(nlp, "Russian forces shelled Kharkiv. Another strike damaged a mosque in Kharkiv.", require_actor=False) if e.trigger_text == "strike"] == ["ASSAULT"]
    assert [e.type for e in code(nlp, "The strike paralysed the port for three days.", require_actor=False) if e.trigger_text == "strike"] == ["PROTEST"]


def test_officials_a_state_sanctions_are_not_its_own(nlp: Language) -> None:
    (sanction,) = [e for e in code(nlp, "The Treasury Department issued sanctions against several senior officials of the bank.") if e.type == "SANCTION"]
    assert [a.code for a in sanction.source_actors] == ["USAGOV"]
    assert all(a.country != "USA" for a in sanction.target_actors)


def test_readiness_to_strike_is_a_threat_and_readiness_to_talk_an_intent(nlp: Language) -> None:
    assert [e.type for e in code(nlp, "Turkey is prepared to impose sanctions on Sweden.") if e.trigger_text == "prepared"] == ["THREATEN"]
    assert [e.type for e in code(nlp, "Turkey is ready to hold talks with Sweden.") if e.trigger_text == "ready"] == ["AGREE"]
