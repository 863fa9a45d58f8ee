"""Named losses with a good plot window and start point, and 1-D curves for the
learning-rate lesson.

>>> PRESETS["elongated"].formula
'0.1*x^2 + 2*y^2'
"""

from __future__ import annotations

from dataclasses import dataclass

from .expr import Loss, parse_loss


@dataclass(frozen=True)
class Named:
    """A named formula in x and y (or x alone for a curve), parsed when asked for."""

    key: str
    title: str
    formula: str

    @property
    def loss(self) -> Loss:
        """The formula as a loss (a curve in x ignores y: run it with θ⁰ = (x⁰, 0))."""
        return parse_loss(self.formula, self.title)


@dataclass(frozen=True)
class Preset(Named):
    """A named loss with its plot window, start and minima (and saddle points)."""

    x_range: tuple[float, float] = (-1.0, 1.0)
    y_range: tuple[float, float] = (-1.0, 1.0)
    start: tuple[float, float] = (0.0, 0.0)
    minima: tuple[tuple[float, float], ...] = ()
    saddles: tuple[tuple[float, float], ...] = ()
    note: str = ""


PRESETS: dict[str, Preset] = {
    p.key: p
    for p in [
        Preset("bowl", "Round bowl", "x^2 + y^2", (-3, 3), (-3, 3), (-2.5, 2.0), ((0, 0),),
               note="Same curvature in every direction: the gradient points at the minimum."),
        Preset("elongated", "Elongated bowl", "0.1*x^2 + 2*y^2", (-6, 6), (-3, 3), (-5.0, -2.0), ((0, 0),),
               note="Curvature 0.2 along x and 4 along y: one learning rate cannot suit both."),
        Preset("rosenbrock", "Rosenbrock valley", "(1 - x)^2 + 100*(y - x^2)^2", (-2, 2), (-1, 3), (-1.5, 2.0),
               ((1, 1),), note="A curved, narrow valley: easy to find, slow to follow."),
        Preset("himmelblau", "Himmelblau (four minima)", "(x^2 + y - 11)^2 + (x + y^2 - 7)^2", (-5, 5), (-5, 5),
               (-0.5, -0.5),
               ((3.0, 2.0), (-2.805118, 3.131312), (-3.779310, -3.283186), (3.584428, -1.848126)),
               note="Four minima: where you start decides where you end."),
        Preset("saddle", "Saddle point", "x^2 + y^4/4 - y^2/2", (-2.5, 2.5), (-2, 2), (-2.0, 0.0),
               ((0, -1), (0, 1)), ((0, 0),),
               note="A saddle at (0, 0) between two minima: started on the ridge y = 0, "
                    "gradient descent stops at the saddle."),
        Preset("plateau", "Plateau", "1 - exp(-(x^2 + y^2)/2)", (-4, 4), (-4, 4), (3.0, 2.5), ((0, 0),),
               note="Far from the minimum the surface is almost flat: tiny gradients, very slow progress."),
        Preset("two_minima", "Local and global minimum", "x^4/4 - x^2 + 0.3*x + y^2", (-2.5, 2.5), (-2, 2),
               (2.0, 1.5), ((-1.483968, 0), (1.332221, 0)),
               note="The minimum on the right is only local: started there, gradient descent stays."),
    ]
}
"""2-D presets by key."""


@dataclass(frozen=True)
class CurvePreset(Named):
    """A 1-D loss in x for the learning-rate lesson, with its window, start and minimum."""

    x_range: tuple[float, float] = (-1.0, 1.0)
    start: float = 0.0
    minimum: float = 0.0


CURVES: dict[str, CurvePreset] = {
    c.key: c
    for c in [
        CurvePreset("parabola", "Parabola L = x²", "x^2", (-4, 4), -3.0, 0.0),
        CurvePreset("wide", "Wide parabola L = 0.25x²", "0.25*x^2", (-4, 4), -3.0, 0.0),
        # Curved most at the bottom (L″ = 2.5 there, 0.56 at x = ±3): past 2/L″(0) = 0.8 the minimum pushes θ
        # away, but the gentler walls hold it in a bounce that goes on (a stable 2-cycle), as the slide's
        # "large" draws. (On walls that curve more than the bottom, such as 0.05x⁴ + 0.5x², every bounce is
        # unstable: θ falls to the bottom or blows up, so no learning rate keeps the loss high.)
        CurvePreset("v_shape", "V-shaped L = x²/4 + 2√(1+x²) − 2", "x^2/4 + 2*sqrt(1 + x^2) - 2", (-4, 4), -3.0, 0.0),
    ]
}
"""1-D curves by key."""
