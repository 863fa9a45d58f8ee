"""gd_core.theory's helpers for the best-step lesson: the parabola, one gradient step, the sampled
first derivatives and their root sum of squares, against the lecture's formulas."""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gd_core import best_step


@settings(max_examples=100)
@given(a=st.floats(0.01, 100), b=st.floats(-100, 100), x0=st.floats(-100, 100), eta=st.floats(1e-4, 10))
def test_gradient_step_is_x0_minus_eta_times_the_first_derivative(a, b, x0, eta):
    step = best_step.gradient_step(a, b, x0, eta)
    assert step.x1 == pytest.approx(x0 - eta * (2 * a * x0 + b), rel=1e-12, abs=1e-9)
    assert step.length == pytest.approx(eta * abs(2 * a * x0 + b), rel=1e-12, abs=1e-9)
    assert step.best_eta == pytest.approx(1 / (2 * a), rel=1e-15)


@settings(max_examples=100)
@given(a=st.floats(0.01, 100), b=st.floats(-100, 100), x0=st.floats(-100, 100))
def test_eta_one_over_2a_lands_on_the_minimum(a, b, x0):
    best = best_step.best_step(a, b, x0)
    step = best_step.gradient_step(a, b, x0, 1 / (2 * a))
    assert step.x1 == pytest.approx(-b / (2 * a), rel=1e-9, abs=1e-9)
    assert step.length == pytest.approx(best.best, rel=1e-9, abs=1e-9)
    assert best.distance == pytest.approx(best.best, rel=1e-9, abs=1e-9)


def test_parabola_and_its_curve():
    assert best_step.parabola(2.0, -1.0, 3.0, np.array([[0.0, 1.0], [2.0, -1.0]])).tolist() == [[3.0, 4.0], [9.0, 6.0]]
    xs, ys = best_step.parabola_curve(0.5, 0.0, 1.0, (-2.0, 2.0), n=5)
    assert xs.dtype == np.float32 and ys.tolist() == [3.0, 1.5, 1.0, 1.5, 3.0]


def test_sample_points_are_seeded_and_in_range():
    a = best_step.sample_points(50, seed=3, low=-2.0, high=1.0)
    assert np.array_equal(a, best_step.sample_points(50, seed=3, low=-2.0, high=1.0))
    assert not np.array_equal(a, best_step.sample_points(50, seed=4, low=-2.0, high=1.0))
    assert a.min() >= -2.0 and a.max() < 1.0
    assert np.array_equal(a, np.random.default_rng(3).uniform(-2.0, 1.0, 50))


@settings(max_examples=50)
@given(a_flat=st.floats(0.01, 1), a_sharp=st.floats(1, 50), n=st.integers(1, 30), seed=st.integers(0, 1000))
def test_root_sum_squares_grows_in_proportion_to_the_second_derivative(a_flat, a_sharp, n, seed):
    xs = best_step.sample_points(n, seed)
    flat, sharp = (best_step.second_derivative_estimate(a, 0.0, xs) for a in (a_flat, a_sharp))
    for est, a in ((flat, a_flat), (sharp, a_sharp)):
        assert np.allclose(est.g, 2 * a * xs)
        assert est.rss == pytest.approx(math.sqrt(sum((2 * a * x) ** 2 for x in xs)), rel=1e-12)
        assert est.second == 2 * a
    assert flat.ratio == pytest.approx(sharp.ratio, rel=1e-12)
    assert sharp.rss >= flat.rss


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: best_step.gradient_step(0.0, 1.0, 1.0, 0.1), r"a must be > 0"),
        (lambda: best_step.gradient_step(1.0, 1.0, 1.0, 0.0), r"eta must be > 0, got 0\.0"),
        (lambda: best_step.gradient_step(1.0, 1.0, 1.0, math.inf), r"eta must be a finite number"),
        (lambda: best_step.parabola(math.nan, 0.0, 0.0, 1.0), r"a must be a finite number"),
        (lambda: best_step.parabola_curve(1.0, 0.0, 0.0, (1.0, 1.0)), r"x_range must have min < max"),
        (lambda: best_step.parabola_curve(1.0, 0.0, 0.0, (0.0, 1.0), n=1), r"n must be a whole number from 2"),
        (lambda: best_step.sample_points(0), r"n must be a whole number from 1 to 200"),
        (lambda: best_step.sample_points(True), r"n must be a whole number"),
        (lambda: best_step.sample_points(3, seed=-1), r"seed must be a whole number >= 0"),
        (lambda: best_step.sample_points(3, low=1.0, high=1.0), r"low must be smaller than high"),
        (lambda: best_step.sample_first_derivatives(1.0, 0.0, [math.nan]), r"every sample point must be a finite"),
        (lambda: best_step.second_derivative_estimate(-1.0, 0.0, [1.0]), r"a must be > 0"),
    ],
)
def test_bad_input_is_named(call, message):
    with pytest.raises(ValueError, match=message):
        call()


def test_root_sum_squares_does_not_overflow():
    big = 1e200
    assert best_step.root_sum_squares([big, big]) == pytest.approx(big * 2**0.5)
    assert best_step.root_sum_squares([3.0, 4.0]) == 5.0


def test_best_step_refuses_text_by_name():
    with pytest.raises(ValueError, match="a must be a finite number"):
        best_step.best_step("1", 0.0, 0.0)


@pytest.mark.parametrize(("a", "b", "x0", "eta", "outcome"), [
    (1.0, -2.0, 1.0, 0.2, "none"),   # x₀ = −b/2a = 1: first derivative 0
    (1.0, -2.0, 4.0, 0.5, "lands"),  # η = 1/2a
    (2.0, 0.0, 3.0, 0.25, "lands"),
    (1.0, -2.0, 4.0, 0.2, "short"),  # step η|2ax₀ + b| = 0.2·6 = 1.2 < best 3
    (1.0, -2.0, 4.0, 0.8, "past"),   # 0.8·6 = 4.8 > 3
    (0.5, 1.0, -5.0, 1.0 + 1e-12, "lands"),  # within a relative 1e-9 of η = 1/2a = 1
])
def test_step_outcome_compares_the_gradient_step_with_the_best_step(a, b, x0, eta, outcome):
    assert best_step.step_outcome(best_step.best_step(a, b, x0), best_step.gradient_step(a, b, x0, eta)) == outcome


@pytest.mark.parametrize(("far", "near", "mislead"), [
    ((0.1, 3.5), (2.0, 1.0), True),   # the slide: a at 3.5 (|2aw| = 0.7), c at 1 (|2aw| = 4)
    ((2.0, 3.5), (2.0, 1.0), False),  # one curvature: farther means a larger first derivative
    ((0.1, 0.5), (2.0, 1.0), False),  # a nearer than c
])
def test_first_derivatives_mislead_when_the_farther_point_is_flatter(far, near, mislead):
    (a1, w1), (a2, w2) = far, near
    far_step, near_step = best_step.best_step(a1, 0.0, w1), best_step.best_step(a2, 0.0, w2)
    assert best_step.first_derivatives_mislead(far_step, near_step) is mislead


def test_slice_points_are_the_slices_best_steps_and_heights():
    (xs, ys), rows = best_step.slice_points(0.5, (("a", 3.0), ("b", -1.0)), (-2.0, 4.0))
    assert xs[0] == -2.0 and xs[-1] == 4.0 and ys[0] == pytest.approx(0.5 * 4.0)
    assert [label for label, _, _ in rows] == ["a", "b"]
    # L = 0.5w²: L′ = w, L″ = 1, so the best step |w| / 1 is the distance to 0, and L(w) = 0.5w².
    assert [(s.first, s.second, s.best) for _, s, _ in rows] == [(3.0, 1.0, 3.0), (-1.0, 1.0, 1.0)]
    assert [height for _, _, height in rows] == [4.5, 0.5]


def test_sampled_parabolas_share_their_points():
    xs, [(flat, y_flat, (cx, cy)), (sharp, y_sharp, _)] = best_step.sampled_parabolas((0.5, 2.0), 4, 3, (-1.0, 1.0),
                                                                                    (-2.0, 2.0))
    assert xs.tolist() == np.random.default_rng(3).uniform(-1.0, 1.0, 4).tolist()
    assert np.array_equal(flat.x, xs) and np.array_equal(sharp.x, xs)
    assert flat.g.tolist() == pytest.approx([2 * 0.5 * x for x in xs]) and flat.second == 1.0
    assert y_sharp.tolist() == pytest.approx([2.0 * x * x for x in xs])
    assert y_flat.tolist() == pytest.approx([0.5 * x * x for x in xs])
    assert cx[0] == -2.0 and cx[-1] == 2.0 and cy[0] == pytest.approx(0.5 * 4.0)
