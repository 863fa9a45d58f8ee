"""Every page's tabs (ui.views): a link value that names no tab opens the first one, with no error and no
value left in the link, and the page shows what it shows with no tab in the link."""

from __future__ import annotations

import pytest

from tests.apptest_helpers import chart_keys, errors, open_page, open_tab_label

TABS = [  # (page, the tabs' link parameter, the first tab's label)
    ("pages/1_step_by_step.py", "view", "Step by step"),
    ("pages/3_adagrad_tables.py", "part", "① Adagrad beside gradient descent"),
    ("pages/4_best_step.py", "part", "① The best step"),
    ("pages/5_stochastic_gd.py", "view", "Loss against epochs"),
    ("pages/7_why_it_works.py", "part", "Question and Taylor series"),
    ("pages/8_more_limitations.py", "view", "The paths on the loss contours"),
    ("pages/10_optimizer_playground.py", "view", "Contour"),
]
# Not link values of any tab (those are lower-case words such as 3d, play, circle); labels are not values.
GARBAGE = ["", " ", "3D", "Play", "no such tab", "<script>alert(1)</script>", "x" * 500, "②"]


@pytest.mark.parametrize("page, key, first", TABS)
def test_a_garbage_tab_in_the_link_opens_the_first(page, key, first):
    plain = chart_keys(open_page(page))
    for garbage in GARBAGE:
        at = open_page(page, {key: garbage})
        assert not errors(at), (garbage, errors(at))
        assert open_tab_label(at, key) == first, garbage
        assert chart_keys(at) == plain, garbage
        assert key not in at.query_params, garbage
