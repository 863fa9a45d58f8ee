"""The README's promises: its notebook example runs, and its quick-start commands are the ones CI runs."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


def test_notebook_example_runs():
    section = README.split("## Use gd_core in a notebook", 1)[1]
    code = re.search(r"```python\n(.*?)```", section, re.S).group(1)
    namespace: dict = {}
    exec(compile(code, "README.md", "exec"), namespace)  # the README's own example, not user input
    traj, sweep = namespace["traj"], namespace["sweep"]
    assert traj.params.shape == (21, 2)
    assert sweep.params.shape == (101, 1000, 2)


def test_quick_start_commands_are_the_ones_ci_runs():
    blocks = re.findall(r"```bash\n(.*?)\n```", README.split("## Quick start", 1)[1].split("\n## ", 1)[0], re.S)
    assert blocks == [
        "pip install -r requirements.txt && streamlit run app.py",
        "pip install -r requirements-dev.txt && python -m pytest",
    ]
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install --quiet --disable-pip-version-check -r requirements-dev.txt" in ci
    assert "\npython -m pytest\n" in ci
