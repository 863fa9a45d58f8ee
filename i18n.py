"""Every string a user reads goes through :func:`tr`.

The English text is the key; each other language is a table from the English text to its
translation (``i18n_zh_tw.py`` for Traditional Chinese as used in Taiwan, ``i18n_zh_cn.py`` for
Simplified Chinese as used in mainland China). A string missing from a table falls back to English.
``python scripts/i18n_strings.py --missing`` lists what a table lacks; tests/test_i18n.py fails on it.
"""

from __future__ import annotations

import threading

from i18n_zh_cn import TABLE as _ZH_CN
from i18n_zh_tw import TABLE as _ZH_TW

LANGUAGES = {"en": "English", "zh-TW": "繁體中文", "zh-CN": "简体中文"}
"""Language codes and their names, in the order the selector shows them."""
DEFAULT_LANGUAGE = "en"

TABLES: dict[str, dict[str, str]] = {"en": {}, "zh-TW": _ZH_TW, "zh-CN": _ZH_CN}

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


def translate(text: str) -> str:
    """``text`` in the current language, its ``{name}`` fields left unfilled.

    For a key that is not a literal where it is looked up: the message templates of gd_core's errors,
    which ``scripts/i18n_strings.py`` collects from gd_core itself (``ui.reason`` fills them in). Every
    other string goes through :func:`tr` with a literal, so that the script finds it.
    """
    return TABLES.get(language(), {}).get(text, text)


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
