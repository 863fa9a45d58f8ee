r"""Optimizers, with torch.optim's conventions, in the lecture's notation.

Each factory checks its hyperparameters (``ValueError`` naming the parameter) and returns
an :class:`Optimizer`. Its state is an immutable record; :meth:`Optimizer.step` returns
the new parameters, the new state, and the per-coordinate factor it multiplied its
direction by (what the Adagrad tables call the effective learning rate).

t counts updates from 0: update t takes θᵗ to θᵗ⁺¹ with gradient gᵗ = ∇L(θᵗ) and
learning rate η_t (a number, or a schedule such as ``schedules.inverse_sqrt``).

Any hyperparameter may be an array of shape (B,) to run B trajectories at once from
``theta0`` of shape (B, P).

Each rule exists once: gradient descent, momentum, Adagrad, RMSProp and Adam are the one rule
:class:`Moments` with their own coefficients (and :func:`combined`, several of them side by side in one
batch, is that rule with a row of coefficients per optimizer); Newton's is :class:`NewtonRule`.

>>> import numpy as np
>>> opt = gd(0.1)
>>> theta, state, scale = opt.step(opt.init(np.zeros(2)), np.zeros(2), np.array([1.0, -2.0]), 0)
>>> theta.tolist()
[-0.1, 0.2]
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any, NamedTuple

import numpy as np

from .errors import InputError
from .schedules import Schedule, as_schedule

SINGULAR_RCOND = 1e-12
"""Newton treats a Hessian as singular when |det H| ≤ this × (largest |entry|)²."""


RULES: dict[str, str] = {
    "gd": r"\theta^{t+1} = \theta^{t} - \eta\, g^{t}, \qquad g^{t} = \nabla L(\theta^{t})",
    "momentum": (
        r"\begin{aligned} v^{t} &= \beta\, v^{t-1} + g^{t}, \quad v^{-1} = 0 \\ "
        r"\theta^{t+1} &= \theta^{t} - \eta\, v^{t} \end{aligned}"
    ),
    "adagrad": r"w^{t+1} = w^{t} - \frac{\eta}{\sqrt{\sum_{i=0}^{t} (g^{i})^{2}} + \epsilon}\, g^{t}",
    "rmsprop": (
        r"\begin{aligned} (\sigma^{t})^{2} &= \alpha (\sigma^{t-1})^{2} + (1-\alpha)(g^{t})^{2},"
        r" \quad \sigma^{-1} = 0 \\ "
        r"w^{t+1} &= w^{t} - \frac{\eta}{\sigma^{t} + \epsilon}\, g^{t} \end{aligned}"
    ),
    "newton": r"\theta^{t+1} = \theta^{t} - \eta\, H^{-1}(\theta^{t})\, \nabla L(\theta^{t})",
    "adam": (
        r"\begin{aligned} m^{t} &= \beta_1 m^{t-1} + (1-\beta_1)\, g^{t}, &"
        r" v^{t} &= \beta_2 v^{t-1} + (1-\beta_2)(g^{t})^{2}, \\ "
        r"\hat m^{t} &= \frac{m^{t}}{1-\beta_1^{\,t+1}}, & \hat v^{t} &= \frac{v^{t}}{1-\beta_2^{\,t+1}}, \\ "
        r"w^{t+1} &= w^{t} - \frac{\eta\, \hat m^{t}}{\sqrt{\hat v^{t}} + \epsilon} \end{aligned}"
    ),
}
"""Each optimizer's update rule as LaTeX, in the lecture's notation: t counts from 0 and every running
quantity starts at 0 before update 0 (v⁻¹ = 0, σ⁻¹ = 0, m⁻¹ = 0); ε is added outside the square root."""


def _col(value):
    """A hyperparameter of shape (B,) as (B, 1), so it broadcasts against θ of shape (B, 2)."""
    arr = np.asarray(value, dtype=float)
    return arr[:, None] if arr.ndim == 1 else arr


def _unit_interval(name: str, value, *, closed_low: bool = True) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim > 1:
        raise InputError("{name} must be a number or a 1-D array, got shape {shape}", name=name, shape=str(arr.shape))
    low_ok = arr >= 0 if closed_low else arr > 0
    if arr.size == 0 or not np.all(np.isfinite(arr)) or not np.all(low_ok & (arr < 1)):
        interval = "[0, 1)" if closed_low else "(0, 1)"
        raise InputError("{name} must be in {interval}, got {value}", name=name, interval=interval, value=repr(value))
    return arr


def _eps(value) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.ndim > 1 or arr.size == 0 or not np.all(np.isfinite(arr)) or not np.all(arr >= 0):
        raise InputError("{name} must be a finite number >= 0, got {value}", name="eps", value=repr(value))
    return arr


class NoState(NamedTuple):
    """Gradient descent keeps nothing between updates."""


class SumState(NamedTuple):
    """Adagrad: s, the running sum of squared gradients (s⁰ = 0)."""

    s: np.ndarray


class AverageState(NamedTuple):
    """RMSProp: s, the running average of squared gradients (starts at 0)."""

    s: np.ndarray


class MomentumState(NamedTuple):
    """Momentum: v, the velocity buffer (starts at 0, so v after update 0 is g⁰)."""

    v: np.ndarray


class AdamState(NamedTuple):
    """Adam: the first and second moment estimates m and v (both start at 0)."""

    m: np.ndarray
    v: np.ndarray


class NewtonState(NamedTuple):
    """Newton: whether the Hessian at each point of the last update was singular."""

    singular: np.ndarray


class CombinedState(NamedTuple):
    """:func:`combined`: each row's m (first moment or velocity) and v (running squares)."""

    m: np.ndarray
    v: np.ndarray


@dataclass(frozen=True, eq=False)
class Moments:
    r"""The one update rule of gradient descent, momentum, Adagrad, RMSProp and Adam. Update t, with
    gᵗ = ∇L(θᵗ) and the learning rate η_t:

    - m ← a₁m + b₁gᵗ, the first moment (``first``; without it m = gᵗ);
    - v ← a₂v + b₂(gᵗ)², the second moment (``second``: the adaptive rules);
    - m̂ = m/(1 − a₁ᵗ⁺¹), v̂ = v/(1 − a₂ᵗ⁺¹) where there is a bias correction (``bias``), else m̂ = m, v̂ = v;
    - s = η_t/(√v̂ + ε) for the adaptive rules (0 where √v̂ + ε = 0, e.g. a gradient that has always been 0
      with ε = 0), s = η_t otherwise;
    - θᵗ⁺¹ = θᵗ − s ⊙ m̂, and s is the scale the update reports.

    gd: neither moment. Momentum: a₁ = β, b₁ = 1. Adagrad: a₂ = b₂ = 1. RMSProp: a₂ = α, b₂ = 1 − α.
    Adam: a₁ = β₁, b₁ = 1 − β₁, a₂ = β₂, b₂ = 1 − β₂ and the bias correction.

    Each coefficient is a number or a column of shape (B, 1), one row per run (:func:`combined` gives each
    row its own optimizer's). A coefficient that is None is 1 and is not multiplied by (1·x is x, bit for
    bit). ``adaptive`` and ``bias`` are True (every row), False (none) or a column of booleans (those
    rows). The state is ``state``'s record of the moments kept, m first, then v (``NoState()`` for none).
    ``eta_of(t)`` is η_t as a column; ``constant_eta`` is that column when η does not depend on t.
    Call :meth:`step` inside ``np.errstate(all="ignore")`` with float arrays (:func:`gd_core.run` does;
    :meth:`Optimizer.step` does it for a direct call).
    """

    eta_of: Callable[[int], Any]
    state: type
    constant_eta: Any = None
    first: bool = False
    a1: Any = None
    b1: Any = None
    second: bool = False
    a2: Any = None
    b2: Any = None
    eps: Any = None
    adaptive: Any = False
    bias: Any = False
    members: tuple = ()
    """For :func:`combined`'s rule, each row's own optimizer's rule: on floats (:meth:`row`) each row is
    computed by its own rule, as that optimizer alone is."""

    @property
    def constant_scale(self):
        """The scale every update reports when it is the same for all (a constant η, no second moment), else
        None: a loop need not record it update by update."""
        return None if self.second else self.constant_eta

    def init(self, theta: np.ndarray):
        """The state before update 0: every moment kept is 0."""
        return self.state(*(np.zeros_like(theta) for _ in range(self.first + self.second)))

    def corrections(self, t: int, count: int = 1):
        """The bias corrections of updates t … t + count − 1: (1 − a₁ᵗ⁺¹, 1 − a₂ᵗ⁺¹) for each, stacked along a
        first axis of length ``count``, 1 in a row without the correction; None when no row has one.

        The powers are Python's float ``**`` on each coefficient, so the array rule and the rule on floats
        (:meth:`row`) divide by the very same numbers (NumPy's ``**`` on an array may differ by an ulp).
        """
        if self.bias is False:
            return None
        out = []
        for a in (self.a1, self.a2):
            a = np.asarray(a, dtype=float)
            mask = np.broadcast_to(np.asarray(self.bias), a.shape).reshape(-1)
            c = np.ones((count, a.size))
            flat = a.reshape(-1)
            for v in np.unique(flat[mask]).tolist():  # the powers of each coefficient with a correction, once
                c[:, mask & (flat == v)] = (1.0 - np.array([v ** k for k in range(t + 1, t + count + 1)]))[:, None]
            out.append(c.reshape((count,) + a.shape))
        return out[0], out[1]

    def update(self, theta, g, m, v, eta, c1, c2, ops):
        """The rule, written once for NumPy arrays and for Python floats (one coordinate of one run, with
        :meth:`row`'s coefficients): ``(theta_next, m, v, scale)`` from θᵗ, gᵗ, the moments before the update
        (ignored where the rule keeps none), η_t and the bias corrections c₁ = 1 − a₁ᵗ⁺¹, c₂ = 1 − a₂ᵗ⁺¹ (1 in a
        row without them). ``ops`` gives ``sqrt``, ``ratio(eta, denom)`` (η/denom, 0 where denom is not > 0)
        and ``pick(mask, a, b)`` (a where mask, else b): :data:`ARRAY_OPS` or :data:`FLOAT_OPS`.
        """
        if self.first:
            m = self.a1 * m + (g if self.b1 is None else self.b1 * g)
        else:
            m = g
        m_hat, scale = m, eta
        if self.second:
            v = (v if self.a2 is None else self.a2 * v) + (g * g if self.b2 is None else self.b2 * g * g)
            v_hat = v
            if self.bias is not False:
                m_hat = m / c1
                v_hat = v / c2
            scale = ops.ratio(eta, ops.sqrt(v_hat) + self.eps)
            if self.adaptive is not True:
                scale = ops.pick(self.adaptive, scale, eta)
        return theta - scale * m_hat, m, v, scale

    def step(self, state, theta, g, t: int, hessian=None, corrections=None):
        """One update: ``(theta_next, state_next, scale)``. ``corrections``: this update's
        :meth:`corrections` when the caller computed them ahead (a loop does, once for all updates)."""
        eta = self.constant_eta if self.constant_eta is not None else self.eta_of(t)
        if corrections is None and self.bias is not False:
            c1, c2 = self.corrections(t)
            corrections = c1[0], c2[0]
        c1, c2 = corrections if corrections is not None else (None, None)
        m = state[0] if self.first else None
        v = state[-1] if self.second else None
        theta, m, v, scale = self.update(theta, g, m, v, eta, c1, c2, ARRAY_OPS)
        moments = ((m,) if self.first else ()) + ((v,) if self.second else ())
        return theta, self.state(*moments) if moments else state, scale

    def row(self, r: int) -> Moments:
        """Row ``r``'s rule with plain Python numbers (coefficients as floats, ``adaptive`` and ``bias`` as
        True or False), for :meth:`update` on floats; for :func:`combined`'s rule, that row's optimizer's
        own rule (no moment it does not keep: fewer operations, and its iterates exactly, signed zeros
        included, where the combined rule's m = 0·m + g may turn a −0 into +0)."""
        if self.members:
            return self.members[r].row(0)
        def num(value):
            if value is None:
                return None
            arr = np.asarray(value, dtype=float)
            return float(arr.reshape(-1)[r] if arr.size > 1 else arr.reshape(-1)[0])

        def flag(value):
            return value if isinstance(value, bool) else bool(np.asarray(value).reshape(-1)[r])

        eta = None if self.constant_eta is None else num(self.constant_eta)
        return replace(self, constant_eta=eta, a1=num(self.a1), b1=num(self.b1), a2=num(self.a2), b2=num(self.b2),
                       eps=num(self.eps), adaptive=flag(self.adaptive), bias=flag(self.bias))

    def float_loop(self):
        """``(loop, coefficients)`` for a rule of :meth:`row` (floats, a constant η): ``loop(grad, lane, c1s,
        c2s, out_p, out_g, out_s, *coefficients)`` takes one run's updates on floats, one per pair of bias
        corrections in ``c1s``, ``c2s``, from its state ``lane`` = [x, y, mₓ, m_y, vₓ, v_y] (updated in place),
        appending each θᵗ⁺¹, gᵗ and scale to the lists. Its body is :meth:`update` itself, run once on traced
        numbers that write each operation down (:func:`_traced_loop`): the same operations in the same order
        as :meth:`update` on floats, without a call per coordinate and update."""
        # (``grad.fast``, where the gradient has it, is called directly, and ``grad`` where it raises)
        coefficients = (self.constant_eta, self.a1, self.b1, self.a2, self.b2, self.eps)
        shape = tuple(c is None for c in coefficients) + (self.first, self.second, self.adaptive, self.bias)
        return _traced_loop(shape), coefficients


class _ArrayOps:
    """:meth:`Moments.update` on NumPy arrays (inside ``np.errstate(all="ignore")``)."""

    sqrt = staticmethod(np.sqrt)
    pick = staticmethod(np.where)

    @staticmethod
    def ratio(eta, denom):
        return np.where(denom > 0, eta / denom, 0.0)  # eta / 0 is replaced by 0


class _FloatOps:
    """:meth:`Moments.update` on Python floats: the same IEEE operations (``math.sqrt`` is correctly rounded,
    as ``np.sqrt`` is); a division by a denominator that is not > 0 is never made, so nothing raises."""

    sqrt = staticmethod(math.sqrt)

    @staticmethod
    def ratio(eta, denom):
        return eta / denom if denom > 0 else 0.0

    @staticmethod
    def pick(mask, a, b):
        return a if mask else b


ARRAY_OPS = _ArrayOps()
FLOAT_OPS = _FloatOps()


class _Traced:
    """A number in :meth:`Moments.update` that writes down, as a line of Python, each operation made on it."""

    __slots__ = ("lines", "name")

    def __init__(self, lines: list, name: str):
        self.lines, self.name = lines, name

    def _op(self, left, op: str, right) -> _Traced:
        return self.lines.emit(f"{_term(left)} {op} {_term(right)}")

    def _binary(op: str, reflected: bool = False):  # at class creation: makes the operator methods below
        def method(self, other):
            return self._op(other, op, self) if reflected else self._op(self, op, other)
        return method

    __add__, __radd__ = _binary("+"), _binary("+", True)
    __sub__, __rsub__ = _binary("-"), _binary("-", True)
    __mul__, __rmul__ = _binary("*"), _binary("*", True)
    __truediv__, __rtruediv__ = _binary("/"), _binary("/", True)
    del _binary


def _term(value) -> str:
    return value.name if isinstance(value, _Traced) else repr(float(value))


class _Lines(list):
    """The lines written by :class:`_Traced` numbers, each a new local variable ``{prefix}{k}``."""

    def __init__(self, prefix: str):
        super().__init__()
        self.prefix = prefix

    def emit(self, expression: str) -> _Traced:
        name = f"{self.prefix}{len(self)}"
        self.append(f"{name} = {expression}")
        return _Traced(self, name)


class _TraceOps:
    """:data:`FLOAT_OPS` written down: the same expressions, as lines of Python."""

    def __init__(self, lines: _Lines):
        self.lines = lines

    def sqrt(self, value):
        return self.lines.emit(f"_sqrt({_term(value)})")

    def ratio(self, eta, denom):
        return self.lines.emit(f"{_term(eta)} / {_term(denom)} if {_term(denom)} > 0 else 0.0")

    pick = staticmethod(_FloatOps.pick)  # a row's mask is True or False: no operation


@functools.lru_cache(maxsize=64)
def _traced_loop(shape: tuple):
    """The loop of :meth:`Moments.float_loop` for rules of this ``shape`` (which coefficients are None, and
    first, second, adaptive, bias), compiled once: :meth:`Moments.update` traced on each coordinate."""
    names = ("_eta", "_a1", "_b1", "_a2", "_b2", "_eps")
    none, (first, second, adaptive, bias) = shape[:6], shape[6:]
    body = []
    for axis in ("x", "y"):
        lines = _Lines(f"_{axis}")
        coef = [None if absent else _Traced(lines, name) for name, absent in zip(names, none)]
        rule = Moments(eta_of=None, state=NoState, constant_eta=coef[0], first=first, a1=coef[1], b1=coef[2],
                       second=second, a2=coef[3], b2=coef[4], eps=coef[5], adaptive=adaptive, bias=bias)
        theta, m, v, scale = rule.update(*(_Traced(lines, n) for n in (axis, f"g{axis}", f"m{axis}", f"v{axis}")),
                                         coef[0], _Traced(lines, "c1"), _Traced(lines, "c2"), _TraceOps(lines))
        outputs = {axis: theta, f"m{axis}": m, f"v{axis}": v, f"s{axis}": scale}
        body += lines + [f"{k} = {_term(value)}" for k, value in outputs.items()]
    source = "\n".join([
        f"def loop(grad, lane, c1s, c2s, out_p, out_g, out_s, {', '.join(names)}):",
        "    x, y, mx, my, vx, vy = lane",
        "    fast = getattr(grad, 'fast', grad)",
        "    for c1, c2 in zip(c1s, c2s):",
        "        try:",
        "            gx, gy = fast(x, y)",
        "        except (ArithmeticError, ValueError):",
        "            gx, gy = grad(x, y)",
        *(f"        {line}" for line in body),
        "        out_p += (x, y)",
        "        out_g += (gx, gy)",
        "        out_s += (sx, sy)",
        "    lane[:] = x, y, mx, my, vx, vy",
    ])
    namespace = {"_sqrt": math.sqrt}
    exec(compile(source, f"<Moments.update traced {shape}>", "exec"), namespace)  # our own source, no input
    namespace["loop"].source = source
    return namespace["loop"]


@dataclass(frozen=True, eq=False)
class NewtonRule:
    r"""Newton's update θᵗ⁺¹ = θᵗ − η_t H⁻¹gᵗ (see :func:`newton`); called like :meth:`Moments.step`."""

    eta_of: Callable[[int], Any]
    constant_eta: Any = None

    @property
    def constant_scale(self):
        """As :attr:`Moments.constant_scale`: the scale is η_t."""
        return self.constant_eta

    def init(self, theta: np.ndarray) -> NewtonState:
        return NewtonState(np.zeros(theta.shape[:-1], dtype=bool))

    def step(self, state, theta, g, t: int, hessian=None, corrections=None):
        if hessian is None:
            raise InputError("newton needs the Hessian: pass hessian=loss.hessian(theta)")
        direction, singular = newton_direction(np.asarray(hessian, dtype=float), g)
        eta = self.eta_of(t)
        return theta - eta * direction, NewtonState(singular), eta


@dataclass(frozen=True)
class Optimizer:
    """An update rule with its hyperparameters. Build it with a factory (``gd``, ``adam``, …).

    ``rule`` is the update itself (:class:`Moments` or :class:`NewtonRule`): ``rule.init(theta)`` and
    ``rule.step(state, theta, grad, t, hessian)``, for a loop that already runs inside
    ``np.errstate(all="ignore")`` with float arrays, as :func:`gd_core.run` does.
    """

    name: str
    hyper: dict
    lr: Schedule
    rule: Moments | NewtonRule
    needs_hessian: bool = False
    rule_latex: str = ""

    def init(self, theta: np.ndarray):
        """The state before update 0, for parameters shaped like ``theta``."""
        return self.rule.init(np.asarray(theta, dtype=float))

    def step(self, state, theta, grad, t: int, hessian=None):
        """One update: returns ``(theta_next, state_next, scale)``.

        ``scale`` broadcasts to ``theta``'s shape: the factor each coordinate's direction
        was multiplied by (η_t for GD, η_t/(√s+ε) for Adagrad and RMSProp, …).
        """
        with np.errstate(all="ignore"):
            return self.rule.step(state, np.asarray(theta, float), np.asarray(grad, float), t, hessian)

    def __hash__(self) -> int:
        items = tuple((k, np.asarray(v).tobytes()) for k, v in sorted(self.hyper.items()))
        return hash((self.name, items, self.lr))

    def __eq__(self, other) -> bool:
        return isinstance(other, Optimizer) and hash(self) == hash(other) and self.name == other.name


def _lr(schedule: Schedule) -> dict:
    """A rule's learning rate: ``eta_of`` (t -> η_t as a column that broadcasts against θ) and, for a
    constant schedule, ``constant_eta``, that column computed once."""
    if schedule.kind == "constant":
        eta = _col(schedule.eta)
        return {"eta_of": lambda t: eta, "constant_eta": eta}
    return {"eta_of": lambda t: _col(schedule(t))}


def gd(lr) -> Optimizer:
    r"""Vanilla gradient descent: θᵗ⁺¹ = θᵗ − η_t gᵗ.

    ``lr`` is η (a number or an array of shape (B,)) or a schedule, e.g.
    ``schedules.inverse_sqrt(η)`` for the lecture's 1/t decay η_t = η/√(t+1).
    """
    schedule = as_schedule(lr)
    return Optimizer("gd", {"lr": schedule.eta}, schedule, Moments(state=NoState, **_lr(schedule)),
                     rule_latex=RULES["gd"])


def adagrad(lr, eps=1e-8) -> Optimizer:
    r"""Adagrad: s ← s + (gᵗ)², θᵗ⁺¹ = θᵗ − η_t gᵗ / (√s + ε), per coordinate.

    ε is added outside the square root (torch.optim). With ``eps=0`` and a constant η this
    is exactly the lecture's w^{t+1} = w^t − (η^t/σ^t) g^t with η^t = η/√(t+1) and σ^t the
    root mean square of g⁰…gᵗ, because η^t/σ^t = η/√Σ(gⁱ)². A coordinate whose gradients
    have all been zero takes a zero step, never NaN; its reported scale is η_t/ε (0 when ε = 0).
    """
    schedule = as_schedule(lr)
    eps_arr = _eps(eps)
    rule = Moments(state=SumState, **_lr(schedule), second=True, eps=_col(eps_arr), adaptive=True)
    return Optimizer("adagrad", {"lr": schedule.eta, "eps": eps_arr}, schedule, rule, rule_latex=RULES["adagrad"])


def rmsprop(lr, alpha=0.99, eps=1e-8) -> Optimizer:
    r"""RMSProp: s ← α s + (1 − α)(gᵗ)², θᵗ⁺¹ = θᵗ − η_t gᵗ / (√s + ε); s starts at 0."""
    schedule = as_schedule(lr)
    alpha_arr = _unit_interval("alpha", alpha)
    eps_arr = _eps(eps)
    a = _col(alpha_arr)
    rule = Moments(state=AverageState, **_lr(schedule), second=True, a2=a, b2=1.0 - a, eps=_col(eps_arr), adaptive=True)
    return Optimizer("rmsprop", {"lr": schedule.eta, "alpha": alpha_arr, "eps": eps_arr}, schedule, rule,
                     rule_latex=RULES["rmsprop"])


def momentum(lr, beta=0.9) -> Optimizer:
    r"""Momentum (heavy ball): v ← β v + gᵗ, θᵗ⁺¹ = θᵗ − η_t v; v starts at g⁰.

    With β = 0 it is plain gradient descent.
    """
    schedule = as_schedule(lr)
    beta_arr = _unit_interval("beta", beta)
    rule = Moments(state=MomentumState, **_lr(schedule), first=True, a1=_col(beta_arr))
    return Optimizer("momentum", {"lr": schedule.eta, "beta": beta_arr}, schedule, rule,
                     rule_latex=RULES["momentum"])


def adam(lr, beta1=0.9, beta2=0.999, eps=1e-8) -> Optimizer:
    r"""Adam with bias correction (t counts from 0, so the correction uses t + 1):

    m ← β₁m + (1−β₁)gᵗ, v ← β₂v + (1−β₂)(gᵗ)², m̂ = m/(1−β₁ᵗ⁺¹), v̂ = v/(1−β₂ᵗ⁺¹),
    θᵗ⁺¹ = θᵗ − η_t m̂ / (√v̂ + ε). The first step is −η g/(|g| + ε) ≈ −η·sign(g).
    """
    schedule = as_schedule(lr)
    b1_arr = _unit_interval("beta1", beta1)
    b2_arr = _unit_interval("beta2", beta2)
    eps_arr = _eps(eps)
    b1, b2 = _col(b1_arr), _col(b2_arr)
    rule = Moments(state=AdamState, **_lr(schedule), first=True, a1=b1, b1=1.0 - b1, second=True, a2=b2, b2=1.0 - b2,
                   eps=_col(eps_arr), adaptive=True, bias=True)
    return Optimizer("adam", {"lr": schedule.eta, "beta1": b1_arr, "beta2": b2_arr, "eps": eps_arr}, schedule,
                     rule, rule_latex=RULES["adam"])


def newton_direction(h: np.ndarray, g: np.ndarray):
    """H⁻¹g by a solve, and whether H was singular; for a singular H, the step along its non-flat
    eigen-directions only. ``h`` of shape (..., 2, 2), ``g`` of shape (..., 2)."""
    if h.shape[-2:] != (2, 2):
        raise InputError("newton handles two parameters (a 2 × 2 Hessian), got a Hessian of shape {shape}",
                         shape=str(h.shape[-2:]))
    with np.errstate(all="ignore"):
        finite = np.all(np.isfinite(h), axis=(-2, -1)) & np.all(np.isfinite(g), axis=-1)
        h = np.where(finite[..., None, None], h, 0.0)
        g = np.where(finite[..., None], g, 0.0)
        det = h[..., 0, 0] * h[..., 1, 1] - h[..., 0, 1] * h[..., 1, 0]
        size = np.max(np.abs(h), axis=(-2, -1))
        singular = np.abs(det) <= SINGULAR_RCOND * size**2
        safe_h = np.where(singular[..., None, None], np.eye(2), h)
        direction = np.linalg.solve(safe_h, np.where(singular[..., None], 0.0, g)[..., None])[..., 0]
        if np.any(singular):
            sym = 0.5 * (h + np.swapaxes(h, -1, -2))
            w, v = np.linalg.eigh(sym)
            keep = np.abs(w) > SINGULAR_RCOND * np.maximum(size[..., None], 1e-300)
            coef = np.einsum("...ji,...j->...i", v, g)
            coef = np.where(keep, coef / np.where(keep, w, 1.0), 0.0)
            pseudo = np.einsum("...ij,...j->...i", v, coef)
            direction = np.where(singular[..., None], pseudo, direction)
    return direction, singular & finite


def newton(lr=1.0) -> Optimizer:
    r"""Newton's method: θᵗ⁺¹ = θᵗ − η H⁻¹ gᵗ, with H the Hessian at θᵗ (a solve, no inverse).

    - Indefinite or negative-definite Hessian: the step is taken as it is. It goes to the
      stationary point of the second-order Taylor model, which may be a saddle or a
      maximum: that is the lesson's "where Newton goes wrong", not an error.
    - Singular Hessian (|det H| ≤ 1e-12 · max|Hᵢⱼ|²): along a direction of zero
      curvature Newton's step is undefined, so no step is taken along it; the step uses
      the other eigen-direction only (the minimum-norm Newton step). A zero Hessian
      gives no step at all. ``state.singular`` is True for those points.
    - A Hessian that is not finite gives no step.
    """
    schedule = as_schedule(lr)
    return Optimizer("newton", {"lr": schedule.eta}, schedule, NewtonRule(**_lr(schedule)), needs_hessian=True,
                     rule_latex=RULES["newton"])


def _mask(flags: list[bool]):
    """Per-row flags as :class:`Moments` takes them: True or False when every row agrees, else a column."""
    return True if all(flags) else False if not any(flags) else np.array(flags)[:, None]


def _column(values: list, *, drop_ones: bool = False):
    """One coefficient of every member (a number, None for 1) as a column (n, 1); with ``drop_ones``,
    None when every row's is 1, so that nothing is multiplied by it (1·x is x, bit for bit)."""
    col = np.array([[1.0 if v is None else float(np.asarray(v).reshape(()))] for v in values])
    return None if drop_ones and np.all(col == 1.0) else col


def combined(members) -> Optimizer | None:
    r"""Gradient descent, momentum, Adagrad, RMSProp and Adam side by side as one batched rule, or None.

    Batch row k follows ``members[k]``. The rule is :class:`Moments` keeping both moments, with each
    row's coefficients taken from its member's own rule; a member without the first moment gets
    a₁ = 0, b₁ = 1 (so m = gᵗ) and one without the second a₂ = b₂ = ε = 0 and no adaptive scale (s = η).
    Each row computes what its optimizer alone computes, in the same order (a factor 1 or a divisor 1
    changes no bit), so the iterates are identical; one set of NumPy operations serves all rows. None
    when a member is another rule (Newton), has a learning-rate schedule other than a constant, or has a
    batch of hyperparameters.
    """
    if not members or any(not isinstance(m.rule, Moments) or m.lr.kind != "constant"
                          or any(np.size(v) != 1 for v in m.hyper.values()) for m in members):
        return None
    rules = [m.rule for m in members]
    eta = _column([m.lr.eta for m in members])
    rule = Moments(
        lambda t: eta, CombinedState, eta,
        first=True,
        a1=_column([r.a1 if r.first else 0.0 for r in rules]),
        b1=_column([r.b1 if r.first else 1.0 for r in rules], drop_ones=True),
        second=True,
        a2=_column([r.a2 if r.second else 0.0 for r in rules], drop_ones=True),
        b2=_column([r.b2 if r.second else 0.0 for r in rules], drop_ones=True),
        eps=_column([r.eps if r.second else 0.0 for r in rules]),
        adaptive=_mask([r.second for r in rules]),
        bias=_mask([r.bias is True for r in rules]),
        members=tuple(rules),
    )
    return Optimizer("combined", {"lr": eta[:, 0]}, as_schedule(eta[:, 0]), rule)


FACTORIES = {"gd": gd, "momentum": momentum, "adagrad": adagrad, "rmsprop": rmsprop, "adam": adam, "newton": newton}
"""Every optimizer factory by name."""
