"""ui.cache_data: st.cache_data for functions defined in page scripts, made once per compiled function."""

import inspect
import warnings

import streamlit as st

# A page script as the server keeps it: compiled once, run again (in a fresh module) on every rerun.
PAGE = compile(
    "import ui\n"
    "@ui.cache_data(max_entries=8)\n"
    "def shifted(x):\n"
    "    SEEN.append(K)\n"
    "    return x + K\n",
    "<page under test>", "exec")


def run_page(k: int, seen: list) -> dict:
    module = {"__name__": "__main__", "K": k, "SEEN": seen}
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


def test_each_sessions_thread_runs_its_own_runs_function():
    # Two sessions' scripts in two threads, each rerunning the page: a miss in each computes with the
    # function (and module) of its own run, even when the other ran the page since.
    import threading

    seen: list = []
    steps = [threading.Event() for _ in range(2)]
    results = {}

    def session_a():
        page = run_page(1, seen)
        steps[0].set()
        steps[1].wait(5)  # session B has rerun the page meanwhile
        results["a"] = page["shifted"](1000)

    def session_b():
        steps[0].wait(5)
        page = run_page(2, seen)
        steps[1].set()
        results["b"] = page["shifted"](2000)

    threads = [threading.Thread(target=session_a), threading.Thread(target=session_b)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(10)
    assert results == {"a": 1001, "b": 2002}


def test_the_wrapper_keeps_no_runs_module():
    seen: list = []
    shifted = run_page(3, seen)["shifted"]
    assert not hasattr(shifted.__wrapped__, "__wrapped__")
    assert [p for p in inspect.signature(shifted).parameters] == ["x"]
