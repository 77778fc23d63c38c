"""The public API is what ``newsgraph.__all__`` says, and nothing shadows it."""

from __future__ import annotations

import pkgutil

import pytest

import newsgraph

PUBLIC = [
    "Database",
    "Document",
    "Event",
    "NewsgraphError",
    "Quote",
    "Results",
    "__version__",
    "analyze",
    "ingest",
    "open",
]


def test_the_public_names_are_pinned() -> None:
    assert newsgraph.__all__ == PUBLIC


@pytest.mark.parametrize("name", PUBLIC)
def test_every_public_name_is_defined(name: str) -> None:
    assert getattr(newsgraph, name) is not None


def test_no_module_of_the_package_shadows_a_public_function() -> None:
    # Importing newsgraph.X sets the attribute newsgraph.X to the module, over a function of that name.
    modules = {module.name for module in pkgutil.iter_modules(newsgraph.__path__)}
    assert not modules & {name for name in PUBLIC if callable(getattr(newsgraph, name))}
