"""gd_core.run's float path (a few runs of a typed formula updated on Python floats) against its NumPy path.

The float path computes the same IEEE operations in the same order (+ − × ÷, u² as u·u, √ and abs as
Python's, exp, log, sin, cos, tan, tanh and other powers as NumPy's own functions called on floats), so the
iterates, gradients, scales, losses and the update of a divergence are identical bit for bit, for every
optimizer, on the presets and on typed formulas, including ones that go non-finite.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st

import gd_core
from gd_core import optimizers as O
from gd_core.presets import PRESETS
from gd_core.run import FLOAT_MAX_BATCH, _on_floats, run, run_each

FIELDS = ("params", "grads", "scales", "losses")

# Formulas of + − × ÷, squares, √ and abs.
EXACT_PRESETS = ("bowl", "elongated", "rosenbrock", "himmelblau")
EXACT_TYPED = (
    "sqrt(x^2 + y^2 + 1)",
    "abs(x) + 3*y^2",
    "x^2/(1 + y^2) + y^2",
    "sqrt(x) + y^2",            # NaN for x < 0: a step past 0 diverges
    "1/(x - 0.3) + y^2",        # a pole at x = 0.3
    "(x - 2*y)^2 + 0.5*abs(y - 1)",
)
# Formulas with exp, log, sin, cos, tan, tanh or powers other than 2 and 1/2 (NumPy's own, on floats:
# math's may differ by an ulp, which an adaptive rule at a minimum turns into a difference of order η).
ULP_PRESETS = ("saddle", "plateau", "two_minima")
ULP_TYPED = (
    "log(x) + y^2",              # NaN for x < 0, -inf at 0
    "exp(0.5*x) - x + tanh(y)^2",
    "sin(x) + cos(y) + 0.1*(x^2 + y^2)",
    "x^(1/3)*y + y^4",           # a negative base to 1/3: NaN in NumPy
    "tan(x/4) + y^2",
)
ALL_FORMULAS = [p.formula for p in PRESETS.values()] + list(EXACT_TYPED) + list(ULP_TYPED)


def _optimizer(name: str, eta: float, a: float, b: float):
    return {
        "gd": lambda: O.gd(eta),
        "momentum": lambda: O.momentum(eta, beta=a),
        "adagrad": lambda: O.adagrad(eta, eps=1e-8),
        "rmsprop": lambda: O.rmsprop(eta, alpha=a, eps=1e-8),
        "adam": lambda: O.adam(eta, beta1=a, beta2=b, eps=1e-8),
    }[name]()


optimizer_st = st.builds(
    _optimizer,
    st.sampled_from(("gd", "momentum", "adagrad", "rmsprop", "adam")),
    st.sampled_from((1e-4, 1e-3, 0.01, 0.05, 0.1, 0.3, 0.5, 1.0, 2.0)),
    st.sampled_from((0.0, 0.5, 0.9, 0.99)),
    st.sampled_from((0.9, 0.99, 0.999)),
)
start_st = st.tuples(st.floats(-3, 3, allow_subnormal=False), st.floats(-3, 3, allow_subnormal=False))


def _both(loss, opt, theta0, steps):
    """The run on arrays and on floats (asserting the float path applies). A start that the array path
    refuses (the loss or its gradient not finite there) must be refused on floats too."""
    theta = np.asarray(theta0, dtype=float)
    assert _on_floats(loss, opt, 1 if theta.ndim == 1 else theta.shape[0], 2, None)
    try:
        arrays = run(loss, opt, theta, steps, floats=False)
    except gd_core.InputError as exc:
        with pytest.raises(gd_core.InputError) as refused:
            run(loss, opt, theta, steps, floats=True)
        assert str(refused.value) == str(exc)
        assume(False)
    return arrays, run(loss, opt, theta, steps, floats=True)


def assert_identical(a, b) -> None:
    np.testing.assert_array_equal(a.diverged_at, b.diverged_at)
    for name in FIELDS:
        x, y = getattr(a, name), getattr(b, name)
        assert x.shape == y.shape, name
        # bit for bit: equal with the same sign (so −0 is not 0), or both NaN
        same = ((x == y) & (np.signbit(x) == np.signbit(y))) | (np.isnan(x) & np.isnan(y))
        assert same.all(), (name, np.argwhere(~same)[:5])


# --- every optimizer: floats are arrays, bit for bit -------------------------------------------------

@settings(max_examples=80)
@given(formula=st.sampled_from([PRESETS[k].formula for k in EXACT_PRESETS] + list(EXACT_TYPED)),
       opt=optimizer_st, theta0=start_st, steps=st.integers(0, 300))
def test_floats_equal_arrays_bit_for_bit(formula, opt, theta0, steps):
    loss = gd_core.parse_loss(formula)
    assert_identical(*_both(loss, opt, theta0, steps))


@pytest.mark.parametrize("name", ["gd", "momentum", "adagrad", "rmsprop", "adam"])
@pytest.mark.parametrize("key", EXACT_PRESETS)
def test_each_optimizer_on_each_exact_preset_from_its_start(name, key):
    preset = PRESETS[key]
    opt = _optimizer(name, 0.01, 0.9, 0.999)
    assert_identical(*_both(preset.loss, opt, preset.start, 1000))


def _alone(loss, opt, theta0, steps):
    return run(loss, opt, theta0, steps, floats=False)


def assert_each_alone(loss, opts, batch, theta0, steps) -> None:
    """Row k of a combined batch on floats is bit for bit what optimizer k alone gives on arrays (a run
    that diverged is compared up to its divergence: the batch keeps NaN after it)."""
    np.testing.assert_array_equal(batch.params[0], np.tile(theta0, (len(opts), 1)))
    for k, o in enumerate(opts):
        alone = _alone(loss, o, theta0, steps)
        n = alone.params.shape[0]
        assert int(batch.diverged_at[k]) == (-1 if alone.diverged_at is None else alone.diverged_at)
        row = {"params": batch.params[:n, k], "grads": batch.grads[:n, k], "losses": batch.losses[:n, k],
               "scales": batch.scales[: n - 1, k]}
        for name, got in row.items():
            want = np.broadcast_to(getattr(alone, name), got.shape)
            same = ((got == want) & (np.signbit(got) == np.signbit(want))) | (np.isnan(got) & np.isnan(want))
            assert same.all(), (o.name, name)


def test_the_race_of_the_beyond_page_is_on_floats_and_identical():
    # ui.race_cached's defaults on the Rosenbrock valley: five optimizers, 1,000 updates, one batch of 5.
    opts = [O.gd(0.001), O.momentum(0.001, 0.9), O.adagrad(0.5, 1e-8), O.rmsprop(0.01, 0.99, 1e-8),
            O.adam(0.05, 0.9, 0.999, 1e-8)]
    loss = PRESETS["rosenbrock"].loss
    rule = O.combined(opts)
    assert _on_floats(loss, rule, 5, 2, None)
    assert_each_alone(loss, opts, run(loss, rule, np.tile([0.0, 2.5], (5, 1)), 1000), (0.0, 2.5), 1000)
    # and run_each, which takes the float path, gives each optimizer what run gives it on arrays
    for traj, o in zip(run_each(loss, opts, (0.0, 2.5), 1000), opts):
        assert_identical(traj, _alone(loss, o, (0.0, 2.5), 1000))


@settings(max_examples=40)
@given(formula=st.sampled_from(ALL_FORMULAS),
       opts=st.lists(optimizer_st, min_size=2, max_size=5), theta0=start_st, steps=st.integers(1, 200))
def test_a_combined_batch_on_floats_is_each_optimizer_alone(formula, opts, theta0, steps):
    # On floats, each row of the combined rule is its own optimizer's rule: the iterates of that
    # optimizer alone, bit for bit, signed zeros included (from θ⁰ = (−0, ·) the combined rule on arrays,
    # m = 0·m + g, makes gradient descent's −0 step a +0 one).
    loss = gd_core.parse_loss(formula)
    try:
        _alone(loss, opts[0], theta0, steps)
    except gd_core.InputError:
        assume(False)
    batch = run(loss, O.combined(opts), np.tile(theta0, (len(opts), 1)), steps, floats=True)
    assert_each_alone(loss, opts, batch, theta0, steps)


@settings(max_examples=30)
@given(lrs=st.lists(st.sampled_from((0.01, 0.1, 0.4, 0.6, 1.1)), min_size=1, max_size=FLOAT_MAX_BATCH),
       theta0=start_st)
def test_a_batch_of_learning_rates_on_floats_equals_arrays(lrs, theta0):
    # η > 0.5 diverges on 0.1x² + 2y² (λ_max = 4): some rows diverge, some do not
    loss = PRESETS["elongated"].loss
    for opt in (O.gd(np.array(lrs)), O.adam(np.array(lrs))):
        assert_identical(*_both(loss, opt, np.tile(theta0, (len(lrs), 1)), 150))


# --- divergence: the same update ---------------------------------------------------------------------

@pytest.mark.parametrize(("formula", "opt", "theta0"), [
    ("sqrt(x) + y^2", O.gd(0.5), (0.2, 1.0)),             # x goes below 0: √x is NaN
    ("x^2 + y^2 + abs(x)/x", O.gd(0.5), (0.5, 1.0)),      # lands on x = 0 exactly: 0/0 in the gradient
    ("0.1*x^2 + 2*y^2", O.gd(0.6), (-5.0, -2.0)),         # |y| grows past the bound
    ("(1 - x)^2 + 100*(y - x^2)^2", O.gd(0.01), (0.0, 2.5)),  # overflows to inf
    ("x^2 + y^2", O.adam(50.0), (1.0, 1.0)),
])
def test_divergence_is_detected_at_the_same_update(formula, opt, theta0):
    arrays, floats = _both(gd_core.parse_loss(formula), opt, theta0, 400)
    assert_identical(arrays, floats)
    if formula != "x^2 + y^2":
        assert floats.diverged_at is not None


def test_a_batch_where_every_run_diverges_stops_at_the_same_check():
    loss = gd_core.parse_loss("x^2 + y^2")
    opt = O.gd(np.array([3.0, 5.0, 8.0]))  # |1 − 2η| > 1: all three blow up within 40 updates
    arrays, floats = _both(loss, opt, np.ones((3, 2)), 5000)
    assert_identical(arrays, floats)
    assert np.all(floats.diverged_at > 0)


# --- NumPy's functions and powers, on floats: still bit for bit --------------------------------------

@settings(max_examples=80)
@given(formula=st.sampled_from([PRESETS[k].formula for k in ULP_PRESETS] + list(ULP_TYPED)),
       opt=optimizer_st, theta0=start_st, steps=st.integers(0, 300))
def test_floats_with_numpys_functions_equal_arrays_bit_for_bit(formula, opt, theta0, steps):
    assert_identical(*_both(gd_core.parse_loss(formula), opt, theta0, steps))


@pytest.mark.parametrize("name", ["gd", "momentum", "adagrad", "rmsprop", "adam"])
@pytest.mark.parametrize("key", ULP_PRESETS)
def test_each_optimizer_on_each_other_preset_from_its_start(name, key):
    # RMSProp at the minimum of x⁴/4 − x² + 0.3x + y² divides rounding noise (the gradient there is about
    # 1e-16) by its running size: with math's x³ instead of NumPy's, its path differed by 2e-4 there.
    preset = PRESETS[key]
    assert_identical(*_both(preset.loss, _optimizer(name, 0.01, 0.9, 0.999), preset.start, 1000))


def test_log_diverges_at_the_same_update():
    arrays, floats = _both(gd_core.parse_loss("log(x) + y^2"), O.gd(0.5), (0.3, 1.0), 50)
    # x ← x − 0.5/x from 0.3 goes below 0 in one update (0.3 − 0.5/0.3 < 0): log is NaN there
    assert floats.diverged_at == arrays.diverged_at == 1
    assert_identical(arrays, floats)


# --- the gradient on floats ----------------------------------------------------------------------------

@settings(max_examples=300)
@given(formula=st.sampled_from(ALL_FORMULAS), x=st.floats(allow_nan=True, allow_infinity=True),
       y=st.floats(allow_nan=True, allow_infinity=True))
def test_the_float_gradient_is_numpys_bit_for_bit(formula, x, y):
    loss = gd_core.parse_loss(formula)
    with np.errstate(all="ignore"):
        got = np.array(loss.grad_float(x, y), dtype=float)
        want = loss.grad(np.array([[x, y], [0.5, 0.5]]))[0]  # NumPy on an array, as the array path has it
    same = ((got == want) & (np.signbit(got) == np.signbit(want))) | (np.isnan(got) & np.isnan(want))
    assert same.all(), (got, want)


@pytest.mark.parametrize(("formula", "point", "expected"), [
    ("sqrt(x) + y", (-1.0, 0.0), (math.nan, 1.0)),          # math.sqrt(-1) raises: NumPy's NaN
    ("log(x) + y", (0.0, 0.0), (math.inf, 1.0)),            # 1/0 raises: NumPy's inf
    ("log(x) + y", (-2.0, 0.0), (-0.5, 1.0)),               # d/dx log x = 1/x exists at −2 in NumPy too
    ("x^(1/3) + y", (-8.0, 0.0), (math.nan, 1.0)),          # Python gives a complex number: NaN
    ("exp(x) + y", (1000.0, 0.0), (math.inf, 1.0)),         # math.exp would overflow: inf
    ("x^3 + y", (1e200, 0.0), (math.inf, 1.0)),             # float ** would overflow: inf
    ("abs(x) + y", (math.nan, 0.0), (math.nan, 1.0)),       # sign(NaN) is NaN, not ±1
    ("abs(x) + y", (-0.0, 0.0), (0.0, 1.0)),
    ("sin(x) + y", (math.inf, 0.0), (math.nan, 1.0)),       # math.cos(inf) would raise
    ("sqrt(x) + y", (-0.0, 0.0), (-math.inf, 1.0)),         # 1/(2·√−0) = 1/−0
])
def test_where_python_raises_the_gradient_is_numpys(formula, point, expected):
    loss = gd_core.parse_loss(formula)
    with np.errstate(all="ignore"):
        got = loss.grad_float(*point)
    assert all(type(v) is float for v in got)
    np.testing.assert_array_equal(got, expected)
    np.testing.assert_array_equal(got, loss.grad(np.array([point]))[0])


def test_a_constant_gradient_is_floats():
    assert [type(v) for v in gd_core.parse_loss("2*x + 3*y").grad_float(0.5, 0.5)] == [float, float]


# --- when the float path applies --------------------------------------------------------------------

def test_the_float_path_applies_only_to_a_few_runs_of_a_typed_formula_with_a_moments_rule():
    loss = gd_core.parse_loss("x^2 + y^2")
    assert _on_floats(loss, O.adam(0.1), 1, 2, None)
    assert _on_floats(loss, O.gd(0.1), FLOAT_MAX_BATCH, 2, None)
    assert not _on_floats(loss, O.gd(0.1), FLOAT_MAX_BATCH + 1, 2, None)
    assert not _on_floats(loss, O.newton(), 1, 2, None)
    assert not _on_floats(loss, O.gd(gd_core.schedules.inverse_sqrt(0.1)), 1, 2, None)
    assert not _on_floats(loss, O.gd(0.1), 1, 2, [[0]])


# --- the traced loop is Moments.update ---------------------------------------------------------------

@pytest.mark.parametrize("name", ["gd", "momentum", "adagrad", "rmsprop", "adam"])
def test_the_traced_loop_computes_what_update_computes_on_floats(name):
    rule = _optimizer(name, 0.001, 0.9, 0.999).rule.row(0)
    loss = PRESETS["rosenbrock"].loss
    n = 40
    c1 = [1.0 - 0.9 ** (k + 1) for k in range(n)] if rule.bias else [1.0] * n
    c2 = [1.0 - 0.999 ** (k + 1) for k in range(n)] if rule.bias else [1.0] * n
    loop, coefficients = rule.float_loop()
    lane, out_p, out_g, out_s = [-1.5, 2.0, 0.0, 0.0, 0.0, 0.0], [], [], []
    with np.errstate(all="ignore"):
        loop(loss.grad_float, lane, c1, c2, out_p, out_g, out_s, *coefficients)
    # by hand: update on each coordinate in turn
    x, y, mx, my, vx, vy = -1.5, 2.0, 0.0, 0.0, 0.0, 0.0
    want_p, want_g, want_s = [], [], []
    for k in range(n):
        gx, gy = loss.grad_float(x, y)
        x, mx, vx, sx = rule.update(x, gx, mx, vx, rule.constant_eta, c1[k], c2[k], O.FLOAT_OPS)
        y, my, vy, sy = rule.update(y, gy, my, vy, rule.constant_eta, c1[k], c2[k], O.FLOAT_OPS)
        want_p += (x, y)
        want_g += (gx, gy)
        want_s += (sx, sy)
    assert (out_p, out_g, out_s) == (want_p, want_g, want_s)
    assert lane == [x, y, mx, my, vx, vy]


# --- feature scaling's loss (b held fixed) on floats ---------------------------------------------------

@settings(max_examples=40)
@given(seed=st.integers(0, 10_000), scale=st.sampled_from((1.0, 10.0, 100.0, 1000.0)),
       fraction=st.sampled_from((0.5, 0.9, 0.99, 1.05)))
def test_fixed_b_on_floats_equals_arrays(seed, scale, fraction):
    from gd_core import scaling
    from gd_core.lessons.data import Dataset

    rng = np.random.default_rng(seed)
    X = rng.normal(size=(20, 2)) * np.array([1.0, scale])
    y = X @ np.array([2.0, 3.0 / scale]) + 1.0 + rng.normal(size=20)
    data = Dataset(X, y, ("a", "b"))
    loss = scaling.FixedB.of(data, 1.0)
    lr = fraction * scaling.largest_stable_lr_w(data)  # 1.05: past the largest stable η, it diverges
    assert_identical(*_both(loss, O.gd(lr), scaling.valley_start(data), 300))


def test_run_each_from_a_negative_zero_is_each_optimizer_alone_to_the_sign_of_zero():
    # From θ⁰ = (−0, 1) on x² + y², gradient descent's first step along x is −0 − η·(−0) = +0. The combined
    # NumPy rule computed m = 0·m + g = +0 instead of g = −0 and kept θ₁ = −0: the same number, but not
    # the iterates of gradient descent alone that run_each promises.
    loss = gd_core.parse_loss("x^2 + y^2")
    opts = [O.gd(0.1), O.adam(0.1)]
    for traj, o in zip(run_each(loss, opts, (-0.0, 1.0), 3), opts):
        alone = run(loss, o, (-0.0, 1.0), 3)
        np.testing.assert_array_equal(np.signbit(traj.params), np.signbit(alone.params))
    assert not np.signbit(run_each(loss, opts, (-0.0, 1.0), 3)[0].params[1, 0])  # +0, by hand
