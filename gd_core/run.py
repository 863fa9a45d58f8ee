"""One loop that drives every optimizer: :func:`run` and its :class:`Trajectory`."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

import numpy as np

from .errors import InputError
from .optimizers import Moments, Optimizer, combined

DIVERGENCE_BOUND = 1e8
"""A run has diverged once any |θᵢ| exceeds this, or the loss or gradient is not finite."""
MAX_STEPS = 100_000
"""Most updates one run may take."""
FLOAT_MAX_BATCH = 8
"""Up to this many runs of a typed formula in x and y, :func:`run` updates θ on Python floats (see
:func:`_float_updates`): for so few numbers NumPy's cost per call is nearly all of the time."""


@dataclass(frozen=True)
class Trajectory:
    """What a run did. With n the number of updates kept and P the number of parameters:

    - ``params``: θ⁰ … θⁿ, shape (n + 1, P), or (n + 1, B, P) for a batch;
    - ``losses``: L(θ⁰) … L(θⁿ), shape (n + 1,) or (n + 1, B);
    - ``grads``: ∇L(θ⁰) … ∇L(θⁿ), shaped like ``params`` (for a run with ``batches``, the gradient each
      update used, its batch's, and at θⁿ the full gradient);
    - ``steps``: θᵗ⁺¹ − θᵗ for each update, shape (n, P) or (n, B, P);
    - ``scales``: the per-coordinate factor each update multiplied its direction by
      (η_t for GD, η_t/(√s + ε) for Adagrad and RMSProp), shaped like ``steps``;
    - ``diverged_at``: the index of the first iterate that was not finite or left the
      bound ``DIVERGENCE_BOUND`` (so θ⁰ … θ^{diverged_at − 1} are kept), or None. For a
      batch, an int array of shape (B,) with -1 for runs that did not diverge; the
      entries of a diverged run from that index on are NaN.
    """

    params: np.ndarray
    losses: np.ndarray
    grads: np.ndarray
    scales: np.ndarray
    diverged_at: int | np.ndarray | None
    optimizer: str = ""
    steps_requested: int = 0
    hyper: dict = field(default_factory=dict)

    @property
    def steps(self) -> np.ndarray:
        """θᵗ⁺¹ − θᵗ for each update."""
        return np.diff(self.params, axis=0)

    @property
    def n_updates(self) -> int:
        """How many updates were kept (fewer than requested if the run diverged)."""
        return self.params.shape[0] - 1

    @property
    def batched(self) -> bool:
        return self.params.ndim == 3

    @property
    def diverged(self) -> bool | np.ndarray:
        """Whether the run (or each run of a batch) diverged."""
        if self.batched:
            return np.asarray(self.diverged_at) >= 0
        return self.diverged_at is not None

    @property
    def final_loss(self) -> float | np.ndarray:
        """L(θⁿ), the last kept loss; for a batch, per run (NaN for a run that diverged)."""
        return float(self.losses[-1]) if not self.batched else self.losses[-1].copy()

    @property
    def grad_norms(self) -> np.ndarray:
        """‖∇L(θᵗ)‖ along the path, shape (n + 1,) or (n + 1, B)."""
        with np.errstate(all="ignore"):
            if self.grads.shape[-1] == 2:  # the same numbers, four times faster than the reduce over the last axis
                return np.hypot(self.grads[..., 0], self.grads[..., 1])
            return np.hypot.reduce(self.grads, axis=-1)

    def first(self, n: int) -> Trajectory:
        """The run cut after its first ``n`` updates: what :func:`run` gives for ``steps=n``, because an
        update depends only on the ones before it (a run that diverged by update ``n`` is kept as it is).

        >>> from gd_core import parse_loss, optimizers
        >>> long = run(parse_loss("x^2 + y^2"), optimizers.gd(0.1), (1.0, 1.0), 50)
        >>> short = run(parse_loss("x^2 + y^2"), optimizers.gd(0.1), (1.0, 1.0), 20)
        >>> bool(np.array_equal(long.first(20).params, short.params)), long.first(20).steps_requested
        (True, 20)
        """
        if isinstance(n, bool) or not isinstance(n, (int, np.integer)) or not 0 <= n <= self.steps_requested:
            raise InputError("{name} must be a whole number from {low} to {high}, got {value}", name="n", low=0,
                             high=self.steps_requested, value=repr(n))
        n = int(n)
        if self.batched:
            diverged = np.asarray(self.diverged_at)
            diverged_at = np.where(diverged <= n, diverged, -1)
        else:
            diverged_at = self.diverged_at if self.diverged_at is not None and self.diverged_at <= n else None
        return replace(self, params=self.params[: n + 1], losses=self.losses[: n + 1], grads=self.grads[: n + 1],
                       scales=self.scales[:n], diverged_at=diverged_at, steps_requested=n)


def updates_to_reach(losses, target: float) -> int | None:
    """The first t with L(θᵗ) ≤ ``target`` (0 if the start already is), or None if no kept loss is.

    >>> updates_to_reach([5.0, 2.0, 0.5, 0.1], 1.0)
    2
    >>> updates_to_reach([5.0, 2.0], 1.0) is None
    True
    """
    losses = np.asarray(losses, dtype=float)
    with np.errstate(invalid="ignore"):
        hit = np.nonzero(losses <= target)[0]
    return int(hit[0]) if hit.size else None


def _as_theta(theta0, dim: int) -> np.ndarray:
    """``theta0`` as a float array of shape (P,) or (B, P), P = ``dim``, the loss's number of parameters."""
    arr = np.array(theta0, dtype=float)
    if arr.ndim not in (1, 2) or arr.shape[-1] != dim or arr.shape[0] == 0:
        raise InputError("theta0 must have shape ({p},) or (B, {p}), got {shape}", p=dim, shape=str(arr.shape))
    if not np.all(np.isfinite(arr)):
        raise InputError("theta0 must be finite")
    return arr


def _dim(loss) -> int:
    """How many parameters the loss takes: its ``dim`` (2 for a typed formula), else 2."""
    return int(getattr(loss, "dim", 2))


def _check_steps(steps, limit: int = MAX_STEPS) -> int:
    if isinstance(steps, bool) or not isinstance(steps, (int, np.integer)):
        raise InputError("{name} must be a whole number, got {value}", name="steps", value=repr(steps))
    if not 0 <= steps <= limit:
        raise InputError("steps must be between 0 and {limit}, got {value}", limit=limit, value=str(steps))
    return int(steps)


def _not_finite_at_start(theta: np.ndarray) -> InputError:
    if theta.size == 2:
        x, y = (f"{v:.6g}" for v in theta)
        return InputError("the loss is not finite at the start point: choose another start instead of ({x}, {y})",
                          x=x, y=y)
    return InputError("the loss is not finite at the start point {point}: choose another start",
                      point="(" + ", ".join(f"{v:.6g}" for v in theta) + ")")


def _within(params: np.ndarray, grads: np.ndarray) -> np.ndarray:
    """For each run (axis 1), whether every θ of ``params`` is within the bound (and finite) and every
    gradient of ``grads`` finite."""
    # (reduced one axis at a time: NumPy's all over the axes (0, 2) at once is ten times slower)
    within = (np.abs(params) <= DIVERGENCE_BOUND).all(axis=0).all(axis=-1)
    return within & np.isfinite(grads).all(axis=0).all(axis=-1)


def _first_bad(params: np.ndarray, losses: np.ndarray, grads: np.ndarray, rows: np.ndarray) -> np.ndarray:
    """For each run in ``rows``, the first iterate index that is not finite or out of bound, or -1."""
    first = np.full(params.shape[1], -1)
    for r in rows:
        with np.errstate(invalid="ignore"):
            bad = ~np.isfinite(losses[:, r]) | np.any(~np.isfinite(grads[:, r]), axis=-1)
            bad |= np.any(~(np.abs(params[:, r]) <= DIVERGENCE_BOUND), axis=-1)
        if bad.any():
            first[r] = int(np.argmax(bad))
    return first


def _check_batch(optimizer: Optimizer, batch: int, single: bool, dim: int) -> None:
    for name, value in optimizer.hyper.items():
        arr = np.asarray(value)
        if arr.ndim == 1 and arr.shape[0] > 1:
            if single:
                raise InputError("{name} has {n} values: give theta0 of shape ({n}, {p})", name=name,
                                 n=arr.shape[0], p=dim)
            if arr.shape[0] != batch:
                raise InputError("{name} has {n} values but theta0 has {rows} rows", name=name, n=arr.shape[0],
                                 rows=batch)


def _float_updates(grad, rows, lanes, t0: int, n: int, corrections, params, grads, scales) -> None:
    """Updates t0 … t0 + n − 1 of a few runs on Python floats, written into ``params[t0 + 1:]``,
    ``grads[t0:]`` and ``scales[t0:]`` (arrays as :func:`run` keeps them).

    ``grad(x, y)`` is the loss's gradient on floats (``Loss.grad_float``); ``rows[r]`` is run r's rule as a
    loop on floats with its coefficients (:meth:`Moments.float_loop` of :meth:`Moments.row`: the same
    :meth:`Moments.update` as on arrays); ``lanes[r]`` its state [x, y, mₓ, m_y, vₓ, v_y], updated in
    place; ``corrections`` the bias corrections of these n updates (:meth:`Moments.corrections`) or None.
    The runs are independent: each takes its n updates in turn.
    """
    batch = len(rows)
    ones = [1.0] * n
    c1s = c2s = [ones] * batch
    if corrections is not None:
        c1s, c2s = (np.broadcast_to(c.reshape(n, -1), (n, batch)).T.tolist() for c in corrections)
    out_p, out_g, out_s = [], [], []
    for (loop, coefficients), lane, c1r, c2r in zip(rows, lanes, c1s, c2s):
        loop(grad, lane, c1r, c2r, out_p, out_g, out_s, *coefficients)
    shape = (batch, n, 2)
    params[t0 + 1: t0 + n + 1] = np.array(out_p).reshape(shape).swapaxes(0, 1)
    grads[t0: t0 + n] = np.array(out_g).reshape(shape).swapaxes(0, 1)
    scales[t0: t0 + n] = np.array(out_s).reshape(shape).swapaxes(0, 1)


def _on_floats(loss, optimizer: Optimizer, batch: int, dim: int, batches) -> bool:
    """Whether :func:`run` takes the float path: a few runs (≤ FLOAT_MAX_BATCH) of a loss with a gradient on
    floats, a rule of :class:`Moments` with a constant learning rate, no mini-batches."""
    rule = optimizer.rule
    return (batches is None and dim == 2 and batch <= FLOAT_MAX_BATCH and isinstance(rule, Moments)
            and rule.constant_eta is not None and getattr(loss, "grad_float", None) is not None)


def run(loss, optimizer: Optimizer, theta0, steps: int, *, batches=None, max_steps: int = MAX_STEPS,
        check_every: int = 32, floats: bool | None = None) -> Trajectory:
    """Run ``optimizer`` on ``loss`` from ``theta0`` for ``steps`` updates.

    ``theta0`` of shape (P,) gives one run, P being the loss's number of parameters (its ``dim``: 2 for
    a typed formula, d + 1 for :class:`gd_core.data.LinearRegression`); of shape (B, P), B runs in one
    vectorized loop (any hyperparameter may then be an array of shape (B,), e.g. a learning-rate sweep).
    A run diverges when a parameter leaves ±``DIVERGENCE_BOUND`` or the loss or gradient
    is not finite; the loop stops early once every run has. No NumPy warning escapes.

    ``batches`` makes it stochastic (SGD, mini-batch): an iterable giving, for each update in turn, the
    examples it uses; update t steps along ``loss.grad(θᵗ, batchₜ)``, the gradient of those examples'
    loss, and ``losses`` are still the full L(θᵗ). ``max_steps`` is the most updates allowed.

    A few runs (≤ ``FLOAT_MAX_BATCH``) of a typed formula are updated on Python floats instead of NumPy
    arrays: the same rule (:meth:`Moments.update`), the same IEEE operations in the same order and NumPy's
    own exp, log, … (``Loss.grad_float``), so the same numbers bit for bit, about four times faster.
    ``floats=False`` keeps NumPy arrays, ``floats=True`` asks for floats (where they apply).

    >>> from gd_core import parse_loss, optimizers
    >>> traj = run(parse_loss("x^2"), optimizers.gd(0.25), (1.0, 0.0), steps=2)
    >>> traj.params[:, 0].tolist()
    [1.0, 0.5, 0.25]
    """
    dim = _dim(loss)
    theta = _as_theta(theta0, dim)
    steps = _check_steps(steps, max_steps)
    single = theta.ndim == 1
    if single:
        theta = theta[None, :]
    batch = theta.shape[0]
    _check_batch(optimizer, batch, single, dim)
    if optimizer.needs_hessian and not hasattr(loss, "hessian"):
        raise InputError("{optimizer} needs a loss with a Hessian", optimizer=optimizer.name)
    full_grad_into = getattr(loss, "grad_into", None)
    if full_grad_into is None:
        def full_grad_into(th, out, *idx):
            out[...] = loss.grad(th, *idx)
            return out
    grad_into = full_grad_into
    if batches is not None:
        items = iter(batches)

        def grad_into(th, out):
            idx = next(items, None)
            if idx is None:
                raise InputError("batches gave fewer batches than the {steps} updates", steps=steps)
            return full_grad_into(th, out, idx)

    params = np.empty((steps + 1, batch, dim))
    grads = np.empty((steps + 1, batch, dim))
    scales = np.empty((steps, batch, dim))
    params[0] = theta
    state = optimizer.init(theta)
    rule = optimizer.rule
    step = rule.step
    needs_hessian = optimizer.needs_hessian
    hessian = None
    # A scale that is the same for every update (a constant η without adaptive steps) is filled in once.
    fixed_scale = getattr(rule, "constant_scale", None)
    has_bias = isinstance(rule, Moments) and rule.bias is not False
    on_floats = _on_floats(loss, optimizer, batch, dim, batches) if floats is not False else False
    if on_floats:
        rows = [rule.row(r).float_loop() for r in range(batch)]
        lanes = [[float(a), float(b), 0.0, 0.0, 0.0, 0.0] for a, b in theta.tolist()]
        # the bias corrections of all updates at once (a few rows: a small table)
        all_corrections = rule.corrections(0, steps) if has_bias and steps else None
    # ok[r]: run r has neither left the bound nor met a non-finite gradient in the updates checked so far
    # (θ¹ … θ^checked and g⁰ … g^{checked − 1}), checked every check_every updates in one pass. On floats,
    # every 4·check_every (each check costs as much as tens of updates there): the trajectory is the same,
    # only a batch whose runs have all diverged goes on a little further before it stops.
    if on_floats:
        check_every *= 4
    ok = np.ones(batch, dtype=bool)
    checked = 0
    taken = steps
    with np.errstate(all="ignore"):
        for t0 in range(0, steps, check_every):
            n = min(check_every, steps - t0)
            # the bias corrections of these n updates, computed at once (Moments.corrections)
            if not has_bias:
                corrections = None
            elif on_floats:
                corrections = all_corrections[0][t0: t0 + n], all_corrections[1][t0: t0 + n]
            else:
                corrections = rule.corrections(t0, n)
            if on_floats:
                _float_updates(loss.grad_float, rows, lanes, t0, n, corrections, params, grads, scales)
            else:
                for k in range(n):
                    t = t0 + k
                    g = grad_into(theta, grads[t])
                    if needs_hessian:
                        hessian = loss.hessian(theta)
                    bias = (corrections[0][k], corrections[1][k]) if corrections is not None else None
                    theta, state, scale = step(state, theta, g, t, hessian, bias)
                    params[t + 1] = theta
                    if fixed_scale is None:
                        scales[t] = scale
            if n == check_every:
                t = t0 + n - 1
                ok &= _within(params[checked + 1: t + 2], grads[checked: t + 1])
                checked = t + 1
                if not ok.any():
                    taken = t + 1
                    break
        ok &= _within(params[checked + 1: taken + 1], grads[checked: taken])
        if fixed_scale is not None:
            scales[:taken] = fixed_scale
        full_grad_into(params[taken], grads[taken])
        params, grads, scales = params[: taken + 1], grads[: taken + 1], scales[:taken]
        losses = loss.value(params)
        suspect = ~ok | ~np.all(np.isfinite(losses), axis=0) | ~np.all(np.isfinite(grads[taken]), axis=-1)
    first = _first_bad(params, losses, grads, np.nonzero(suspect)[0])

    if single:
        k = int(first[0])
        end = k if k >= 0 else taken + 1
        if end == 0:
            raise _not_finite_at_start(params[0, 0])
        return Trajectory(
            params[:end, 0], losses[:end, 0], grads[:end, 0], scales[: end - 1, 0],
            k if k >= 0 else None, optimizer.name, steps, optimizer.hyper,
        )
    if taken < steps:
        pad = steps - taken
        params = np.concatenate([params, np.full((pad, batch, dim), np.nan)])
        grads = np.concatenate([grads, np.full((pad, batch, dim), np.nan)])
        losses = np.concatenate([losses, np.full((pad, batch), np.nan)])
        scales = np.concatenate([scales, np.full((pad, batch, dim), np.nan)])
    for r in np.nonzero(first >= 0)[0]:
        k = first[r]
        params[k:, r] = np.nan
        grads[k:, r] = np.nan
        losses[k:, r] = np.nan
        scales[max(k - 1, 0):, r] = np.nan
    return Trajectory(params, losses, grads, scales, first, optimizer.name, steps, optimizer.hyper)


def run_each(loss, optimizers: list[Optimizer], theta0, steps: int, *, check_every: int = 32) -> list[Trajectory]:
    """``[run(loss, opt, theta0, steps) for opt in optimizers]``, computed in one loop.

    Every optimizer starts from the same single ``theta0``; each update evaluates the gradient once for
    all of them (one vectorized call instead of one per optimizer).
    Each trajectory is what :func:`run` gives for that optimizer alone (same iterates, same cut at a
    divergence): gradient descent, momentum, Adagrad, RMSProp and Adam with constant learning rates
    share one set of NumPy operations (:func:`gd_core.optimizers.combined`). Any other optimizer
    (Newton, a learning-rate schedule, batched hyperparameters) runs on its own, with :func:`run`.

    >>> from gd_core import parse_loss, optimizers
    >>> loss = parse_loss("x^2 + 10*y^2")
    >>> opts = [optimizers.gd(0.05), optimizers.momentum(0.05, beta=0.5)]
    >>> a, b = run_each(loss, opts, (1.0, 1.0), 20)
    >>> bool(np.allclose(a.params, run(loss, opts[0], (1.0, 1.0), 20).params)), b.optimizer
    (True, 'momentum')
    """
    dim = _dim(loss)
    theta = _as_theta(theta0, dim)
    if theta.ndim != 1:
        raise InputError("run_each takes one start point of shape ({p},), got {shape}", p=dim, shape=str(theta.shape))
    together = [k for k, o in enumerate(optimizers) if combined([o]) is not None]
    rule = combined([optimizers[k] for k in together]) if len(together) > 1 else None
    if rule is None:
        together = []
    out: list[Trajectory | None] = [None] * len(optimizers)
    for k, o in enumerate(optimizers):
        if k not in together:
            out[k] = run(loss, o, theta, steps, check_every=check_every)
    if together:
        batch = run(loss, rule, np.tile(theta, (len(together), 1)), steps, check_every=check_every)
        for r, k in enumerate(together):
            first = int(batch.diverged_at[r])
            end = first if first >= 0 else batch.params.shape[0]
            if end == 0:
                raise _not_finite_at_start(theta)
            o = optimizers[k]
            out[k] = Trajectory(batch.params[:end, r].copy(), batch.losses[:end, r].copy(),
                                batch.grads[:end, r].copy(), batch.scales[: end - 1, r].copy(),
                                first if first >= 0 else None, o.name, batch.steps_requested, o.hyper)
    return out  # type: ignore[return-value]
