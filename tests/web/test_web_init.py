"""The web package's public names."""

from __future__ import annotations

import importlib

import pytest

import newsgraph.web

MODULES = ["app", "api", "pages", "queries", "links", "filters", "highlight", "relations", "posting", "errors",
           "database"]


def test_public_api_is_pinned() -> None:
    assert newsgraph.web.__all__ == ["create_app"]


@pytest.mark.parametrize("name", MODULES)
def test_every_module_exports_what_it_names(name: str) -> None:
    module = importlib.import_module(f"newsgraph.web.{name}")
    assert module.__all__ and all(hasattr(module, exported) for exported in module.__all__)
