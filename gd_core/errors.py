"""Errors a user can cause. All are ``ValueError`` so callers may catch any of them.

Each error keeps its message in two parts so that an app can show it in another language:
``template``, the English text with ``{name}`` fields, and ``params``, the values of those fields
(numbers already formatted as the text needs them). ``str(exc)`` is the English text filled in,
``exc.template.format(**exc.params)``. The template is always a string literal at the ``raise``:
``scripts/i18n_strings.py`` collects the templates for the translation tables. What the user typed
(a name in a formula, a column of a file) is a parameter, never part of the template.

>>> exc = ExpressionError("unknown name '{name}': use {variable}", name="z", variable="x")
>>> str(exc)
"unknown name 'z': use x"
>>> exc.template, exc.params
("unknown name '{name}': use {variable}", {'name': 'z', 'variable': 'x'})
>>> isinstance(exc, ValueError)
True
"""

from __future__ import annotations


def _rebuild(cls: type, template: str, params: dict) -> TemplatedError:
    return cls(template, **params)


class TemplatedError(Exception):
    """Base of gd_core's errors: an English message ``template`` and its ``params``."""

    def __init__(self, template: str, /, **params) -> None:
        self.template = template
        self.params = params
        super().__init__(template.format(**params))

    def __reduce__(self):
        # Pickle (and copy) by template and parameters: the filled-in text alone cannot be split again.
        return _rebuild, (type(self), self.template, self.params)


class ExpressionError(TemplatedError, ValueError):
    """A typed formula that cannot be used as a loss; the message says why and what to do."""


class DataError(TemplatedError, ValueError):
    """An uploaded data file that cannot be used; the message says what is wrong and where."""


class InputError(TemplatedError, ValueError):
    """A value gd_core cannot use: a start point, a hyperparameter, a point, a list of numbers."""
