"""Every figure of the app, in Plotly only: data in, ``go.Figure`` out.

No Streamlit here and no optimization: the numbers come from gd_core. Text arrives already
translated. ``base`` holds the shared look and the figures several lessons use; a lesson's
own figures live in a module named after it.
"""

from .base import *  # noqa: F403
from .base import __all__  # noqa: F401
