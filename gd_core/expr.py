"""Typed formulas: a safe parser from text to a sympy expression, and losses built on it.

The text is parsed with Python's :mod:`ast` and walked with a whitelist; the sympy
expression is built node by node. The text never reaches ``eval``, ``exec`` or sympy's
own string parser.

Accepted: numbers (``3``, ``0.5``, ``1e-3``), ``x`` and ``y``, ``pi``, ``e``,
``+ - * / **``, ``^`` as power, unary minus, parentheses, and the functions
sin cos tan exp log sqrt tanh abs.

>>> loss = parse_loss("0.1*x^2 + 2*y^2")
>>> float(loss.value((1.0, 1.0)))
2.1
"""

from __future__ import annotations

import ast
import functools
import math
import re
from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import sympy as sp
from sympy.printing.precedence import precedence
from sympy.printing.pycode import PythonCodePrinter

from .errors import ExpressionError

MAX_LENGTH = 300
"""Longest formula accepted, in characters."""
MAX_DEPTH = 40
"""Deepest nesting of operations accepted."""
MAX_NODES = 300
"""Most operations and operands in one formula."""
MAX_CONSTANT = 1e12
"""Largest magnitude of any number in the formula, typed or computed from typed numbers."""
MAX_EXPONENT = 100
"""Largest magnitude of a constant exponent."""

X, Y = sp.symbols("x y", real=True)

_FUNCTIONS = {
    "sin": sp.sin,
    "cos": sp.cos,
    "tan": sp.tan,
    "exp": sp.exp,
    "log": sp.log,
    "ln": sp.log,
    "sqrt": sp.sqrt,
    "tanh": sp.tanh,
    "abs": sp.Abs,
}
_CONSTANTS = {"pi": sp.pi, "e": sp.E}

_NOT_ALLOWED = {
    ast.Attribute: lambda: ExpressionError("'.' (attribute access) is not allowed in a formula"),
    ast.Subscript: lambda: ExpressionError("'[ ]' (indexing) is not allowed in a formula"),
    ast.Lambda: lambda: ExpressionError("'lambda' is not allowed in a formula"),
    ast.Compare: lambda: ExpressionError("comparisons (<, >, ==) are not allowed: type a formula, not a condition"),
    ast.BoolOp: lambda: ExpressionError("'and'/'or' are not allowed in a formula"),
    ast.IfExp: lambda: ExpressionError("'if ... else' is not allowed in a formula"),
    ast.NamedExpr: lambda: ExpressionError("assignments are not allowed: type only the right-hand side, e.g. {example}",
                                           example="x**2 + y**2"),
    ast.ListComp: lambda: ExpressionError("list comprehensions are not allowed in a formula"),
    ast.SetComp: lambda: ExpressionError("set comprehensions are not allowed in a formula"),
    ast.DictComp: lambda: ExpressionError("dict comprehensions are not allowed in a formula"),
    ast.GeneratorExp: lambda: ExpressionError("generator expressions are not allowed in a formula"),
    ast.List: lambda: ExpressionError("lists are not allowed in a formula"),
    ast.Tuple: lambda: ExpressionError("tuples (commas) are not allowed in a formula"),
    ast.Set: lambda: ExpressionError("sets are not allowed in a formula"),
    ast.Dict: lambda: ExpressionError("dictionaries are not allowed in a formula"),
    ast.JoinedStr: lambda: ExpressionError("strings are not allowed in a formula"),
    ast.Starred: lambda: ExpressionError("'*' unpacking is not allowed in a formula"),
    ast.Await: lambda: ExpressionError("'await' is not allowed in a formula"),
    ast.Yield: lambda: ExpressionError("'yield' is not allowed in a formula"),
    ast.YieldFrom: lambda: ExpressionError("'yield' is not allowed in a formula"),
    ast.Slice: lambda: ExpressionError("slices are not allowed in a formula"),
}
"""The refusal for each kind of syntax that is not part of a formula (made when raised)."""

_BINOPS = {
    ast.Add: lambda a, b: a + b,
    ast.Sub: lambda a, b: a - b,
    ast.Mult: lambda a, b: a * b,
    ast.Div: lambda a, b: a / b,
    ast.Pow: lambda a, b: a**b,
}
_BINOP_SYMBOL = {
    ast.Mod: "%",
    ast.FloorDiv: "//",
    ast.MatMult: "@",
    ast.BitAnd: "&",
    ast.BitOr: "|",
    ast.BitXor: "^",
    ast.LShift: "<<",
    ast.RShift: ">>",
}

_IMPLICIT_PRODUCT = re.compile(r"(\d)\s*([A-Za-z(])")
_LIMIT = f"{MAX_CONSTANT:.0e}"
"""The largest number allowed, as the messages write it (1e+12)."""


def _check_number(value: sp.Expr, function: str | None = None) -> sp.Expr:
    """``value`` if it is not a number or a finite real one; ``function`` names the call it came from."""
    if value.is_number:
        call = f"{function}(...)"
        if value.has(sp.zoo, sp.oo, -sp.oo, sp.nan):
            if function:
                raise ExpressionError("{call} is not a finite number (division by zero?)", call=call)
            raise ExpressionError("a part of the formula is not a finite number (division by zero?)")
        if value.is_real is False:
            if function:
                raise ExpressionError("{call} is not a real number (square root or log of a negative?)", call=call)
            raise ExpressionError("a part of the formula is not a real number (square root or log of a negative?)")
        try:
            magnitude = abs(complex(value.evalf(20)))
        except (TypeError, ValueError) as exc:  # pragma: no cover - defensive
            if function:
                raise ExpressionError("{call} could not be evaluated", call=call) from exc
            raise ExpressionError("a part of the formula could not be evaluated") from exc
        if not math.isfinite(magnitude) or magnitude > MAX_CONSTANT:
            if function:
                raise ExpressionError("{call} is too large (numbers up to {limit} are allowed)", call=call,
                                      limit=_LIMIT)
            raise ExpressionError("a part of the formula is too large (numbers up to {limit} are allowed)",
                                  limit=_LIMIT)
    return value


class _Builder:
    """Walks a parsed formula and builds the sympy expression, refusing anything else."""

    def __init__(self, variables: tuple[str, ...]):
        self.symbols = {name: sp.Symbol(name, real=True) for name in variables}
        self.variables = variables
        self.nodes = 0

    def build(self, node: ast.AST, depth: int = 0) -> sp.Expr:
        self.nodes += 1
        if self.nodes > MAX_NODES:
            raise ExpressionError("the formula is too long (at most {n} terms)", n=MAX_NODES)
        if depth > MAX_DEPTH:
            raise ExpressionError("the formula is nested too deeply (at most {n} levels)", n=MAX_DEPTH)
        if isinstance(node, ast.Expression):
            return self.build(node.body, depth + 1)
        if isinstance(node, ast.Constant):
            return self._constant(node)
        if isinstance(node, ast.Name):
            return self._name(node.id)
        if isinstance(node, ast.UnaryOp):
            operand = self.build(node.operand, depth + 1)
            if isinstance(node.op, ast.USub):
                return -operand
            if isinstance(node.op, ast.UAdd):
                return operand
            raise ExpressionError("only '-' and '+' may stand before a term")
        if isinstance(node, ast.BinOp):
            return self._binop(node, depth)
        if isinstance(node, ast.Call):
            return self._call(node, depth)
        for kind, refusal in _NOT_ALLOWED.items():
            if isinstance(node, kind):
                raise refusal()
        raise ExpressionError("'{syntax}' is not allowed in a formula", syntax=type(node).__name__)

    def _constant(self, node: ast.Constant) -> sp.Expr:
        value = node.value
        if isinstance(value, bool) or value is None or value is Ellipsis:
            raise ExpressionError("'{value}' is not a number", value=str(value))
        if isinstance(value, (str, bytes)):
            raise ExpressionError("text in quotes is not a formula: type it without quotes")
        if isinstance(value, complex):
            raise ExpressionError("complex numbers (like 2j) are not allowed")
        if isinstance(value, int):
            if abs(value) > MAX_CONSTANT:
                raise ExpressionError("the number {value} is too large (up to {limit} is allowed)",
                                      value=str(value), limit=_LIMIT)
            return sp.Integer(value)
        if isinstance(value, float):
            if not math.isfinite(value):
                raise ExpressionError("a number in the formula is too large (up to {limit} is allowed)",
                                      limit=_LIMIT)
            if abs(value) > MAX_CONSTANT:
                raise ExpressionError("the number {value} is too large (up to {limit} is allowed)",
                                      value=repr(value), limit=_LIMIT)
            return sp.Float(value)
        raise ExpressionError("'{value}' is not a number", value=repr(value))  # pragma: no cover

    def _name(self, name: str) -> sp.Expr:
        if name in self.symbols:
            return self.symbols[name]
        if name in _CONSTANTS:
            return _CONSTANTS[name]
        if name in _FUNCTIONS:
            raise ExpressionError("'{name}' is a function: write {call}", name=name, call=f"{name}(x)")
        if not self.variables:
            raise ExpressionError("unknown name '{name}': type a number, such as 0.5 or pi/4", name=name)
        if len(self.variables) == 1:
            raise ExpressionError("unknown name '{name}': use {variable}", name=name, variable=self.variables[0])
        raise ExpressionError("unknown name '{name}': use {variables} and {last}", name=name,
                              variables=", ".join(self.variables[:-1]), last=self.variables[-1])

    def _binop(self, node: ast.BinOp, depth: int) -> sp.Expr:
        op = type(node.op)
        if op not in _BINOPS:
            symbol = _BINOP_SYMBOL.get(op, op.__name__)
            raise ExpressionError("the operator '{symbol}' is not allowed: use + - * / and ^", symbol=symbol)
        # A chain like x + x + … + x nests to the left in the syntax tree; it is long, not deep.
        chain = op in (ast.Add, ast.Sub, ast.Mult, ast.Div)
        left = self.build(node.left, depth if chain else depth + 1)
        right = self.build(node.right, depth + 1)
        if op is ast.Pow and right.is_number:
            exponent = complex(right.evalf())
            if abs(exponent) > MAX_EXPONENT:
                raise ExpressionError("the exponent is too large (at most {n})", n=MAX_EXPONENT)
        if op is ast.Div and right.is_zero:
            raise ExpressionError("division by zero")
        result = _BINOPS[op](left, right)
        return _check_number(result)

    def _call(self, node: ast.Call, depth: int) -> sp.Expr:
        if not isinstance(node.func, ast.Name):
            if isinstance(node.func, ast.Attribute):
                raise _NOT_ALLOWED[ast.Attribute]()
            raise ExpressionError("only the functions sin cos tan exp log sqrt tanh abs may be called")
        name = node.func.id
        if name not in _FUNCTIONS:
            known = ", ".join(sorted(set(_FUNCTIONS) - {"ln"}))
            raise ExpressionError("unknown function '{name}': use one of {functions}", name=name, functions=known)
        if node.keywords or len(node.args) != 1:
            raise ExpressionError("{name} takes exactly one argument, as in {call}", name=name, call=f"{name}(x)")
        argument = self.build(node.args[0], depth + 1)
        result = _FUNCTIONS[name](argument)
        return _check_number(result, name)


def parse_expression(text: str, variables: tuple[str, ...] = ("x", "y")) -> sp.Expr:
    """Parse ``text`` into a sympy expression in ``variables`` (real symbols).

    Raises :class:`ExpressionError` with a message a student can act on.
    """
    if not isinstance(text, str):
        raise ExpressionError("the formula must be text")
    stripped = text.strip()
    if not stripped:
        raise ExpressionError("the formula is empty: type one, e.g. x^2 + y^2")
    if len(stripped) > MAX_LENGTH:
        raise ExpressionError("the formula is too long (at most {n} characters)", n=MAX_LENGTH)
    if "\x00" in stripped or not stripped.isprintable():
        raise ExpressionError("the formula contains characters that cannot be typed")
    source = stripped.replace("^", "**")
    try:
        tree = ast.parse(source, mode="eval")
    except SyntaxError as exc:
        if re.search(r"(?<![=!<>])=(?!=)", source):
            raise ExpressionError(
                "type only the formula, without '=' (e.g. x^2 + y^2, not L = x^2 + y^2)"
            ) from None
        match = _IMPLICIT_PRODUCT.search(source)
        if match:
            fix, typed = f"{match.group(1)}*{match.group(2)}", match.group(0)
            if exc.offset:
                raise ExpressionError("could not read the formula near character {position}: write {fix}, not {typed}",
                                      position=exc.offset, fix=fix, typed=typed) from None
            raise ExpressionError("could not read the formula: write {fix}, not {typed}", fix=fix,
                                  typed=typed) from None
        if exc.offset:
            raise ExpressionError("could not read the formula near character {position}", position=exc.offset) from None
        raise ExpressionError("could not read the formula") from None
    except (RecursionError, MemoryError, ValueError):
        raise ExpressionError("the formula is nested too deeply") from None
    try:
        expr = _Builder(variables).build(tree)
    except RecursionError:
        raise ExpressionError("the formula is nested too deeply") from None
    if expr.has(sp.zoo, sp.oo, -sp.oo, sp.nan):
        raise ExpressionError("the formula is not finite (division by zero?)")
    if expr.has(sp.I):
        raise ExpressionError("the formula is not real (square root or log of a negative?)")
    for number in expr.atoms(sp.Number):
        if abs(float(number)) > MAX_CONSTANT:
            raise ExpressionError("a number in the formula is too large (up to {limit} is allowed)", limit=_LIMIT)
    return expr


def without_deltas(expr: sp.Expr) -> sp.Expr:
    """Remove distributions from derivatives of abs/sign: they are zero almost everywhere."""
    return expr.replace(lambda e: isinstance(e, sp.DiracDelta), lambda e: sp.Integer(0))


def _compile(expr: sp.Expr, symbols: tuple[sp.Symbol, ...]):
    """Compile a sympy expression to a NumPy function of the symbols' arrays."""
    return sp.lambdify(symbols, expr, modules="numpy")


def _power(base: float, exponent: float) -> float:
    """NumPy's power on two floats, as a float: the very number an array ** exponent gives."""
    return float(np.power(base, exponent))


def _sign(x: float) -> float:
    """NumPy's sign on a float: 1, −1, 0 for ±0, NaN for NaN."""
    return 1.0 if x > 0 else -1.0 if x < 0 else 0.0 if x == 0 else x


def _on_float(ufunc):
    """A NumPy function of one float, as a float: the same number as on an array (NumPy computes exp, log,
    sin, cos, tan and tanh with its own SIMD code, which math's may differ from by an ulp)."""
    def call(x: float) -> float:
        return float(ufunc(x))
    call.__name__ = ufunc.__name__
    return call


_FLOAT_NAMESPACE = {"_power": _power, "_sign": _sign,
                    **{f.__name__: _on_float(f) for f in (np.exp, np.log, np.sin, np.cos, np.tan, np.tanh)}}


class _FloatPrinter(PythonCodePrinter):
    """sympy's Python printer, for the gradient on floats, computing what NumPy computes on arrays: u**2 as
    (u*u) (NumPy's array ** 2 is a square), any other power but ±1/2 and −1 as ``_power`` (NumPy's
    power), sign as ``_sign``; exp, log, sin, cos, tan and tanh are NumPy's (:data:`_FLOAT_NAMESPACE`)."""

    def _print_Pow(self, expr, rational=False):
        if expr.exp == 2:
            base = self.parenthesize(expr.base, precedence(expr), strict=False)
            return f"({base}*{base})"
        if expr.exp not in (sp.S.Half, -sp.S.Half, sp.S.NegativeOne):
            return f"_power({self._print(expr.base)}, {self._print(expr.exp)})"
        return super()._print_Pow(expr, rational)

    def _print_sign(self, expr):
        return f"_sign({self._print(expr.args[0])})"


_FLOAT_ERRORS = (ArithmeticError, ValueError)
"""What Python's float arithmetic raises where NumPy gives inf or NaN: a division by 0, ``math.sqrt`` of a
negative number."""


def _compile_float_grad(grads: tuple[sp.Expr, ...], symbols: tuple[sp.Symbol, ...], numpy_grad):
    """∇L on two Python floats, returning two floats, bit for bit what ``numpy_grad`` gives on arrays: the
    gradient compiled once to plain Python code (its common parts computed once), the same IEEE operations
    in the same order, with NumPy's own functions for exp, log, sin, cos, tan, tanh and powers, called on
    floats; about 20 times faster than NumPy on a point. Where that code raises (a division by 0, √ of a
    negative number), the point is evaluated by ``numpy_grad`` instead: NumPy's inf or NaN. Call it inside
    ``np.errstate(all="ignore")`` (as :func:`gd_core.run` does), or NumPy warns where a result is not finite.
    """
    # A constant component is printed as a float (an integer would stay a Python int).
    exprs = [sp.Float(float(g)) if g.is_Integer else g for g in grads]
    fast = sp.lambdify(symbols, exprs, modules=[_FLOAT_NAMESPACE, "math"], cse=True,
                       printer=_FloatPrinter({"fully_qualified_modules": False, "inline": True,
                                              "allow_unknown_functions": True, "user_functions": {}}))

    def grad(x: float, y: float):
        try:
            return fast(x, y)
        except _FLOAT_ERRORS:
            return [float(np.asarray(v, dtype=float).reshape(-1)[0])
                    for v in numpy_grad(np.array([x]), np.array([y]))]

    grad.fast = fast
    return grad


@dataclass(frozen=True, eq=False)
class Loss:
    """A loss L(x, y) over θ = (θ₁, θ₂) = (x, y), with exact gradient and Hessian.

    Every method takes ``theta`` of shape ``(..., 2)`` and is vectorized over the leading
    dimensions. Values outside the formula's domain (``log`` of a negative, say) are NaN;
    no NumPy warning is raised.
    """

    text: str
    expr: sp.Expr
    name: str = ""
    _f: object = field(repr=False, default=None)
    _g: tuple = field(repr=False, default=())
    _h: tuple = field(repr=False, default=())
    _grad2: object = field(repr=False, default=None)
    grad_exprs: tuple = field(repr=False, default=())
    hessian_exprs: tuple = field(repr=False, default=())

    dim = 2

    @cached_property
    def latex(self) -> str:
        """The formula as LaTeX, e.g. ``0.1 x^{2} + 2 y^{2}``."""
        return sp.latex(self.expr)

    @cached_property
    def grad_latex(self) -> str:
        r"""The gradient as a LaTeX column vector ∇L = [∂L/∂x, ∂L/∂y]."""
        rows = r" \\ ".join(sp.latex(g) for g in self.grad_exprs)
        return r"\begin{bmatrix} " + rows + r" \end{bmatrix}"

    @cached_property
    def hessian_latex(self) -> str:
        """The Hessian as a LaTeX 2×2 matrix."""
        h = self.hessian_exprs
        return (
            r"\begin{bmatrix} "
            + f"{sp.latex(h[0][0])} & {sp.latex(h[0][1])} \\\\ {sp.latex(h[1][0])} & {sp.latex(h[1][1])}"
            + r" \end{bmatrix}"
        )

    @cached_property
    def grad_float(self):
        """∇L(x, y) on two Python floats → [∂L/∂x, ∂L/∂y] as floats, what :meth:`grad` gives bit for bit (see
        :func:`_compile_float_grad`; call it inside ``np.errstate(all="ignore")``), compiled on first use."""
        if len(self.grad_exprs) != 2:
            return None
        numpy_grad = self._grad2 or (lambda x, y: (self._g[0](x, y), self._g[1](x, y)))
        return _compile_float_grad(self.grad_exprs, (X, Y), numpy_grad)

    @property
    def uses_y(self) -> bool:
        return self.expr.has(Y)

    def value(self, theta) -> np.ndarray:
        """L(θ) for θ of shape (..., 2) → shape (...)."""
        theta = np.asarray(theta, dtype=float)
        x, y = theta[..., 0], theta[..., 1]
        with np.errstate(all="ignore"):
            out = self._f(x, y)
        return _as_shape(out, x.shape)

    def grad(self, theta) -> np.ndarray:
        """∇L(θ) = [∂L/∂x, ∂L/∂y] for θ of shape (..., 2) → shape (..., 2)."""
        theta = np.asarray(theta, dtype=float)
        out = np.empty(theta.shape, dtype=float)
        with np.errstate(all="ignore"):
            self.grad_into(theta, out)
        return out

    def grad_into(self, theta: np.ndarray, out: np.ndarray) -> np.ndarray:
        """∇L(θ) written into ``out`` (a float array shaped like θ): the run loop's fast path.

        Unlike :meth:`grad` it does not silence NumPy's floating-point warnings itself.
        """
        x, y = theta[..., 0], theta[..., 1]
        if self._grad2 is None:
            out[..., 0] = self._g[0](x, y)
            out[..., 1] = self._g[1](x, y)
        else:
            out[..., 0], out[..., 1] = self._grad2(x, y)
        return out

    def hessian(self, theta) -> np.ndarray:
        """The Hessian ∇²L(θ) for θ of shape (..., 2) → shape (..., 2, 2)."""
        theta = np.asarray(theta, dtype=float)
        x, y = theta[..., 0], theta[..., 1]
        out = np.empty(theta.shape + (2,), dtype=float)
        with np.errstate(all="ignore"):
            for i in range(2):
                for j in range(2):
                    out[..., i, j] = self._h[i][j](x, y)
        return out

    def __hash__(self) -> int:
        return hash(self.text)

    def __eq__(self, other) -> bool:
        return isinstance(other, Loss) and other.text == self.text


def _as_shape(value, shape) -> np.ndarray:
    arr = np.asarray(value, dtype=float)
    if arr.shape != shape:
        arr = np.broadcast_to(arr, shape).copy()
    return arr


@functools.lru_cache(maxsize=128)
def parse_loss(text: str, name: str = "") -> Loss:
    """Parse a typed formula in x and y into a :class:`Loss`.

    >>> loss = parse_loss("x^2 + 3*y")
    >>> loss.grad((1.0, 2.0)).tolist()
    [2.0, 3.0]

    Raises :class:`~gd_core.ExpressionError` with a message a student can act on.
    """
    expr = parse_expression(text, ("x", "y"))
    symbols = (X, Y)
    grads = tuple(without_deltas(sp.diff(expr, s)) for s in symbols)
    hess = tuple(tuple(without_deltas(sp.diff(g, s)) for s in symbols) for g in grads)
    return Loss(
        text=text.strip(),
        expr=expr,
        name=name,
        _f=_compile(expr, symbols),
        _g=tuple(_compile(g, symbols) for g in grads),
        # Both components in one function, their common parts computed once (exp(−x²/2) in ∂L/∂x and ∂L/∂y).
        _grad2=sp.lambdify(symbols, list(grads), modules="numpy", cse=True),
        _h=tuple(tuple(_compile(h, symbols) for h in row) for row in hess),
        grad_exprs=grads,
        hessian_exprs=hess,
    )


@dataclass(frozen=True, eq=False)
class Curve:
    """A 1-D function h(x) with its exact derivatives, for the Taylor-series lesson."""

    text: str
    expr: sp.Expr

    @cached_property
    def latex(self) -> str:
        return sp.latex(self.expr)

    def derivative_expr(self, order: int = 1) -> sp.Expr:
        return without_deltas(sp.diff(self.expr, X, order)) if order else self.expr

    def __call__(self, x) -> np.ndarray:
        x = np.asarray(x, dtype=float)
        with np.errstate(all="ignore"):
            return _as_shape(compile_1d(self.expr)(x), x.shape)


@functools.lru_cache(maxsize=256)
def compile_1d(expr: sp.Expr):
    return sp.lambdify((X,), expr, modules="numpy")


@functools.lru_cache(maxsize=128)
def parse_curve(text: str) -> Curve:
    """Parse a typed formula in x alone into a :class:`Curve`.

    >>> float(parse_curve("sin(x)")(0.0))
    0.0
    """
    return Curve(text=text.strip(), expr=parse_expression(text, ("x",)))
