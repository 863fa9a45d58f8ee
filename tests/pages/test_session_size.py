"""A walk through the lecture leaves the session state short: the values each page's widgets last had (kept for when
the page is opened again) live in one entry (ui.state.KEPT), not one entry a widget. Streamlit looks through the
whole session state each time it draws a select box, a number input or a text field, so with one entry a widget
every page of a lecture made the pages after it slower (106 entries after one walk)."""

from __future__ import annotations

from pathlib import Path

from streamlit.testing.v1 import AppTest

from tests.apptest_helpers import APP, TIMEOUT
from ui.state import KEPT

PAGES = sorted(Path(APP).parent.glob("pages/*.py"), key=lambda p: int(p.name.split("_")[0]))


def _walk() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    for page in PAGES:
        at.switch_page(str(page)).run()
        assert not at.exception, (page, [e.value for e in at.exception])
    return at


def _keys(at: AppTest) -> list[str]:
    return [k for k in at.session_state._state._state._keys() if not k.startswith("$$")]  # not widgets' own ids


def test_a_walk_through_the_lecture_leaves_few_session_entries():
    at = _walk()
    keys = _keys(at)
    assert not [k for k in keys if k.startswith("_keep:")]
    kept = at.session_state[KEPT]
    # Every lesson's widgets are kept, in the one entry: each page's link keys are there.
    pages = {k.split(":", 1)[0] for k in kept}
    assert {"step", "lr", "adagrad", "best", "sgd", "scaling", "theory", "limits", "beyond", "play"} <= pages, pages
    assert len(kept) > 60
    # What is left besides the widgets' own entries does not grow with the lessons: a few app-wide entries and one
    # "open tab" entry a page with tabs.
    assert len(keys) < 25, sorted(keys)


def test_a_value_set_on_one_page_is_there_after_the_walk():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/1_step_by_step.py").run()
    at.slider(key="step:steps").set_value(33).run()
    at.switch_page("pages/2_learning_rate.py").run()
    at.switch_page("pages/8_more_limitations.py").run()
    at.switch_page("pages/1_step_by_step.py").run()
    assert at.slider(key="step:steps").value == 33
    assert at.query_params.get("steps") in ("33", ["33"])

