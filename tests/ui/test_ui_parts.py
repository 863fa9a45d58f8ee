"""ui.part: a page's compiler (ui.chrome._page_body) moves the statements after ``ui.part()`` in its block into a part
of their own, which the body then runs as a nested fragment; the rest of the page is left as written."""

from __future__ import annotations

import ast
import textwrap

import ui
from ui import chrome

SOURCE = textwrap.dedent('''
    a = 1
    with box:
        b = 2
        if b:
            c = 3
            ui.part()
            d = 4
            e = d + 1
        f = 6
    g = 7
''')


def _split(source: str) -> tuple[list[ast.stmt], list]:
    first = len(chrome._PARTS)
    statements = chrome._split_parts(ast.parse(source).body, "page.py")
    return statements, chrome._PARTS[first:]


def test_the_statements_after_the_call_in_its_block_become_the_part():
    statements, parts = _split(SOURCE)
    assert len(parts) == 1
    text = ast.unparse(ast.Module(body=statements, type_ignores=[]))
    number = len(chrome._PARTS) - 1
    assert text == textwrap.dedent(f'''\
        a = 1
        with box:
            b = 2
            if b:
                c = 3
                ui.part({number})
            f = 6
        g = 7''')
    # The part: d and e, with the page file's own line numbers (an error in it points at the page's line).
    names = {}
    exec(parts[0], names)
    assert (names["d"], names["e"]) == (4, 5)
    assert parts[0].co_filename == "page.py"
    assert min(line for _, _, line in parts[0].co_lines() if line) == 8


def test_a_page_without_the_call_is_left_as_written():
    source = "x = 1\nwith box:\n    y = ui.chart(x)\nui.part_of_something()\n"
    statements, parts = _split(source)
    assert parts == [] and ast.unparse(ast.Module(body=statements, type_ignores=[])) == source.strip()


def test_a_part_at_the_end_of_its_block_is_empty_and_runs():
    _, parts = _split("with box:\n    ui.part()\n")
    exec(parts[0], {})


def test_the_call_as_written_does_nothing():
    assert ui.part() is None
