"""ui.table: a table sent as escaped HTML, with shaded columns, header help and a CSV download."""

from streamlit.testing.v1 import AppTest

import ui
from tests.apptest_helpers import TIMEOUT, tables


def run(body: str) -> AppTest:
    at = AppTest.from_string("import pandas as pd\nimport ui\n" + body, default_timeout=TIMEOUT)
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    return at


def markup(at: AppTest) -> str:
    (html,) = [el.proto.body for el in at.get("html") if 'class="gd-table"' in el.proto.body]
    return html


def test_rows_as_dicts_keep_their_order_and_texts():
    at = run('ui.table([{"method": "SGD", "updates": 20, "L": 0.123456}, '
             '{"method": "GD", "updates": 1, "L": 12.5}], "t")')
    (frame,) = tables(at)
    assert list(frame.columns) == ["method", "updates", "L"]
    # Whole numbers in full; others to 4 significant digits, as everywhere on screen.
    assert frame.values.tolist() == [["SGD", "20", "0.1235"], ["GD", "1", "12.5"]]


def test_every_text_is_escaped():
    at = run('ui.table([{"<b>x</b>": "<script>alert(1)</script>", "y": "a & b"}], "t")')
    html = markup(at)
    assert "<script>" not in html and "<b>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html and "a &amp; b" in html
    (frame,) = tables(at)
    assert list(frame.columns) == ["<b>x</b>", "y"] and frame.iloc[0].tolist() == ["<script>alert(1)</script>", "a & b"]


def test_shades_colour_a_whole_column_and_help_titles_its_header():
    at = run('ui.table([{"a": "1", "b": "2"}, {"a": "3", "b": "4"}], "t", shades={"b": "#E8F5E9"}, '
             'help={"a": "the \\"first\\" column"})')
    html = markup(at)
    assert html.count('style="background-color:#E8F5E9"') == 3  # b's header and its two cells
    assert 'title="the &quot;first&quot; column"' in html
    assert '<th scope="col" title=' in html


def test_the_csv_download_has_the_rows_and_the_row_headers_as_shown():
    at = run('ui.table([{"method": "SGD", "updates": 20}], "t")')
    assert [b.proto.label for b in at.get("download_button")] == ["This table (CSV)"]
    assert ui.table_csv([{"method": "SGD", "updates": 20}, {"method": "GD", "updates": 1}]).splitlines() == [
        "method,updates", "SGD,20", "GD,1"]


def test_non_finite_numbers_are_words():
    (frame,) = tables(run('ui.table([{"L": float("nan"), "g": float("inf")}], "t")'))
    assert frame.iloc[0].tolist() == ["not finite", "not finite"]


def test_a_dict_of_rows_has_its_keys_as_row_headers():
    at = run('ui.table({"GD": {"L": "1"}, "Adam": {"L": "2"}}, "t", index_name="optimizer")')
    (frame,) = tables(at)
    assert frame.index.tolist() == ["GD", "Adam"] and frame.index.name == "optimizer"
    assert frame["L"].tolist() == ["1", "2"]
    assert ui.table_csv({"GD": {"L": 1}, "Adam": {"L": 2}}, index_name="optimizer").splitlines() == [
        "optimizer,L", "GD,1", "Adam,2"]


def test_row_headers_index_name_and_help_are_escaped_too():
    at = run('ui.table({"<i>r</i>": {"c": "1"}}, "t", index_name="<b>n</b>", help={"c": "a < b & \\"q\\""})')
    html = markup(at)
    assert "<i>" not in html and "<b>" not in html
    assert "&lt;i&gt;r&lt;/i&gt;" in html and "&lt;b&gt;n&lt;/b&gt;" in html
    assert 'title="a &lt; b &amp; &quot;q&quot;"' in html
    (frame,) = tables(at)
    assert frame.index.tolist() == ["<i>r</i>"] and frame.index.name == "<b>n</b>"


def test_rows_with_different_keys_show_every_column_and_the_csv_matches():
    rows = '[{"x": 1}, {"x": 2, "y": "b"}, {3: "c"}]'
    (frame,) = tables(run(f"ui.table({rows}, 't')"))
    assert list(frame.columns) == ["x", "y", "3"]
    assert frame.values.tolist() == [["1", "", ""], ["2", "b", ""], ["", "", "c"]]
    csv = ui.table_csv([{"x": 1}, {"x": 2, "y": "b"}, {3: "c"}]).splitlines()
    assert csv[0] == "x,y,3" and csv[2] == "2.0,b," and len(csv) == 4


# --- the Adagrad page's run table (ui.lessons) -------------------------------------------------

def test_adagrad_run_rows_show_the_last_updates_with_every_column():
    from gd_core.lessons.adagrad import adagrad_table

    # g = (3, 4), η = 1: σ¹ = √((9 + 16)/2), η¹ = 1/√2, η¹/σ¹ = η/√Σ(gⁱ)² = 1/5, step −4/5.
    rows = ui.adagrad_run_rows(adagrad_table([3.0, 4.0], 1.0), 1, 1)
    assert rows == [{"t": "1", "gᵗ": "4", "σᵗ": "3.536", "ηᵗ = η/√(t+1)": "0.7071", "ηᵗ/σᵗ": "0.2",
                     "η/√Σ(gⁱ)²": "0.2", "step −(ηᵗ/σᵗ)gᵗ": "-0.8"}]
    assert [r["t"] for r in ui.adagrad_run_rows(adagrad_table([3.0, 4.0, 1.0], 1.0), 1, 6)] == ["0", "1"]


def test_adagrad_run_rows_dash_a_ratio_over_sigma_zero():
    from gd_core.lessons.adagrad import adagrad_table

    row = ui.adagrad_run_rows(adagrad_table([0.0, 2.0], 1.0), 0, 6)[0]
    assert (row["σᵗ"], row["ηᵗ/σᵗ"], row["η/√Σ(gⁱ)²"], row["step −(ηᵗ/σᵗ)gᵗ"]) == ("0", "—", "—", "0")
