"""The layer contract (`generator.architecture`), checked on every import of the package.

Imports inside functions count: a circle hidden in a function is still a circle.
"""

from __future__ import annotations

import ast
from pathlib import Path

from generator.architecture import (
    DASK_MODULES,
    EXTRACT_SHARED,
    LAYERS,
    LAZY_IMPORTS,
    ROOT,
    reachable,
    stage_of,
)

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): p for p in PACKAGE.rglob("*.py")}


class Imports(ast.NodeVisitor):
    """Every import of one module: (imported module, line, inside a function)."""

    def __init__(self, module: str, is_package: bool) -> None:
        self.module = module
        self.package = module if is_package else module.rpartition(".")[0]
        self.found: list[tuple[str, int, bool]] = []
        self.depth = 0

    def visit_FunctionDef(self, node: ast.FunctionDef | ast.AsyncFunctionDef) -> None:
        self.depth += 1
        self.generic_visit(node)
        self.depth -= 1

    visit_AsyncFunctionDef = visit_FunctionDef  # type: ignore[assignment]

    def visit_Import(self, node: ast.Import) -> None:
        for alias in node.names:
            self.found.append((alias.name, node.lineno, self.depth > 0))

    def visit_ImportFrom(self, node: ast.ImportFrom) -> None:
        base = node.module or ""
        if node.level:
            parts = self.package.split(".")
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join(parts + ([node.module] if node.module else []))
        for alias in node.names:
            # `from generator.site import pages` imports the module `generator.site.pages`
            target = f"{base}.{alias.name}"
            self.found.append((target if target in MODULES else base, node.lineno, self.depth > 0))


def imports() -> dict[str, list[tuple[str, int, bool]]]:
    found = {}
    for name, path in MODULES.items():
        visitor = Imports(name, path.name == "__init__.py")
        visitor.visit(ast.parse(path.read_text("utf-8")))
        found[name] = visitor.found
    return found


IMPORTS = imports()


def internal() -> list[tuple[str, str, int, bool]]:
    """(importer, imported, line, inside a function) for every import of the package's own."""
    return [
        (source, target, line, lazy)
        for source, found in IMPORTS.items()
        for target, line, lazy in found
        if target == ROOT or target.startswith(ROOT + ".")
    ]


def test_every_module_belongs_to_a_stage_of_the_contract():
    assert {stage_of(m) for m in MODULES} - {ROOT} == set(LAYERS)


def test_stages_import_only_the_stages_below_them():
    wrong = [
        f"{source}:{line} imports {target}"
        for source, target, line, _ in internal()
        if stage_of(target) not in (stage_of(source), ROOT)
        and stage_of(target) not in LAYERS[stage_of(source)]
    ]
    assert wrong == []


def test_the_contract_has_no_circle():
    for stage, allowed in LAYERS.items():
        for other in allowed:
            assert stage not in reachable(other), f"{stage} and {other} may import each other"


def test_extractor_families_do_not_import_one_another():
    def family(module: str) -> str | None:
        parts = module.split(".")
        if module in EXTRACT_SHARED or len(parts) < 3 or parts[1] != "extract":
            return None
        return parts[2]

    wrong = [
        f"{source}:{line} imports {target}"
        for source, target, line, _ in internal()
        if stage_of(source) == stage_of(target) == "generator.extract"
        and target not in EXTRACT_SHARED
        and family(source) != family(target)
    ]
    assert wrong == []


def test_own_modules_are_imported_at_the_top_except_the_lazy_dask_one():
    lazy = {(source, target) for source, target, _, inside in internal() if inside}
    assert lazy == set(LAZY_IMPORTS)


def test_modules_import_one_another_without_a_circle():
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for source, target, _, _ in internal():
        if target in graph and target != source:
            graph[source].add(target)
    state: dict[str, int] = {}
    circles = []

    def visit(node: str, path: list[str]) -> None:
        state[node] = 1
        for nxt in sorted(graph[node]):
            if state.get(nxt) == 1:
                circles.append(" -> ".join(path[path.index(nxt) :] + [node, nxt]))
            elif nxt not in state:
                visit(nxt, [*path, node])
        state[node] = 2

    for module in sorted(graph):
        if module not in state:
            visit(module, [])
    assert circles == []


def test_only_the_cluster_module_imports_dask():
    users = {
        source
        for source, found in IMPORTS.items()
        for target, _, _ in found
        if target.split(".")[0] in ("dask", "distributed")
    }
    assert users == set(DASK_MODULES)


def test_the_checker_sees_imports_inside_functions():
    # the one lazy import is found, with its line, as an import inside a function
    found = IMPORTS["generator.analysis.parallel"]
    assert any(target == "generator.analysis.cluster" and inside for target, _, inside in found)
