"""The translation catalogs: every message of the code (extracted by Babel) has a translation in each
language's gettext catalog, with the same {placeholders}; the compiled catalogs the app reads match their .po;
tr() falls back to English; trn() picks each language's plural form; the language follows the link and the
browser."""

from __future__ import annotations

import gettext
import re
import string
import unicodedata

import pytest

from i18n import CATALOGS, DOMAIN, LANGUAGES, LOCALE_DIR, from_locale, language, parse_code, set_language, tr, trn
from tests import i18n_lint
from tests.catalogs import TABLES, extracted, fuzzy, plurals, singular_ids

STRINGS = singular_ids()
OTHERS = [code for code in LANGUAGES if code != "en"]


def fields(text: str) -> list[str]:
    """The names of the ``{placeholders}`` in ``text``, sorted (with repeats)."""
    return sorted(name for _, name, _, _ in string.Formatter().parse(text) if name is not None)


@pytest.fixture(autouse=True)
def english_after():
    yield
    set_language("en")


def test_the_strings_were_found():
    assert len(STRINGS) > 300
    assert "Gradient descent, step by step" in STRINGS
    assert "minimum" in STRINGS  # the figures' marker names go through tr() in ui/the pages


def test_babel_extracts_what_the_syntax_tree_holds():
    """pybabel's keywords (scripts/i18n_update.sh) find every tr()/trn() message and gd_core error template."""
    assert set(STRINGS) == set(i18n_lint.strings())
    assert len(STRINGS) == len(set(STRINGS))


def test_every_tr_call_has_a_literal_first_argument():
    bad = [f"{c.path}:{c.line}" for c in i18n_lint.errors()]
    assert not bad, "tr() needs a string literal as its first argument (the catalog's msgid): " + ", ".join(bad)


def test_the_lint_reports_a_non_literal_argument(tmp_path):
    (tmp_path / "app.py").write_text('from i18n import tr\nx = "a"\ntr(x)\ntr("fine {n}", n=1)\n', encoding="utf-8")
    assert [c.line for c in i18n_lint.errors(tmp_path)] == [3]
    assert i18n_lint.strings(tmp_path) == ["fine {n}"]


@pytest.mark.parametrize("lang", OTHERS)
def test_the_compiled_catalog_matches_its_po(lang):
    """The app reads the .mo (standard library gettext): it must hold exactly what the .po says.
    After editing a .po, run scripts/i18n_update.sh to compile it."""
    mo = gettext.translation(DOMAIN, LOCALE_DIR, languages=[lang.replace("-", "_")])
    wrong = [s for s, t in TABLES[lang].items() if t and mo.gettext(s) != t]
    assert not wrong, f"{len(wrong)} messages differ in the .mo; run scripts/i18n_update.sh:\n" + \
        "\n".join(map(repr, wrong[:10]))
    for (one, many), forms in plurals(lang).items():
        assert mo.ngettext(one, many, 1) == forms[0] and mo.ngettext(one, many, 5) == forms[-1]


@pytest.mark.parametrize("lang", OTHERS)
def test_no_fuzzy_entries(lang):
    """A fuzzy entry is a guess of the tools that gettext does not use: translate it and clear the flag."""
    assert not fuzzy(lang)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_plural_sentence_has_its_forms(lang):
    wanted = [m for m in extracted() if not isinstance(m, str)]
    have = plurals(lang)
    missing = [m for m in wanted if not all(f.strip() for f in have.get(tuple(m), ("",)))]
    assert not missing, missing
    for (one, many), forms in have.items():
        assert all(fields(f) in (fields(one), fields(many)) for f in forms), (one, forms)


def test_trn_picks_the_form_for_the_count():
    wanted = [m for m in extracted() if not isinstance(m, str)]
    assert wanted, "no sentence counts with trn()"
    one, many = wanted[0]
    values = {name: f"<{name}>" for name in fields(one) + fields(many) if name != "n"}
    assert trn(one, many, 1, **values) == one.format(n=1, **values)
    assert trn(one, many, 3, **values) == many.format(n=3, **values)
    set_language("zh-TW")
    forms = plurals("zh-TW")[tuple(wanted[0])]
    assert trn(one, many, 1, **values) == forms[0].format(n=1, **values)
    assert trn(one, many, 3, **values) == forms[0].format(n=3, **values)


def test_languages():
    assert LANGUAGES == {"en": "English", "zh-TW": "繁體中文", "zh-CN": "简体中文"}
    assert set(TABLES) == set(CATALOGS) == set(LANGUAGES)


@pytest.mark.parametrize("lang", OTHERS)
def test_every_string_is_translated(lang):
    missing = [s for s in STRINGS if not TABLES[lang].get(s, "").strip()]
    assert not missing, f"{len(missing)} strings lack a {lang} translation " \
                        f"(run scripts/i18n_update.sh; translate the empty entries):\n" + "\n".join(map(repr, missing))


@pytest.mark.parametrize("lang", OTHERS)
def test_placeholders_match(lang):
    wrong = [(s, t) for s, t in TABLES[lang].items() if fields(s) != fields(t)]
    assert not wrong, "\n".join(f"{s!r} -> {t!r}" for s, t in wrong)


@pytest.mark.parametrize("lang", OTHERS)
def test_no_stale_entries(lang):
    """A table entry whose English text is no longer in the code is a translation nobody sees."""
    stale = sorted(set(TABLES[lang]) - set(STRINGS))
    assert not stale, "\n".join(map(repr, stale))


@pytest.mark.parametrize("lang", OTHERS)
def test_markdown_bold_is_kept(lang):
    wrong = [s for s, t in TABLES[lang].items() if s.count("**") != t.count("**") or s.count("`") != t.count("`")]
    assert not wrong, "\n".join(map(repr, wrong))


def _flanking_ok(text: str) -> bool:
    """Every ** pair can open and close in CommonMark: a closing ** right after punctuation needs a space,
    punctuation or the end after it; an opening ** right before punctuation needs one of those before it."""
    def loose(ch: str) -> bool:
        return ch == "" or ch.isspace() or unicodedata.category(ch).startswith(("P", "S"))

    text = re.sub(r"\{[^{}]*\}", "x", text)  # a placeholder is filled with text
    marks = [m.start() for m in re.finditer(r"\*\*", text)]
    for k, at in enumerate(marks):
        before, after = text[at - 1: at] if at else "", text[at + 2: at + 3]
        if k % 2 == 0 and loose(after) and after and not loose(before):
            return False
        if k % 2 == 1 and loose(before) and before and not loose(after):
            return False
    return True


@pytest.mark.parametrize("lang", OTHERS)
def test_bold_closes_where_markdown_can_close_it(lang):
    """Markdown closes ** after punctuation only before a space or punctuation: "**目標：**L" stays open and
    shows its asterisks (with the next * it even turns the rest italic). Put the mark outside: "**目標**：L"."""
    assert not _flanking_ok("**目標：**L 在 L* = 1")
    assert _flanking_ok("。**目標**：L 在 L* = 1") and _flanking_ok("**Target:** L")
    wrong = [t for t in TABLES[lang].values() if not _flanking_ok(t)]
    assert not wrong, "\n".join(map(repr, wrong))


def test_the_scripts_keep_apart():
    """Traditional and simplified each in their own characters, not one converted from the other."""
    tw, cn = TABLES["zh-TW"], TABLES["zh-CN"]
    assert tw["Tune your learning rate"] != cn["Tune your learning rate"]
    assert "學習率" in tw["Learning rate η"] and "学习率" in cn["Learning rate η"]
    simplified_only = set("们这样说时为个来过对发现数据过还进请选设计图")
    traditional_only = set("們這樣說時為個來過對發現數據還進請選設計圖")
    in_tw = sorted({ch for t in tw.values() for ch in t} & simplified_only - traditional_only)
    in_cn = sorted({ch for t in cn.values() for ch in t} & traditional_only - simplified_only)
    assert not in_tw, f"simplified characters in zh-TW: {in_tw}"
    assert not in_cn, f"traditional characters in zh-CN: {in_cn}"


def test_tr_translates_fills_and_falls_back():
    assert set_language("zh-TW") == "zh-TW" and language() == "zh-TW"
    assert tr("Learning rate η") == TABLES["zh-TW"]["Learning rate η"]
    assert tr("At most {n} numbers.", n=5) == TABLES["zh-TW"]["At most {n} numbers."].format(n=5)
    assert "5" in tr("At most {n} numbers.", n=5)
    assert tr("no such string {x}", x=1) == "no such string 1"
    set_language("en")
    assert tr("At most {n} numbers.", n=5) == "At most 5 numbers."


def test_an_unknown_language_is_english():
    assert set_language("xx") == "en"
    assert language() == "en"
    assert tr("Learning rate η") == "Learning rate η"


@pytest.mark.parametrize(("raw", "code"), [
    ("en", "en"), ("zh-TW", "zh-TW"), ("zh-CN", "zh-CN"), ("zh-tw", "zh-TW"), ("zh_CN", "zh-CN"),
    ("fr", None), ("", None), (None, None), ("zh", None),
])
def test_parse_code(raw, code):
    assert parse_code(raw) == code


@pytest.mark.parametrize(("locale", "code"), [
    ("zh-TW", "zh-TW"), ("zh-Hant-TW", "zh-TW"), ("zh-HK", "zh-TW"), ("zh-Hant", "zh-TW"), ("zh_MO", "zh-TW"),
    ("zh-CN", "zh-CN"), ("zh-Hans", "zh-CN"), ("zh-Hans-HK", "zh-CN"), ("zh-SG", "zh-CN"), ("zh", "zh-CN"),
    ("en-US", "en"), ("de-DE", "en"), ("", "en"), (None, "en"),
])
def test_from_locale(locale, code):
    assert from_locale(locale) == code


def test_figures_take_translated_marker_names():
    """figures know no language: the callers pass the names (ui.marker_labels()), English by default."""
    import numpy as np

    import figures

    xs = ys = np.linspace(-1, 1, 5)
    Z = np.add.outer(ys**2, -(xs**2))
    fig = figures.contour(xs, ys, Z, "t", minima=[(0, 0)], saddles=[(0, 0)])
    assert [t["name"] for t in fig.data[1:]] == ["minimum", "saddle"]
    fig = figures.contour(xs, ys, Z, "t", minima=[(0, 0)], saddles=[(0, 0)], minimum_label="最小值",
                          saddle_label="鞍點")
    assert [t["name"] for t in fig.data[1:]] == ["最小值", "鞍點"]
    assert fig.data[1]["hovertemplate"].startswith("最小值") and fig.data[2]["hovertemplate"].startswith("鞍點")


def test_every_preset_title_is_translated():
    """gd_core keeps the presets' English titles; ui.preset_title names each of them through tr()."""
    import gd_core
    import ui

    set_language("zh-CN")
    presets = {**gd_core.PRESETS, **gd_core.CURVES}
    untranslated = [k for k, p in presets.items() if ui.preset_title(k) == p.title]
    assert not untranslated, f"add these to ui.preset_title: {untranslated}"
