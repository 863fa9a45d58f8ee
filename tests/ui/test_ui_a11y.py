"""Text for screen readers: a chart's text alternative (ui.chart_alt), the key number in words (ui.loss_story),
the skip link's script, the stepper's buttons named in words, and the race's legend under its plot."""

import json

import numpy as np
import pytest

import figures
import ui
from figures import beyond as race_figures
from i18n import set_language
from tests.apptest_helpers import open_page
from ui.nav import HOME, LESSONS


@pytest.fixture(autouse=True)
def english():
    set_language("en")
    yield
    set_language("en")


def test_loss_story_says_how_the_loss_went():
    # Losses of gradient descent on L = θ² with η = 0.25 from θ⁰ = 4: θ halves, L quarters: 16, 4, 1.
    losses = [16.0, 4.0, 1.0]
    assert ui.loss_story(losses) == "The loss fell from 16 to 1 in 2 updates."
    assert ui.loss_story(losses, 1) == "The loss fell from 16 to 4 in 1 update."
    assert ui.loss_story(losses, 0) == "The loss is 16 at θ⁰."
    assert ui.loss_story([1.0, 4.0, 16.0]) == "The loss went from 1 to 16 in 2 updates: it did not fall."
    assert ui.loss_story(losses, diverged_at=7) == "The run diverged at update 7."
    assert ui.loss_story(losses, name="SGD") == "SGD: The loss fell from 16 to 1 in 2 updates."


def test_loss_story_in_chinese():
    set_language("zh-TW")
    assert ui.loss_story([16.0, 4.0, 1.0]) == "損失在 2 次更新中從 16 降到 1。"


def test_chart_alt_gives_the_title_and_the_key_number_or_the_legend():
    fig = figures.loss_curves([("GD", np.array([16.0, 4.0, 1.0]), "#0072B2"),
                               ("Adam", np.array([16.0, 9.0, 5.0]), "#D55E00")],
                              "Loss <b>against</b><br>updates", "t", "L")
    assert ui.chart_alt(fig) == "Chart: Loss against updates. It shows: GD, Adam."
    assert ui.chart_alt(fig, "The loss fell from 16 to 1 in 2 updates.") == (
        "Loss against updates. The loss fell from 16 to 1 in 2 updates.")
    untitled = figures.loss_curves([], "", "t", "L")
    assert ui.chart_alt(untitled) == "Chart."


def test_skip_link_script_keeps_its_text_a_javascript_string():
    script = ui.skip_link_html('Skip "</script><b>')
    assert json.dumps('Skip "').rstrip('"') in script
    assert "</script><b>" not in script
    assert "\\u003c/script>\\u003cb>" in script


def test_the_races_legend_is_under_the_plot():
    """Beside the plot (x = 1.02, vertical) it took half a phone's width; under it, in rows, it takes none."""
    xs = ys = np.linspace(-1.0, 1.0, 5)
    Z = np.add.outer(ys ** 2, xs ** 2)
    path = figures.Path(np.array([[0.5, 0.5], [0.0, 0.0]]), "Adam", "#D55E00")
    for fig in (race_figures.race_contour(xs, ys, Z, "paths", [path]),
                race_figures.race_losses([("Adam", np.array([1.0, 0.5]), "#D55E00")], 0.1, "target", "loss", "t",
                                         "L")):
        legend = fig.layout["legend"]
        assert legend["orientation"] == "h"
        assert legend["y"] < 0 and legend["yanchor"] == "top"


def test_step_buttons_are_named_in_words_in_every_language():
    at = open_page("pages/1_step_by_step.py")
    labels = {b.key: b.label for b in at.button if (b.key or "").endswith((":prev", ":next"))}
    assert labels == {"step:t:prev": "Previous update", "step:t:next": "Next update"}
    at = open_page("pages/1_step_by_step.py", {"lang": "zh-TW"})
    labels = {b.key: b.label for b in at.button if (b.key or "").endswith((":prev", ":next"))}
    assert labels == {"step:t:prev": "上一次更新", "step:t:next": "下一次更新"}


def chart_alternatives(at) -> list[tuple[str, str]]:
    """(chart key, its accessible name: Streamlit's ``alt``, the figure's ``aria-label``) for every plotly chart
    drawn, in order."""
    found = []

    def walk(node) -> None:
        for child in getattr(node, "children", {}).values():
            if getattr(child, "type", None) == "plotly_chart":
                found.append((child.proto.id.rsplit("-", 1)[-1], child.proto.alt))
            walk(child)

    walk(at._tree[0])
    return found


def alt_text(alt: str) -> str:
    assert alt == alt.strip() and "<" not in alt, alt[:80]
    return alt


@pytest.mark.parametrize("script", [lesson.script for lesson in LESSONS if lesson is not HOME])
def test_every_chart_on_every_page_has_a_text_alternative(script):
    found = chart_alternatives(open_page(script))
    assert found, f"{script}: no chart found"
    for key, body in found:
        assert len(alt_text(body)) > 10, (script, key, body)


def test_the_step_pages_alternative_gives_the_loss_from_start_to_end():
    """Step by step's default: the elongated bowl L = 0.1θ₁² + 2θ₂² from θ⁰ = (−5, −2), η = 0.1, 20 updates.
    Each update multiplies θ₁ by 1 − 0.1·0.2 = 0.98 and θ₂ by 1 − 0.1·4 = 0.6."""
    at = open_page("pages/1_step_by_step.py")
    found = dict(chart_alternatives(at))
    start = 0.1 * 25 + 2 * 4
    end = 0.1 * (5 * 0.98 ** 20) ** 2 + 2 * (2 * 0.6 ** 20) ** 2
    assert alt_text(found["contour"]) == (f"Loss contours and the path. The loss fell from {ui.num(start)} to "
                                          f"{ui.num(end)} in 20 updates. The selected update is t = 0.")
