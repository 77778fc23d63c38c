"""No dependency cycles: no module of newsgraph imports, even for the type checker, a module that
imports it back through others, and so no package depends on a package that depends on it."""

from __future__ import annotations

import ast
from pathlib import Path

import networkx as nx
import pytest

from factories import REPO

PACKAGE = REPO / "src" / "newsgraph"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph() -> nx.DiGraph:
    """Module -> each newsgraph module it imports (at the top, inside a function, or for the type
    checker alike; ``from package import submodule`` names the submodule)."""
    modules = {module_name(path): path for path in PACKAGE.rglob("*.py")}

    def known(name: str) -> str:
        while name not in modules:
            name = name.rsplit(".", 1)[0]
        return name

    graph = nx.DiGraph()
    graph.add_nodes_from(modules)
    for name, path in modules.items():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                targets = [f"{node.module}.{alias.name}" if f"{node.module}.{alias.name}" in modules else node.module
                           for alias in node.names]
            else:
                continue
            graph.add_edges_from((name, known(target)) for target in targets
                                 if target.startswith("newsgraph") and known(target) != name)
    return graph


def package_of(module: str) -> str:
    """``newsgraph.linking.runner`` -> ``newsgraph.linking``; a top-level module is its own package."""
    return ".".join(module.split(".")[:2])


def test_the_graph_sees_the_imports() -> None:
    graph = import_graph()
    assert graph.has_edge("newsgraph.linking.runner", "newsgraph.linking.writes")
    assert graph.has_edge("newsgraph.amounts.finder", "newsgraph.dates.explicit")
    assert graph.has_edge("newsgraph.cli.ingest", "newsgraph.ingestion")  # inside a function


def test_no_module_imports_itself_through_others() -> None:
    cycles = [sorted(group) for group in nx.strongly_connected_components(import_graph()) if len(group) > 1]
    assert cycles == []


def test_no_package_depends_on_itself_through_others() -> None:
    packages = nx.DiGraph()
    for source, target in import_graph().edges:
        if package_of(source) != package_of(target) and "newsgraph" not in (package_of(source), package_of(target)):
            packages.add_edge(package_of(source), package_of(target))
    cycles = [sorted(group) for group in nx.strongly_connected_components(packages) if len(group) > 1]
    assert cycles == []


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda path: str(path.relative_to(PACKAGE)))
def test_imports_are_absolute(path: Path) -> None:
    # The graph reads absolute imports only.
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert not any(isinstance(node, ast.ImportFrom) and node.level for node in ast.walk(tree))
