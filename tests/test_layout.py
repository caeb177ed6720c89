"""The project's floor plan, read from the source: imports between apps point one way, and no app
imports the project package. Imports inside functions count too: they hide cycles, they do not break them."""

import ast
from pathlib import Path

from django.apps import apps

from publishing.models import page_types

ROOT = Path(__file__).resolve().parent.parent
PROJECT = "clinic_site"


def our_apps():
    return {config.name for config in apps.get_app_configs() if Path(config.path).parent == ROOT}


def imported_apps(path, names):
    """The apps in `names` that the module at `path` imports, anywhere in it."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            modules = [node.module]
        else:
            continue
        found |= {module.split(".")[0] for module in modules} & names
    return found


def import_graph():
    """{app: {(other app, importing file), ...}} for every first-party app."""
    names = our_apps()
    graph = {name: set() for name in names}
    for name in names:
        for path in sorted((ROOT / name).rglob("*.py")):
            for other in imported_apps(path, names) - {name}:
                graph[name].add((other, str(path.relative_to(ROOT))))
    return graph


def find_cycle(edges):
    """One cycle in the directed graph `edges` ({node: {node, ...}}) as a list of nodes, or None."""
    state = {}

    def visit(node, trail):
        state[node] = "open"
        for nxt in sorted(edges[node]):
            if state.get(nxt) == "open":
                return [*trail[trail.index(nxt):], nxt] if nxt in trail else [node, nxt]
            if nxt not in state and (cycle := visit(nxt, [*trail, nxt])):
                return cycle
        state[node] = "done"
        return None

    for start in sorted(edges):
        if start not in state and (cycle := visit(start, [start])):
            return cycle
    return None


def test_the_layout_test_sees_every_app_and_real_imports():
    graph = import_graph()
    assert {"publishing", "search", "seo", "demo", "articles", "treatments", "claims", PROJECT} <= set(graph)
    assert "publishing" in {other for other, _ in graph["articles"]}


def test_no_app_imports_the_project_package():
    offenders = sorted(path for app, edges in import_graph().items() if app != PROJECT
                       for other, path in edges if other == PROJECT)
    assert offenders == [], f"These files import {PROJECT} (use django.conf.settings instead): {offenders}"


def test_imports_between_apps_have_no_cycle():
    graph = import_graph()
    edges = {app: {other for other, _ in imports} for app, imports in graph.items()}
    cycle = find_cycle(edges)
    if cycle:
        files = [sorted(path for other, path in graph[a] if other == b) for a, b in zip(cycle, cycle[1:], strict=False)]
        raise AssertionError(f"Import cycle {' → '.join(cycle)}, through {files}")


def test_cycle_finder_finds_what_it_should():
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]
    assert find_cycle({"a": {"b"}, "b": {"c"}, "c": set()}) is None


def test_content_apps_build_on_publishing_and_publishing_on_the_layers_below():
    edges = {app: {other for other, _ in imports} for app, imports in import_graph().items()}
    assert edges["publishing"] <= {"images", "clinicians"}
    assert not edges["images"] and not edges["clinicians"] - {"images"}


def test_page_types_are_found_from_the_class_hierarchy():
    assert [model._meta.label for model in page_types()] == ["treatments.Treatment", "articles.Article"]
