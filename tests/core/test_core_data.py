"""gd_core.data: the lecture's linear regression, GD / SGD / mini-batch, feature scaling, CSV."""

import io
import math
import warnings

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import gd_core
from gd_core import DataError, data, optimizers


def _lecture_loss(theta, X, y):
    """L = Σₙ (ŷⁿ − (b + Σᵢ wᵢ xᵢⁿ))², written as loops."""
    *w, b = theta
    total = 0.0
    for n in range(len(y)):
        pred = b + sum(w[i] * X[n][i] for i in range(len(w)))
        total += (y[n] - pred) ** 2
    return total


def _lecture_grad(theta, X, y):
    """∂L/∂wᵢ = Σₙ 2(ŷⁿ − pred)(−xᵢⁿ), ∂L/∂b = Σₙ 2(ŷⁿ − pred)(−1), as loops."""
    *w, b = theta
    gw = [0.0] * len(w)
    gb = 0.0
    for n in range(len(y)):
        r = y[n] - (b + sum(w[i] * X[n][i] for i in range(len(w))))
        for i in range(len(w)):
            gw[i] += -2.0 * r * X[n][i]
        gb += -2.0 * r
    return np.array([*gw, gb])


# --- synthetic data ---------------------------------------------------------------------------

def test_synthetic_is_seeded():
    a, b = data.synthetic(30, seed=7), data.synthetic(30, seed=7)
    np.testing.assert_array_equal(a.X, b.X)
    np.testing.assert_array_equal(a.y, b.y)
    c = data.synthetic(30, seed=8)
    assert not np.array_equal(a.X, c.X) and not np.array_equal(a.y, c.y)


@pytest.mark.parametrize("scales", [(1.0,), (1.0, 100.0), (0.01, 5.0)])
def test_synthetic_shapes_and_scales(scales):
    ds = data.synthetic(2000, seed=3, scales=scales, noise=0.0, b=1.5)
    d = len(scales)
    assert ds.X.shape == (2000, d) and ds.y.shape == (2000,) and ds.n == 2000 and ds.d == d
    assert ds.feature_names == tuple(f"x{i + 1}" for i in range(d)) and ds.target_name == "y"
    # xᵢ ~ scaleᵢ · N(0, 1) + scaleᵢ: mean and spread both about scaleᵢ.
    np.testing.assert_allclose(ds.X.mean(axis=0), scales, rtol=0.1)
    np.testing.assert_allclose(ds.X.std(axis=0), scales, rtol=0.1)
    # Without noise y = b + Σ wᵢxᵢ exactly, with the default wᵢ = (2, −1)/scaleᵢ.
    w = np.array([2.0, -1.0][:d]) / np.array(scales)
    np.testing.assert_allclose(ds.y, 1.5 + ds.X @ w, rtol=1e-12, atol=1e-12)


def test_synthetic_noise_and_weights():
    ds = data.synthetic(500, seed=1, w=[3.0], b=-2.0, noise=0.5)
    residual = ds.y - (-2.0 + 3.0 * ds.X[:, 0])
    assert 0.4 < residual.std() < 0.6


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"n": 1}, r"n must be a whole number from 2 to 2000, got 1"),
        ({"n": 2001}, r"n must be a whole number from 2 to 2000"),
        ({"n": 10.0}, r"n must be a whole number"),
        ({"n": True}, r"n must be a whole number"),
        ({"scales": ()}, r"scales must have one or two entries"),
        ({"scales": (1.0, 2.0, 3.0)}, r"scales must have one or two entries"),
        ({"scales": (0.0,)}, r"scales must be finite numbers > 0"),
        ({"scales": (1.0, math.nan)}, r"scales must be finite numbers > 0"),
        ({"noise": -1.0}, r"noise must be a finite number >= 0"),
        ({"noise": math.inf}, r"noise must be a finite number >= 0"),
        ({"w": [1.0, 2.0]}, r"w must have 1 entries, one per feature"),
    ],
)
def test_synthetic_bad_arguments(kwargs, message):
    with pytest.raises(ValueError, match=message):
        data.synthetic(**kwargs)


# --- the model --------------------------------------------------------------------------------

@pytest.mark.parametrize("scales", [(1.0,), (1.0, 3.0)])
def test_linear_regression_matches_the_lecture_formula(scales):
    ds = data.synthetic(12, seed=5, scales=scales)
    model = data.LinearRegression.of(ds)
    assert model.dim == ds.d + 1
    rng = np.random.default_rng(0)
    for theta in rng.normal(size=(5, model.dim)):
        assert model.value(theta) == pytest.approx(_lecture_loss(theta, ds.X, ds.y), rel=1e-12)
        np.testing.assert_allclose(model.grad(theta), _lecture_grad(theta, ds.X, ds.y), rtol=1e-11, atol=1e-11)
        # One example: Lⁿ, the loss SGD uses.
        for n in (0, 7):
            assert model.value(theta, [n]) == pytest.approx(_lecture_loss(theta, ds.X[n:n + 1], ds.y[n:n + 1]))
            np.testing.assert_allclose(
                model.grad(theta, [n]), _lecture_grad(theta, ds.X[n:n + 1], ds.y[n:n + 1]), rtol=1e-12, atol=1e-12
            )
    # Vectorized over θ's leading dimensions.
    thetas = rng.normal(size=(3, 4, model.dim))
    assert model.value(thetas).shape == (3, 4) and model.grad(thetas).shape == (3, 4, model.dim)
    np.testing.assert_allclose(model.grad(thetas)[2, 1], model.grad(thetas[2, 1]), rtol=1e-15)


def test_linear_regression_grad_matches_finite_differences():
    ds = data.synthetic(15, seed=2, scales=(1.0, 2.0))
    model = data.LinearRegression.of(ds)
    theta = np.array([0.3, -0.7, 1.1])
    h = 1e-6
    fd = np.array([
        (model.value(theta + h * e) - model.value(theta - h * e)) / (2 * h) for e in np.eye(3)
    ])
    np.testing.assert_allclose(model.grad(theta), fd, rtol=1e-6, atol=1e-5)


def test_hessian_and_least_squares_solution():
    ds = data.synthetic(25, seed=4, scales=(1.0, 2.0))
    model = data.LinearRegression.of(ds)
    A = np.column_stack([ds.X, np.ones(ds.n)])
    np.testing.assert_allclose(model.hessian(np.zeros(3)), 2 * A.T @ A, rtol=1e-14)
    assert model.hessian(np.zeros((4, 3))).shape == (4, 3, 3)
    theta_star = model.solve()
    np.testing.assert_allclose(model.grad(theta_star), np.zeros(3), atol=1e-9)


def test_newton_solves_one_feature_regression_in_one_step():
    ds = data.synthetic(25, seed=4)
    model = data.LinearRegression.of(ds)
    # Normal equations by hand for y = b + w x.
    x, y, n = ds.X[:, 0], ds.y, ds.n
    w = (n * np.sum(x * y) - np.sum(x) * np.sum(y)) / (n * np.sum(x * x) - np.sum(x) ** 2)
    b = (np.sum(y) - w * np.sum(x)) / n
    np.testing.assert_allclose(model.solve(), [w, b], rtol=1e-10)
    traj = gd_core.run(model, optimizers.newton(), (5.0, -5.0), 2)
    np.testing.assert_allclose(traj.params[1:], [[w, b], [w, b]], rtol=1e-9)


# --- fit: GD, SGD, mini-batch ------------------------------------------------------------------

@pytest.mark.parametrize("batch_size", [None, 20, 50])
def test_full_batch_fit_equals_run(batch_size):
    ds = data.synthetic(20, seed=3)
    model = data.LinearRegression.of(ds)
    theta0 = (0.5, -0.5)
    f = data.fit(ds, optimizers.gd(0.002), batch_size, 15, theta0=theta0)
    traj = gd_core.run(model, optimizers.gd(0.002), theta0, 15)
    assert f.batch_size == 20 and f.updates_per_epoch == 1
    np.testing.assert_array_equal(f.params, traj.params)
    np.testing.assert_array_equal(f.losses, traj.losses)
    np.testing.assert_array_equal(f.epochs, np.arange(16))
    assert f.diverged_at is None


@settings(max_examples=20)
@given(lr=st.floats(1e-4, 0.01), beta=st.floats(0.0, 0.95), epochs=st.integers(0, 8), seed=st.integers(0, 2**16))
def test_full_batch_fit_equals_run_with_momentum(lr, beta, epochs, seed):
    ds = data.synthetic(20, seed=seed)
    f = data.fit(ds, optimizers.momentum(lr, beta=beta), None, epochs)
    traj = gd_core.run(data.LinearRegression.of(ds), optimizers.momentum(lr, beta=beta), (0.0, 0.0), epochs)
    np.testing.assert_array_equal(f.params, traj.params)
    np.testing.assert_array_equal(f.losses, traj.losses)


def test_sgd_makes_one_update_per_example_in_a_seeded_order():
    ds = data.synthetic(20, seed=9)
    eta, seed = 0.01, 4
    f = data.fit(ds, optimizers.gd(eta), 1, 3, seed=seed)
    assert f.batch_size == 1 and f.updates_per_epoch == 20
    assert f.params.shape == (61, 2) and f.losses.shape == (61,)
    np.testing.assert_array_equal(f.epochs, np.repeat([0, 1, 2, 3], [1, 20, 20, 20]))
    # By hand: θ ← θ − η∇Lⁿ(θ) with Lⁿ = (ŷⁿ − (b + w xⁿ))², examples in the order the seed draws.
    rng = np.random.default_rng(seed)
    theta = np.zeros(2)
    expected = [theta]
    for _ in range(3):
        for n in rng.permutation(20):
            w, b = theta
            r = ds.y[n] - (b + w * ds.X[n, 0])
            theta = theta - eta * np.array([-2 * r * ds.X[n, 0], -2 * r])
            expected.append(theta)
    np.testing.assert_allclose(f.params, expected, rtol=1e-12, atol=1e-12)
    model = data.LinearRegression.of(ds)
    np.testing.assert_allclose(f.losses, model.value(np.array(expected)), rtol=1e-12)


@pytest.mark.parametrize(("n", "m"), [(20, 6), (20, 7), (21, 3), (5, 4), (20, 19)])
def test_mini_batch_makes_ceil_n_over_m_updates_per_epoch(n, m):
    ds = data.synthetic(n, seed=1, scales=(1.0, 2.0))
    eta, seed, epochs = 0.005, 11, 2
    f = data.fit(ds, optimizers.gd(eta), m, epochs, seed=seed)
    per_epoch = math.ceil(n / m)
    assert f.updates_per_epoch == per_epoch and f.batch_size == m
    assert f.params.shape == (per_epoch * epochs + 1, 3)
    rng = np.random.default_rng(seed)
    theta = np.zeros(3)
    expected = [theta]
    for _ in range(epochs):
        order = rng.permutation(n)
        for start in range(0, n, m):
            batch = order[start:start + m]  # the last batch may be smaller
            theta = theta - eta * _lecture_grad(theta, ds.X[batch], ds.y[batch])
            expected.append(theta)
    np.testing.assert_allclose(f.params, expected, rtol=1e-11, atol=1e-12)


def test_fit_same_seed_same_run_and_batch_size_capped_at_n():
    ds = data.synthetic(20, seed=2)
    a = data.fit(ds, optimizers.adam(0.05), 3, 4, seed=5)
    b = data.fit(ds, optimizers.adam(0.05), 3, 4, seed=5)
    np.testing.assert_array_equal(a.params, b.params)
    c = data.fit(ds, optimizers.adam(0.05), 3, 4, seed=6)
    assert not np.array_equal(a.params, c.params)
    assert data.fit(ds, optimizers.gd(0.001), 100, 1).batch_size == 20


def test_fit_divergence_keeps_the_finite_prefix():
    ds = data.synthetic(20, seed=0, scales=(10.0,))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        f = data.fit(ds, optimizers.gd(1.0), None, 200)
    assert caught == []
    assert f.diverged_at is not None and f.diverged_at < 200
    assert f.params.shape[0] == f.diverged_at == f.losses.shape[0] == f.epochs.shape[0]
    assert np.all(np.isfinite(f.params)) and np.all(np.isfinite(f.losses))
    assert np.all(np.abs(f.params) <= gd_core.DIVERGENCE_BOUND)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"batch_size": 0}, r"batch_size must be a whole number >= 1, got 0"),
        ({"batch_size": 2.5}, r"batch_size must be a whole number >= 1, got 2\.5"),
        ({"batch_size": True}, r"batch_size must be a whole number >= 1, got True"),
        ({"epochs": -1}, r"epochs must be a whole number from 0 to 10000, got -1"),
        ({"epochs": 10_001}, r"epochs must be a whole number from 0 to 10000"),
        ({"epochs": 1.0}, r"epochs must be a whole number"),
        ({"theta0": (1.0, 2.0, 3.0)}, r"theta0 must have 2 finite entries \(w\.\.\., b\)"),
        ({"theta0": (1.0, math.nan)}, r"theta0 must have 2 finite entries"),
        ({"batch_size": 1, "epochs": 10_000}, r"too many updates"),
    ],
)
def test_fit_bad_arguments(kwargs, message):
    ds = data.synthetic(30, seed=0)
    args = {"batch_size": None, "epochs": 1} | kwargs
    with pytest.raises(ValueError, match=message):
        data.fit(ds, optimizers.gd(0.01), **args)


# --- feature scaling --------------------------------------------------------------------------

def test_standardize_gives_mean_0_std_1_and_to_raw_maps_weights_back():
    ds = data.synthetic(40, seed=6, scales=(1.0, 100.0))
    scaled, scaling = data.standardize(ds)
    np.testing.assert_allclose(scaled.X.mean(axis=0), [0.0, 0.0], atol=1e-12)
    np.testing.assert_allclose(scaled.X.std(axis=0), [1.0, 1.0], rtol=1e-12)
    np.testing.assert_allclose(scaling.mean, np.mean(ds.X, axis=0), rtol=1e-15)
    np.testing.assert_allclose(scaling.std, np.std(ds.X, axis=0), rtol=1e-15)
    np.testing.assert_array_equal(scaled.y, ds.y)
    assert scaled.feature_names == ds.feature_names
    # Any weights on the scaled features give the same predictions as to_raw's on the raw ones.
    rng = np.random.default_rng(1)
    for theta_scaled in rng.normal(size=(4, 3)):
        theta_raw = scaling.to_raw(theta_scaled)
        pred_scaled = theta_scaled[-1] + scaled.X @ theta_scaled[:-1]
        pred_raw = theta_raw[-1] + ds.X @ theta_raw[:-1]
        np.testing.assert_allclose(pred_raw, pred_scaled, rtol=1e-10, atol=1e-10)
    # The least-squares fit is the same line either way.
    best_scaled = data.LinearRegression.of(scaled).solve()
    np.testing.assert_allclose(scaling.to_raw(best_scaled), data.LinearRegression.of(ds).solve(), rtol=1e-8)
    assert scaling.to_raw(rng.normal(size=(5, 3))).shape == (5, 3)


def test_standardize_refuses_a_constant_feature():
    ds = data.Dataset(np.array([[1.0, 2.0], [1.0, 3.0], [1.0, 5.0]]), np.array([1.0, 2.0, 3.0]), ("a", "b"))
    with pytest.raises(DataError, match=r"feature 'a' has the same value in every row, so it cannot be scaled"):
        data.standardize(ds)


# --- reading a CSV ----------------------------------------------------------------------------

GOOD_CSV = b"size,price\n1,2.5\n2,4.5\n3,6.5\n"


def _check_good(ds):
    assert ds.feature_names == ("size",) and ds.target_name == "price"
    np.testing.assert_array_equal(ds.X, [[1.0], [2.0], [3.0]])
    np.testing.assert_array_equal(ds.y, [2.5, 4.5, 6.5])


def test_read_csv_accepts_path_bytes_and_file_objects(tmp_path):
    path = tmp_path / "data.csv"
    path.write_bytes(GOOD_CSV)
    _check_good(data.read_csv(path))
    _check_good(data.read_csv(str(path)))
    _check_good(data.read_csv(GOOD_CSV))
    _check_good(data.read_csv(bytearray(GOOD_CSV)))
    _check_good(data.read_csv(memoryview(GOOD_CSV)))
    _check_good(data.read_csv(io.BytesIO(GOOD_CSV)))
    _check_good(data.read_csv(io.StringIO(GOOD_CSV.decode())))
    with path.open("rb") as fh:
        _check_good(data.read_csv(fh))


def test_read_csv_tolerates_bom_quotes_spaces_and_crlf():
    raw = b'\xef\xbb\xbf size ,"price"\r\n"1", 2.5\r\n 2 , "4.5"\r\n\r\n3,  6.5 \r\n'
    ds = data.read_csv(raw)
    assert ds.feature_names == ("size",) and ds.target_name == "price"
    np.testing.assert_array_equal(ds.X[:, 0], [1.0, 2.0, 3.0])
    np.testing.assert_array_equal(ds.y, [2.5, 4.5, 6.5])


def test_read_csv_headerless_and_two_features():
    ds = data.read_csv(b"1,10,3\n2,20,5\n4,10,7\n")
    assert ds.feature_names == ("x1", "x2") and ds.target_name == "y"
    np.testing.assert_array_equal(ds.X, [[1, 10], [2, 20], [4, 10]])
    np.testing.assert_array_equal(ds.y, [3, 5, 7])
    ds = data.read_csv(b"-1.5e2,2\n3,4\n")
    assert ds.feature_names == ("x1",)
    np.testing.assert_array_equal(ds.X[:, 0], [-150.0, 3.0])
    ds = data.read_csv(b"a,,y\n1,2,3\n2,3,4\n")
    assert ds.feature_names == ("a", "column 2")
    ds = data.read_csv(GOOD_CSV.replace(b"\n", b"\r\n"))
    _check_good(ds)


BAD_CSVS = [
    (b"", r"the file is empty"),
    (b" \n\n  \r\n", r"the file is empty"),
    (b",,\n,\n", r"the file is empty"),
    (b"size,price\n", r"the file has a header but no data rows"),
    (b"size,price\n1,2\n2,abc\n", r"line 3, column 'price': 'abc' is not a number"),
    (b"size,price\n1,2\nx" + b"y" * 40 + b",3\n", r"line 3, column 'size': 'xy{19}…' is not a number"),
    (b"size,price\n1,2\n2,\n", r"line 3, column 'price': the value is missing"),
    (b"size,price\n1,2\n2, \n", r"line 3, column 'price': the value is missing"),
    (b"size,price\nnan,2\n2,3\n", r"line 2, column 'size': 'nan' is not a finite number"),
    (b"size,price\n1,inf\n2,3\n", r"line 2, column 'price': 'inf' is not a finite number"),
    (b"size,price\n1,-Infinity\n2,3\n", r"'-Infinity' is not a finite number"),
    (b"size,price\n1,2e10\n2,3\n", r"line 2, column 'price': 2e10 is too large \(at most 1e\+09\)"),
    (b"size,price\n1,2\n", r"only one data row: at least 2 are needed"),
    (b"1,2\n", r"only one data row"),
    (b"size,price\n1,2\n1,3\n1,4\n", r"feature 'size' has the same value in every row"),
    (b"a,b,y\n1,5,2\n2,5,3\n", r"feature 'b' has the same value in every row"),
    (b"price\n1\n2\n", r"no feature column"),
    (b"1\n2\n", r"no feature column"),
    (b"a,b,c,y\n1,2,3,4\n2,3,4,5\n", r"4 columns found: use one or two feature columns and the target as the last"),
    (b"size,price\n1,2\n2,3,4\n", r"line 3 has 3 values, but the header has 2 columns"),
    (b"size,price\n1,2\n3\n", r"line 3 has 1 values, but the header has 2 columns"),
    (b"1,2\n3,4,5\n", r"line 2 has 3 values, but the header has 2 columns"),
    (b"PK\x03\x04\x00\x00binary", r"this is a binary file, not a CSV text file"),
    (b"size,price\n1,2\n\xe9,3\n", r"the file is not UTF-8 text \(a bad byte at position 15\)"),
]


@pytest.mark.parametrize(("raw", "message"), BAD_CSVS, ids=[repr(r)[:30] for r, _ in BAD_CSVS])
def test_read_csv_refusals_say_what_and_where(raw, message):
    with pytest.raises(DataError, match=message):
        data.read_csv(raw)


def test_read_csv_size_and_row_limits(tmp_path):
    too_big = b"1,2\n" * (data.MAX_BYTES // 4 + 1)
    assert len(too_big) > data.MAX_BYTES
    with pytest.raises(DataError, match=r"the file is too large \(more than 2 MB\)"):
        data.read_csv(too_big)
    with pytest.raises(DataError, match=r"the file is too large \(more than 2 MB\)"):
        data.read_csv(io.BytesIO(too_big))
    path = tmp_path / "big.csv"
    path.write_bytes(too_big)
    with pytest.raises(DataError, match=r"the file is too large \(2\.1 MB; at most 2 MB\)"):
        data.read_csv(path)
    rows = b"x,y\n" + b"".join(b"%d,%d\n" % (i, 2 * i) for i in range(data.MAX_ROWS + 1))
    with pytest.raises(DataError, match=r"the file has 2001 data rows; at most 2000 are allowed"):
        data.read_csv(rows)
    ok = data.read_csv(b"x,y\n" + b"".join(b"%d,%d\n" % (i, 2 * i) for i in range(data.MAX_ROWS)))
    assert ok.n == data.MAX_ROWS


def test_read_csv_bad_sources(tmp_path):
    with pytest.raises(DataError, match=r"cannot open the file"):
        data.read_csv(tmp_path / "missing.csv")
    with pytest.raises(DataError, match=r"give a path, bytes or a file object"):
        data.read_csv(12)

    class Weird:
        def read(self, n):
            return 42

    with pytest.raises(DataError, match=r"the upload could not be read as a file"):
        data.read_csv(Weird())


def test_read_csv_invalid_csv():
    with pytest.raises(DataError, match=r"the file is not valid CSV: field larger than field limit"):
        data.read_csv(b'a,b\n1,2\n"' + b"9" * 200_000 + b'",3\n')
    # An unclosed quote swallows the rest of the file into the header.
    with pytest.raises(DataError, match=r"the file has a header but no data rows"):
        data.read_csv(b'a,"b\n1,2\n3,4\n')


def test_data_errors_are_value_errors():
    assert issubclass(DataError, ValueError)


@pytest.mark.parametrize("batch_size", [1, 3])
def test_sgd_divergence_stops_at_the_first_update_past_the_bound(batch_size):
    ds = data.synthetic(20, seed=0, scales=(10.0,))
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        f = data.fit(ds, optimizers.gd(1.0), batch_size, 50, seed=2)
    assert caught == []
    # The same updates by hand: θ ← θ − η·(−2 A_bᵀ(y_b − A_b θ)) over each epoch's permutation, until |θ| > bound.
    rng = np.random.default_rng(2)
    A = np.hstack([ds.X, np.ones((20, 1))])
    thetas, first_out = [np.zeros(2)], None
    with np.errstate(all="ignore"):
        for _ in range(50):
            order = rng.permutation(20)
            for start in range(0, 20, batch_size):
                rows = order[start:start + batch_size]
                theta = thetas[-1]
                thetas.append(theta - 1.0 * (-2.0 * ((ds.y[rows] - A[rows] @ theta) @ A[rows])))
                if not np.all(np.abs(thetas[-1]) <= gd_core.DIVERGENCE_BOUND):
                    first_out = len(thetas) - 1
                    break
            if first_out is not None:
                break
    assert first_out is not None and f.diverged_at == first_out
    np.testing.assert_array_equal(f.params, np.array(thetas[:first_out]))
    assert np.all(np.abs(f.params) <= gd_core.DIVERGENCE_BOUND)
