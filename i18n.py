"""Every string a user reads goes through :func:`tr`.

The English text is the key; each other language is a table from the English text to its
translation. A string missing from a table falls back to English.
"""

from __future__ import annotations

import threading

LANGUAGES = {"en": "English"}
"""Language codes and their names, in the order the selector shows them."""
DEFAULT_LANGUAGE = "en"

TABLES: dict[str, dict[str, str]] = {"en": {}}

# Each Streamlit session runs its script in its own thread: the language is per thread.
_current = threading.local()


def set_language(code: str) -> str:
    """Switch the language for this run; unknown codes fall back to the default."""
    _current.lang = code if code in LANGUAGES else DEFAULT_LANGUAGE
    return _current.lang


def language() -> str:
    return getattr(_current, "lang", DEFAULT_LANGUAGE)


def tr(text: str, **values) -> str:
    """``text`` in the current language, with ``{name}`` fields filled from ``values``."""
    translated = TABLES.get(language(), {}).get(text, text)
    return translated.format(**values) if values else translated
