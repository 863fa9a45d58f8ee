"""gd_core.landscapes: the slide's landscape has a plateau, a true saddle point, a local and a global
minimum (checked with derivatives taken here, by sympy and by hand), and gradient descent behaves on it
as the lecture says: very slow on the plateau, stuck at the saddle point, stuck at the local minimum."""

from __future__ import annotations

import math

import numpy as np
import pytest
import sympy as sp

import gd_core
from gd_core import landscapes
from gd_core.lessons.landscapes import FLAT, LANDSCAPES, endings, flat_since, hessian_kind

LAND = LANDSCAPES["slide"]
x, y = sp.symbols("x y", real=True)


def sympy_loss(formula: str) -> sp.Expr:
    """The formula read by sympy itself (not gd_core's parser)."""
    return sp.sympify(formula.replace("^", "**"), locals={"x": x, "y": y, "exp": sp.exp})


EXPR = sympy_loss(LAND.formula)
GRAD = [sp.diff(EXPR, v) for v in (x, y)]
HESS = [[sp.diff(g, v) for v in (x, y)] for g in GRAD]


def at(expr, point):
    return float(expr.subs({x: point[0], y: point[1]}))


def hand_grad(theta):
    """∇L by hand: L = 2 + G(θ₁)(Q(θ₂) − 1), G = e^{−θ₁²/2}, Q = (3θ₂⁴ + 4θ₂³ − 12θ₂²)/32."""
    t1, t2 = theta[..., 0], theta[..., 1]
    G = np.exp(-t1**2 / 2)
    Q = (3 * t2**4 + 4 * t2**3 - 12 * t2**2) / 32
    dQ = (12 * t2**3 + 12 * t2**2 - 24 * t2) / 32
    return np.stack([-t1 * G * (Q - 1), G * dQ], axis=-1)


def hand_loss(theta):
    t1, t2 = theta[..., 0], theta[..., 1]
    return 2 + np.exp(-t1**2 / 2) * ((3 * t2**4 + 4 * t2**3 - 12 * t2**2) / 32 - 1)


def hand_gd(theta0, eta, steps):
    """Gradient descent with the hand gradient: every θᵗ."""
    out = [np.asarray(theta0, dtype=float)]
    for _ in range(steps):
        out.append(out[-1] - eta * hand_grad(out[-1]))
    return np.array(out)


# --- the critical points ------------------------------------------------------------------

@pytest.mark.parametrize("point", LAND.critical, ids=lambda p: p.kind)
def test_critical_points_have_zero_gradient_and_the_right_hessian(point):
    g = [at(d, point.theta) for d in GRAD]
    assert g == [0.0, 0.0]
    h = np.array([[at(d, point.theta) for d in row] for row in HESS])
    eig = np.linalg.eigvalsh(h)
    if point.kind == "saddle":
        # One direction curves down (θ₂), one up (θ₁): a true saddle point, not an inflection.
        assert eig[0] < -0.5 and eig[1] > 0.5
    else:
        assert eig[0] > 0.5
    assert at(EXPR, point.theta) == pytest.approx(point.value, abs=1e-15)
    assert hessian_kind(LAND.loss, point.theta) == ("saddle" if point.kind == "saddle" else "minimum")


def test_hessian_eigenvalues_reported_by_gd_core_match_sympy():
    for check in landscapes.check_critical(LAND):
        h = np.array([[at(d, check.point.theta) for d in row] for row in HESS])
        np.testing.assert_allclose(check.eigenvalues, np.linalg.eigvalsh(h), atol=1e-12)
        assert check.grad_norm == 0.0


def test_these_are_all_the_critical_points():
    # ∂L/∂θ₂ = G·Q′(θ₂) and G > 0, so θ₂ is a root of Q′; ∂L/∂θ₁ = −θ₁ G (Q − 1) with Q − 1 ≠ 0 there.
    q = sp.simplify(GRAD[1] * sp.exp(x**2 / 2))
    roots = sorted(float(r) for r in sp.solve(q, y))
    assert roots == [-2.0, 0.0, 1.0]
    for r in roots:
        assert float(sp.simplify(EXPR.subs(y, r) - 2).subs(x, 0)) != 0  # Q(r) − 1 ≠ 0 → θ₁ = 0
    assert sorted(p.theta for p in LAND.critical) == sorted((0.0, r) for r in roots)


def test_global_minimum_is_the_lowest_point_in_the_window():
    theta = np.stack(np.meshgrid(np.linspace(*LAND.x_range, 301), np.linspace(*LAND.y_range, 301)), axis=-1)
    assert float(hand_loss(theta).min()) >= LAND.global_minimum.value - 1e-12
    others = [p.value for p in LAND.critical if p.kind != "global_min"]
    assert min(others) > LAND.global_minimum.value + 0.5


def test_plateau_is_flat_over_the_whole_region():
    t1 = np.linspace(*LAND.plateau, 101)
    t2 = np.linspace(*LAND.y_range, 101)
    theta = np.stack(np.meshgrid(t1, t2), axis=-1)
    norms = np.linalg.norm(hand_grad(theta), axis=-1)
    assert norms.max() < LAND.plateau_grad
    assert np.allclose(hand_loss(theta), 2.0, atol=1e-3)  # L ≈ 2: high, not a minimum


def test_gd_core_gradient_equals_the_hand_gradient():
    rng = np.random.default_rng(0)
    theta = rng.uniform([-5.5, -3.0], [3.0, 2.0], size=(200, 2))
    np.testing.assert_allclose(LAND.loss.grad(theta), hand_grad(theta), rtol=1e-12, atol=1e-15)


def test_suggested_starts_are_in_the_window_and_named():
    assert set(LAND.starts) == {"plateau", "saddle", "local_min", "global_min"}
    (x0, x1), (y0, y1) = LAND.x_range, LAND.y_range
    for a, b in LAND.starts.values():
        assert x0 <= a <= x1 and y0 <= b <= y1
    assert LAND.plateau[0] <= LAND.starts["plateau"][0] <= LAND.plateau[1]
    assert LAND.starts["saddle"][1] == 0.0


# --- gradient descent on it ---------------------------------------------------------------

def test_a_start_on_the_plateau_stays_flat_for_many_updates():
    traj = gd_core.run(LAND.loss, gd_core.optimizers.gd(0.3), LAND.starts["plateau"], 1000)
    assert traj.grad_norms.max() < FLAT  # ∂L/∂w ≈ 0 for all 1000 updates ...
    moved = np.linalg.norm(traj.params[-1] - traj.params[0])
    assert moved < 0.1  # ... so θ barely moves ...
    assert traj.losses[-1] > 1.99  # ... and L stays on the plateau, far above the global minimum 0
    np.testing.assert_allclose(traj.params, hand_gd(LAND.starts["plateau"], 0.3, 1000), rtol=1e-10)


def test_a_start_towards_the_saddle_stalls_there():
    eta, steps = 0.3, 200
    traj = gd_core.run(LAND.loss, gd_core.optimizers.gd(eta), LAND.starts["saddle"], steps)
    assert np.all(traj.params[:, 1] == 0.0)  # ∂L/∂θ₂ = 0 exactly on θ₂ = 0: it never leaves the line
    # On θ₂ = 0 the update is θ₁ ← θ₁ − η θ₁ e^{−θ₁²/2} (Q(0) − 1 = −1).
    x_ref = [LAND.starts["saddle"][0]]
    for _ in range(steps):
        x_ref.append(x_ref[-1] - eta * x_ref[-1] * math.exp(-x_ref[-1] ** 2 / 2))
    np.testing.assert_allclose(traj.params[:, 0], x_ref, rtol=1e-12, atol=1e-300)
    norms = traj.grad_norms
    assert norms[-1] < 1e-12  # ‖∇L‖ → 0 ...
    assert np.all(np.diff(norms[40:]) <= 0)  # ... steadily, once it has come down the slope
    assert traj.losses[-1] == pytest.approx(1.0, abs=1e-12)  # ... while L stays at the saddle's 1
    assert traj.losses[-1] > LAND.global_minimum.value + 0.9


def test_a_push_off_the_line_escapes_the_saddle_after_slowing_down():
    traj = gd_core.run(LAND.loss, gd_core.optimizers.gd(0.3), (-2.5, 1e-6), 300)
    norms = traj.grad_norms
    near = np.hypot(traj.params[:, 0], traj.params[:, 1]) < 0.05
    assert near.any() and norms[near].min() < FLAT  # it slows down at the saddle point ...
    end = endings(LAND, traj.params, traj.losses, norms, traj.diverged_at)[0]
    assert end.verdict == "local_min"  # ... then escapes into the local minimum


def test_the_plateau_start_with_a_larger_rate_crawls_then_falls_into_the_local_minimum():
    # The page's "what to notice": η = 0.8 and 3000 updates.
    traj = gd_core.run(LAND.loss, gd_core.optimizers.gd(0.8), LAND.starts["plateau"], 3000)
    left = int(np.argmax(traj.params[:, 0] > LAND.plateau[1] + 1.0))
    assert 1400 < left < 1700
    end = endings(LAND, traj.params, traj.losses, traj.grad_norms, traj.diverged_at)[0]
    assert end.verdict == "local_min" and end.flat_since - left < 100


def test_named_starts_end_where_their_names_say():
    starts = [LAND.starts[k] for k in ("plateau", "saddle", "local_min", "global_min")]
    traj = gd_core.run(LAND.loss, gd_core.optimizers.gd(LAND.eta), starts, LAND.steps)
    ends = endings(LAND, traj.params, traj.losses, traj.grad_norms, traj.diverged_at)
    assert [e.verdict for e in ends] == ["plateau", "saddle", "local_min", "global_min"]
    # ∂L/∂w ≈ 0 at every one of them, but only one is the global minimum.
    assert all(e.grad_norm <= FLAT for e in ends)
    assert [e.loss > 0.5 for e in ends] == [True, True, True, False]
    assert [e.nearest.kind for e in ends] == ["local_min", "saddle", "local_min", "global_min"]
    assert ends[0].flat_since == 0 and ends[0].distance > 4


# --- the helpers ----------------------------------------------------------------------------

def test_endings_of_a_single_run_and_of_a_diverged_one():
    traj = gd_core.run(LAND.loss, gd_core.optimizers.gd(0.3), (0.5, -1.0), 100)
    (end,) = endings(LAND, traj.params, traj.losses, traj.grad_norms, traj.diverged_at)
    assert end.verdict == "global_min" and end.diverged_at is None
    params = np.array([[[0.0, 0.0]], [[1.0, 1.0]], [[np.nan, np.nan]]])
    losses = np.array([[1.0], [2.0], [np.nan]])
    norms = np.array([[0.0], [5.0], [np.nan]])
    (end,) = endings(LAND, params, losses, norms, np.array([2]))
    assert end.verdict == "diverged" and end.diverged_at == 2 and end.theta == (1.0, 1.0) and end.loss == 2.0


def test_a_run_still_moving_is_not_called_stuck():
    traj = gd_core.run(LAND.loss, gd_core.optimizers.gd(0.3), LAND.starts["local_min"], 3)
    (end,) = endings(LAND, traj.params, traj.losses, traj.grad_norms, traj.diverged_at)
    assert end.verdict == "moving" and end.flat_since is None


def test_flat_since_and_nearest():
    assert flat_since([1.0, 1e-4, 1e-5]) == 1
    assert flat_since([1e-4, 1e-5]) == 0
    assert flat_since([1e-4, 1.0]) == -1
    assert flat_since(np.array([[1.0, 1e-5], [1e-5, 1.0], [np.nan, 1e-5]])).tolist() == [1, 2]
    idx, dist = LAND.nearest([[0.0, 0.2], [np.nan, 0.0]])
    assert idx.tolist() == [0, -1] and dist[0] == pytest.approx(0.2) and np.isnan(dist[1])


def test_hessian_kind_names_maxima_and_flat_points():
    assert hessian_kind(gd_core.parse_loss("-(x^2) - y^2"), (0.0, 0.0)) == "maximum"
    assert hessian_kind(gd_core.parse_loss("x^2 + y^4"), (0.0, 0.0)) == "flat"
    assert hessian_kind(gd_core.parse_loss("x^2 + y^2"), (0.0, 0.0)) == "minimum"


# --- the slide's 1-D picture -------------------------------------------------------------------------

def _slide_by_hand(w):
    """L′ and L″ of L(w) = Q(z), z = log(1 + eʷ), Q′(z) = (z − ½)²(z − 3/2)(z − 11/5)(z − 16/5), by hand:
    L′ = Q′(z) σ, L″ = Q″(z) σ² + Q′(z) σ(1 − σ), σ = z′ = eʷ/(1 + eʷ)."""
    z = np.log1p(np.exp(w))
    sig = 1 / (1 + np.exp(-w))
    r = (0.5, 1.5, 2.2, 3.2)
    q1 = (z - r[0]) ** 2 * (z - r[1]) * (z - r[2]) * (z - r[3])
    q2 = (2 * (z - r[0]) * (z - r[1]) * (z - r[2]) * (z - r[3])
          + (z - r[0]) ** 2 * ((z - r[2]) * (z - r[3]) + (z - r[1]) * (z - r[3]) + (z - r[1]) * (z - r[2])))
    return q1 * sig, q2 * sig**2 + q1 * sig * (1 - sig)


def test_the_slide_curve_has_a_plateau_a_saddle_point_and_two_minima():
    curve = landscapes.slide_curve()
    plateau, saddle, local, best = (curve.mark(k) for k in ("plateau", "saddle", "local_min", "global_min"))
    slope, bend = _slide_by_hand(np.array([plateau.w, saddle.w, local.w, best.w]))
    # The marks sit where the hand-written derivative says: ∂L/∂w small but not 0 on the plateau ...
    assert 0 < abs(slope[0]) < 0.02 and plateau.slope == pytest.approx(slope[0], rel=1e-9)
    # ... exactly 0 at the saddle point (z = ½, w = log(e^½ − 1)), with L″ = 0 and no change of sign of L′ ...
    assert saddle.w == pytest.approx(np.log(np.exp(0.5) - 1))
    assert abs(slope[1]) < 1e-12 and abs(bend[1]) < 1e-12 and saddle.slope == 0.0
    near, _ = _slide_by_hand(saddle.w + np.array([-1e-3, 1e-3]))
    assert np.all(near < 0)  # L′ < 0 on both sides: no minimum, no maximum
    # ... a local minimum (L′ = 0, L″ > 0) and a lower global minimum (L = 0) further on.
    assert abs(slope[2]) < 1e-12 and bend[2] > 0 and local.curvature == pytest.approx(bend[2], rel=1e-9)
    assert abs(slope[3]) < 1e-12 and bend[3] > 0
    assert best.loss == pytest.approx(0.0, abs=1e-12) and best.loss < local.loss < saddle.loss < plateau.loss
    assert np.nanmin(curve.loss) >= -1e-9  # nowhere lower than the global minimum
    # The curve drawn is L′'s integral: its finite differences match the hand-written slope.
    fine = landscapes.slide_curve(4001)
    inner = slice(1, -1)  # central differences, second order
    np.testing.assert_allclose(np.gradient(fine.loss, fine.w)[inner], _slide_by_hand(fine.w)[0][inner], rtol=1e-3,
                               atol=1e-4)
    np.testing.assert_allclose(curve.slope, _slide_by_hand(curve.w)[0], rtol=1e-9, atol=1e-12)
