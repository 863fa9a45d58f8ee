"""gd_core: the numerical engine of the gradient-descent lecture, in pure NumPy and sympy.

>>> import gd_core
>>> from gd_core import optimizers
>>> loss = gd_core.parse_loss("0.1*x**2 + 2*y**2")
>>> traj = gd_core.run(loss, optimizers.gd(lr=0.1), theta0=(-5.0, -2.0), steps=3)
>>> traj.params.shape
(4, 2)

Modules: ``optimizers`` (gd, momentum, adagrad, rmsprop, adam, newton), ``schedules``
(constant, inverse_sqrt), ``learning_rates`` (Tip 1's four rates from a curve's own numbers, and
what a run does), ``presets`` (named losses and 1-D curves), ``data`` (linear regression, SGD and
mini-batches, feature scaling, CSV), ``theory`` (Taylor series, the red
circle, Newton's model, the Adagrad tables, the best step).
"""

from . import beyond, data, grid, landscapes, learning_rates, optimizers, presets, scaling, schedules, sgd, theory
from .errors import DataError, ExpressionError, InputError, TemplatedError
from .expr import Curve, Loss, parse_curve, parse_loss
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
    "beyond",
    "data",
    "grid",
    "landscapes",
    "learning_rates",
    "optimizers",
    "parse_curve",
    "parse_loss",
    "presets",
    "run",
    "run_each",
    "scaling",
    "schedules",
    "sgd",
    "theory",
]

__version__ = "0.1.0"
