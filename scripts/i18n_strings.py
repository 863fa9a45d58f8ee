"""List every string passed as the first argument of ``tr(...)`` in the app's code.

Walks the AST of app.py, ui.py, lessons/*.py and figures/*.py. A call to ``tr`` whose first
argument is not a string literal cannot be looked up in a table, so it is reported as an error.

    python scripts/i18n_strings.py              # every string, one per line (as a Python repr)
    python scripts/i18n_strings.py --missing    # strings without a translation, per language
"""

from __future__ import annotations

import argparse
import ast
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("app.py", "ui.py", "lessons/*.py", "figures/*.py")


@dataclass(frozen=True)
class Call:
    path: str
    line: int
    text: str | None
    """The literal first argument, or None when it is not a string literal (an error)."""


def source_files(root: Path = ROOT) -> list[Path]:
    files: list[Path] = []
    for pattern in SOURCES:
        files.extend(sorted(root.glob(pattern)))
    return files


def _is_tr(func: ast.expr) -> bool:
    return (isinstance(func, ast.Name) and func.id == "tr") or (isinstance(func, ast.Attribute) and func.attr == "tr")


def calls_in(path: Path, root: Path = ROOT) -> list[Call]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _is_tr(node.func):
            first = node.args[0] if node.args else None
            text = first.value if isinstance(first, ast.Constant) and isinstance(first.value, str) else None
            found.append(Call(str(path.relative_to(root)), node.lineno, text))
    return sorted(found, key=lambda c: c.line)


def all_calls(root: Path = ROOT) -> list[Call]:
    return [call for path in source_files(root) for call in calls_in(path, root)]


def strings(root: Path = ROOT) -> list[str]:
    """Every literal tr() string, once each, in the order first met."""
    return list(dict.fromkeys(c.text for c in all_calls(root) if c.text is not None))


def errors(root: Path = ROOT) -> list[Call]:
    """tr() calls whose first argument is not a string literal."""
    return [c for c in all_calls(root) if c.text is None]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--missing", action="store_true", help="list the strings each language lacks")
    args = parser.parse_args(argv)
    bad = errors()
    for c in bad:
        print(f"{c.path}:{c.line}: tr() needs a string literal as its first argument", file=sys.stderr)
    texts = strings()
    if args.missing:
        sys.path.insert(0, str(ROOT))
        from i18n import LANGUAGES, TABLES

        for lang in LANGUAGES:
            if lang == "en":
                continue
            missing = [t for t in texts if t not in TABLES.get(lang, {})]
            print(f"# {lang}: {len(missing)} of {len(texts)} missing")
            for t in missing:
                print(repr(t))
    else:
        for t in texts:
            print(repr(t))
        print(f"# {len(texts)} strings", file=sys.stderr)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
