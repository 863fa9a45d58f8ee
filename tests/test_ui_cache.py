"""ui.cache_data: st.cache_data for functions defined in page scripts, made once per compiled function."""

import warnings

import streamlit as st

# A page script as the server keeps it: compiled once, run again (in a fresh module) on every rerun.
PAGE = compile(
    "import ui\n"
    "CALLS.append(K)\n"
    "@ui.cache_data(max_entries=8)\n"
    "def shifted(x):\n"
    "    SEEN.append(K)\n"
    "    return x + K\n",
    "<page under test>", "exec")


def run_page(k: int, seen: list) -> dict:
    module = {"__name__": "__main__", "K": k, "CALLS": [], "SEEN": seen}
    exec(PAGE, module)
    return module


def setup_function():
    warnings.filterwarnings("ignore", message=".*No runtime found.*")
    st.cache_data.clear()


def test_one_wrapper_per_compiled_function_across_reruns():
    seen: list = []
    first, second = run_page(1, seen), run_page(2, seen)
    assert second["shifted"] is first["shifted"]


def test_a_miss_runs_the_latest_runs_function_and_a_hit_runs_nothing():
    seen: list = []
    run_page(1, seen)
    assert run_page(1, seen)["shifted"](10) == 11
    # The next rerun's module has K = 100: a new argument is computed by that run's function.
    page = run_page(100, seen)
    assert page["shifted"](5) == 105
    assert seen == [1, 100]
    # An argument seen before comes from the cache, as with st.cache_data: the function does not run.
    assert page["shifted"](10) == 11
    assert seen == [1, 100]


def test_a_changed_function_gets_its_own_wrapper():
    seen: list = []
    other = compile(
        "import ui\n@ui.cache_data(max_entries=8)\ndef shifted(x):\n    SEEN.append(K)\n    return x - K\n",
        "<page under test>", "exec")
    module = {"__name__": "__main__", "K": 1, "SEEN": seen}
    exec(other, module)
    assert module["shifted"] is not run_page(1, seen)["shifted"]
    assert module["shifted"](10) == 9
