from __future__ import annotations

import json
from importlib.resources import files

import pytest

from newsgraph.errors import NewsgraphError
from newsgraph.events.ontology import FRAMES, PLOVER_TYPES, Ontology, _read, load_ontology


def raw_ontology() -> dict[str, object]:
    data: dict[str, object] = json.loads((files("newsgraph") / "data" / "events" / "ontology.json").read_text(encoding="utf-8"))
    return data


def test_the_sixteen_plover_types_in_order() -> None:
    assert tuple(load_ontology().types) == PLOVER_TYPES
    assert len(PLOVER_TYPES) == 16


def test_every_cameo_code_has_a_goldstein_score_and_a_type() -> None:
    ontology = load_ontology()
    assert len(ontology.codes) > 250
    for code in ontology.codes.values():
        assert -10.0 <= code.goldstein <= 10.0
        assert code.plover in PLOVER_TYPES
        assert ontology.type_of_code(code.code) == code.plover


@pytest.mark.parametrize(
    ("code", "goldstein", "plover", "mode"),
    [
        ("042", 1.9, "CONSULT", "visit"),
        ("0874", 10.0, "RETREAT", "withdraw"),
        ("129", -5.0, "REJECT", None),
        ("163", -8.0, "SANCTION", "sever"),
        ("1822", -9.0, "ASSAULT", "torture"),
        ("195", -10.0, "ASSAULT", "aerial"),
        ("055", 7.0, "CONCEDE", None),
    ],
)
def test_standard_codes(code: str, goldstein: float, plover: str, mode: str | None) -> None:
    found = load_ontology().cameo(code)
    assert (found.goldstein, found.plover, found.mode) == (goldstein, plover, mode)


@pytest.mark.parametrize(
    ("event_type", "modes"),
    [
        ("CONSULT", {"visit", "third-party", "multilateral", "phone"}),
        ("ASSAULT", {"beat", "firearms", "explosives", "aerial", "torture", "assassinate"}),
        ("AID", {"economic", "military", "humanitarian", "asylum"}),
        ("PROTEST", {"demo", "riot", "strike-gen", "strike-hun", "boycott", "obstruct"}),
    ],
)
def test_modes_as_plover_defines_them(event_type: str, modes: set[str]) -> None:
    defined = {mode.name for mode in load_ontology().event_type(event_type).modes}
    assert modes <= defined


@pytest.mark.parametrize(
    ("frame", "action", "mode", "expected"),
    [
        ("intent", "AID", "military", "0332"),
        ("intent", "CONSULT", None, "036"),
        ("threat", "SANCTION", "sever", "1313"),
        ("demand", "RETREAT", "release", "1053"),
        ("refusal", "CONSULT", None, "125"),
        ("accusation", "ASSAULT", None, "1123"),
        ("threat", None, None, "130"),
    ],
)
def test_embedded_codes(frame: str, action: str | None, mode: str | None, expected: str) -> None:
    assert load_ontology().embedded(frame, action, mode).code == expected


def test_every_frame_has_a_table() -> None:
    ontology = load_ontology()
    for frame in FRAMES:
        assert ontology.embedded(frame, None).plover in PLOVER_TYPES


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda raw: raw["cameo"].append({"code": "042", "name": "x", "goldstein": 1.0, "plover": "ASSAULT", "mode": None}), "its roots make it CONSULT"),
        (lambda raw: raw["cameo"][0].update(goldstein=12.0), "outside"),
        (lambda raw: raw["cameo"][0].update(mode="firearms"), "does not define"),
        (lambda raw: raw["embedded"]["intent"].update(AID="999"), "unknown code 999"),
    ],
)
def test_inconsistent_ontology_is_refused(change: object, problem: str) -> None:
    raw = raw_ontology()
    change(raw)  # type: ignore[operator]
    with pytest.raises(NewsgraphError, match=problem):
        _read(raw)


def test_ontology_is_cached() -> None:
    assert isinstance(load_ontology(), Ontology)
    assert load_ontology() is load_ontology()
