"""The benchmarks' baseline: a trivial Streamlit page with one slider and one small Plotly chart."""

import numpy as np
import plotly.graph_objects as go
import streamlit as st

k = st.slider("Frequency", 1, 2000, 1, key="k")
x = np.linspace(0, 1, 50)
st.plotly_chart(go.Figure(go.Scatter(x=x, y=np.sin(k * x))), width="stretch", key="chart")
