"""One way to make each of gd_core's errors: ``TRIGGERS`` maps a short name to a function of a scratch
folder that calls gd_core with input it refuses (tests/ui/test_i18n_errors.py checks that every template in
gd_core is made by one of them, except those in ``UNREACHED``)."""

from __future__ import annotations

import ast
from pathlib import Path

import numpy as np

import gd_core
from gd_core import (
    adagrad,
    best_step,
    beyond,
    data,
    expr,
    grid,
    optimizers,
    red_circle,
    run,
    scaling,
    schedules,
    sgd,
    taylor_series,
    theory,
)

UNREACHED = {
    "could not read the formula: write {fix}, not {typed}": "Python's parser gives every such error a position",
    "the formula is nested too deeply": "the depth limit (40) comes long before Python's recursion limit",
    "the formula is not finite (division by zero?)": "every part of the formula is checked while it is built",
    "the formula is not real (square root or log of a negative?)": "every part is checked while it is built",
    "a part of the formula could not be evaluated": "a safety net: sympy evaluates every finite number",
    "{call} could not be evaluated": "a safety net: sympy evaluates every finite number",
}
"""Templates that no input reaches today (kept as safety nets), with the reason."""

_DEEP_UNARY = "-" * 60 + "x"
_MANY_NODES = "-" + "+".join(["-x*-x*-x*-x*-x"] * 20)


def _loss(text: str = "x^2 + y^2"):
    return gd_core.parse_loss(text)


def _one_feature(n: int = 5) -> data.Dataset:
    return data.synthetic(n)


def _dataset(columns: int) -> data.Dataset:
    X = np.arange(3.0 * columns).reshape(3, columns) if columns else np.zeros((3, 0))
    return data.Dataset(X, np.array([1.0, 2.0, 4.0]), tuple(f"x{i + 1}" for i in range(columns)))


class _NoHessian:
    def value(self, theta):
        return np.zeros(np.shape(theta)[:-1])

    def grad(self, theta):
        return np.zeros(np.shape(theta))


class _NotAFile:
    def read(self, n):
        return 42


def _too_big_file(tmp: Path) -> Path:
    path = tmp / "big.csv"
    path.write_bytes(b"1,2\n" * (data.MAX_BYTES // 4 + 1))
    return path


def _huge_features():
    X = np.array([[1e154, 1.0], [2e154, 3.0], [3e154, 2.0]])
    with np.errstate(all="ignore"):  # the squares overflow on the way to the refusal
        return scaling.compare(data.Dataset(X, np.array([1.0, 2.0, 4.0]), ("a", "b")))


def _formula(text: str, variables=("x", "y")):
    return lambda tmp: expr.parse_expression(text, variables)


def _csv(raw: bytes):
    return lambda tmp: data.read_csv(raw)


TRIGGERS = {
    # the formula parser
    "attribute": _formula("x.real"),
    "indexing": _formula("x[0]"),
    "lambda": _formula("lambda: 1"),
    "comparison": _formula("x < y"),
    "and/or": _formula("x and y"),
    "if-else": _formula("x if y else 1"),
    "assignment": _formula("(a := 1)"),
    "list comprehension": _formula("[x for x in y]"),
    "set comprehension": _formula("{x for x in y}"),
    "dict comprehension": _formula("{x: 1 for x in y}"),
    "generator": _formula("(x for x in y)"),
    "list": _formula("[x, y]"),
    "tuple": _formula("x, y"),
    "set": _formula("{1}"),
    "dict": _formula("{1: 2}"),
    "f-string": _formula("f'{x}'"),
    "unpacking": _formula("sin(*x)"),
    "await": _formula("await x"),
    "yield": _formula("(yield x)"),
    "slice": lambda tmp: expr._Builder(("x",)).build(ast.Slice()),
    "other syntax": lambda tmp: expr._Builder(("x",)).build(ast.FormattedValue(ast.Name("x"), -1, None)),
    "part not finite": _formula("0^-1"),
    "call not finite": _formula("log(0)"),
    "part not real": _formula("(-8)^(1/3)"),
    "call not real": _formula("sqrt(-1)"),
    "part too large": _formula("10**20"),
    "call too large": _formula("exp(100)"),
    "too many terms": _formula(_MANY_NODES),
    "too deep": _formula(_DEEP_UNARY),
    "not": _formula("not x"),
    "None": _formula("None"),
    "quotes": _formula("'abc'"),
    "complex": _formula("2j"),
    "large int": _formula("10000000000000 * x"),
    "large float": _formula("1e13"),
    "infinite float": _formula("1e400"),
    "function as a name": _formula("sin"),
    "unknown name, no variables": _formula("z", ()),
    "unknown name, one variable": _formula("y", ("x",)),
    "unknown name": _formula("z + 1"),
    "operator": _formula("x % 2"),
    "exponent": _formula("x**1000"),
    "division by zero": _formula("1/0"),
    "call of a call": _formula("(x + 1)(y)"),
    "unknown function": _formula("foo(x)"),
    "two arguments": _formula("sin(x, y)"),
    "not text": lambda tmp: gd_core.parse_loss(3),
    "empty": _formula(""),
    "too long": _formula("x+" * 150 + "x"),
    "control character": _formula("x\x00"),
    "equals sign": _formula("L = x^2 + y^2"),
    "implicit product": _formula("2x"),
    "syntax error": _formula("x+("),
    "syntax error at the end": _formula("pi/"),
    # the CSV reader
    "cannot open": lambda tmp: data.read_csv(tmp / "missing.csv"),
    "file too large": lambda tmp: data.read_csv(_too_big_file(tmp)),
    "bytes too large": lambda tmp: data.read_csv(b"1,2\n" * (data.MAX_BYTES // 4 + 1)),
    "not a file": lambda tmp: data.read_csv(_NotAFile()),
    "not a source": lambda tmp: data.read_csv(12),
    "missing value": _csv(b"size,price\n1,2\n2,\n"),
    "not a number": _csv(b"size,price\n1,2\n2,abc\n"),
    "not finite": _csv(b"size,price\nnan,2\n2,3\n"),
    "value too large": _csv(b"size,price\n1,2e10\n2,3\n"),
    "empty file": _csv(b""),
    "binary": _csv(b"PK\x03\x04\x00\x00binary"),
    "not UTF-8": _csv(b"size,price\n1,2\n\xe9,3\n"),
    "invalid CSV": _csv(b'a,b\n1,2\n"' + b"9" * 200_000 + b'",3\n'),
    "no feature column": _csv(b"1\n2\n"),
    "too many columns": _csv(b"a,b,c,y\n1,2,3,4\n2,3,4,5\n"),
    "header only": _csv(b"size,price\n"),
    "too many rows": _csv(b"x,y\n" + b"".join(b"%d,%d\n" % (i, 2 * i) for i in range(data.MAX_ROWS + 1))),
    "ragged row": _csv(b"size,price\n1,2\n2,3,4\n"),
    "one row": _csv(b"size,price\n1,2\n"),
    "constant feature": _csv(b"size,price\n1,2\n1,3\n1,4\n"),
    # data, SGD and feature scaling
    "synthetic n": lambda tmp: data.synthetic(1),
    "scales count": lambda tmp: data.synthetic(5, scales=(1.0, 2.0, 3.0)),
    "scales sign": lambda tmp: data.synthetic(5, scales=(-1.0,)),
    "noise": lambda tmp: data.synthetic(5, noise=-1.0),
    "w count": lambda tmp: data.synthetic(5, w=[1.0, 2.0]),
    "batch size": lambda tmp: data.fit(_one_feature(), optimizers.gd(0.1), 0, 1),
    "epochs": lambda tmp: data.fit(_one_feature(), optimizers.gd(0.1), None, -1),
    "fit theta0": lambda tmp: data.fit(_one_feature(), optimizers.gd(0.1), None, 1, theta0=(1.0,)),
    "too many updates": lambda tmp: data.fit(_one_feature(2000), optimizers.gd(0.1), 1, 101),
    "standardize": lambda tmp: data.standardize(data.Dataset(np.ones((3, 1)), np.arange(3.0), ("a",))),
    "scaling one feature": lambda tmp: scaling.require_two_features(_dataset(1)),
    "scaling three features": lambda tmp: scaling.require_two_features(_dataset(3)),
    "tolerance": lambda tmp: scaling.target_loss(1.0, 2.0, -1.0),
    "fraction": lambda tmp: scaling.compare(data.synthetic(5, scales=(1.0, 2.0)), fraction=-1.0),
    "scaling steps": lambda tmp: scaling.compare(data.synthetic(5, scales=(1.0, 2.0)), steps=0),
    "huge features": lambda tmp: _huge_features(),
    "no feature": lambda tmp: sgd.first_feature(_dataset(0)),
    "sgd two features": lambda tmp: sgd.compare(_dataset(2), 0.1, 1, 1),
    "sgd lr": lambda tmp: sgd.compare(_one_feature(), -1.0, 1, 1),
    "updates after": lambda tmp: sgd.updates_after(0, 0, 1),
    # the run and the optimizers
    "theta0 shape": lambda tmp: run(_loss(), optimizers.gd(0.1), (1.0, 2.0, 3.0), 1),
    "theta0 finite": lambda tmp: run(_loss(), optimizers.gd(0.1), (float("nan"), 0.0), 1),
    "steps type": lambda tmp: run(_loss(), optimizers.gd(0.1), (1.0, 0.0), 1.5),
    "steps range": lambda tmp: run(_loss(), optimizers.gd(0.1), (1.0, 0.0), -1),
    "lr array, one run": lambda tmp: run(_loss(), optimizers.gd(np.array([0.1, 0.2])), (1.0, 0.0), 1),
    "lr array, batch": lambda tmp: run(_loss(), optimizers.gd(np.array([0.1, 0.2])), np.zeros((3, 2)), 1),
    "no Hessian": lambda tmp: run(_NoHessian(), optimizers.newton(), (1.0, 0.0), 1),
    "start not finite": lambda tmp: run(_loss("log(x) + y^2"), optimizers.gd(0.1), (-2.0, 0.5), 3),
    "start not finite, three parameters": lambda tmp: run(data.LinearRegression.of(_dataset(2)), optimizers.gd(0.1),
                                                          (1e200, 0.0, 0.0), 3),
    "too few batches": lambda tmp: run(data.LinearRegression.of(_one_feature()), optimizers.gd(0.1), (0.0, 0.0), 3,
                                       batches=[[0], [1]]),
    "run_each of a batch": lambda tmp: gd_core.run_each(_loss(), [optimizers.gd(0.1), optimizers.adam(0.1)],
                                                        np.zeros((2, 2)), 2),
    "run_each start not finite": lambda tmp: gd_core.run_each(
        _loss("log(x) + y^2"), [optimizers.gd(0.1), optimizers.adam(0.1)], (-2.0, 0.5), 3),
    "hyperparameter shape": lambda tmp: optimizers.momentum(0.1, beta=[[0.5]]),
    "hyperparameter interval": lambda tmp: optimizers.momentum(0.1, beta=1.5),
    "eps": lambda tmp: optimizers.adagrad(0.1, eps=-1.0),
    "newton shape": lambda tmp: optimizers.newton_direction(np.zeros((3, 3)), np.zeros(3)),
    "newton without Hessian": lambda tmp: optimizers.newton().rule.step(None, np.zeros(2), np.zeros(2), 0, None),
    "schedule shape": lambda tmp: schedules.check_positive("lr", [[1.0]]),
    "schedule sign": lambda tmp: schedules.check_positive("lr", -1.0),
    "race of a batch": lambda tmp: beyond.race_result(run(_loss(), optimizers.gd(0.1), np.zeros((2, 2)), 2), 0.1),
    "grid n": lambda tmp: grid.axes((0, 1), (0, 1), 1),
    "grid window": lambda tmp: grid.axes((1, 0), (0, 1), 3),
    "curve n": lambda tmp: grid.curve_values(_loss(), (0, 1), 1),
    "curve window": lambda tmp: grid.curve_values(_loss(), (1, 0), 3),
    # the theory page: Taylor series, the red circle, Newton, Adagrad's tables, the best step
    "x0 symbol": lambda tmp: taylor_series.taylor("sin(x)", gd_core.expr.X, 1),
    "x0 infinite": lambda tmp: taylor_series.taylor("sin(x)", float("inf"), 1),
    "order": lambda tmp: taylor_series.taylor("sin(x)", 0, 21),
    "corner 1": lambda tmp: taylor_series.taylor("abs(x - 1)", 1, 2),
    "corner 2": lambda tmp: taylor_series.taylor("x*abs(x)", 0, 2),
    "corner 3": lambda tmp: taylor_series.taylor("x^2*abs(x)", 0, 3),
    "corner 4": lambda tmp: taylor_series.taylor("x^3*abs(x)", 0, 4),
    "not finite 0": lambda tmp: taylor_series.taylor("log(x)", -1, 0),
    "not finite 1": lambda tmp: taylor_series.taylor("sqrt(x)", 0, 1),
    "not finite 2": lambda tmp: taylor_series.taylor("x*sqrt(x)", 0, 2),
    "not finite 3": lambda tmp: taylor_series.taylor("x^2*sqrt(x)", 0, 3),
    "not finite 4": lambda tmp: taylor_series.taylor("x^3*sqrt(x)", 0, 4),
    "linear model": lambda tmp: theory.linear_model(_loss("log(x) + y^2"), -1.0, 0.0),
    "radius": lambda tmp: theory.circle_step(_loss(), 0.0, 0.0, -1.0),
    "quadratic model": lambda tmp: theory.quadratic_model(_loss("log(x) + y^2"), -1.0, 0.0),
    "Hessian": lambda tmp: theory.divergence_threshold(_loss("sqrt(x) + y^2"), (-1.0, 0.0)),
    "no gradients": lambda tmp: adagrad.adagrad_table([]),
    "too many gradients": lambda tmp: adagrad.adagrad_table([1.0] * 51),
    "gradient not finite": lambda tmp: adagrad.adagrad_table([float("nan")]),
    "table eta": lambda tmp: adagrad.adagrad_table([1.0], eta=-1.0),
    "best step number": lambda tmp: best_step.best_step(float("nan"), 0.0, 0.0),
    "best step a": lambda tmp: best_step.best_step(-1.0, 0.0, 0.0),
    "derivatives not finite": lambda tmp: best_step.root_sum_squares([float("nan")]),
    "parabola number": lambda tmp: best_step.parabola("a", 0.0, 0.0, 1.0),
    "parabola n": lambda tmp: best_step.parabola_curve(1.0, 0.0, 0.0, (0.0, 1.0), n=1),
    "parabola range": lambda tmp: best_step.parabola_curve(1.0, 0.0, 0.0, (1.0, 0.0)),
    "step eta": lambda tmp: best_step.gradient_step(1.0, 0.0, 0.0, -1.0),
    "samples n": lambda tmp: best_step.sample_points(0),
    "samples seed": lambda tmp: best_step.sample_points(3, seed=-1),
    "samples range": lambda tmp: best_step.sample_points(3, low=1.0, high=0.0),
    "sample not finite": lambda tmp: best_step.sample_first_derivatives(1.0, 0.0, [float("nan")]),
    "estimate a": lambda tmp: best_step.second_derivative_estimate(-1.0, 0.0, [1.0]),
    "red circle n": lambda tmp: red_circle.radii(1.0, n=1),
    "red circle range": lambda tmp: red_circle._check_range("y_range", (1.0, 0.0)),
    "red circle d_max": lambda tmp: red_circle.radii(-1.0),
    "inner product fraction": lambda tmp: red_circle.inner_product(1.0, 1.0, 1.0, 0.0, 2.0),
    "radii count": lambda tmp: red_circle.circle_curve(_loss(), 0.0, 1.0, [1.0]),
    "radii sign": lambda tmp: red_circle.circle_curve(_loss(), 0.0, 1.0, [-1.0, 1.0]),
    "radii order": lambda tmp: red_circle.circle_curve(_loss(), 0.0, 1.0, [1.0, 0.5]),
    # the learning-rate roles
    "behaviour without updates": lambda tmp: gd_core.learning_rates.behaviour([9.0], [-3.0], 0.0, 0.0),
    "roles from the minimum": lambda tmp: gd_core.learning_rates.learning_rates(_loss("x^2"), 0.0, 0.0, 20),
    "roles on a bounded loss": lambda tmp: gd_core.learning_rates.learning_rates(_loss("1 - exp(-x^2)"), -3.0, 0.0, 20),
}
"""Each trigger raises one of gd_core's errors (a ``ValueError``)."""
