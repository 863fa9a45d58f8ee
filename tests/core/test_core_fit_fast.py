"""data.fit's full-batch gradient descent (gradient 2AᵀAθ − 2Aᵀŷ) gives exactly momentum with β = 0."""

from __future__ import annotations

import numpy as np
import pytest

from gd_core import data, scaling
from gd_core import optimizers as O


@pytest.mark.parametrize("k", [1.0, 10.0, 100.0])
@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.99, 1.02, 1.1, 3.0])
def test_full_batch_gd_equals_the_general_loop(k, fraction):
    # Momentum with β = 0 is gradient descent, v = g (exactly), through the rule's first moment.
    ds = data.synthetic(40, seed=2, scales=(1.0, k))
    lr = fraction * scaling.largest_stable_lr(ds)
    fast = data.fit(ds, O.gd(lr), None, 700, theta0=(0.5, -1.0, 2.0))
    loop = data.fit(ds, O.momentum(lr, 0.0), None, 700, theta0=(0.5, -1.0, 2.0))
    assert fast.diverged_at == loop.diverged_at
    np.testing.assert_array_equal(fast.params, loop.params)
    np.testing.assert_array_equal(fast.losses, loop.losses)
    np.testing.assert_array_equal(fast.epochs, loop.epochs)
    # Above the largest stable η (fraction > 1) the run leaves the bound and is cut there.
    assert (fast.diverged_at is not None) == (fraction > 1.0)


def test_the_first_update_past_the_bound_is_the_cut():
    ds = data.synthetic(20, seed=1)
    lr = 50 * scaling.largest_stable_lr(ds)
    fast = data.fit(ds, O.gd(lr), None, 500)
    assert fast.diverged_at is not None and fast.params.shape[0] == fast.diverged_at
    assert np.all(np.abs(fast.params) <= 1e8)


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_grid_loss_is_the_sum_of_squares(seed):
    """value_on_grid (θᵀAᵀAθ − 2θᵀAᵀŷ + ŷᵀŷ) against Σₙ(ŷⁿ − b − w·xⁿ)² summed example by example."""
    rng = np.random.default_rng(seed)
    ds = data.synthetic(30, seed=seed, scales=(1.0, 20.0))
    model = data.LinearRegression.of(ds)
    theta = rng.normal(0, 3, size=(7, 9, 3))
    expected = np.zeros(theta.shape[:2])
    for x, y in zip(ds.X, ds.y):
        expected += (y - theta[..., 2] - theta[..., 0] * x[0] - theta[..., 1] * x[1]) ** 2
    np.testing.assert_allclose(model.value_on_grid(theta), expected, rtol=1e-10)
    star = model.solve()  # at the least-squares point: L*, to rounding, never below 0
    assert model.value_on_grid(star) == pytest.approx(float(model.value(star)), rel=1e-9)
