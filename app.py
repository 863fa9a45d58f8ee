"""Entrypoint: page config and navigation over the lesson pages."""

import streamlit as st

st.set_page_config(page_title="Gradient descent, step by step", page_icon="📉", layout="wide")
st.title("Gradient descent, step by step")
st.write("An interactive companion to the lecture on gradient descent.")
