"""The knowledge base: loading, names, metonyms, codes, office holders by date, the seeds' actors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from newsgraph.actors import knowledge
from newsgraph.actors.kb_records import Candidate
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base

SEEDS = Path(__file__).resolve().parents[2] / ".." / "shared" / "corpus" / "seeds"

G20 = ["ARG", "AUS", "BRA", "CAN", "CHN", "FRA", "DEU", "IND", "IDN", "ITA", "JPN", "MEX", "RUS", "SAU", "ZAF", "KOR", "TUR", "GBR", "USA"]


@pytest.fixture(scope="module")
def kb() -> KnowledgeBase:
    return load_knowledge_base()


def ids(candidates: list[Candidate]) -> list[str]:
    return [candidate.actor.id for candidate in candidates]


def test_loads_and_is_cached() -> None:
    fresh = knowledge._load(None)
    assert len(fresh) > 900
    assert load_knowledge_base() is load_knowledge_base()


@pytest.mark.parametrize("alpha3", G20)
def test_every_g20_country_has_a_name_a_demonym_and_a_capital_standing_for_its_government(kb: KnowledgeBase, alpha3: str) -> None:
    country = kb.actor(f"country:{alpha3}")
    assert country.type == "country" and country.code == alpha3
    assert ids(kb.lookup(country.name)) == [country.id]
    assert any(kb.country_of_demonym(demonym) == alpha3 for demonym in country.demonyms)
    capitals = [form.matched for form in kb.name_forms(country.id) if form.how == "metonym" and form.sector == "GOV"]
    assert capitals
    assert any(c.actor == country and c.code == f"{alpha3}GOV" for c in kb.lookup(capitals[0]))


def test_every_iso_country_is_present(kb: KnowledgeBase) -> None:
    import pycountry

    assert all(f"country:{country.alpha_3}" in kb for country in pycountry.countries)
    assert kb.actor("country:XKX").name == "Kosovo"


@pytest.mark.parametrize(
    ("text", "actor_id", "how"),
    [
        ("Kim Jong-un", "person:kim-jong-un", "alias"),
        ("Kim Jong-Un", "person:kim-jong-un", "name"),
        ("kim jong un", "person:kim-jong-un", "name"),
        ("Sergey Lavrov", "person:sergei-lavrov", "alias"),
        ("Andrey Belousov", "person:andrei-belousov", "alias"),
        ("Volodymyr Zelensky", "person:volodymyr-zelenskyy", "alias"),
        ("Recep Tayyip Erdogan", "person:recep-tayyip-erdogan", "name"),
        ("Xi Jinping", "person:xi-jinping", "name"),
        ("U.S.", "country:USA", "alias"),
        ("Britain", "country:GBR", "alias"),
        ("DPRK", "country:PRK", "alias"),
        ("ROK", "country:KOR", "alias"),
        ("the Democratic People's Republic of Korea", "country:PRK", "alias"),
        ("North Korea's", "country:PRK", "name"),
        ("NORTH KOREA", "country:PRK", "name"),
        ("MOSCOW", "country:RUS", "metonym"),
        ("Nato", "igo:nato", "alias"),
        ("North Atlantic Treaty Organization", "igo:nato", "alias"),
        ("U.N.", "igo:un", "alias"),
        ("UNSC", "igo:unsc", "alias"),
        ("U.N. General Assembly", "igo:unga", "name"),
        ("Korean Central News Agency", "media:kcna", "name"),
        ("Tass", "media:tass", "alias"),
        ("North Koreans", "country:PRK", "demonym"),
        ("Palestinians", "country:PSE", "demonym"),
    ],
)
def test_names_aliases_and_demonyms_find_one_actor(kb: KnowledgeBase, text: str, actor_id: str, how: str) -> None:
    candidates = kb.lookup(text)
    assert ids(candidates) == [actor_id]
    assert candidates[0].how == how
    assert not candidates[0].ambiguous


@pytest.mark.parametrize("text", ["who", "Us", "moscow", "the", "", "Сosmodrome"])
def test_words_that_are_not_names_find_nothing(kb: KnowledgeBase, text: str) -> None:
    assert kb.lookup(text) == []


@pytest.mark.parametrize(
    ("text", "actor_id", "code"),
    [
        ("the Pentagon", "country:USA", "USAMIL"),
        ("the State Department", "country:USA", "USAGOV"),
        ("the White House", "country:USA", "USAGOV"),
        ("the Kremlin", "country:RUS", "RUSGOV"),
        ("Downing Street", "country:GBR", "GBRGOV"),
        ("the Elysee", "country:FRA", "FRAGOV"),
        ("Élysée", "country:FRA", "FRAGOV"),
        ("Zhongnanhai", "country:CHN", "CHNGOV"),
        ("the Blue House", "country:KOR", "KORGOV"),
        ("Pyongyang", "country:PRK", "PRKGOV"),
        ("Seoul", "country:KOR", "KORGOV"),
        ("Kyiv", "country:UKR", "UKRGOV"),
        ("Kiev", "country:UKR", "UKRGOV"),
        ("Tehran", "country:IRN", "IRNGOV"),
        ("Beijing", "country:CHN", "CHNGOV"),
    ],
)
def test_metonyms_stand_for_a_country_and_a_sector(kb: KnowledgeBase, text: str, actor_id: str, code: str) -> None:
    (candidate,) = kb.lookup(text)
    assert (candidate.actor.id, candidate.how, candidate.code) == (actor_id, "metonym", code)
    assert candidate.sector == code[3:]


@pytest.mark.parametrize(
    ("actor_id", "code"),
    [
        ("igo:un", "IGOUNO"),
        ("igo:nato", "IGOWSTNAT"),
        ("igo:iaea", "IGOUNOIAE"),
        ("igo:eu", "IGOEEC"),
        ("ngo:icrc", "NGOHLHIRC"),
        ("media:kcna", "PRKMED"),
        ("media:reuters", "GBRMED"),
        ("media:al-jazeera", "QATMED"),
        ("org:hamas", "PSEREB"),
        ("person:andrei-belousov", "RUSGOVMIL"),
        ("person:antonio-guterres", "IGOUNO"),
        ("country:PRK", "PRK"),
    ],
)
def test_cameo_style_codes(kb: KnowledgeBase, actor_id: str, code: str) -> None:
    assert kb.actor(actor_id).code == code


@pytest.mark.parametrize(
    ("actor_id", "day", "code"),
    [
        ("person:antony-blinken", "2024-06-18", "USAGOV"),
        ("person:antony-blinken", "2025-06-01", "USAELI"),  # a former official
        ("person:sergei-shoigu", "2023-01-01", "RUSGOVMIL"),
        ("person:sergei-shoigu", "2025-01-01", "RUSGOV"),
        ("person:mark-rutte", "2025-01-01", "IGOWSTNAT"),
        ("org:taliban", "2020-06-01", "AFGINS"),
        ("org:taliban", "2022-06-01", "AFGGOV"),
    ],
)
def test_codes_change_with_the_date(kb: KnowledgeBase, actor_id: str, day: str, code: str) -> None:
    assert kb.code_on(actor_id, day) == code


def test_people_sharing_a_surname_stay_apart_and_the_surname_alone_is_not_a_confident_match(kb: KnowledgeBase) -> None:
    assert len({"person:kim-jong-un", "person:kim-yo-jong", "person:kim-jong-il"} & {a.id for a in kb.actors()}) == 3
    candidates = kb.lookup("Kim")
    assert {"person:kim-jong-un", "person:kim-yo-jong", "person:kim-jong-il"} <= set(ids(candidates))
    assert all(c.ambiguous and c.how == "surname" for c in candidates)


def test_a_unique_surname_is_still_flagged_for_the_caller_to_confirm(kb: KnowledgeBase) -> None:
    (candidate,) = kb.lookup("Blinken")
    assert candidate.actor.id == "person:antony-blinken"
    assert candidate.how == "surname" and candidate.ambiguous


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Washington", {"country:USA", "region:usa-washington"}),
        ("Georgia", {"country:GEO", "region:usa-georgia"}),
        ("Korea", {"country:PRK", "country:KOR"}),
        ("Korean", {"country:PRK", "country:KOR"}),
        ("the North", {"country:PRK"}),
        ("the South", {"country:KOR"}),
        ("Jordan", {"country:JOR"}),
        ("Chad", {"country:TCD"}),
        ("Turkey", {"country:TUR"}),
        ("Niger", {"country:NER"}),
        ("Congo", {"country:COD", "country:COG"}),
        ("ABC", {"media:abc-news", "media:abc-australia"}),
    ],
)
def test_ambiguous_names_return_flagged_candidates(kb: KnowledgeBase, text: str, expected: set[str]) -> None:
    candidates = kb.lookup(text)
    assert set(ids(candidates)) == expected
    assert all(candidate.ambiguous for candidate in candidates)


@pytest.mark.parametrize(("text", "alpha3"), [("North Korean", "PRK"), ("Russian", "RUS"), ("American", "USA"), ("U.S.", "USA"), ("Korean", None), ("Congolese", None), ("Putin", None)])
def test_country_of_demonym(kb: KnowledgeBase, text: str, alpha3: str | None) -> None:
    assert kb.country_of_demonym(text) == alpha3


@pytest.mark.parametrize(
    ("jurisdiction", "office", "day", "holder"),
    [
        ("USA", "the secretary of state", "2024-06-18", "person:antony-blinken"),
        ("USA", "Secretary of State", "2025-06-01", "person:marco-rubio"),
        ("USA", "secretary of state", "2018-01-01", "person:rex-tillerson"),
        ("USA", "defense secretary", "2024-06-18", "person:lloyd-austin"),
        ("USA", "Secretary of War", "2025-10-01", "person:pete-hegseth"),
        ("USA", "president", "2017-01-19", "person:barack-obama"),
        ("USA", "president", "2017-01-20", "person:donald-trump"),  # the day power changed hands
        ("RUS", "defense minister", "2024-05-01", "person:sergei-shoigu"),
        ("RUS", "defense minister", "2024-06-18", "person:andrei-belousov"),
        ("RUS", "foreign minister", "2024-06-18", "person:sergei-lavrov"),
        ("RUS", "leader", "2024-06-18", "person:vladimir-putin"),
        ("PRK", "leader", "2024-06-18", "person:kim-jong-un"),
        ("PRK", "leader", "2000-06-13", "person:kim-jong-il"),
        ("North Korea", "foreign minister", "2024-06-18", "person:choe-son-hui"),
        ("GBR", "prime minister", "2022-10-01", "person:liz-truss"),
        ("GBR", "foreign secretary", "2025-10-01", "person:yvette-cooper"),
        ("DEU", "chancellor", "2024-06-18", "person:olaf-scholz"),
        ("DEU", "Chancellor", "2025-06-01", "person:friedrich-merz"),
        ("CHN", "prime minister", "2024-06-18", "person:li-qiang"),  # China's title is Premier
        ("JPN", "prime minister", "2025-11-01", "person:sanae-takaichi"),
        ("IND", "foreign minister", "2024-06-18", "person:s-jaishankar"),
        ("UKR", "president", "2024-06-18", "person:volodymyr-zelenskyy"),
        ("IRN", "supreme leader", "2025-06-01", "person:ali-khamenei"),
        ("IRN", "supreme leader", "2026-04-01", "person:mojtaba-khamenei"),
        ("ISR", "defense minister", "2024-06-18", "person:yoav-gallant"),
        ("KOR", "president", "2025-01-15", "person:yoon-suk-yeol"),  # suspended, not removed
        ("KOR", "acting president", "2025-01-15", "person:choi-sang-mok"),
        ("KOR", "head of state", "2025-01-15", "person:yoon-suk-yeol"),
        ("igo:nato", "secretary general", "2024-06-18", "person:jens-stoltenberg"),
        ("igo:nato", "Secretary General", "2025-06-18", "person:mark-rutte"),
        ("igo:un", "Secretary-General", "2016-06-01", "person:ban-ki-moon"),
        ("igo:eu", "foreign policy chief", "2025-01-15", "person:kaja-kallas"),
        ("PRK", "premier", "2025-06-01", "person:pak-thae-song"),
    ],
)
def test_office_holder_on_a_date(kb: KnowledgeBase, jurisdiction: str, office: str, day: str, holder: str) -> None:
    actor = kb.holder(jurisdiction, office, day)
    assert actor is not None and actor.id == holder


@pytest.mark.parametrize(
    ("jurisdiction", "office", "day"),
    [
        ("USA", "secretary of state", "2017-01-25"),  # between two confirmed secretaries
        ("GBR", "secretary of state", "2024-06-18"),  # not a British title for one office
        ("USA", "chancellor", "2024-06-18"),
        ("Atlantis", "president", "2024-06-18"),
    ],
)
def test_no_holder_when_nobody_is_known(kb: KnowledgeBase, jurisdiction: str, office: str, day: str) -> None:
    assert kb.holder(jurisdiction, office, day) is None


def test_holder_takes_a_date_object_and_rejects_a_partial_day(kb: KnowledgeBase) -> None:
    assert kb.holder("FRA", "president", date(2024, 6, 18)) == kb.actor("person:emmanuel-macron")
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        kb.holder("FRA", "president", "2024-06")


def test_offices_of_a_person_in_order(kb: KnowledgeBase) -> None:
    offices = kb.offices_of("person:david-cameron")
    assert [(o.title, o.start) for o in offices] == [("Prime Minister", "2010-05-11"), ("Foreign Secretary", "2023-11-13")]
    assert kb.offices_of("person:kim-yo-jong") == ()


def test_name_forms_list_every_name_of_an_actor_with_its_ambiguity(kb: KnowledgeBase) -> None:
    forms = {(form.matched, form.how, form.ambiguous) for form in kb.name_forms("person:kim-jong-un")}
    assert {("Kim Jong Un", "name", False), ("Kim Jong-un", "alias", False), ("Kim", "surname", True)} <= forms
    pentagon = [form for form in kb.name_forms("country:USA") if form.matched == "Pentagon"]
    assert [(form.how, form.code) for form in pentagon] == [("metonym", "USAMIL")]


def test_unknown_actor_id_raises(kb: KnowledgeBase) -> None:
    with pytest.raises(KeyError, match="person:nobody"):
        kb.actor("person:nobody")


def _capitalised_spans(text: str, longest: int = 6) -> set[str]:
    tokens = re.findall(r"[A-Z][\w.'’-]*|[a-z]+|\S", text)
    spans = set()
    for start, token in enumerate(tokens):
        if not token[0].isupper():
            continue
        for end in range(start + 1, min(start + longest, len(tokens)) + 1):
            spans.add(" ".join(tokens[start:end]))
    return spans


SEED_ACTORS = {
    "country:USA", "country:PRK", "country:RUS", "country:UKR", "country:CHN", "country:KOR", "country:IRN",
    "person:antony-blinken", "person:vladimir-putin", "person:kim-jong-un", "person:kim-yo-jong",
    "person:kim-il-sung", "person:kim-jong-il", "person:jens-stoltenberg", "person:sergei-lavrov",
    "person:andrei-belousov", "person:xi-jinping", "person:joe-biden",
    "igo:nato", "igo:unsc", "igo:unga", "igo:un",
    "media:tass", "media:kcna", "media:rodong-sinmun", "media:reuters", "media:voa", "media:yonhap", "media:nbc-news",
}


def test_the_actors_of_the_seed_articles_are_known() -> None:
    if not SEEDS.is_dir():
        pytest.skip("../shared/corpus/seeds not found; the seed checks need the shared folder beside the repo")
    kb = load_knowledge_base()
    found: set[str] = set()
    for seed in sorted(SEEDS.glob("*.txt")):
        for span in _capitalised_spans(seed.read_text(encoding="utf-8")):
            found.update(c.actor.id for c in kb.lookup(span) if not c.ambiguous)
    assert SEED_ACTORS <= found
