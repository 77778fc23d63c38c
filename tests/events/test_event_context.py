from __future__ import annotations

from spacy.language import Language

from events.events_helpers import code, roots

FILLER = " ".join(f"Paragraph {n} describes the weather in the capital." for n in range(1, 10))


def test_an_event_noun_takes_the_parties_of_the_latest_event_of_its_kind_ten_sentences_back(nlp: Language) -> None:
    # News tells an event once with its parties and refers back to it paragraphs later.
    text = f"The European Union imposed sanctions on Iran on Monday. {FILLER} The sanctions target the oil sector."
    later = [event for event in code(nlp, text) if event.trigger_text == "sanctions" and event.evidence_start > 60]
    assert len(later) == 1
    assert later[0].type == "SANCTION" and "+recalled" in later[0].rule
    assert roots(later[0])[1] == ("IRN",)


def test_an_event_noun_far_from_any_event_of_its_kind_names_no_parties(nlp: Language) -> None:
    text = f"The European Union imposed sanctions on Iran on Monday. {FILLER} {FILLER} The sanctions target the oil sector."
    later = [event for event in code(nlp, text) if event.trigger_text == "sanctions" and event.evidence_start > 60]
    assert later == []


def test_a_threat_aimed_at_no_one_answers_whoever_last_acted_against_the_threatener(nlp: Language) -> None:
    text = "Eritrea fired missiles into Ethiopia on Wednesday. Ethiopia's prime minister vowed that his country would retaliate."
    (threat,) = [event for event in code(nlp, text) if event.type == "THREATEN"]
    assert roots(threat) == (("ETH",), ("ERI",)) and "+provoker" in threat.rule


def test_a_threat_after_no_hostile_act_against_the_threatener_stays_unaimed(nlp: Language) -> None:
    text = "Eritrea fired missiles into Sudan on Wednesday. Ethiopia's prime minister vowed that his country would retaliate."
    (threat,) = [event for event in code(nlp, text) if event.type == "THREATEN"]
    assert roots(threat)[1] == ()


def test_a_definite_noun_refers_to_the_earlier_event_of_its_kind(nlp: Language) -> None:
    text = "Armenia and Azerbaijan began a prisoner swap on Monday. The exchange will continue on Tuesday."
    exchange = [event for event in code(nlp, text) if event.trigger_text == "exchange"]
    assert len(exchange) == 1 and exchange[0].type == "RETREAT" and exchange[0].mutual
    assert set(roots(exchange[0])[0]) == {"ARM", "AZE"}


def test_an_indefinite_noun_or_one_with_no_earlier_event_of_its_kind_is_no_event(nlp: Language) -> None:
    assert not [e for e in code(nlp, "Armenia and Azerbaijan began a prisoner swap on Monday. An exchange of views followed.") if e.trigger_text == "exchange"]
    assert not [e for e in code(nlp, "Armenia and Azerbaijan met on Monday. The exchange will continue on Tuesday.") if e.trigger_text == "exchange"]


def test_an_agreed_truce_is_between_those_who_agreed_and_so_is_the_truce_told_later(nlp: Language) -> None:
    events = code(nlp, "Israel and Hamas agreed to a four-day truce on Wednesday. The truce is expected to begin on Thursday morning.")
    agreed = next(e for e in events if e.trigger_text == "agreed")
    truce = next(e for e in events if e.trigger_text == "truce")
    assert agreed.mutual and not agreed.target_actors
    assert truce.type == "RETREAT" and truce.mutual and "+recalled" in truce.rule
    assert set(roots(truce)[0]) == {"ISR", "PSE"}
