"""Downloads: each chart's points as CSV with clear column names."""

from __future__ import annotations

import numpy as np

import figures
import gd_core
import ui
from tests.apptest_helpers import open_page


def test_chart_table_has_the_path_with_named_columns():
    traj = gd_core.run(gd_core.parse_loss("x^2 + y^2"), gd_core.optimizers.gd(0.25), (2.0, -1.0), 3)
    xs, ys, Z = gd_core.grid.loss_grid(gd_core.parse_loss("x^2 + y^2"), (-3, 3), (-3, 3), 10)
    fig = figures.contour(xs, ys, Z, "t")
    figures.add_path(fig, figures.Path(traj.params, "GD", "#000"))
    table = ui.chart_table(fig)
    path = table[table["series"] == "GD"]
    assert list(table.columns) == ["series", "point", "θ₁", "θ₂"]
    # GD on x² + y² with η = 1/4 halves θ each update: θᵗ = θ⁰ / 2ᵗ.
    np.testing.assert_allclose(path["θ₁"], [2.0 / 2**t for t in range(4)], rtol=1e-6)
    np.testing.assert_allclose(path["θ₂"], [-1.0 / 2**t for t in range(4)], rtol=1e-6)
    assert path["point"].tolist() == [0, 1, 2, 3]


def test_every_chart_of_a_page_has_its_download():
    at = open_page("pages/2_learning_rate.py")
    downloads = at.get("download_button")
    assert len(downloads) == len(at.get("plotly_chart")) == 4


def test_no_download_buttons_in_presenter_mode():
    at = open_page("pages/2_learning_rate.py", {"present": "1"})
    assert not at.get("download_button")
