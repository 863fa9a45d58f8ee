"""gd_core.presets: every named loss parses, its minima and saddles are stationary, its start is in view."""

import numpy as np
import pytest

from gd_core import CURVES, PRESETS, Loss, optimizers, parse_loss, run


@pytest.mark.parametrize("key", sorted(PRESETS))
def test_preset_parses_and_is_consistent(key):
    preset = PRESETS[key]
    assert preset.key == key and preset.title and preset.note
    loss = preset.loss
    assert isinstance(loss, Loss)
    assert loss == parse_loss(preset.formula) and loss.name == preset.title
    (x_lo, x_hi), (y_lo, y_hi) = preset.x_range, preset.y_range
    assert x_lo < x_hi and y_lo < y_hi
    x0, y0 = preset.start
    assert x_lo < x0 < x_hi and y_lo < y0 < y_hi
    assert np.isfinite(loss.value(preset.start)) and np.all(np.isfinite(loss.grad(preset.start)))
    assert preset.minima, "every preset lists its minima"


def _hessian_eigenvalues(loss, point):
    h = loss.hessian(np.asarray(point, dtype=float))
    return np.linalg.eigvalsh(0.5 * (h + h.T))


@pytest.mark.parametrize(("key", "point"), [(k, m) for k, p in sorted(PRESETS.items()) for m in p.minima])
def test_listed_minima_are_minima(key, point):
    loss = PRESETS[key].loss
    (x_lo, x_hi), (y_lo, y_hi) = PRESETS[key].x_range, PRESETS[key].y_range
    assert x_lo <= point[0] <= x_hi and y_lo <= point[1] <= y_hi
    # Listed to 6 decimals: the gradient is zero up to that rounding ...
    assert np.linalg.norm(loss.grad(point)) < 1e-4
    # ... and a Newton step from the listed point moves less than the rounding.
    h = loss.hessian(np.asarray(point, dtype=float))
    assert np.linalg.norm(np.linalg.solve(h, loss.grad(point))) < 1e-6
    assert np.all(_hessian_eigenvalues(loss, point) > 0)


@pytest.mark.parametrize(("key", "point"), [(k, s) for k, p in sorted(PRESETS.items()) for s in p.saddles])
def test_listed_saddles_are_saddles(key, point):
    loss = PRESETS[key].loss
    np.testing.assert_allclose(loss.grad(point), [0.0, 0.0], atol=1e-12)
    w = _hessian_eigenvalues(loss, point)
    assert w.min() < 0 < w.max()


def test_saddle_preset_stops_at_the_saddle_from_the_ridge():
    preset = PRESETS["saddle"]
    traj = run(preset.loss, optimizers.gd(0.1), preset.start, 300)
    assert preset.start[1] == 0.0
    np.testing.assert_allclose(traj.params[-1], preset.saddles[0], atol=1e-10)


def test_two_minima_preset_stays_in_the_local_minimum():
    preset = PRESETS["two_minima"]
    traj = run(preset.loss, optimizers.gd(0.05), preset.start, 2000)
    np.testing.assert_allclose(traj.params[-1], preset.minima[1], atol=1e-5)
    # And that one is only local: the other minimum is lower.
    assert preset.loss.value(preset.minima[0]) < preset.loss.value(preset.minima[1])


def test_elongated_preset_matches_the_package_docstring():
    assert PRESETS["elongated"].formula == "0.1*x^2 + 2*y^2"
    np.testing.assert_allclose(PRESETS["elongated"].loss.hessian((0.0, 0.0)), [[0.2, 0.0], [0.0, 4.0]])


@pytest.mark.parametrize("key", sorted(CURVES))
def test_curve_presets(key):
    curve = CURVES[key]
    assert curve.key == key and curve.title
    loss = curve.loss
    assert isinstance(loss, Loss) and not loss.uses_y
    lo, hi = curve.x_range
    assert lo < curve.start < hi and lo <= curve.minimum <= hi
    assert loss.grad((curve.minimum, 0.0))[0] == 0.0
    assert loss.hessian((curve.minimum, 0.0))[0, 0] > 0
    assert loss.value((curve.start, 0.0)) > loss.value((curve.minimum, 0.0))
