"""Guards over the figures of the whole app: every page, every tab.

1. Animation frames. A frame names the traces it replaces (``traces``) and gives their new state (``data``):
   each must name traces that exist, of the same type as its data (a scatter frame on the contour's index would
   replace the contour by a line). And when a figure holds a trace that plotly.js cannot animate (a contour,
   a heatmap: anything but scatter and bar), plotly.js drops it at the first frame unless the frame redraws the
   whole plot, which it does when the frame changes an axis range (``figures.keep_unanimated``): then every frame
   must set the x axis's range, each a different one.
2. Figures drawn to scale. On the pages that speak of right angles, the figures with a path over contours draw
   one unit equally long on both axes, and the arrows they name (``assert_to_scale``). The list is explicit
   below: add a figure to it when its page starts to rest on angles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.apptest_helpers import assert_to_scale, chart, charts, every_view, open_page

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "pages").glob("*.py"))

ANIMATABLE = {"scatter", "bar"}
"""The trace types plotly.js moves from frame to frame (the others it can only redraw)."""


def frame_problems(fig: dict) -> list[str]:
    """What is wrong with the animation frames of ``fig`` (a figure's dict, as the browser receives it)."""
    data, frames = fig.get("data", []), fig.get("frames") or []
    problems = []
    for f, frame in enumerate(frames):
        moved = frame.get("data", [])
        named = frame.get("traces", list(range(len(moved))))
        if len(named) != len(moved):
            problems.append(f"frame {f}: {len(moved)} traces of data for the {len(named)} it names")
        for i, new in zip(named, moved):
            if not 0 <= i < len(data):
                problems.append(f"frame {f}: trace {i} does not exist ({len(data)} traces)")
                continue
            old_type, new_type = data[i].get("type", "scatter"), new.get("type", "scatter")
            if old_type != new_type:
                problems.append(f"frame {f}: replaces trace {i}, a {old_type}, by a {new_type}")
    unanimated = sorted({t.get("type", "scatter") for t in data} - ANIMATABLE)
    if frames and unanimated:
        ranges = [tuple(((frame.get("layout") or {}).get("xaxis") or {}).get("range") or ()) for frame in frames]
        if not all(ranges):
            problems.append(f"frames that do not move the x axis on a figure with {unanimated} traces: "
                            "plotly.js drops them at the first frame")
        elif len(set(ranges)) != len(ranges):
            problems.append("two frames with the same x range: going from one to the other drops "
                            f"the {unanimated} traces")
    return problems


# --- the check itself, on small figures ----------------------------------------------------------------------

CONTOUR = {"type": "contour", "z": [[0, 1], [1, 0]]}
LINE = {"type": "scatter", "x": [0], "y": [0]}


def moved(k: int) -> dict:
    return {"xaxis": {"range": [0, 1 + k * 1e-9]}}


def test_the_check_flags_a_frame_that_replaces_a_contour_by_a_line():
    fig = {"data": [CONTOUR, LINE], "frames": [{"data": [LINE], "traces": [0], "layout": moved(1)}]}
    assert frame_problems(fig) == ["frame 0: replaces trace 0, a contour, by a scatter"]
    # Without ``traces`` a frame's data replaces the first traces: the contour again.
    fig["frames"] = [{"data": [LINE], "layout": moved(1)}]
    assert frame_problems(fig) == ["frame 0: replaces trace 0, a contour, by a scatter"]
    fig["frames"] = [{"data": [LINE], "traces": [2], "layout": moved(1)}]
    assert frame_problems(fig) == ["frame 0: trace 2 does not exist (2 traces)"]


def test_the_check_flags_frames_that_leave_the_contour_to_plotly():
    """What the Play tab did: frames that move only the path, on a figure with a contour."""
    frames = [{"data": [LINE], "traces": [1], "name": str(k)} for k in range(3)]
    problems = frame_problems({"data": [CONTOUR, LINE], "frames": frames})
    assert len(problems) == 1 and "drops them at the first frame" in problems[0], problems
    for k, frame in enumerate(frames):
        frame["layout"] = moved(k % 2)  # frames 0 and 2 alike
    problems = frame_problems({"data": [CONTOUR, LINE], "frames": frames})
    assert len(problems) == 1 and "two frames with the same x range" in problems[0], problems
    for k, frame in enumerate(frames):
        frame["layout"] = moved(k + 1)
    assert frame_problems({"data": [CONTOUR, LINE], "frames": frames}) == []
    # Scatter traces alone are animated by plotly.js: nothing to keep.
    assert frame_problems({"data": [LINE, LINE], "frames": [{"data": [LINE], "traces": [1]}]}) == []


# --- every figure of the app ----------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def every_figure() -> list[tuple[str, dict]]:
    """Every chart of every page, with every tab opened in turn: (where, figure)."""
    found = []
    for page in PAGES:
        at = open_page(page)
        found += [(page, fig) for fig in charts(at)]
        for view in every_view(at):
            found += [(f"{page} {view}", fig) for fig in charts(at)]
    return found


def test_every_animation_keeps_what_it_does_not_move(every_figure):
    animated = [(where, fig) for where, fig in every_figure if fig.get("frames")]
    assert animated, "no animated figure found: the guard would check nothing"
    problems = {where: p for where, fig in animated if (p := frame_problems(fig))}
    assert not problems, problems


# --- figures drawn to scale -----------------------------------------------------------------------------------

STEP = "pages/1_step_by_step.py"
GRADIENT, MOVEMENT = "gradient ∇L(θᵗ)", "movement −η∇L(θᵗ)"
TO_SCALE = [  # (page, the link's query, the chart's key, the arrows it names in its legend)
    (STEP, {}, "contour", (GRADIENT, MOVEMENT)),
    (STEP, {"view": "▶ Play"}, "play", ()),
    ("pages/3_adagrad_tables.py", {}, "contour", ()),
    ("pages/6_feature_scaling.py", {}, "contour_raw", ()),
    ("pages/6_feature_scaling.py", {}, "contour_scaled", ()),
    ("pages/4_best_step.py", {"part": "② Do not cross parameters"}, "plane", ()),
    ("pages/7_why_it_works.py", {"part": "Red circle"}, "circle", ()),
    ("pages/7_why_it_works.py", {"part": "Red circle"}, "inner", ()),
    ("pages/7_why_it_works.py", {"part": "Newton's method"}, "newton", ()),
    ("pages/9_momentum_rmsprop_adam.py", {}, "paths", ()),
    ("pages/10_optimizer_playground.py", {}, "paths", ()),
]
"""The figures whose lesson rests on angles or circles: a path over contours on the pages that speak of right
angles (step by step, Adagrad, feature scaling), the w₁–w₂ contour of the best step, the red circle, Newton, and
the race of momentum, RMSProp and Adam (momentum's swings across the elongated bowl)."""


@pytest.mark.parametrize("page, query, key, arrows", TO_SCALE, ids=[f"{p}:{k}" for p, _, k, _ in TO_SCALE])
def test_figures_of_angles_are_to_scale(page, query, key, arrows):
    assert_to_scale(chart(open_page(page, query), key), arrows)


def test_assert_to_scale_fails_on_unequal_axes():
    """The helper fails on a contour without the scale tied (as step by step's was: 24 px per unit of θ₁
    against 52 of θ₂), with the scale at another ratio, and without the arrows it is asked for."""
    fig = {"data": [CONTOUR], "layout": {"xaxis": {}, "yaxis": {"scaleanchor": None}}}
    with pytest.raises(AssertionError, match="not tied"):
        assert_to_scale(fig)
    fig["layout"]["yaxis"] = {"scaleanchor": "x", "scaleratio": 2}
    with pytest.raises(AssertionError, match="one unit of θ₂ is 2"):
        assert_to_scale(fig)
    fig["layout"]["yaxis"] = {"scaleanchor": "x", "scaleratio": 1}
    assert_to_scale(fig)
    with pytest.raises(AssertionError, match="no trace named"):
        assert_to_scale(fig, (GRADIENT,))
    fig["data"].append({"type": "scatter", "name": GRADIENT, "marker": {"symbol": "circle"}})
    with pytest.raises(AssertionError, match="without arrowheads"):
        assert_to_scale(fig, (GRADIENT,))
