"""What the pages share, one module a job.

- :mod:`ui.chrome`: page header, presenter mode, notes about the link, "what to notice";
- :mod:`ui.state`: controls bound to the link (:func:`state_key` names a widget's session key), URL-bound tabs;
- :mod:`ui.controls`: the loss picker, θ⁰, η, the update t;
- :mod:`ui.fmt`: numbers and LaTeX on screen, user text made safe, gd_core's refusals translated;
- :mod:`ui.services`: the cached calls into gd_core;
- :mod:`ui.tables`, :mod:`ui.charts`, :mod:`ui.upload`: tables, charts and their downloads, the CSV uploader;
- :mod:`ui.race`: the optimizer race of the momentum page and the playground;
- :mod:`ui.process`: the server process's garbage collector.

Pages call them as ``ui.name``.
"""

from ui.charts import chart, chart_table
from ui.chrome import (
    PRESENTER_KEY,
    diverged_warning,
    link_note,
    notice,
    page_id,
    presenting,
    share_link,
    start_page,
    style,
)
from ui.controls import (
    CUSTOM,
    LR_OPTIONS,
    LossChoice,
    fit_window,
    loss_picker,
    lr_slider,
    marker_labels,
    preset_options,
    preset_title,
    scaled_window,
    square_window,
    start_point,
    step_control,
    stepper,
)
from ui.fmt import fmt_param, num, reason, safe, sup, tex_num
from ui.nav import LESSONS, Lesson, lecture_map
from ui.process import freeze_loaded_modules
from ui.race import (
    RACE_MAX_UPDATES,
    Race,
    hyper_text,
    optimizer_labels,
    race_controls,
    race_numbers,
    race_rules,
    race_view,
)
from ui.services import (
    cache_data,
    curve_cached,
    grid_cached,
    make_optimizer,
    parse_cached,
    race_cached,
    run_cached,
    threshold_cached,
)
from ui.state import (
    MAX_FORMULA,
    choice,
    int_number,
    int_set,
    int_slider,
    kept_int,
    log_slider,
    number,
    number_list,
    reset,
    slider,
    state_key,
    text,
    toggle,
    views,
)
from ui.tables import table, table_csv
from ui.upload import csv_upload

__all__ = [
    "CUSTOM",
    "LESSONS",
    "LR_OPTIONS",
    "MAX_FORMULA",
    "PRESENTER_KEY",
    "RACE_MAX_UPDATES",
    "Lesson",
    "LossChoice",
    "Race",
    "cache_data",
    "chart",
    "chart_table",
    "choice",
    "csv_upload",
    "curve_cached",
    "diverged_warning",
    "fit_window",
    "fmt_param",
    "freeze_loaded_modules",
    "grid_cached",
    "hyper_text",
    "int_number",
    "int_set",
    "int_slider",
    "kept_int",
    "lecture_map",
    "link_note",
    "log_slider",
    "loss_picker",
    "lr_slider",
    "make_optimizer",
    "marker_labels",
    "notice",
    "num",
    "number",
    "number_list",
    "optimizer_labels",
    "page_id",
    "parse_cached",
    "presenting",
    "preset_options",
    "preset_title",
    "race_cached",
    "race_controls",
    "race_numbers",
    "race_rules",
    "race_view",
    "reason",
    "reset",
    "run_cached",
    "safe",
    "scaled_window",
    "share_link",
    "slider",
    "square_window",
    "start_page",
    "start_point",
    "state_key",
    "step_control",
    "stepper",
    "style",
    "sup",
    "table",
    "table_csv",
    "tex_num",
    "text",
    "threshold_cached",
    "toggle",
    "views",
]
