"""The page of recent alert matches, over a copy of the web tests' database with two alerts checked."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from newsgraph.alerts import Alert, AlertMatch, add_alert, check_alerts
from newsgraph.store import Store
from newsgraph.web import create_app


@pytest.fixture(scope="module")
def checked(web_db: tuple[Path, dict[str, str]], tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[TestClient, list[AlertMatch]]]:
    copy = tmp_path_factory.mktemp("alerts") / "alerts.duckdb"
    shutil.copy(web_db[0], copy)
    with Store(copy) as store:
        add_alert(store, Alert("assaults", type="ASSAULT"))
        add_alert(store, Alert("nothing-yet", actor="country:ATA"))
        store.db.execute("UPDATE alerts SET checked_from = TIMESTAMP '2000-01-01'")  # as if added before the ingest
        matches = check_alerts(store)
    with TestClient(create_app(copy)) as client:
        yield client, matches


def test_the_page_lists_each_match_linked_to_its_sentence(checked: tuple[TestClient, list[AlertMatch]]) -> None:
    client, matches = checked
    assert matches and {match.alert for match in matches} == {"assaults"}
    html = client.get("/alerts").text
    assert '<a href="/alerts" aria-current="page">Alerts</a>' in html
    for match in matches:
        assert f'href="/events/{match.record_id}"' in html
        assert f'href="/documents/{match.doc_id}"' in html


def test_the_page_filters_by_alert(checked: tuple[TestClient, list[AlertMatch]]) -> None:
    client, _ = checked
    html = client.get("/alerts?alert=nothing-yet").text
    assert "No matches yet" in html and "/events/" not in html
    assert client.get("/alerts?limit=0").status_code == 400
