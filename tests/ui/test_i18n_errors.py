"""gd_core's error messages in every language: each error carries its English template and parameters,
every template is collected and translated, and ``ui.reason`` shows the reason in the page's language with
the user's value in it, never read as Markdown."""

from __future__ import annotations

import re
import string
from pathlib import Path

import pytest

import gd_core
import ui
from gd_core import TemplatedError, data
from i18n import LANGUAGES, set_language, tr
from tests import i18n_lint as i18n_strings
from tests.apptest_helpers import errors, open_page
from tests.catalogs import TABLES
from tests.error_triggers import TRIGGERS, UNREACHED

TEMPLATES = i18n_strings.templates()
OTHERS = [code for code in LANGUAGES if code != "en"]
OPEN_QUOTE = {"zh-TW": "「", "zh-CN": "“"}
CLOSE_QUOTE = {"zh-TW": "」", "zh-CN": "”"}
CJK = re.compile(r"[\u4e00-\u9fff]")


@pytest.fixture(autouse=True)
def english_after():
    yield
    set_language("en")


def raised(name: str, tmp_path: Path) -> TemplatedError:
    with pytest.raises(ValueError) as info:
        TRIGGERS[name](tmp_path)
    return info.value


# --- the templates ------------------------------------------------------------------------------------

def test_the_templates_were_found():
    assert len(TEMPLATES) > 100
    assert "unknown name '{name}': use {variables} and {last}" in TEMPLATES
    assert "line {line}, column '{column}': '{value}' is not a number" in TEMPLATES
    assert set(TEMPLATES) <= set(i18n_strings.strings())  # so test_i18n checks their translations


def test_gd_core_raises_no_plain_value_error():
    plain = [f"{c.path}:{c.line}" for c in i18n_strings.untranslatable()]
    assert not plain, "raise one of gd_core/errors.py's classes with a template instead: " + ", ".join(plain)


def test_the_script_collects_templates_and_reports_a_non_literal_one(tmp_path):
    (tmp_path / "gd_core").mkdir()
    (tmp_path / "gd_core" / "errors.py").write_text(
        "class TemplatedError(Exception): ...\nclass InputError(TemplatedError, ValueError): ...\n", encoding="utf-8")
    (tmp_path / "gd_core" / "m.py").write_text(
        'from .errors import InputError\nt = "x"\nInputError("fine {n}", n=1)\nInputError(t)\nValueError("no")\n',
        encoding="utf-8")
    assert i18n_strings.templates(tmp_path) == ["fine {n}"]
    assert [(c.path, c.line) for c in i18n_strings.errors(tmp_path)] == [("gd_core/m.py", 4)]
    assert [c.line for c in i18n_strings.untranslatable(tmp_path)] == [5]
    assert "fine {n}" in i18n_strings.strings(tmp_path)


@pytest.mark.parametrize("template", TEMPLATES)
def test_template_fields_are_plain_names(template):
    """ui.reason fills the fields with formatted text: no conversion (!r) or format spec (:.2f) in a template."""
    for _, name, spec, conversion in string.Formatter().parse(template):
        if name is not None:
            assert name.isidentifier() and not spec and conversion is None, (template, name)


@pytest.mark.parametrize("name", list(TRIGGERS))
def test_every_error_round_trips(name, tmp_path):
    exc = raised(name, tmp_path)
    assert isinstance(exc, TemplatedError), f"{name}: {type(exc).__name__}: {exc}"
    assert str(exc) == exc.template.format(**exc.params)
    assert exc.template in TEMPLATES


def test_every_template_is_made_by_a_trigger(tmp_path):
    made = {raised(name, tmp_path).template for name in TRIGGERS}
    assert set(TEMPLATES) - made == set(UNREACHED), "add a trigger to tests/error_triggers.py"


@pytest.mark.parametrize("template", sorted(UNREACHED))
def test_the_unreached_templates_round_trip_too(template):
    fields = {name: f"<{name}>" for _, name, _, _ in string.Formatter().parse(template) if name}
    exc = gd_core.ExpressionError(template, **fields)
    assert str(exc) == template.format(**fields) and exc.params == fields


def test_errors_keep_their_classes_and_pickle():
    """Pickled by template and parameters: a column named {x} in the message does not break it."""
    import pickle

    assert issubclass(gd_core.ExpressionError, ValueError) and issubclass(gd_core.DataError, ValueError)
    assert issubclass(gd_core.InputError, ValueError)
    with pytest.raises(gd_core.DataError) as info:
        data.read_csv(b"{x},price\n1,2\nabc,3\n")
    exc = pickle.loads(pickle.dumps(info.value))
    assert type(exc) is gd_core.DataError
    assert str(exc) == str(info.value) == "line 3, column '{x}': 'abc' is not a number"
    assert exc.template == info.value.template and exc.params == info.value.params


# --- the translations ---------------------------------------------------------------------------------

@pytest.mark.parametrize("lang", OTHERS)
def test_every_template_is_written_in_chinese(lang):
    """Not left in English: every translation has Chinese characters."""
    english = [t for t in TEMPLATES if not CJK.search(TABLES[lang].get(t, ""))]
    assert not english, "\n".join(map(repr, english))


@pytest.mark.parametrize("lang", OTHERS)
def test_quoted_values_stay_quoted(lang):
    """A value in quotes in English ('{name}') is in the language's quotes in the translation, so that
    ui.reason treats it the same way (a code span in place of the quotes)."""
    wrong = []
    for template in TEMPLATES:
        for name in re.findall(r"'\{(\w+)\}'", template):
            if f"{OPEN_QUOTE[lang]}{{{name}}}{CLOSE_QUOTE[lang]}" not in TABLES[lang][template]:
                wrong.append(template)
    assert not wrong, "\n".join(map(repr, wrong))


# --- ui.reason ----------------------------------------------------------------------------------------

REAL_ERRORS = [
    # (trigger, the user's values that the reason must show)
    ("implicit product", ["2x"]),
    ("unknown name", ["z"]),
    ("not a number", ["price", "abc"]),
    ("start not finite", ["-2", "0.5"]),
]


def english_words(text: str, values: list[str]) -> list[str]:
    """Words of two or more Latin letters, once code spans and the user's values are taken out."""
    text = re.sub(r"`[^`]*`", " ", text)
    for value in values:
        text = text.replace(value, " ")
    return re.findall(r"[A-Za-z]{2,}", text)


@pytest.mark.parametrize("lang", OTHERS)
@pytest.mark.parametrize(("name", "values"), REAL_ERRORS)
def test_reason_is_in_the_language_with_the_users_value(name, values, lang, tmp_path):
    exc = raised(name, tmp_path)
    set_language(lang)
    shown = ui.reason(exc)
    assert CJK.search(shown), shown
    assert not english_words(shown, values), shown
    for value in values:
        assert value in shown, (value, shown)
    assert shown == ui.reason(exc)  # the exception is left as it was
    assert str(exc) not in shown


def test_reason_in_english_is_the_message():
    exc = raised("not a number", Path())
    assert ui.reason(exc) == str(exc) == "line 3, column 'price': 'abc' is not a number"
    exc = raised("unknown name", Path())
    assert ui.reason(exc) == "unknown name 'z': use x and y"


def test_reason_of_another_exception_is_its_message():
    assert ui.reason(ValueError("plain words")) == "plain words"
    assert ui.reason(ZeroDivisionError("division by zero")) == "division by zero"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_value_that_markdown_would_read_is_a_code_span(lang):
    """Anything but a number or plain words goes in a code span (through ui.safe), in place of its quotes."""
    set_language(lang)
    with pytest.raises(gd_core.DataError) as info:
        data.read_csv(b"size,![i](http://example.com/x.png)\n1,2\n2,**bold** $x$ <b>\n")
    shown = ui.reason(info.value)
    assert "`![i](http://example.com/x.png)`" in shown and "`**bold** $x$ <b>`" in shown
    assert "'`" not in shown and "「`" not in shown and "“`" not in shown
    outside = re.sub(r"`[^`]*`", "", shown)
    assert not any(ch in outside for ch in "*[]!$<>"), shown
    with pytest.raises(gd_core.ExpressionError) as info:
        gd_core.parse_loss("__init__ + x")
    assert "`__init__`" in ui.reason(info.value)


def test_a_long_value_is_shortened():
    with pytest.raises(gd_core.DataError) as info:
        data.read_csv(b"size," + b"p" * 60 + b"\n1,2\n2,abc\n")
    shown = ui.reason(info.value)
    assert "`" + "p" * 40 + "…`" in shown and "p" * 41 not in shown


# --- on a page (AppTest) ------------------------------------------------------------------------------

def test_a_bad_formula_on_a_page_in_traditional_chinese():
    at = open_page("pages/1_step_by_step.py", {"lang": "zh-TW", "loss": "custom", "f": "z^2"})
    set_language("zh-TW")
    reason = TABLES["zh-TW"]["unknown name '{name}': use {variables} and {last}"].format(name="z", variables="x",
                                                                                          last="y")
    assert reason == "不認得的名稱「z」：請使用 x 與 y"
    assert tr("This formula cannot be used: {reason}.", reason=reason) in errors(at), errors(at)


def test_a_bad_start_on_a_page_in_simplified_chinese():
    at = open_page("pages/1_step_by_step.py", {"lang": "zh-CN", "loss": "custom", "f": "log(x) + y^2", "x0": "-2"})
    shown = [e for e in errors(at) if e.startswith("这个起点无法使用：")]
    assert shown and "损失函数在起点 (-2, " in shown[0] and "不是有限值：请换一个起点" in shown[0], errors(at)
    assert not english_words(shown[0], []), shown[0]


def test_a_bad_taylor_point_on_the_theory_page_in_simplified_chinese():
    at = open_page("pages/7_why_it_works.py", {"lang": "zh-CN", "h": "custom", "hf": "log(x)", "x0": "0"})
    assert errors(at) == ["无法画出在这个 x₀ 附近的泰勒级数：函数在 x0 = 0 处不是有限值：请换一个点。"]
