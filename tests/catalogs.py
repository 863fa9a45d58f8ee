"""The gettext catalogs as tests read them (Babel), and the messages the code holds, extracted by Babel with
the keywords that ``scripts/i18n_update.sh`` gives ``pybabel extract``."""

from __future__ import annotations

import contextlib
import io
import re
from functools import cache
from pathlib import Path

from babel.messages.extract import extract_from_dir, extract_from_file
from babel.messages.pofile import read_po

from i18n import DOMAIN, LANGUAGES, LOCALE_DIR

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "i18n_update.sh"
SOURCES = ("app.py", "pages", "ui", "figures", "gd_core")


def _script_keywords() -> dict[str, tuple[int, ...] | None]:
    """The ``-k`` keywords of scripts/i18n_update.sh (``trn:1,2`` → ``{"trn": (1, 2)}``): one list for both."""
    found = re.findall(r"-k (\w+)(?::([\d,]+))?", SCRIPT.read_text(encoding="utf-8"))
    return {name: tuple(int(i) for i in spec.split(",")) if spec else None for name, spec in found}


KEYWORDS = _script_keywords()


@cache
def extracted() -> tuple[str | tuple[str, str], ...]:
    """Every message of the code, once each: a string, or (singular, plural) for a trn() sentence."""
    found: dict = {}
    # Babel prints a note for each f-string among a call's other arguments (a value such as name=f"`{x}`"):
    # not a message, so not a concern here; tests/i18n_lint.py checks that every message is a literal.
    with contextlib.redirect_stderr(io.StringIO()):
        for source in SOURCES:
            path = ROOT / source
            if path.is_file():
                items = ((source, *item) for item in extract_from_file("python", path, keywords=KEYWORDS))
            else:
                items = extract_from_dir(path, method_map=[("**.py", "python")], keywords=KEYWORDS)
            for _file, _line, message, *_rest in items:
                found.setdefault(message, None)
    return tuple(found)


def singular_ids() -> list[str]:
    """The message ids a catalog is looked up by: each string, and each trn() sentence's singular."""
    return [m if isinstance(m, str) else m[0] for m in extracted()]


def po_path(lang: str) -> Path:
    return LOCALE_DIR / lang.replace("-", "_") / "LC_MESSAGES" / f"{DOMAIN}.po"


@cache
def _catalog(lang: str):
    with open(po_path(lang), "rb") as f:
        return read_po(f, locale=lang.replace("-", "_"))


def table(lang: str) -> dict[str, str]:
    """A language's catalog as English → translation (a plural entry by its singular, its first form)."""
    out = {}
    for message in _catalog(lang):
        if not message.id:
            continue
        if isinstance(message.id, str):
            out[message.id] = message.string
        else:
            out[message.id[0]] = message.string[0] if message.string else ""
    return out


def plurals(lang: str) -> dict[tuple[str, str], tuple[str, ...]]:
    """A language's plural entries: (singular, plural) → its forms."""
    return {tuple(m.id): tuple(m.string) for m in _catalog(lang) if m.id and not isinstance(m.id, str)}


def fuzzy(lang: str) -> list[str]:
    return [m.id for m in _catalog(lang) if m.id and m.fuzzy]


TABLES: dict[str, dict[str, str]] = {code: ({} if code == "en" else table(code)) for code in LANGUAGES}
