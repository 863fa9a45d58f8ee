"""The only private APIs of Plotly and Streamlit the app relies on, all in figures/fig.py, kept for speed
(benchmarks/rerun_cost.py: a contour figure costs about 2.5 ms more per rerun without them). Each test here fails
loudly when an upgrade removes or changes one of them; requirements.txt pins the minor versions they were
tested with. What each stands for:

- ``_plotly_utils.utils.is_skipped_key`` and ``plotlyjsShortTypes``: how plotly encodes NumPy arrays as
  plotly.js's typed arrays (figures.fig._typed_array does the same, faster);
- ``go.Figure(..., _validate=False)``: build a figure once without per-property checks;
- st.plotly_chart sends ``figure.to_dict()`` of a ``go.Figure`` as it is: figures.fig.Drawn answers that call
  with the finished spec, so the figure is neither rebuilt nor copied.
"""

from __future__ import annotations

import json

import numpy as np
import plotly.graph_objects as go
from streamlit.testing.v1 import AppTest

from figures.fig import Drawn, Fig, trace


def test_plotly_array_encoding_helpers_exist():
    from _plotly_utils.utils import is_skipped_key, plotlyjsShortTypes

    assert plotlyjsShortTypes["float32"] == "f4" and plotlyjsShortTypes["int8"] == "i1"
    assert is_skipped_key("geojson") and not is_skipped_key("x")


def test_go_figure_takes_validate():
    fig = go.Figure(data=[{"type": "scatter", "x": [1], "y": [1], "line": {"color": "not a colour"}}],
                    _validate=False)  # a bad value passes unchecked
    assert fig.data[0].line.color == "not a colour"


def test_streamlit_sends_to_dict_of_a_figure_as_it_is():
    """st.plotly_chart of a Drawn sends exactly Drawn's spec (what figures.fig.Fig.drawn made)."""
    at = AppTest.from_string(
        "import streamlit as st\n"
        "from figures.fig import Fig, trace\n"
        "fig = Fig(trace('scatter', x=[0, 1, 2], y=[3, 1, 2], name='probe'), layout={'title': {'text': 'T'}})\n"
        "st.plotly_chart(fig.drawn(), key='probe')\n")
    at.run()
    assert not at.exception
    (element,) = at.get("plotly_chart")
    spec = json.loads(element.proto.spec)
    expected = Fig(trace("scatter", x=[0, 1, 2], y=[3, 1, 2], name="probe"),
                   layout={"title": {"text": "T"}}).drawn().to_dict()
    assert spec["data"] == json.loads(json.dumps(expected["data"]))
    assert spec["layout"]["title"] == {"text": "T"}


def test_drawn_is_a_go_figure_that_answers_to_dict():
    drawn = Fig(trace("scatter", x=np.array([0.0, 1.0]), y=np.array([1.0, 0.0]))).drawn()
    assert isinstance(drawn, go.Figure) and isinstance(drawn, Drawn)
    assert drawn.to_dict()["data"][0]["type"] == "scatter"
