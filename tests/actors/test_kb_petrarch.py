"""kb/petrarch.py: reading the TABARI dictionary formats, and what the build takes from them.

The dictionaries here are small strings written for these tests (invented office holders and
groups), not copies of PETRARCH2's files.
"""

from __future__ import annotations

import importlib.util
import sys
from collections import Counter
from datetime import date
from pathlib import Path
from types import ModuleType

import pytest
from spacy.language import Language

from newsgraph.actors import resolve_actors
from newsgraph.actors.knowledge import KnowledgeBase, load_knowledge_base

REPO = Path(__file__).resolve().parents[2]


def _load(name: str) -> ModuleType:
    spec = importlib.util.spec_from_file_location(name, REPO / "kb" / f"{name}.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def petrarch() -> ModuleType:
    return _load("petrarch")


@pytest.fixture(scope="module")
def builder() -> ModuleType:
    return _load("build_knowledge_base")


# -- the actor format -----------------------------------------------------------------------------

ACTORS = """\
# a comment line
MOLDOVA_  [MDA]
+CHISINAU_

GRIGORE_ZBARCEA_  # CountryInfo.txt
+GRIGORE_I._ZBARCEA
+PRESIDENT_ZBARCEA
\t[MDAELI 19600101-950301]
\t[MDAGOV 950301-20010415]
\t[MDAELI >20010415]
OLD_MINISTER_  # CountryInfo.txt
OLD_MINISTER_WITH_A_SECOND_LINE
\t[MDAGOV <750101]
GROUP_WITH_CODE_ [MDAREB] # a comment after the code
+ITS_OTHER_NAME
BROKEN_DATES_  # CountryInfo.txt
\t[MDAGOV 20010231-20020101] [MDALEG 020101-010101] [---]
"""


def test_records_keep_their_phrases_codes_and_comments(petrarch: ModuleType) -> None:
    skipped: Counter[str] = Counter()
    records = petrarch.parse_actors(ACTORS, skipped)
    assert [record.phrases[0] for record in records] == [
        "MOLDOVA", "GRIGORE ZBARCEA", "OLD MINISTER", "GROUP WITH CODE", "BROKEN DATES",
    ]
    moldova, zbarcea, old, group, broken = records
    assert moldova.phrases == ("MOLDOVA", "CHISINAU") and moldova.restrictions == (petrarch.Restriction("MDA"),)
    assert zbarcea.phrases == ("GRIGORE ZBARCEA", "GRIGORE I. ZBARCEA", "PRESIDENT ZBARCEA")
    assert "CountryInfo" in zbarcea.comment
    assert group.restrictions == (petrarch.Restriction("MDAREB"),) and group.phrases[1] == "ITS OTHER NAME"
    # A line without "+" under a primary phrase that has no code yet is one more name of it.
    assert old.phrases == ("OLD MINISTER", "OLD MINISTER WITH A SECOND LINE")
    assert broken.restrictions == ()
    assert skipped["unreadable restriction"] == 3


@pytest.mark.parametrize(
    ("inner", "expected"),
    [
        ("RUSGOV", ("RUSGOV", None, None)),
        ("RUSGOV >20000507", ("RUSGOV", "2000-05-07", None)),
        ("RUSGOV > 20000507", ("RUSGOV", "2000-05-07", None)),
        ("RUSELI <641014", ("RUSELI", None, "1964-10-14")),
        ("RUSELI 19240101-641014", ("RUSELI", "1924-01-01", "1964-10-14")),
        ("AFGGOV 011113-011222", ("AFGGOV", "2001-11-13", "2001-12-22")),
    ],
)
def test_date_restrictions(petrarch: ModuleType, inner: str, expected: tuple[str, str | None, str | None]) -> None:
    (record,) = petrarch.parse_actors(f"SOMEONE_\n\t[{inner}]\n")
    (restriction,) = record.restrictions
    assert (restriction.code, restriction.start, restriction.end) == expected


@pytest.mark.parametrize(
    ("text", "day"),
    [("20000507", "2000-05-07"), ("000507", "2000-05-07"), ("300101", "2030-01-01"), ("310101", "1931-01-01"),
     ("19240101", "1924-01-01"), ("20010231", None), ("2001", None), ("", None)],
)
def test_tabari_dates(petrarch: ModuleType, text: str, day: str | None) -> None:
    assert petrarch.tabari_date(text) == day


def test_overlapping_restrictions_become_periods_where_an_office_beats_being_an_elite(petrarch: ModuleType) -> None:
    R = petrarch.Restriction
    periods = petrarch.code_periods(
        [R("RUSELI", "1924-01-01", "1964-10-14"), R("RUSGOV", "1964-10-14", "1982-11-10"),
         R("RUSGOV", "1977-06-16", "1982-11-10"), R("RUSELI", "1950-01-01", None), R("RUSELI")]
    )
    assert periods == [
        ("RUSELI", "1924-01-01", "1964-10-14"),
        ("RUSGOV", "1964-10-14", "1982-11-10"),
        ("RUSELI", "1982-11-10", None),
    ]


# -- the agent format -----------------------------------------------------------------------------

AGENTS = """\
<!-- an XML comment line -->
!PERSON! = MAN, MEN, WOMAN, WOMEN
!MINIST! = MINISTER, MINISTRY

POLICE {} [~COP] # a comment
RIOT_POLICE {} [~COP]
FREIGHT_HANDLER {FREIGHT_HANDLERS} [~LAB]
HUMAN_RIGHTS_BODY  [NGO~]
JUSTICE_!MINIST! [~GOV]
CONGRESS!PERSON! [~LEG]
COPTIC_CLERGY [~CHRCPT]
!NOPE!_OFFICE [~GOV]
BROKEN LINE WITHOUT A CODE
"""


def test_agents_expand_substitution_sets_and_read_both_code_sides(petrarch: ModuleType) -> None:
    skipped: Counter[str] = Counter()
    agents = petrarch.parse_agents(AGENTS, skipped)
    assert [(a.phrase, a.code, a.prefix) for a in agents] == [
        ("POLICE", "COP", False),
        ("RIOT POLICE", "COP", False),
        ("FREIGHT HANDLER", "LAB", False),
        ("HUMAN RIGHTS BODY", "NGO", True),
        ("JUSTICE MINISTER", "GOV", False),
        ("JUSTICE MINISTRY", "GOV", False),
        ("CONGRESSMAN", "LEG", False),
        ("CONGRESSMEN", "LEG", False),
        ("CONGRESSWOMAN", "LEG", False),
        ("CONGRESSWOMEN", "LEG", False),
        ("COPTIC CLERGY", "CHRCPT", False),
    ]
    assert skipped["unreadable agent line"] == 1 and skipped["unknown substitution set"] == 1


def test_sector_words_are_new_phrases_of_known_sectors(petrarch: ModuleType) -> None:
    taken = petrarch.take_sector_words(
        petrarch.parse_agents(AGENTS + "RIOT_POLICES [~COP]\nTHE_COURT [~JUD]\n"),
        sectors=frozenset({"COP", "GOV", "JUD", "LAB", "LEG", "NGO"}),
        known={"justice ministry": "GOV"},
        actor_nouns=frozenset(),
    )
    assert taken.sector_words == [
        {"text": "freight handler", "sector": "LAB", "code": "~LAB"},
        {"text": "human rights body", "sector": "NGO", "code": "NGO~"},
        {"text": "justice minister", "sector": "GOV", "code": "~GOV"},
        {"text": "riot police", "sector": "COP", "code": "~COP"},
    ]
    assert taken.left_out["one word"] == 5 and taken.left_out["code outside the known sectors"] == 1
    assert taken.left_out["plural of another phrase"] == 1 and taken.left_out["not a noun phrase"] == 1


# -- names --------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "name"),
    [("VLADIMIR_PUTIN_", "Vladimir Putin"), ("MUHAMMAD_AL-BARADEI", "Muhammad al-Baradei"),
     ("ABDALLAH_II", "Abdallah II"), ("MICHAEL_O'KENNEDY_", "Michael O'Kennedy")],
)
def test_display_names(petrarch: ModuleType, phrase: str, name: str) -> None:
    assert petrarch.display_name(phrase) == name


def _people(petrarch: ModuleType, text: str, **known: object) -> object:
    return petrarch.take_people(
        petrarch.parse_actors(text),
        known_names=known.get("names", {}),
        known_surnames=known.get("surnames", {}),
        person_country=known.get("people", {}),
        countries=frozenset({"MDA", "RUS", "IND"}),
        place_words=frozenset({"moldova", "moldovan", "russian"}),
        common_word=lambda word: word in {"singh", "lee", "brown"},
    )


def test_office_holders_become_people_with_name_variants_and_code_periods(petrarch: ModuleType) -> None:
    taken = _people(petrarch, ACTORS)
    (person,) = [a for a in taken.actors if a["name"] == "Grigore Zbarcea"]
    assert person["id"] == "person:grigore-zbarcea" and person["country"] == "MDA" and person["code"] == "MDAELI"
    # "PRESIDENT_ZBARCEA" is a title and a surname, not a name.
    assert person["aliases"] == ["Grigore I. Zbarcea"]
    assert person["surnames"] == ["Zbarcea"] and person["later_surnames"] == []
    assert [(p["code"], p["start"], p["end"]) for p in taken.code_periods if p["actor"] == person["id"]] == [
        ("MDAELI", "1960-01-01", "1995-03-01"), ("MDAGOV", "1995-03-01", "2001-04-15"), ("MDAELI", "2001-04-15", None),
    ]


@pytest.mark.parametrize("surname", ["SINGH", "LEE", "ZBARCEA_ZBARCEA", "POPA"])
def test_a_common_short_or_shared_surname_is_only_used_after_the_full_name(petrarch: ModuleType, surname: str) -> None:
    text = f"MOLDOVA_ [MDA]\nION_{surname}_  # CountryInfo.txt\n\t[MDAGOV >090101]\n"
    if surname == "ZBARCEA_ZBARCEA":
        text += "ANA_ZBARCEA_  # CountryInfo.txt\n\t[MDAGOV >090101]\n"
    (person, *_) = _people(petrarch, text).actors
    assert person["surnames"] == [] and person["later_surnames"] == [person["name"].split()[-1]]


def test_a_curated_person_wins_and_gains_the_new_spellings(petrarch: ModuleType) -> None:
    text = "RUSSIA_ [RUS]\nVLADIMIR_PUTIN_  # CountryInfo.txt\n+VLADIMIR_V._PUTIN_\n\t[RUSGOV >20000507]\n"
    taken = _people(
        petrarch, text, names={"vladimir putin": {"person:vladimir-putin"}}, people={"person:vladimir-putin": "RUS"}
    )
    assert taken.actors == [] and taken.aliases == {"person:vladimir-putin": ["Vladimir V. Putin"]}
    namesake = _people(
        petrarch, text, names={"vladimir putin": {"person:vladimir-putin"}}, people={"person:vladimir-putin": "IND"}
    )
    assert namesake.actors == [] and namesake.aliases == {}
    assert namesake.left_out["name held by another actor"] == 1


ORGANISATIONS = """\
FREEDONIAN_LIBERATION_FRONT_(FLF) [MDAREB]
+FLF_BRIGADES
+COMMANDER_OLEG_ZBARCEA
+OLEG_ZBARCEA
ZBARCEA_WATER_FUND_ [NGOMDA]
ZBARCEA_WATER_FUND_ [NGOMDA]
+ZWF
BLACK_FRIDAY_ [MDAREB]
OLEG_PETRESCU_ [IMGMUS]
ACME_HOLDINGS_INC [MNCUSA]
KNOWN_ALLIANCE_ [IGOWST]
OFFICIAL_OF_THE_ALLIANCE_ [IGOWST 010101-020101]
"""


def test_organisations_and_armed_groups(petrarch: ModuleType) -> None:
    taken = petrarch.take_organisations(
        petrarch.parse_actors(ORGANISATIONS),
        source="test dictionary",
        known_names={"known alliance": {"igo:known"}},
        known_ids={"igo:known"},
        countries=frozenset({"MDA", "USA"}),
        place_words=frozenset(),
        common_word=lambda word: False,
        frequent_word=lambda word: word in {"black", "friday"},
        given_names=frozenset({"oleg"}),
    )
    by_name = {actor["name"]: actor for actor in taken.actors}
    assert sorted(by_name) == ["Freedonian Liberation Front", "Zbarcea Water Fund"]
    front = by_name["Freedonian Liberation Front"]
    assert front["aliases"] == ["FLF", "FLF Brigades"]  # the bracketed acronym; not the commander's name
    assert (front["type"], front["country"], front["code"]) == ("organization", "MDA", "MDAREB")
    fund = by_name["Zbarcea Water Fund"]
    assert fund["type"] == "ngo" and fund["aliases"] == ["ZWF"]  # the repeated record merged
    assert taken.left_out["already in the knowledge base"] == 1
    assert taken.left_out["a company"] == 1 and taken.left_out["dated or several codes (a person)"] == 1
    assert taken.left_out["not an organisation's name"] == 2  # "Black Friday", "Oleg Petrescu"


# -- the build with these dictionaries -----------------------------------------------------------

PEOPLE = """\
MOLDOVA_  [MDA]
GRIGORE_ZBARCEA_  # CountryInfo.txt
+GRIGORE_I._ZBARCEA
\t[MDAELI 19600101-950301]
\t[MDAGOV 950301-20010415]
\t[MDAELI >20010415]
ION_SINGH_  # CountryInfo.txt
\t[MDAGOV >090101]
VLADIMIR_PUTIN_  # CountryInfo.txt
+VLADIMIR_V._PUTIN_
\t[RUSGOV >20000507]
"""


@pytest.fixture(scope="module")
def fixture_kb(builder: ModuleType, tmp_path_factory: pytest.TempPathFactory) -> KnowledgeBase:
    folder = tmp_path_factory.mktemp("petrarch2")
    files = {"people": PEOPLE, "international": ORGANISATIONS, "milnonstate": "", "agents": AGENTS}
    for source, text in files.items():
        (folder / builder.PETRARCH_FILES[source]).write_text(text, encoding="utf-8")
    out = tmp_path_factory.mktemp("kb")
    builder.build(out, folder, ["people", "international", "milnonstate", "agents"])
    return load_knowledge_base(out)


@pytest.mark.parametrize(
    ("day", "code"), [("1990-06-01", "MDAELI"), ("1998-01-01", "MDAGOV"), ("2001-04-15", "MDAELI"), ("2024-01-01", "MDAELI")]
)
def test_dated_roles_give_the_code_of_the_day(fixture_kb: KnowledgeBase, day: str, code: str) -> None:
    assert fixture_kb.code_on("person:grigore-zbarcea", day) == code


def test_the_curated_person_is_not_duplicated(fixture_kb: KnowledgeBase) -> None:
    (candidate,) = fixture_kb.lookup("Vladimir V. Putin")
    assert candidate.actor.id == "person:vladimir-putin" and candidate.how == "alias"
    assert fixture_kb.code_on("person:vladimir-putin", "2024-06-18") == "RUSGOV"


def test_a_common_surname_never_names_the_person_alone(fixture_kb: KnowledgeBase, nlp: Language) -> None:
    assert all(candidate.actor.id != "person:ion-singh" for candidate in fixture_kb.lookup("Singh"))
    text = "Singh said the talks in Chisinau had failed."
    found = resolve_actors(nlp(text), fixture_kb, date(2012, 5, 1))
    assert "person:ion-singh" not in {actor.id for actor in found.actors}


def test_a_petrarch_person_is_matched_by_full_name_then_surname(fixture_kb: KnowledgeBase, nlp: Language) -> None:
    text = (
        "Grigore Zbarcea met Ion Singh in Chisinau on Monday to discuss the budget. "
        "Singh later said the talks had gone well, and Zbarcea agreed."
    )
    found = resolve_actors(nlp(text), fixture_kb, date(1998, 1, 1))
    actors = {actor.id: actor for actor in found.actors}
    assert actors["person:grigore-zbarcea"].code == "MDAGOV"
    assert actors["person:ion-singh"].country == "MDA"
    forms = {(m.text, m.actor_id) for m in found.mentions}
    assert ("Singh", "person:ion-singh") in forms and ("Zbarcea", "person:grigore-zbarcea") in forms


def test_unknown_sources_are_refused(builder: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(builder.BuildError, match="unknown PETRARCH2 sources"):
        builder.build(tmp_path, tmp_path, ["verbs"])


def test_a_missing_dictionary_folder_says_what_to_do(builder: ModuleType, tmp_path: Path) -> None:
    with pytest.raises(builder.BuildError, match="--petrarch DIR"):
        builder.build(tmp_path / "out", tmp_path / "nowhere", ["agents"])
