"""Presenter mode: ?present=1 opens every page in it, the switch writes the link, figures grow."""

from __future__ import annotations

import json

import pytest

import figures
from tests.apptest_helpers import errors, every_view, open_page, rerun
from ui.nav import LESSONS

PAGES = sorted(lesson.script for lesson in LESSONS)


@pytest.mark.parametrize("path", PAGES)
def test_every_page_opens_in_presenter_mode(path):
    """Every page, with each of its tabs open in turn (only the open tab is built): larger print on every chart."""
    at = open_page(path, {"present": "1"})

    def check(where: str) -> None:
        assert not errors(at), (where, errors(at))
        assert at.toggle(key="app:present").value is True, where
        for chart in at.get("plotly_chart"):
            layout = json.loads(chart.proto.spec)["layout"]
            assert layout["font"]["size"] >= 20, (where, chart.key)  # 16 × 1.3, set by figures.presenter

    check("as opened")
    for view in every_view(at):
        check(view)


def test_the_switch_writes_the_link():
    at = open_page("pages/1_step_by_step.py")
    assert "present" not in at.query_params
    at.toggle(key="app:present").set_value(True)
    rerun(at)
    assert at.query_params.get("present") in ("1", ["1"])
    at.toggle(key="app:present").set_value(False)
    rerun(at)
    assert "present" not in at.query_params


def test_presenter_figure_is_taller_and_larger():
    fig = figures.Fig(layout={"height": 400})
    figures.presenter(fig, scale=1.5)
    assert fig.layout["height"] == 440
    assert fig.layout["font"]["size"] == 24
    assert fig.layout["xaxis"]["tickfont"]["size"] == 22  # 15 × 1.5
    assert fig.figure(validate=True).layout.legend.font.size == 22
