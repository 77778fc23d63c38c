"""Language by function words: English, or unknown."""

from __future__ import annotations

import pytest

from newsgraph.metadata.language import detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The two governments agreed on Tuesday to share data on the river, and officials said it would help.", "en"),
        (
            "Les deux gouvernements ont convenu mardi de partager les données sur le fleuve, selon des responsables.",
            None,
        ),
        ("Die beiden Regierungen haben sich am Dienstag darauf geeinigt, die Daten über den Fluss zu teilen.", None),
        ("Los dos gobiernos acordaron el martes compartir los datos del río, según las autoridades.", None),
        ("River data pact", None),
        ("", None),
        ("Valdora Lisbon Madrid Porto Braga Faro Evora Coimbra Aveiro Leiria", None),
    ],
)
def test_detect_language(text: str, language: str | None) -> None:
    assert detect_language(text) == language
