"""Every string a user reads goes through :func:`tr` (or :func:`trn` for a sentence that counts).

The English text is the message id; each other language is a gettext catalog beside this file
(``zh_TW/LC_MESSAGES/messages.po`` for Traditional Chinese as used in Taiwan, ``zh_CN/...`` for Simplified
Chinese as used in mainland China), the format translation tools read. The app reads the compiled ``.mo``
files with the standard library's :mod:`gettext`; a message missing from a catalog falls back to English.
How to extract, update and compile the catalogs (Babel's ``pybabel``): ``i18n/README.md``.
"""

from __future__ import annotations

import gettext
import threading
from pathlib import Path

LANGUAGES = {"en": "English", "zh-TW": "繁體中文", "zh-CN": "简体中文"}
"""Language codes and their names, in the order the selector shows them."""
DEFAULT_LANGUAGE = "en"
DOMAIN = "messages"
LOCALE_DIR = Path(__file__).resolve().parent
"""Where the catalogs are: ``<code with _>/LC_MESSAGES/messages.mo``."""


def _catalog(code: str) -> gettext.NullTranslations:
    if code == DEFAULT_LANGUAGE:
        return gettext.NullTranslations()
    return gettext.translation(DOMAIN, LOCALE_DIR, languages=[code.replace("-", "_")])


CATALOGS: dict[str, gettext.NullTranslations] = {code: _catalog(code) for code in LANGUAGES}
"""Each language's catalog (English: the message ids themselves)."""

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
    translated = translate(text)
    return translated.format(**values) if values else translated


def trn(singular: str, plural: str, n: int, **values) -> str:
    """A sentence that counts ``n``: the singular or plural form the current language's rule picks for ``n``,
    with ``{n}`` and the other ``{name}`` fields filled in (``trn("{n} update", "{n} updates", 3)``)."""
    return CATALOGS[language()].ngettext(singular, plural, n).format(n=n, **values)


def N_(text: str) -> str:
    """Mark ``text`` as a message for the catalogs where it is stored, not shown: ``translate`` it when shown."""
    return text


def translate(text: str) -> str:
    """``text`` in the current language, its ``{name}`` fields left unfilled.

    For a message that is not a literal where it is looked up: gd_core's error templates (``ui.reason`` fills
    them in) and texts marked with :func:`N_` where they are stored. The extraction finds both (``i18n/README.md``).
    """
    return CATALOGS[language()].gettext(text) if text else text


def parse_code(raw: str | None) -> str | None:
    """A language code from a link (``en``, ``zh-TW``, ``zh-CN``; case and ``_`` forgiven), or None."""
    if not raw:
        return None
    wanted = raw.strip().replace("_", "-").lower()
    return next((code for code in LANGUAGES if code.lower() == wanted), None)


def from_locale(locale: str | None) -> str:
    """The language for a browser locale (BCP 47, e.g. ``zh-TW``, ``zh-Hant-HK``, ``zh-Hans``, ``en-US``).

    Chinese written in Traditional characters (the script ``Hant``, or Taiwan, Hong Kong, Macao) gets
    繁體中文, any other Chinese 简体中文, everything else English.
    """
    if not locale:
        return DEFAULT_LANGUAGE
    parts = [p.lower() for p in str(locale).strip().replace("_", "-").split("-")]
    if parts[0] != "zh":
        return DEFAULT_LANGUAGE
    rest = set(parts[1:])
    if "hans" in rest:
        return "zh-CN"
    if rest & {"hant", "tw", "hk", "mo"}:
        return "zh-TW"
    return "zh-CN"
