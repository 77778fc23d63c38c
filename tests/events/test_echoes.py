from __future__ import annotations

from spacy.language import Language

from events.events_helpers import code
from newsgraph.events.echoes import echoed
from newsgraph.events.records import ActorRef, EventRecord

RUSSIA = ActorRef("country:RUS", "RUS", "RUS")
RUSSIA_GOVERNMENT = ActorRef("sector:RUSGOV", "RUS", "RUSGOV")
KOREA = ActorRef("country:PRK", "PRK", "PRK")
VIETNAM = ActorRef("country:VNM", "VNM", "VNM")
UN = ActorRef("igo:un", None, "IGOUNO")
EU = ActorRef("igo:eu", None, "IGOEEC")


def record(kind: str, sources: tuple[ActorRef, ...], targets: tuple[ActorRef, ...], sentence: int, intended: str | None = None) -> EventRecord:
    return EventRecord(
        type=kind, mode=None, cameo="040", goldstein=1.0, source_actors=sources, target_actors=targets,
        status="asserted", reported_by=None, negated=False, trigger_text="met", trigger_start=sentence * 100,
        trigger_end=sentence * 100 + 3, evidence_start=sentence * 100, evidence_end=sentence * 100 + 90,
        intended=intended, confidence=0.5,
    )


def test_the_same_happening_told_in_two_sentences_echoes_at_country_level() -> None:
    lead = record("CONSULT", (RUSSIA,), (KOREA,), 0)
    detail = record("CONSULT", (RUSSIA_GOVERNMENT, KOREA), (), 3)
    other = record("CONSULT", (RUSSIA,), (VIETNAM,), 5)
    assert echoed([lead, detail, other]) == [True, True, False]


def test_a_plan_echoes_the_action_it_intends_and_not_another_type() -> None:
    plan = record("AGREE", (RUSSIA,), (VIETNAM,), 0, intended="CONSULT")
    visit = record("CONSULT", (RUSSIA,), (VIETNAM,), 2)
    accusation = record("ACCUSE", (RUSSIA,), (VIETNAM,), 4)
    assert echoed([plan, visit, accusation]) == [True, True, False]


def test_one_sentence_does_not_echo_itself_and_organisations_stay_apart() -> None:
    first = record("REQUEST", (UN,), (KOREA,), 0)
    same_sentence = record("REQUEST", (UN,), (KOREA,), 0)
    other_body = record("REQUEST", (EU,), (KOREA,), 1)
    assert echoed([first, same_sentence, other_body]) == [False, False, False]
    assert echoed([record("REQUEST", (ActorRef(None, None, "COP"),), (), 0), record("REQUEST", (ActorRef(None, None, "COP"),), (), 1)]) == [False, False]


def test_an_event_the_article_reports_again_is_surer_than_one_told_once(nlp: Language) -> None:
    once = code(nlp, "Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday.")
    twice = code(nlp, "Vladimir Putin met Kim Jong Un in Pyongyang on Wednesday.\n\n"
                      "The weather was warm.\n\nPutin also met Kim Jong Un at a banquet.")
    first = next(event for event in once if event.trigger_text == "met")
    echoes = [event for event in twice if event.trigger_text == "met"]
    assert len(echoes) == 2
    assert all(event.features is not None and event.features["echoed"] == 1.0 for event in echoes)
    assert echoes[0].confidence > first.confidence


def test_echoes_of_many_events_take_time_in_proportion_to_them() -> None:
    import time

    def timed(count: int) -> float:
        events = [record("CONSULT", (RUSSIA,), (KOREA if n % 2 else VIETNAM,), n) for n in range(count)]
        started = time.process_time()
        assert all(echoed(events))
        return time.process_time() - started

    small = min(timed(2000) for _ in range(2))
    large = min(timed(8000) for _ in range(2))
    assert large < 8 * max(small, 0.005), (small, large)
