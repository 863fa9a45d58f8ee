"""Each lesson's one or two main controls sit in the main area, right under the figure they drive (issue 13): in the
same column, in the box (ui.under_figure) that follows the figure's own, on every screen; the rest of the settings
stay in the sidebar. A phone, whose sidebar starts folded, shows them with the figure (tests/browser/
test_browser_devices.py measures it)."""

from __future__ import annotations

import pytest
from streamlit.testing.v1.element_tree import Block

from tests.apptest_helpers import open_page

CASES = {
    # id: the page, its link's query, the figure's key, the main controls' (session) keys and the kind of widget
    "learning-rate": ("pages/2_learning_rate.py", {}, "curve",
                      {f"lr:{role}": "number_input" for role in ("very_large", "large", "small", "just_right")}),
    "adagrad": ("pages/3_adagrad_tables.py", {}, "contour", {"adagrad:t": "slider"}),
    "best-step": ("pages/4_best_step.py", {}, "best_curve", {"best:x0": "slider", "best:eta": "select_slider"}),
    "sgd": ("pages/5_stochastic_gd.py", {}, "contour", {"sgd:t": "slider"}),
    "feature-scaling": ("pages/6_feature_scaling.py", {}, "contour_scaled",
                        {"scaling:k": "select_slider", "scaling:t": "slider"}),
    "theory-taylor": ("pages/7_why_it_works.py", {}, "taylor", {"theory:order": "slider"}),
    "theory-circle": ("pages/7_why_it_works.py", {"part": "circle"}, "circle", {"theory:d": "slider"}),
    "theory-newton": ("pages/7_why_it_works.py", {"part": "newton"}, "newton", {"theory:d": "slider"}),
    "limitations": ("pages/8_more_limitations.py", {}, "map",
                    {"limits:eta": "select_slider", "limits:steps": "slider"}),
}


def trail(node, key: str, path=()) -> tuple | None:
    """The nodes from ``node`` down to the element whose key is ``key``, or None."""
    if not isinstance(node, Block) and getattr(node, "key", None) == key:
        return (*path, node)
    for child in getattr(node, "children", {}).values():
        found = trail(child, key, (*path, node))
        if found:
            return found
    return None


@pytest.mark.parametrize("case", list(CASES))
def test_the_main_controls_are_in_the_main_area_right_after_their_figure(case):
    page, query, figure_key, controls = CASES[case]
    at = open_page(page, query)
    for key, kind in controls.items():
        assert key in [w.key for w in getattr(at.main, kind)], f"{key} is not in the main area"
        assert key not in [w.key for w in getattr(at.sidebar, kind)], f"{key} is in the sidebar"
        path = trail(at.main, key)
        # The box that holds the control (ui.under_figure's), and in the same parent just before it, the figure's.
        depth = next(i for i, node in enumerate(path) if isinstance(node, Block)
                     and str(node.key).startswith("gd-main-"))
        parent, box = path[depth - 1], path[depth]
        boxes = list(parent.children.values())
        before = boxes[boxes.index(box) - 1]
        assert trail(before, figure_key), f"{key}: the box before its controls does not hold the figure {figure_key}"
