"""Errors a user can cause. Both are ``ValueError`` so callers may catch either."""


class ExpressionError(ValueError):
    """A typed formula that cannot be used as a loss; the message says why and what to do."""


class DataError(ValueError):
    """An uploaded data file that cannot be used; the message says what is wrong and where."""
