"""Alerts as stored: validated criteria, added, listed and removed by name."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsgraph.alerts import Alert, AlertError, add_alert, list_alerts, remove_alert
from newsgraph.store import Store


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"name": "no criteria"}, "use letters"),
        ({"name": "empty"}, "no criterion"),
        ({"name": "t", "type": "BOMB"}, "not a PLOVER type"),
        ({"name": "s", "status": "rumoured"}, "one of asserted"),
        ({"name": "c", "min_confidence": 1.5}, "from 0 to 1"),
    ],
)
def test_bad_alerts_are_refused_with_what_to_do(fields: dict[str, object], message: str) -> None:
    with pytest.raises(AlertError, match=message):
        Alert(**fields)  # type: ignore[arg-type]


def test_type_and_status_are_normalised_and_described() -> None:
    alert = Alert("kim", actor="North Korea", type="accuse", status="Asserted")
    assert (alert.type, alert.status) == ("ACCUSE", "asserted")
    assert alert.describe() == "actor=North Korea type=ACCUSE status=asserted (events only)"
    assert Alert("said", actor="person:kim-jong-un").matches_quotes


def test_alerts_are_added_listed_and_removed(db_path: Path) -> None:
    with Store(db_path) as store:
        add_alert(store, Alert("kim", actor="country:PRK"))
        add_alert(store, Alert("assaults", type="ASSAULT", min_confidence=0.8))
        with pytest.raises(AlertError, match="exists"):
            add_alert(store, Alert("kim", actor="country:KOR"))
        assert [(alert.name, alert.actor, alert.min_confidence) for alert in list_alerts(store)] == [
            ("assaults", None, 0.8), ("kim", "country:PRK", None)
        ]
        assert remove_alert(store, "kim") == 0
        with pytest.raises(AlertError, match="no alert called 'kim'"):
            remove_alert(store, "kim")
        assert [alert.name for alert in list_alerts(store)] == ["assaults"]
