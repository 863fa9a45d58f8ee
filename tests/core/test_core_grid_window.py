"""gd_core.grid.window with paths: the finite points of each path, capped, by hand and against the plain
column-wise definition (the window reduces each path as rows, for speed); Trajectory.grad_norms."""

from __future__ import annotations

import math

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra import numpy as hnp

import gd_core
from gd_core.grid import window


def test_a_path_with_non_finite_points_by_hand():
    # anchors span (0..2) × (0..1); grow = 3 caps at −6..8 and −3..4; the path's finite points reach x = 5
    # and y = −2; its inf and NaN rows are left out.
    path = np.array([[1.0, 1.0], [5.0, -2.0], [np.inf, 0.0], [0.5, np.nan]])
    assert window([(0.0, 0.0), (2.0, 1.0)], [path], pad=0.0, grow=3.0) == ((0.0, 5.0), (-2.0, 1.0))
    # a path far out is cut at the cap: x up to 2 + 3·2 = 8
    far = np.array([[100.0, 0.5]])
    assert window([(0.0, 0.0), (2.0, 1.0)], [far], pad=0.0, grow=3.0) == ((0.0, 8.0), (0.0, 1.0))


def _reference(anchors, paths, pad, grow):
    """The window as the plain definition: column minima and maxima of each path's finite rows."""
    a = np.asarray(anchors, dtype=float)
    lo, hi = a.min(axis=0), a.max(axis=0)
    span = np.maximum(hi - lo, max(1e-6, 1e-3 * float(np.max(np.abs(a)))))
    cap_lo, cap_hi = lo - grow * span, hi + grow * span
    for p in paths:
        p = p[np.all(np.isfinite(p), axis=1)]
        if p.size:
            lo = np.minimum(lo, np.maximum(p.min(axis=0), cap_lo))
            hi = np.maximum(hi, np.minimum(p.max(axis=0), cap_hi))
    span = np.maximum(hi - lo, max(1e-6, 1e-3 * float(np.max(np.abs(a)))))
    centre, half = (lo + hi) / 2, span * (0.5 + pad)
    return ((round(float(centre[0] - half[0]), 9), round(float(centre[0] + half[0]), 9)),
            (round(float(centre[1] - half[1]), 9), round(float(centre[1] + half[1]), 9)))


@settings(max_examples=100)
@given(paths=st.lists(hnp.arrays(np.float64, st.tuples(st.integers(1, 50), st.just(2)),
                                 elements=st.floats(-1e6, 1e6) | st.sampled_from([math.inf, -math.inf, math.nan])),
                      max_size=4))
def test_the_window_of_paths_is_the_plain_definition(paths):
    anchors = [(-1.0, -2.0), (3.0, 1.0)]
    assert window(anchors, paths, pad=0.05, grow=2.0) == _reference(anchors, paths, 0.05, 2.0)


def test_grad_norms_are_the_length_of_each_gradient():
    # ∇(x² + y²) at (3, 4) is (6, 8): length 10; then η = 0.25 halves θ each update
    traj = gd_core.run(gd_core.parse_loss("x^2 + y^2"), gd_core.optimizers.gd(0.25), (3.0, 4.0), 2)
    np.testing.assert_array_equal(traj.grad_norms, [10.0, 5.0, 2.5])
