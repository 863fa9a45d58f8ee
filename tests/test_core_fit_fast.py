"""data.fit's shortcut for full-batch gradient descent gives exactly the general loop's numbers."""

from __future__ import annotations

import numpy as np
import pytest

from gd_core import data, scaling
from gd_core import optimizers as O


@pytest.mark.parametrize("k", [1.0, 10.0, 100.0])
@pytest.mark.parametrize("fraction", [0.05, 0.5, 0.99, 1.02, 1.1, 3.0])
def test_full_batch_gd_equals_the_general_loop(k, fraction):
    # Momentum with β = 0 is gradient descent, v = g (exactly), and it takes the general loop.
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
