"""What the translation needs of the code, checked on its syntax tree: every ``tr(...)``/``trn(...)`` call and
every gd_core error template has a string literal as its message (a catalog is looked up by it), and gd_core
raises no plain ``ValueError`` (its message could not be translated).

The messages themselves are extracted by Babel (``scripts/i18n_update.sh``; tests/catalogs.py does the same);
tests/ui/test_i18n.py checks that both find the same strings.

Walks the AST of app.py, ui/*.py, pages/*.py and figures/*.py for calls to ``tr``, and of gd_core/*.py for
the message templates given to gd_core's errors (the classes in gd_core/errors.py built on
``TemplatedError``: the app shows them through ``ui.reason``, which looks them up like tr() strings).
A call whose first argument is not a string literal cannot be looked up in a table, so it is reported
as an error; so is a plain ``ValueError(...)`` in gd_core, whose message could not be translated.
"""

from __future__ import annotations

import ast
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("app.py", "ui/*.py", "pages/*.py", "figures/*.py")
CORE = "gd_core/**/*.py"
"""gd_core's modules: their error templates are translated too."""
ERRORS_MODULE = "gd_core/errors.py"
TEMPLATED_BASE = "TemplatedError"
"""The base of gd_core's translatable errors; its subclasses in ERRORS_MODULE take a template first."""


@dataclass(frozen=True)
class Call:
    path: str
    line: int
    text: str | None
    """The literal first argument, or None when it is not a string literal (an error)."""
    kind: str = "tr"
    """``tr`` for a tr() call, the error class's name for a gd_core error template."""


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for pattern in SOURCES:
        files.extend(sorted(root.glob(pattern)))
    return files


TR_NAMES = ("tr", "trn", "N_")


def _is_tr(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id in TR_NAMES) or \
        (isinstance(func, ast.Attribute) and func.attr in TR_NAMES)


def _name(func: ast.expr) -> str | None:
    """The called name: ``f`` for ``f(...)`` and ``m.f(...)``."""
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else None


def _literal(node: ast.Call) -> str | None:
    first = node.args[0] if node.args else None
    return first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None


def calls_in(path: Path, root: Path = ROOT) -> list[Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_tr(node.func):
            found.append(Call(str(path.relative_to(root)), node.lineno, _literal(node)))
    return sorted(found, key=lambda c: c.line)


def error_classes(root: Path = ROOT) -> set[str]:
    """The names of gd_core's translatable errors: the classes in ERRORS_MODULE built on TEMPLATED_BASE."""
    path = root / ERRORS_MODULE
    if not path.exists():
        return set()
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    return {node.name for node in ast.walk(tree) if isinstance(node, ast.ClassDef)
            and any(_name(base) == TEMPLATED_BASE for base in node.bases)}


def core_files(root: Path = ROOT) -> list[Path]:
    return sorted(root.glob(CORE))


def templates_in(path: Path, classes: set[str], root: Path = ROOT) -> list[Call]:
    """Every construction of one of ``classes`` in ``path``, with its template (None if not a literal)."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = [Call(str(path.relative_to(root)), node.lineno, _literal(node), _name(node.func))
             for node in ast.walk(tree) if isinstance(node, ast.Call) and _name(node.func) in classes]
    return sorted(found, key=lambda c: c.line)


def template_calls(root: Path = ROOT) -> list[Call]:
    """Every gd_core error built with a template, in file and line order."""
    classes = error_classes(root)
    return [call for path in core_files(root) for call in templates_in(path, classes, root)]


def all_calls(root: Path = ROOT) -> list[Call]:
    """The tr() calls, then gd_core's error templates."""
    return [call for path in source_files(root) for call in calls_in(path, root)] + template_calls(root)


def untranslatable(root: Path = ROOT) -> list[Call]:
    """Plain ``ValueError(...)`` built in gd_core: its message could not be translated (use an error class
    from gd_core/errors.py with a template instead)."""
    found = []
    for path in core_files(root):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        found += [Call(str(path.relative_to(root)), node.lineno, _literal(node), "ValueError")
                  for node in ast.walk(tree) if isinstance(node, ast.Call) and _name(node.func) == "ValueError"]
    return sorted(found, key=lambda c: (c.path, c.line))


def strings(root: Path = ROOT) -> list[str]:
    """Every literal tr() string and gd_core error template, once each, in the order first met."""
    return list(dict.fromkeys(c.text for c in all_calls(root) if c.text is not None))


def templates(root: Path = ROOT) -> list[str]:
    """gd_core's literal error templates, once each."""
    return list(dict.fromkeys(c.text for c in template_calls(root) if c.text is not None))


def errors(root: Path = ROOT) -> list[Call]:
    """tr() calls and gd_core errors whose first argument is not a string literal."""
    return [c for c in all_calls(root) if c.text is None]
