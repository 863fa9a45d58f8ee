"""ui.freeze_loaded_modules: the loaded modules are moved out of the garbage collector's sight, again only
when more modules were loaded."""

import gc
import sys
import types

import ui.process


def test_freezes_when_modules_were_loaded_and_not_otherwise(monkeypatch):
    gc.unfreeze()
    monkeypatch.setattr(ui.process, "_MODULES_FROZEN", 0)  # as in a new process: nothing frozen yet
    try:
        ui.process.freeze_loaded_modules()
        frozen = gc.get_freeze_count()
        assert frozen > 0
        # Nothing new loaded: nothing happens, even with new objects about.
        garbage = [[i] for i in range(1000)]
        ui.process.freeze_loaded_modules()
        assert gc.get_freeze_count() == frozen
        # A module loaded since: what is in memory now is frozen too.
        sys.modules["_gd_test_module"] = types.ModuleType("_gd_test_module")
        ui.process.freeze_loaded_modules()
        assert gc.get_freeze_count() >= frozen + len(garbage)
    finally:
        sys.modules.pop("_gd_test_module", None)
        gc.unfreeze()


class _Node:
    pass


def test_garbage_at_freeze_time_is_collected_not_pinned(monkeypatch):
    import weakref

    gc.unfreeze()
    monkeypatch.setattr(ui.process, "_MODULES_FROZEN", 0)
    try:
        a, b = _Node(), _Node()
        a.other, b.other = b, a  # a cycle: only the collector frees it
        alive = weakref.ref(a)
        del a, b
        ui.process.freeze_loaded_modules()
        assert alive() is None
    finally:
        gc.unfreeze()
