"""ui/__init__.py hands the pages every public name of the ui modules (``ui.name``), and only those."""

from __future__ import annotations

import ast
from pathlib import Path

import ui

UI = Path(ui.__file__).resolve().parent


def public_names(path: Path) -> set[str]:
    names = set()
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, (ast.FunctionDef, ast.ClassDef)):
            names.add(node.name)
        elif isinstance(node, ast.Assign):
            names |= {t.id for t in node.targets if isinstance(t, ast.Name) and t.id.isupper()}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name) and node.target.id.isupper():
            names.add(node.target.id)
    return {n for n in names if not n.startswith("_")}


def test_every_public_name_of_the_modules_is_exported():
    modules = sorted(p for p in UI.glob("*.py") if p.name != "__init__.py")
    assert len(modules) >= 10
    wanted = set().union(*(public_names(p) for p in modules))
    assert wanted - set(ui.__all__) == set(), "add these to ui/__init__.py"
    assert set(ui.__all__) - wanted == set(), "ui/__init__.py exports names no module defines"
    assert all(hasattr(ui, name) for name in ui.__all__)
