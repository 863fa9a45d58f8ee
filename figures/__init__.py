"""Every figure of the app, in Plotly only: data in, ``go.Figure`` out.

No Streamlit here and no optimization: the numbers come from gd_core. Text arrives already
translated. ``base`` holds the shared look and the figures several lessons use, ``motion`` the animated path and the
3-D surface, ``titles`` the titles broken into lines that fit a phone; a lesson's
own figures live in a module named after it.
"""

from . import base, motion, titles
from .base import *  # noqa: F403
from .motion import *  # noqa: F403
from .titles import *  # noqa: F403

__all__ = [*base.__all__, *motion.__all__, *titles.__all__]
