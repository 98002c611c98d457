"""The package's layers import one way, and no modules import each other in a circle.

Every `import` in generator/**/*.py counts: at module level, inside functions and under
TYPE_CHECKING. Importing `a.b.c` from outside package `a.b` also runs `a.b`'s __init__,
so that counts as importing `a.b` too. Run alone: `python -m pytest tests/test_layers.py`.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

# Lowest first. A module may import its own layer and the layers above it in this list,
# never one below it; a module belongs to the layer with the longest matching name.
LAYERS: list[tuple[str, tuple[str, ...]]] = [
    ("base", ("generator", "generator.model", "generator.config", "generator.text", "generator.textutil",
              "generator.languages", "generator.stopwords", "generator.wire", "generator.paths", "generator.nogc",
              "generator.code_version", "generator.progress", "generator.sanitize")),
    ("readers", ("generator.readers", "generator.discover")),
    ("enrich", ("generator.enrich", "generator.metadata")),
    ("model", ("generator.site_model", "generator.slugs")),
    ("pages", ("generator.pages", "generator.theme_links")),
    ("search", ("generator.search",)),
    ("pipeline", ("generator.pipeline", "generator.extract", "generator.extract_worker", "generator.stored_analysis",
                  "generator.cache", "generator.corpus_state",
                  "generator.report", "generator.writer")),
    ("front", ("generator.plugin", "generator.cli", "generator.__main__", "generator.commands",
               "generator.fast_page", "generator.staging", "generator.compact", "generator.html_reuse",
               "generator.template_cache", "generator.theme_loader", "generator.site_files", "generator.serve_watch",
               "generator.kept_pages")),
]


def modules() -> dict[str, Path]:
    found = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        found[".".join(parts)] = path
    return found


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The digest modules `name` imports (each named module, and the packages it enters)."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    targets: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if isinstance(node, ast.Import):
            named = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")[: len(package.split(".")) - node.level + 1]
                origin = ".".join(base + ([node.module] if node.module else []))
            else:
                origin = node.module or ""
            # `from x import y`: y is a module of x, or a name defined in x.
            named = [f"{origin}.{a.name}" if f"{origin}.{a.name}" in known else origin for a in node.names]
        else:
            continue
        for target in named:
            while target and target not in known:  # `import a.b.attr` and the like
                target = target.rpartition(".")[0]
            while target and target != name:
                targets.add(target)
                target = target.rpartition(".")[0]
                if name.startswith(target + "."):  # a package the importer is inside is already running
                    break
    return targets


def layer_of(name: str) -> int:
    """The layer of the longest prefix naming the module or a package it is in; the package's
    root (`generator`) names only itself, so a new top-level module must be placed in the table."""
    best, rank = "", -1
    for index, (_, prefixes) in enumerate(LAYERS):
        for prefix in prefixes:
            inside = name.startswith(prefix + ".") and prefix != "generator"
            if (name == prefix or inside) and len(prefix) > len(best):
                best, rank = prefix, index
    return rank


def graph() -> dict[str, set[str]]:
    known = modules()
    return {name: imports(name, path, known) for name, path in known.items()}


def cycles(edges: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for other in sorted(edges.get(node, ())):
            if other not in index:
                visit(other)
                low[node] = min(low[node], low[other])
            elif other in on_stack:
                low[node] = min(low[node], index[other])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def test_every_module_has_a_layer():
    assert [name for name in modules() if layer_of(name) < 0] == []
    assert layer_of("generator.new_module") < 0  # (not taken into the base layer by the root's name)


def test_no_module_imports_a_higher_layer():
    upward = [f"{name} ({LAYERS[layer_of(name)][0]}) imports {target} ({LAYERS[layer_of(target)][0]})"
              for name, targets in graph().items() for target in sorted(targets) if layer_of(target) > layer_of(name)]
    assert upward == []


def test_no_import_circle():
    assert cycles(graph()) == []


def test_the_check_sees_an_upward_import_inside_a_function_and_a_circle(tmp_path):
    # The checker itself, on a tiny package: a lazy import still counts.
    known = {"generator.readers.x": tmp_path / "x.py", "generator.pipeline": tmp_path / "p.py"}
    known["generator.readers.x"].write_text("def f():\n    from ..pipeline import generate\n")
    known["generator.pipeline"].write_text("from .readers import x\n")
    edges = {name: imports(name, path, known) for name, path in known.items()}
    assert "generator.pipeline" in edges["generator.readers.x"]
    assert layer_of("generator.pipeline") > layer_of("generator.readers.x")
    assert cycles(edges) == [["generator.pipeline", "generator.readers.x"]]
