"""Pages stay thin (the house's issue 14): explain → widgets → one cached call → figures. No helper defined in a
page, no cached function of its own (those are ui.services'), no NumPy math, about 200 lines at most."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
THIN = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))
LONGER = {"pages/7_why_it_works.py": 250}
"""Pages allowed past ~200 lines: the theory page teaches four slides (Taylor, the plane, the red circle, Newton)
in four tabs."""


@pytest.mark.parametrize("path", THIN)
def test_a_page_defines_no_function_and_caches_nothing_itself(path):
    source = (ROOT / path).read_text(encoding="utf-8")
    tree = ast.parse(source)
    defined = [getattr(n, "name", "lambda") for n in ast.walk(tree)
               if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef, ast.Lambda))]
    assert not defined
    assert "cache_data" not in source and "cache_resource" not in source
    imported = {a.name for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) for a in n.names}
    assert not imported & {"numpy", "math"}
    assert len(source.splitlines()) <= LONGER.get(path, 205)
