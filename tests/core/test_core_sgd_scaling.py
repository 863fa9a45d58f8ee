"""gd_core.sgd and gd_core.scaling: reference values from the lecture's formulas, written out in the tests."""

from __future__ import annotations

import dataclasses
import math

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from gd_core import DataError, data, optimizers, scaling, sgd


def lecture_loss(w, b, x, y):
    """L(w, b) = Σₙ (ŷⁿ − (b + w xⁿ))², as a loop."""
    return sum((y[n] - (b + w * x[n])) ** 2 for n in range(len(y)))


def lecture_loss_2(theta, X, y):
    """L(w₁, w₂, b) = Σᵣ (ŷʳ − (b + w₁x₁ʳ + w₂x₂ʳ))², as a loop."""
    w1, w2, b = theta
    return sum((y[r] - (b + w1 * X[r][0] + w2 * X[r][1])) ** 2 for r in range(len(y)))


def sgd_by_hand(x, y, eta, epochs, theta0, seed):
    """θ ← θ − η∇Lⁿ(θ), Lⁿ = (ŷⁿ − (b + w xⁿ))², over a new permutation of the examples each epoch."""
    rng = np.random.default_rng(seed)
    w, b = theta0
    out = [(w, b)]
    for _ in range(epochs):
        for n in rng.permutation(len(y)):
            r = y[n] - (b + w * x[n])
            w, b = w - eta * (-2 * r * x[n]), b - eta * (-2 * r)
            out.append((w, b))
    return np.array(out)


def gd_by_hand(x, y, eta, steps, theta0):
    """θ ← θ − η∇L(θ) with ∂L/∂w = −2Σ rⁿxⁿ, ∂L/∂b = −2Σ rⁿ."""
    w, b = theta0
    out = [(w, b)]
    for _ in range(steps):
        r = [y[n] - (b + w * x[n]) for n in range(len(y))]
        gw = -2 * sum(r[n] * x[n] for n in range(len(y)))
        gb = -2 * sum(r)
        w, b = w - eta * gw, b - eta * gb
        out.append((w, b))
    return np.array(out)


# --- gd_core.sgd --------------------------------------------------------------------------------

def test_compare_runs_gd_sgd_and_minibatch_as_the_formulas_say():
    ds = data.synthetic(20, seed=0)
    x, y = ds.X[:, 0], ds.y
    c = sgd.compare(ds, 0.02, 5, 3, (-1.0, -3.0), seed=4)
    np.testing.assert_allclose(c.gd.params, gd_by_hand(x, y, 0.02, 3, (-1.0, -3.0)), rtol=1e-12, atol=1e-12)
    np.testing.assert_allclose(c.sgd.params, sgd_by_hand(x, y, 0.02, 3, (-1.0, -3.0), 4), rtol=1e-12, atol=1e-12)
    assert [c.gd.updates_per_epoch, c.sgd.updates_per_epoch, c.minibatch.updates_per_epoch] == [1, 20, 4]
    assert c.minibatch.params.shape == (13, 2)
    for f in c.fits.values():
        np.testing.assert_allclose(f.losses, [lecture_loss(w, b, x, y) for w, b in f.params], rtol=1e-12)
    # The least-squares line, by the normal equations for y = b + w x.
    n = ds.n
    w = (n * np.sum(x * y) - np.sum(x) * np.sum(y)) / (n * np.sum(x * x) - np.sum(x) ** 2)
    b = (np.sum(y) - w * np.sum(x)) / n
    np.testing.assert_allclose(c.theta_star, [w, b], rtol=1e-10)
    assert c.loss_star == pytest.approx(lecture_loss(w, b, x, y), rel=1e-10)


def test_batch_size_n_is_gradient_descent_and_1_is_sgd():
    ds = data.synthetic(12, seed=3)
    full = sgd.compare(ds, 0.01, 12, 4, (0.5, 0.5), seed=9)
    np.testing.assert_array_equal(full.minibatch.params, full.gd.params)
    one = sgd.compare(ds, 0.01, 1, 4, (0.5, 0.5), seed=9)
    np.testing.assert_array_equal(one.minibatch.params, one.sgd.params)


def test_the_same_seed_gives_the_same_runs_and_another_seed_another_sgd_path():
    ds = data.synthetic(20, seed=1)
    a, b = (sgd.compare(ds, 0.02, 5, 2, (0.0, 0.0), seed=7) for _ in range(2))
    for k in a.fits:
        np.testing.assert_array_equal(a.fits[k].params, b.fits[k].params)
    other = sgd.compare(ds, 0.02, 5, 2, (0.0, 0.0), seed=8)
    np.testing.assert_array_equal(other.gd.params, a.gd.params)
    assert not np.array_equal(other.sgd.params, a.sgd.params)


@pytest.mark.parametrize("seed", [0, 5, 123])
def test_example_order_is_the_order_fit_visits(seed):
    ds = data.synthetic(9, seed=2)
    order = sgd.example_order(9, 3, seed)
    assert order.shape == (27,)
    for e in range(3):
        assert sorted(order[9 * e: 9 * e + 9]) == list(range(9))
    # Replaying SGD in that order gives fit's path: update u used example order[u − 1].
    f = data.fit(ds, optimizers.gd(0.01), 1, 3, (0.0, 0.0), seed)
    w, b = 0.0, 0.0
    for u, n in enumerate(order, start=1):
        r = ds.y[n] - (b + w * ds.X[n, 0])
        w, b = w + 0.02 * r * ds.X[n, 0], b + 0.02 * r
        np.testing.assert_allclose(f.params[u], [w, b], rtol=1e-12, atol=1e-12)


@settings(max_examples=60)
@given(n=st.integers(1, 40), m=st.integers(1, 50), examples=st.integers(0, 200))
def test_updates_after_counts_finished_batches(n, m, examples):
    # Walk through the examples one by one; a batch finishes after m examples or at the end of an epoch.
    count, in_batch = 0, 0
    for k in range(examples):
        in_batch += 1
        if in_batch == min(m, n) or (k + 1) % n == 0:
            count, in_batch = count + 1, 0
    assert sgd.updates_after(examples, n, m) == count


def test_updates_after_rejects_nonsense():
    with pytest.raises(ValueError, match="n and batch_size must be >= 1"):
        sgd.updates_after(3, 0, 1)


def test_epochs_seen_and_index_at():
    ds = data.synthetic(10, seed=0)
    f = data.fit(ds, optimizers.gd(0.01), 4, 2, seed=1)   # batches 4, 4, 2 per epoch
    np.testing.assert_allclose(sgd.epochs_seen(f, 10), [0, 0.4, 0.8, 1.0, 1.4, 1.8, 2.0])
    g = data.fit(ds, optimizers.gd(0.01), None, 3)
    np.testing.assert_allclose(sgd.epochs_seen(g, 10), [0, 1, 2, 3])
    assert [sgd.index_at(f, e, 10) for e in (0, 3, 4, 9, 10, 14, 20)] == [0, 0, 1, 2, 3, 4, 6]
    # A diverged run stops early: the index stays at its last kept θ.
    bad = data.fit(ds, optimizers.gd(5.0), 1, 3, seed=1)
    assert bad.diverged_at is not None
    assert sgd.index_at(bad, 30, 10) == len(bad.params) - 1


def test_loss_grid_is_the_lecture_loss():
    ds = data.synthetic(8, seed=4)
    ws, bs, Z = sgd.loss_grid(ds, (-1.0, 3.0), (-2.0, 2.0), n=5)
    assert Z.shape == (5, 5) and Z.dtype == np.float32
    for j, i in [(0, 0), (2, 3), (4, 4)]:
        assert Z[j, i] == pytest.approx(lecture_loss(ws[i], bs[j], ds.X[:, 0], ds.y), rel=1e-5)


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"n": 1}, "n must be a whole number from 2 to 200"),
    ({"w_range": (1.0, 0.0)}, "the plot window must be finite"),
    ({"b_range": (0.0, math.inf)}, "the plot window must be finite"),
])
def test_loss_grid_bad_arguments(kwargs, message):
    args = {"data": data.synthetic(5), "w_range": (0.0, 1.0), "b_range": (0.0, 1.0), "n": 10, **kwargs}
    with pytest.raises(ValueError, match=message):
        sgd.loss_grid(**args)


def test_two_features_need_first_feature():
    ds = data.synthetic(6, scales=(1.0, 2.0))
    with pytest.raises(DataError, match="one feature; the data has 2"):
        sgd.compare(ds, 0.01, 2, 1)
    one = sgd.first_feature(ds)
    np.testing.assert_array_equal(one.X[:, 0], ds.X[:, 0])
    assert one.feature_names == ("x1",) and one.d == 1
    sgd.compare(one, 0.01, 2, 1)


def test_loss_after_epoch_is_the_loss_at_the_end_of_each_epoch():
    ds = data.synthetic(10, seed=0)
    f = data.fit(ds, optimizers.gd(0.01), 4, 2, seed=1)   # batches 4, 4, 2: 3 updates an epoch
    assert [sgd.loss_after_epoch(f, e) for e in (0, 1, 2)] == [float(f.losses[i]) for i in (0, 3, 6)]
    assert sgd.loss_after_epoch(f, 3) is None             # only 2 epochs were run
    # A run that diverged in its first epoch has no loss after it (its kept θ end before update 10).
    bad = data.fit(ds, optimizers.gd(5.0), 1, 3, seed=1)
    assert bad.diverged_at is not None and bad.diverged_at < 10
    assert sgd.loss_after_epoch(bad, 1) is None


def test_example_lr_ratio_is_how_much_larger_one_examples_limit_is():
    ds = data.synthetic(20, seed=0)
    x = ds.X[:, 0]
    a, b, d = 2 * np.sum(x * x), 2 * np.sum(x), 2.0 * len(x)
    lam = (a + d) / 2 + math.sqrt(((a - d) / 2) ** 2 + b * b)   # λ_max of 2AᵀA, as above
    c = sgd.compare(ds, 0.01, 5, 1)
    assert c.example_lr_ratio == pytest.approx((1 / (np.max(x * x) + 1)) / (2 / lam), rel=1e-12)
    # Where gradient descent's limit is 0 or not a finite number, the ratio is inf.
    for limit in (0.0, math.inf):
        assert dataclasses.replace(c, lr_limit=limit).example_lr_ratio == math.inf


def test_compare_rejects_a_bad_learning_rate():
    with pytest.raises(ValueError, match="lr must be a finite number > 0"):
        sgd.compare(data.synthetic(5), 0.0, 2, 1)


def test_learning_rate_limits_from_the_curvature():
    ds = data.synthetic(20, seed=0)
    x = ds.X[:, 0]
    # 2AᵀA = 2[[Σx², Σx], [Σx, n]]: its largest eigenvalue by the 2×2 formula.
    a, b, d = 2 * np.sum(x * x), 2 * np.sum(x), 2.0 * len(x)
    lam = (a + d) / 2 + math.sqrt(((a - d) / 2) ** 2 + b * b)
    assert sgd.largest_stable_lr(ds) == pytest.approx(2 / lam, rel=1e-12)
    assert sgd.example_lr_limit(ds) == pytest.approx(1 / (np.max(x * x) + 1), rel=1e-12)
    # Just below the limit gradient descent converges; just above it the loss grows.
    below = data.fit(ds, optimizers.gd(0.98 * 2 / lam), None, 400, (0.0, 0.0))
    above = data.fit(ds, optimizers.gd(1.02 * 2 / lam), None, 400, (0.0, 0.0))
    assert below.losses[-1] < below.losses[0] and above.losses[-1] > above.losses[0]


def test_window_holds_anchors_and_paths_but_cuts_off_divergence():
    (x0, x1), (y0, y1) = sgd.window([(0.0, 0.0), (2.0, 1.0)], [np.array([[3.0, -1.0]])], pad=0.0)
    assert (x0, x1, y0, y1) == (0.0, 3.0, -1.0, 1.0)
    (x0, x1), (y0, y1) = sgd.window([(0.0, 0.0), (1.0, 1.0)], [np.array([[1e9, 0.5], [np.nan, 0.0]])], pad=0.0)
    assert x1 == pytest.approx(4.0) and x0 == 0.0          # at most 3 spans beyond the anchors
    (x0, x1), (y0, y1) = sgd.window([(0.0, 0.0), (4.0, 1.0)], square=True, pad=0.1)
    assert x1 - x0 == pytest.approx(y1 - y0) and (y0 + y1) / 2 == pytest.approx(0.5)


def test_line_and_x_range():
    xs, ys = sgd.line((2.0, 1.0), (-1.0, 3.0), n=3)
    np.testing.assert_allclose(ys, 1.0 + 2.0 * xs)
    ds = data.Dataset(np.array([[1.0], [5.0]]), np.zeros(2), ("x",))
    assert sgd.x_range(ds, pad=0.25) == (0.0, 6.0)


def test_read_csv_data_goes_through_the_sgd_lesson():
    one = data.read_csv(b"x,y\n0,1\n1,3\n2,5\n3,7.5\n")
    c = sgd.compare(one, 0.01, 2, 3, (0.0, 0.0))
    assert c.minibatch.updates_per_epoch == 2 and c.sgd.updates_per_epoch == 4
    two = data.read_csv(b"size,rooms,price\n1,10,3\n2,20,5\n4,10,7\n")
    c2 = sgd.compare(sgd.first_feature(two), 0.01, 2, 3, (0.0, 0.0))
    assert c2.data.feature_names == ("size",)


# --- gd_core.scaling ----------------------------------------------------------------------------

@pytest.mark.parametrize("k", [1.0, 10.0, 100.0])
def test_standardized_features_have_mean_0_and_std_1(k):
    ds = data.synthetic(50, seed=2, scales=(1.0, k))
    m, s = scaling.feature_stats(ds.X)
    X = ds.X
    for i in range(2):
        col = [X[r][i] for r in range(len(X))]
        mi = sum(col) / len(col)
        si = math.sqrt(sum((v - mi) ** 2 for v in col) / len(col))   # 1/R, as np.std
        assert m[i] == pytest.approx(mi, rel=1e-12) and s[i] == pytest.approx(si, rel=1e-12)
    c = scaling.compare(ds, 0.5, 10)
    m2, s2 = scaling.feature_stats(c.scaled.data.X)
    np.testing.assert_allclose(m2, 0.0, atol=1e-12)
    np.testing.assert_allclose(s2, 1.0, rtol=1e-12)
    np.testing.assert_allclose(c.scaled.data.X, (X - np.array(m)) / np.array(s), rtol=1e-12)


def test_profile_b_is_the_least_squares_b_for_fixed_w():
    ds = data.synthetic(30, seed=5, scales=(1.0, 4.0))
    rng = np.random.default_rng(0)
    for w in rng.normal(size=(5, 2)):
        b = float(scaling.profile_b(ds, w))
        # ∂L/∂b = −2 Σ (ŷ − b − w·x) = 0  ⇔  b = Σ (ŷ − w·x) / R
        expected = sum(ds.y[r] - w[0] * ds.X[r, 0] - w[1] * ds.X[r, 1] for r in range(ds.n)) / ds.n
        assert b == pytest.approx(expected, rel=1e-12, abs=1e-12)
        here = lecture_loss_2((*w, b), ds.X, ds.y)
        assert here <= lecture_loss_2((*w, b + 1e-3), ds.X, ds.y)
        assert here <= lecture_loss_2((*w, b - 1e-3), ds.X, ds.y)
    star = data.LinearRegression.of(ds).solve()
    assert float(scaling.profile_b(ds, star[:2])) == pytest.approx(star[2], rel=1e-9)


def test_profile_grid_is_the_loss_at_the_best_b():
    ds = data.synthetic(15, seed=1, scales=(1.0, 3.0))
    w1s, w2s, Z = scaling.profile_grid(ds, (-1.0, 3.0), (-2.0, 1.0), n=4)
    for j, i in [(0, 0), (1, 2), (3, 3)]:
        w = (float(w1s[i]), float(w2s[j]))
        b = sum(ds.y[r] - w[0] * ds.X[r, 0] - w[1] * ds.X[r, 1] for r in range(ds.n)) / ds.n
        assert Z[j, i] == pytest.approx(lecture_loss_2((*w, b), ds.X, ds.y), rel=1e-5)
    with pytest.raises(DataError, match="two features"):
        scaling.profile_grid(data.synthetic(5), (0, 1), (0, 1))
    with pytest.raises(ValueError, match="plot window"):
        scaling.profile_grid(ds, (1, 0), (0, 1))


def test_to_scaled_is_the_same_model():
    ds = data.synthetic(20, seed=3, scales=(1.0, 7.0))
    scaled, sc = data.standardize(ds)
    theta = np.array([0.7, -0.2, 1.5])
    t2 = scaling.to_scaled(theta, sc)
    raw_pred = theta[2] + ds.X @ theta[:2]
    scaled_pred = t2[2] + scaled.X @ t2[:2]
    np.testing.assert_allclose(scaled_pred, raw_pred, rtol=1e-12)
    np.testing.assert_allclose(sc.to_raw(t2), theta, rtol=1e-12)


def gd_fixed_b_losses(X, y, eta, steps, w0):
    """Gradient descent on w from w⁰ with b held at the least-squares b*, on L(w) = ‖ŷ − b* − Xw‖², by
    the closed form on a quadratic: wᵗ − w* = (I − η·2XᵀX)ᵗ (w⁰ − w*) (w* minimizes L(·, b*))."""
    A = np.column_stack([X, np.ones(len(y))])
    star = np.linalg.lstsq(A, y, rcond=None)[0]
    M = np.eye(2) - eta * 2 * X.T @ X
    e = np.asarray(w0, dtype=float) - star[:2]
    out = []
    for _ in range(steps + 1):
        w = star[:2] + e
        out.append(float(np.sum((y - star[2] - X @ w) ** 2)))
        e = M @ e
    return np.array(out), star


@pytest.mark.parametrize(("k", "fraction"), [(1.0, 0.5), (10.0, 0.5), (10.0, 0.9)])
def test_compare_counts_updates_to_the_target_as_the_closed_form(k, fraction):
    ds = data.synthetic(50, seed=0, scales=(1.0, k))
    w0 = np.array([0.5, -0.3])
    c = scaling.compare(ds, fraction, 1000, 0.01, w0=w0)
    sd = ds.X.std(0)
    for side, X, start in ((c.raw, ds.X, w0), (c.scaled, (ds.X - ds.X.mean(0)) / sd, w0 * sd)):
        lam = np.linalg.eigvalsh(2 * X.T @ X)[-1]
        assert side.lr_max == pytest.approx(2 / lam, rel=1e-10)
        assert side.lr == pytest.approx(fraction * 2 / lam, rel=1e-10)
        losses, star = gd_fixed_b_losses(X, ds.y, side.lr, 1000, start)
        np.testing.assert_allclose(side.run.losses, losses, rtol=1e-7)
        assert side.b == pytest.approx(star[2], rel=1e-10)
        A = np.column_stack([X, np.ones(ds.n)])
        target = (1 + 0.01) * float(np.sum((ds.y - A @ star) ** 2))
        assert c.target == pytest.approx(target, rel=1e-12)
        hit = next((t for t, v in enumerate(losses) if v <= target), None)
        assert side.reached_at == hit
    # The same best line on both sides, the same start weights (w′⁰ = w⁰σ).
    assert c.raw.loss_star == pytest.approx(c.scaled.loss_star, rel=1e-10)
    np.testing.assert_allclose(c.scaled.run.params[0], c.raw.run.params[0] * sd, rtol=1e-12)
    assert c.scaled.reached_at < c.raw.reached_at


def test_fixed_b_loss_is_the_sum_of_squares_with_b_held():
    ds = data.synthetic(20, seed=4, scales=(1.0, 6.0))
    b = 0.7
    loss = scaling.FixedB.of(ds, b)
    for w in np.random.default_rng(1).normal(size=(4, 2)):
        r = [ds.y[i] - b - w[0] * ds.X[i, 0] - w[1] * ds.X[i, 1] for i in range(ds.n)]
        assert float(loss.value(w)) == pytest.approx(sum(v * v for v in r), rel=1e-10)
        grad = [-2 * sum(r[i] * ds.X[i, j] for i in range(ds.n)) for j in range(2)]   # ∂L/∂wⱼ = −2 Σ r xⱼ
        np.testing.assert_allclose(loss.grad(w), grad, rtol=1e-10)
    w1s, w2s, Z = scaling.fixed_b_grid(ds, b, (-1.0, 3.0), (-2.0, 1.0), n=5)
    assert Z[2, 3] == pytest.approx(float(loss.value([w1s[3], w2s[2]])), rel=1e-6)


def valley_start_by_hand(X, y):
    """w′⁰ = w′* + ‖w′*‖ (−1, 4)/√17 on the standardized features, then w⁰ᵢ = w′⁰ᵢ/σᵢ."""
    m, s = X.mean(0), X.std(0)
    A = np.column_stack([(X - m) / s, np.ones(len(y))])
    w_star = np.linalg.solve(A.T @ A, A.T @ y)[:2]
    return (w_star + math.hypot(*w_star) * np.array([-1.0, 4.0]) / math.sqrt(17)) / s


def angle(u, v) -> float:
    return math.degrees(math.acos(float(np.clip(np.dot(u, v) / (np.linalg.norm(u) * np.linalg.norm(v)), -1, 1))))


@pytest.mark.parametrize(("k", "fraction"), [(5.0, 0.5), (10.0, 0.5), (10.0, 0.9), (50.0, 0.5)])
def test_from_the_valley_start_the_raw_path_bends_and_the_scaled_one_does_not(k, fraction):
    """Before scaling the first update is far off the direction to the minimum (across the valley, along
    −∇L), then the path runs along the valley floor; after scaling it heads for the minimum."""
    ds = data.synthetic(50, seed=0, scales=(1.0, k))
    np.testing.assert_allclose(scaling.valley_start(ds), valley_start_by_hand(ds.X, ds.y), rtol=1e-10)
    c = scaling.compare(ds, fraction, 200)
    np.testing.assert_allclose(c.raw.run.params[0], valley_start_by_hand(ds.X, ds.y), rtol=1e-10)
    for side in (c.raw, c.scaled):
        p, X, star = side.run.params, side.data.X, side.theta_star
        r = ds.y - star[2] - X @ p[0]
        assert angle(p[1] - p[0], 2 * X.T @ r) < 1e-6    # along −∇_w L(w⁰, b*): across the contour
        to_min = angle(p[1] - p[0], star[:2] - p[0])
        if side is c.raw:
            assert to_min > 45
            valley = np.linalg.eigh(2 * X.T @ X)[1][:, 0]
            later = p[60] - p[40]  # past the zigzag across the valley (|1 − η·λ_max| ≤ 0.8)
            assert min(angle(later, valley), angle(later, -valley)) < 10
        else:
            assert to_min < 15


def test_the_scaled_side_does_not_depend_on_the_scale():
    a = scaling.compare(data.synthetic(40, seed=1, scales=(1.0, 2.0)), 0.5, 50)
    b = scaling.compare(data.synthetic(40, seed=1, scales=(1.0, 50.0)), 0.5, 50)
    np.testing.assert_allclose(a.scaled.run.params, b.scaled.run.params, rtol=1e-9, atol=1e-12)
    assert a.raw.reached_at is not None and b.raw.reached_at is None


def test_above_the_largest_stable_rate_both_diverge():
    c = scaling.compare(data.synthetic(30, seed=0, scales=(1.0, 5.0)), 1.1, 2000)
    assert c.raw.diverged_at is not None and c.scaled.diverged_at is not None


def test_target_loss_and_updates_to_reach():
    assert scaling.target_loss(10.0, 500.0, 0.01) == pytest.approx(10.1)
    assert scaling.target_loss(0.0, 500.0, 0.01) == pytest.approx(5e-6)   # a perfect fit: 1 % of 1e-6·L(θ⁰)
    with pytest.raises(ValueError, match="tolerance must be a finite number > 0"):
        scaling.target_loss(1.0, 1.0, 0.0)
    assert scaling.updates_to_reach([5.0, 3.0, 2.0, 1.0], 2.0) == 2
    assert scaling.updates_to_reach([5.0, np.nan], 2.0) is None


def test_a_perfect_fit_still_has_a_reachable_target():
    X = np.array([[1.0, 10.0], [2.0, 5.0], [3.0, 30.0], [4.0, 20.0]])
    ds = data.Dataset(X, 1.0 + X @ np.array([2.0, 0.1]), ("x1", "x2"))
    c = scaling.compare(ds, 0.5, 2000)
    assert c.raw.loss_star < 1e-20 and c.scaled.reached_at is not None


@pytest.mark.parametrize(("kwargs", "message"), [
    ({"fraction": 0.0}, "fraction must be a finite number > 0"),
    ({"fraction": math.nan}, "fraction must be a finite number > 0"),
    ({"steps": 0}, "steps must be a whole number from 1 to 10000"),
    ({"steps": 10_001}, "steps must be a whole number from 1 to 10000"),
    ({"tolerance": -1.0}, "tolerance must be a finite number > 0"),
])
def test_compare_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        scaling.compare(data.synthetic(10, scales=(1.0, 2.0)), **{"fraction": 0.5, "steps": 10, **kwargs})


def test_read_csv_data_goes_through_the_scaling_lesson():
    two = data.read_csv(b"size,rooms,price\n1,100,3\n2,250,5\n4,120,7\n3,300,8\n")
    c = scaling.compare(two, 0.5, 200)
    assert c.raw.data.feature_names == ("size", "rooms")
    one = data.read_csv(b"x,y\n0,1\n1,3\n2,5\n")
    with pytest.raises(DataError, match=r"two features x₁ and x₂; the data has 1 feature column$"):
        scaling.compare(one, 0.5, 10)
