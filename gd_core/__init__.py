"""gd_core: the numerical engine of the gradient-descent lecture, in pure NumPy and sympy.

>>> import gd_core
>>> from gd_core import optimizers
>>> loss = gd_core.parse_loss("0.1*x**2 + 2*y**2")
>>> traj = gd_core.run(loss, optimizers.gd(lr=0.1), theta0=(-5.0, -2.0), steps=3)
>>> traj.params.shape
(4, 2)

The engine, at the top: ``expr`` (a typed formula, parsed safely, into a loss with its gradient and Hessian),
``optimizers`` (gd, momentum, adagrad, rmsprop, adam, newton: one rule each), ``schedules`` (constant,
inverse_sqrt), ``run`` (one loop for all, batched), ``grid`` (contour grids and the plot window), ``presets``
(named losses and 1-D curves), ``errors``.

The lessons' topics, in ``gd_core.lessons`` (and here by name): ``learning_rates`` (Tip 1's four rates from a
curve's own numbers), ``adagrad`` (its tables), ``best_step``, ``data`` (linear regression, SGD and mini-batches,
CSV), ``sgd``, ``scaling``, ``taylor_series``, ``theory`` (the linear and quadratic models near a point),
``red_circle``, ``landscapes`` (the limitations), ``beyond`` (the race).
"""

from . import grid, optimizers, presets, schedules
from .errors import DataError, ExpressionError, InputError, TemplatedError
from .expr import Curve, Loss, parse_curve, parse_loss
from .lessons import (
    adagrad,
    best_step,
    beyond,
    data,
    landscapes,
    learning_rates,
    red_circle,
    scaling,
    sgd,
    taylor_series,
    theory,
)
from .presets import CURVES, PRESETS
from .run import DIVERGENCE_BOUND, Trajectory, run, run_each

__all__ = [
    "CURVES",
    "DIVERGENCE_BOUND",
    "PRESETS",
    "Curve",
    "DataError",
    "ExpressionError",
    "InputError",
    "Loss",
    "TemplatedError",
    "Trajectory",
    "adagrad",
    "best_step",
    "beyond",
    "data",
    "grid",
    "landscapes",
    "learning_rates",
    "optimizers",
    "parse_curve",
    "parse_loss",
    "presets",
    "red_circle",
    "run",
    "run_each",
    "scaling",
    "schedules",
    "sgd",
    "taylor_series",
    "theory",
]

__version__ = "0.1.0"
