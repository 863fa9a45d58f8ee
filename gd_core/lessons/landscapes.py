r"""A loss with every place the lecture says gradient descent gets stuck, and where a run ended.

The lecture's last slide ("More Limitation of Gradient Descent") draws the loss against one
parameter w: a **plateau** ("very slow at the plateau"), a drop, a **saddle point** ("stuck at
saddle point"), a **local minimum** ("stuck at local minima"), and further on the global
minimum. At each of the three, ∂L/∂w ≈ 0, so θᵗ⁺¹ = θᵗ − η∇L(θᵗ) barely moves.

In two parameters a saddle point must curve down in some direction, so the landscape here is

.. math::

    L(\theta_1, \theta_2) = 2 + G(\theta_1)\,\bigl(Q(\theta_2) - 1\bigr), \qquad
    G(\theta_1) = e^{-\theta_1^2/2}, \qquad Q(\theta_2) = \tfrac{1}{32}(3\theta_2^4 + 4\theta_2^3 - 12\theta_2^2).

Its gradient is ∇L = [−θ₁ G (Q − 1), G Q′] with Q′(θ₂) = (3/8) θ₂ (θ₂ − 1)(θ₂ + 2). Both parts
vanish exactly when θ₁ = 0 and θ₂ ∈ {0, 1, −2} (Q − 1 < 0 there), and the Hessian at (0, θ₂*)
is diagonal, diag(1 − Q(θ₂*), Q″(θ₂*)) with Q″(θ₂) = (3/8)(3θ₂² + 2θ₂ − 2):

- (0, 0):  L = 1,      Hessian diag(1, −0.75):      a saddle point (one direction curves down);
- (0, 1):  L = 27/32,  Hessian diag(37/32, 9/8):    a local minimum;
- (0, −2): L = 0,      Hessian diag(2, 9/4):        the global minimum.

Far from θ₁ = 0 the factor G is tiny: for |θ₁| ≥ 4.5 (and θ₂ in the window) ‖∇L‖ < 10⁻³ and
L ≈ 2, the plateau. On the line θ₂ = 0 the part ∂L/∂θ₂ is exactly 0, so gradient descent
started on it never leaves it and runs into the saddle point.

>>> land = LANDSCAPES["slide"]
>>> [(p.kind, p.theta, p.value) for p in land.critical]
[('saddle', (0.0, 0.0), 1.0), ('local_min', (0.0, 1.0), 0.84375), ('global_min', (0.0, -2.0), 0.0)]
>>> [float(v) for v in land.loss.grad((0.0, 1.0))]
[0.0, 0.0]
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import sympy as sp

from ..expr import Loss, X, compile_1d, parse_loss

FLAT = 1e-3
"""‖∇L‖ at or below this counts as "∂L/∂w ≈ 0": gradient descent has (almost) stopped moving."""
NEAR = 0.05
"""A run that stopped within this distance of a critical point ended *at* it."""

KINDS = ("saddle", "local_min", "global_min")
"""The kinds of critical point a landscape lists."""
VERDICTS = ("global_min", "local_min", "saddle", "plateau", "moving", "diverged")
"""Where a run can end: at a critical point, stuck on the plateau, still moving, or diverged."""


@dataclass(frozen=True)
class CriticalPoint:
    """A point where ∇L = 0: its kind (one of :data:`KINDS`), θ, and L(θ)."""

    kind: str
    theta: tuple[float, float]
    value: float


@dataclass(frozen=True)
class Landscape:
    """A loss with named critical points, a plateau and suggested start points.

    - ``formula``: in x = θ₁ and y = θ₂, for :func:`gd_core.parse_loss`;
    - ``x_range``, ``y_range``: the plot window;
    - ``critical``: every critical point in the window, with its kind;
    - ``plateau``: a θ₁ interval (the whole window's θ₂ range) on which ‖∇L‖ < ``plateau_grad``;
    - ``starts``: suggested θ⁰, by name ("plateau", "saddle", "local_min", "global_min"):
      where gradient descent started there ends up;
    - ``eta``, ``steps``: a learning rate and number of updates that show it.
    """

    key: str
    title: str
    formula: str
    x_range: tuple[float, float]
    y_range: tuple[float, float]
    critical: tuple[CriticalPoint, ...]
    plateau: tuple[float, float]
    plateau_grad: float
    starts: dict[str, tuple[float, float]] = field(default_factory=dict)
    eta: float = 0.3
    steps: int = 200
    note: str = ""

    @property
    def loss(self) -> Loss:
        return parse_loss(self.formula, self.title)

    def points(self, kind: str) -> tuple[tuple[float, float], ...]:
        """θ of every critical point of this kind."""
        return tuple(p.theta for p in self.critical if p.kind == kind)

    @property
    def minima(self) -> tuple[tuple[float, float], ...]:
        return self.points("local_min") + self.points("global_min")

    @property
    def saddles(self) -> tuple[tuple[float, float], ...]:
        return self.points("saddle")

    @property
    def global_minimum(self) -> CriticalPoint:
        return next(p for p in self.critical if p.kind == "global_min")

    def nearest(self, theta) -> tuple[np.ndarray, np.ndarray]:
        """For θ of shape (..., 2): the index into ``critical`` of the nearest critical point, and
        the distance to it (NaN θ gives index -1 and distance NaN).

        >>> idx, dist = LANDSCAPES["slide"].nearest([[0.0, 0.9], [0.1, -2.0]])
        >>> idx.tolist(), [round(float(d), 6) for d in dist]
        ([1, 2], [0.1, 0.1])
        """
        theta = np.asarray(theta, dtype=float)
        pts = np.asarray([p.theta for p in self.critical], dtype=float)
        with np.errstate(invalid="ignore"):
            dist = np.linalg.norm(theta[..., None, :] - pts, axis=-1)
        finite = np.all(np.isfinite(theta), axis=-1)
        idx = np.where(finite, np.argmin(np.where(np.isfinite(dist), dist, np.inf), axis=-1), -1)
        best = np.where(finite, np.take_along_axis(np.nan_to_num(dist, nan=np.inf), np.maximum(idx, 0)[..., None],
                                                   axis=-1)[..., 0], np.nan)
        return idx, best


def hessian_kind(loss: Loss, theta, tol: float = 1e-9) -> str:
    """What the Hessian says about a critical point: "minimum" (both eigenvalues > 0), "maximum"
    (both < 0), "saddle" (one of each) or "flat" (an eigenvalue within ``tol`` of 0).

    >>> hessian_kind(parse_loss("x^2 - y^2"), (0.0, 0.0))
    'saddle'
    """
    h = np.asarray(loss.hessian(np.asarray(theta, dtype=float)), dtype=float)
    w = np.linalg.eigvalsh(0.5 * (h + h.T))
    if np.any(np.abs(w) <= tol) or not np.all(np.isfinite(w)):
        return "flat"
    if np.all(w > 0):
        return "minimum"
    if np.all(w < 0):
        return "maximum"
    return "saddle"


@dataclass(frozen=True)
class Ending:
    """Where one run of gradient descent ended, in the lecture's terms.

    - ``theta``, ``loss``, ``grad_norm``: θⁿ, L(θⁿ), ‖∇L(θⁿ)‖ (the last finite iterate);
    - ``nearest``, ``distance``: the critical point nearest to θⁿ and how far it is;
    - ``verdict``: one of :data:`VERDICTS`. With ‖∇L(θⁿ)‖ ≤ ``flat`` (∂L/∂w ≈ 0) the run has
      stopped: at a critical point if within ``near`` of one ("saddle", "local_min",
      "global_min"), otherwise on the plateau ("plateau"). Otherwise it is "moving", or
      "diverged" if it left the bound;
    - ``flat_since``: the first update t from which ‖∇L(θᵗ)‖ ≤ ``flat`` to the end, or None;
    - ``diverged_at``: the run's ``diverged_at`` (None if it did not).
    """

    theta: tuple[float, float]
    loss: float
    grad_norm: float
    nearest: CriticalPoint | None
    distance: float
    verdict: str
    flat_since: int | None
    diverged_at: int | None


def flat_since(grad_norms, flat: float = FLAT) -> np.ndarray:
    """For ‖∇L(θᵗ)‖ of shape (n + 1,) or (n + 1, B): the first t from which every later norm is
    ≤ ``flat`` (NaN entries, from a run that diverged, are ignored), or -1 if the last is above.

    >>> flat_since([1.0, 0.5, 1e-4, 2e-3, 1e-4, 1e-5])
    4
    """
    g = np.asarray(grad_norms, dtype=float)
    single = g.ndim == 1
    if single:
        g = g[:, None]
    out = np.full(g.shape[1], -1)
    for r in range(g.shape[1]):
        col = g[np.isfinite(g[:, r]), r]
        if col.size == 0 or col[-1] > flat:
            continue
        above = np.nonzero(col > flat)[0]
        out[r] = int(above[-1] + 1) if above.size else 0
    return int(out[0]) if single else out


def endings(landscape: Landscape, params, losses, grad_norms, diverged_at=None, *, flat: float = FLAT,
            near: float = NEAR) -> tuple[Ending, ...]:
    """Where each run ended, from a trajectory's ``params`` (n + 1, [B,] 2), ``losses`` and
    ``grad_norms`` (n + 1, [B]) and ``diverged_at`` (None / int, or an array of B with -1 for none).

    >>> import gd_core
    >>> land = LANDSCAPES["slide"]
    >>> traj = gd_core.run(land.loss, gd_core.optimizers.gd(0.3), [(-2.5, 0.0), (-4.5, 0.5)], 200)
    >>> [e.verdict for e in endings(land, traj.params, traj.losses, traj.grad_norms, traj.diverged_at)]
    ['saddle', 'plateau']
    """
    params = np.asarray(params, dtype=float)
    losses = np.asarray(losses, dtype=float)
    norms = np.asarray(grad_norms, dtype=float)
    if params.ndim == 2:
        params, losses, norms = params[:, None], losses[:, None], norms[:, None]
        diverged_at = [-1 if diverged_at is None else int(diverged_at)]
    batch = params.shape[1]
    div = np.full(batch, -1) if diverged_at is None else np.asarray(diverged_at, dtype=int).reshape(batch)
    since = flat_since(norms, flat)
    out = []
    for r in range(batch):
        ok = np.all(np.isfinite(params[:, r]), axis=-1) & np.isfinite(losses[:, r]) & np.isfinite(norms[:, r])
        last = int(np.nonzero(ok)[0][-1]) if ok.any() else 0
        theta = params[last, r]
        idx, dist = landscape.nearest(theta)
        nearest = landscape.critical[int(idx)] if idx >= 0 else None
        g = float(norms[last, r])
        if div[r] >= 0:
            verdict = "diverged"
        elif g <= flat:
            verdict = nearest.kind if nearest is not None and dist <= near else "plateau"
        else:
            verdict = "moving"
        out.append(Ending(
            theta=(float(theta[0]), float(theta[1])), loss=float(losses[last, r]), grad_norm=g, nearest=nearest,
            distance=float(dist), verdict=verdict, flat_since=int(since[r]) if since[r] >= 0 else None,
            diverged_at=int(div[r]) if div[r] >= 0 else None,
        ))
    return tuple(out)


@dataclass(frozen=True)
class CriticalCheck:
    """A listed critical point checked on the loss: ‖∇L‖ there, the Hessian's eigenvalues (ascending)
    and what they say (:func:`hessian_kind`)."""

    point: CriticalPoint
    grad_norm: float
    eigenvalues: tuple[float, float]
    hessian_says: str


def check_critical(landscape: Landscape) -> tuple[CriticalCheck, ...]:
    """Each listed critical point with its gradient and Hessian computed from the formula: at a
    minimum both eigenvalues are positive, at a saddle point one is negative (a direction that
    curves down).

    >>> [(c.point.kind, c.eigenvalues, c.hessian_says) for c in check_critical(LANDSCAPES["slide"])]
    [('saddle', (-0.75, 1.0), 'saddle'), ('local_min', (1.125, 1.15625), 'minimum'), \
('global_min', (2.0, 2.25), 'minimum')]
    """
    loss = landscape.loss
    out = []
    for p in landscape.critical:
        theta = np.asarray(p.theta, dtype=float)
        h = loss.hessian(theta)
        w = np.linalg.eigvalsh(0.5 * (h + h.T))
        out.append(CriticalCheck(p, float(np.linalg.norm(loss.grad(theta))), (float(w[0]), float(w[1])),
                                 hessian_kind(loss, theta)))
    return tuple(out)


def _slide() -> Landscape:
    return Landscape(
        key="slide",
        title="Plateau, saddle point, local and global minimum",
        formula="2 + exp(-x^2/2)*((3*y^4 + 4*y^3 - 12*y^2)/32 - 1)",
        x_range=(-5.5, 3.0),
        y_range=(-3.0, 2.0),
        critical=(
            CriticalPoint("saddle", (0.0, 0.0), 1.0),
            CriticalPoint("local_min", (0.0, 1.0), 27 / 32),
            CriticalPoint("global_min", (0.0, -2.0), 0.0),
        ),
        plateau=(-5.5, -4.5),
        plateau_grad=FLAT,
        starts={
            "plateau": (-4.5, 0.5),
            "saddle": (-2.5, 0.0),
            "local_min": (-2.0, 1.5),
            "global_min": (-2.0, -0.8),
        },
        eta=0.3,
        steps=200,
        note="L ≈ 2 and ‖∇L‖ < 1e-3 for θ₁ ≤ −4.5; a saddle at (0, 0), a local minimum at (0, 1) and the global "
             "minimum at (0, −2). Started on θ₂ = 0 gradient descent never leaves that line and stops at the saddle.",
    )


LANDSCAPES: dict[str, Landscape] = {land.key: land for land in [_slide()]}
"""Landscapes by key."""


# --- the slide's picture: the loss against one parameter w -------------------------------------------

@dataclass(frozen=True)
class Mark:
    """A place on the 1-D curve: its kind (``"plateau"``, ``"saddle"``, ``"local_min"``, ``"global_min"``),
    w, and L, ∂L/∂w and ∂²L/∂w² there."""

    kind: str
    w: float
    loss: float
    slope: float
    curvature: float


@dataclass(frozen=True)
class SlideCurve:
    r"""The last slide's picture: the loss L against one parameter w, with the places it names.

    ``w``, ``loss``, ``slope``: the curve and ∂L/∂w on a grid; ``marks``: the plateau (∂L/∂w ≈ 0,
    not 0), the saddle point and the local minimum (∂L/∂w = 0), and the global minimum, lower."""

    w: np.ndarray
    loss: np.ndarray
    slope: np.ndarray
    marks: tuple[Mark, ...]
    latex: str

    def mark(self, kind: str) -> Mark:
        return next(m for m in self.marks if m.kind == kind)


SLIDE_ROOTS = (sp.Rational(1, 2), sp.Rational(3, 2), sp.Rational(11, 5), sp.Rational(16, 5))
"""z_s, z_m, z_p, z_g: where Q′(z) = (z − z_s)²(z − z_m)(z − z_p)(z − z_g) is 0."""
SLIDE_W = (-7.0, 3.65)
"""The window of w drawn."""
SLIDE_PLATEAU_W = -5.5
"""The plateau's marked point."""


def _slide_curve_expr() -> tuple[sp.Expr, dict[str, sp.Expr]]:
    r"""L(w) = Q(z(w)) with z(w) = log(1 + eʷ) and Q(z) = ∫_{z_g}^z (t − z_s)²(t − z_m)(t − z_p)(t − z_g) dt.

    z rises from 0 (far left, where z′ = eʷ/(1 + eʷ) is tiny: the plateau, L ≈ Q(0) with ∂L/∂w
    small but not 0) to about w, and L′(w) = Q′(z) z′(w) is 0 exactly where Q′ is: a double root at z_s (the
    saddle point, where L′ does not change sign and L″ = 0 too), and simple roots at z_m (a local
    minimum), z_p (a local maximum) and z_g (the global minimum, L = 0, lower than the local one).
    """
    t = sp.Symbol("t")
    zs, zm, zp, zg = SLIDE_ROOTS
    q = sp.integrate(sp.expand((t - zs) ** 2 * (t - zm) * (t - zp) * (t - zg)), (t, zg, t))  # 0 at z_g
    z = sp.log(1 + sp.exp(X))
    at = {"saddle": sp.log(sp.exp(zs) - 1), "local_min": sp.log(sp.exp(zm) - 1),
          "global_min": sp.log(sp.exp(zg) - 1), "plateau": sp.Float(SLIDE_PLATEAU_W)}
    return q.subs(t, z), at


def slide_curve(n: int = 400) -> SlideCurve:
    """The slide's 1-D picture on n points of :data:`SLIDE_W`, with its four marked places.

    >>> c = slide_curve()
    >>> [m.kind for m in c.marks], c.mark("saddle").slope == 0.0
    (['plateau', 'saddle', 'local_min', 'global_min'], True)
    """
    expr, at = _slide_curve_expr()
    first, second = sp.diff(expr, X), sp.diff(expr, X, 2)
    w = np.linspace(*SLIDE_W, n)
    f, f1 = (compile_1d(e) for e in (expr, first))
    marks = []
    for kind in ("plateau", "saddle", "local_min", "global_min"):
        w0 = at[kind]
        exact = kind != "plateau"  # ∂L/∂w is exactly 0 there: say so, not a round-off 1e-17
        marks.append(Mark(kind, float(w0), float(expr.subs(X, w0).evalf(30)),
                          0.0 if exact else float(first.subs(X, w0).evalf(30)),
                          float(second.subs(X, w0).evalf(30))))
    with np.errstate(all="ignore"):
        return SlideCurve(w, np.asarray(f(w), dtype=float), np.asarray(f1(w), dtype=float), tuple(marks),
                          sp.latex(expr))
