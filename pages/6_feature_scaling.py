"""Tip 3: feature scaling. Gradient descent on the weights of y = b + w₁x₁ + w₂x₂ (b held at its
least-squares value) before and after standardizing the features, side by side, from the same
start off the valley floor, each with the same fraction of its own largest stable learning rate."""

import streamlit as st

import figures
import ui
from figures import feature_scaling as fig_fs
from gd_core import data as gdata
from i18n import tr

PAGE = "scaling"
ui.start_page(
    PAGE,
    tr("Tip 3: feature scaling"),
    tr("In y = b + w₁x₁ + w₂x₂, when x₂ is much larger than x₁, a change in w₂ changes the loss much more than "
       "the same change in w₁: the contours of L are long thin ellipses, η must suit the steep w₂, and gradient "
       "descent crawls along w₁. Make different features have the same scaling, and the contours become round: "
       "gradient descent goes straight to the minimum."),
    r"\begin{aligned} y &= b + w_1 x_1 + w_2 x_2 \\ x_i^r &\leftarrow \frac{x_i^r - m_i}{\sigma_i} \end{aligned}",
)

SCALE_OPTIONS = (1.0, 2.0, 5.0, 10.0, 20.0, 50.0, 100.0)
FRACTIONS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.7, 0.9, 0.95, 0.99, 1.02, 1.1)
STEP_OPTIONS = (10.0, 20.0, 50.0, 100.0, 200.0, 500.0, 1000.0, 2000.0, 5000.0, 10000.0)
TARGETS = {"10": tr("within 10 %"), "1": tr("within 1 %"), "0.1": tr("within 0.1 %")}


# --- settings ------------------------------------------------------------------------------------

with st.sidebar:
    st.header(tr("Data"))
    upload = ui.csv_upload("csv", where=st.sidebar, features=(2,))
    if upload is None:
        n = ui.int_slider("n", tr("Number of examples"), 10, 200, 50)
        data_seed = ui.int_number("data", tr("Data seed"), 0, 9999, 0, help=tr("The same seed gives the same data."))
    st.header(tr("Gradient descent"))
    fraction = ui.log_slider("frac", tr("η as a fraction of the largest stable η"), FRACTIONS, 0.5,
                             help=tr("Each side gets this fraction of its own 2/λ_max, the largest η for which "
                                     "gradient descent converges on it. Above 1 both diverge."))
    steps = int(ui.log_slider("steps", tr("Number of updates"), STEP_OPTIONS, 1000.0))
    target_key = ui.choice("target", tr("Target: L within … of L*"), TARGETS, "1", horizontal=True, kind="radio")

# x₂'s scale k and the update t right under the two contours they change (on a phone too, where the sidebar starts
# folded); each side's numbers under them.
warnings_box = st.container()
contours_box, main_box = ui.under_figure("gd-main-k-t")
cols = main_box.columns(2) if upload is None else [main_box]
if upload is None:
    k = ui.log_slider("k", tr("x₂'s scale: k times x₁'s"), SCALE_OPTIONS, 10.0, where=cols[0],
                      help=tr("x₁ is around 1, x₂ around k. The true line is y = 1 + 2x₁ − x₂/k + noise, so "
                              "both features matter about as much."))
    ds = gdata.synthetic(n, data_seed, scales=(1.0, k))  # cheaper than a cache lookup
    X, y, names, target = ds.X, ds.y, ds.feature_names, ds.target_name
else:
    X, y, names, target = upload.X, upload.y, upload.feature_names, upload.target_name
# The t slider's range follows the number of updates. Re-set the remembered t every run (clipped to the range):
# a slider whose range changed would otherwise start over at 0.
t_key = f"{PAGE}:t"
if t_key in st.session_state:
    st.session_state[t_key] = min(st.session_state[t_key], steps)

tolerance = float(target_key) / 100
c, ((raw_win, raw_grid), (sc_win, sc_grid)), (m, s), (m_after, s_after) = ui.scaling_comparison(
    X, y, tuple(names), target, fraction, steps, tolerance)
raw, scaled = c.raw, c.scaled
f1, f2 = (ui.safe(v) for v in names[:2])

target_words = TARGETS[target_key]
if upload is None:
    about = tr("{n} examples with x₁ around 1 and x₂ around {k} (data seed {seed}).", n=n, k=ui.fmt_param(k),
               seed=data_seed)
else:
    about = tr("Your data: {n} rows.", n=upload.n)
w_start = raw.run.params[0]
sides = {"raw": tr("Before scaling"), "scaled": tr("After scaling")}
for key, side in (("raw", raw), ("scaled", scaled)):
    if side.diverged_at is not None:
        warnings_box.warning(tr("{side}: diverged at update {t}. η is above the largest stable rate 2/λ_max, so "
                                "the steepest direction overshoots more at every update.", side=sides[key],
                                t=side.diverged_at), icon="💥")

ui.part()  # t reruns what follows (the runs at t), not the settings and the runs above
t = ui.int_slider("t", tr("Where is each run after t updates?"), 0, steps, 10, where=cols[-1],
                  help=tr("The big dots on both contours and the dashed line on the loss plot."))

# The contours first, k and t under them, each side's numbers under those, and the words about the runs below them:
# the contours and the two sliders stay whole on a projector's screen (there the contours are lower, their markers
# named in the caption).
presenting = ui.presenting()
t_at = {"raw": min(t, len(raw.run.losses) - 1), "scaled": min(t, len(scaled.run.losses) - 1)}

cols = zip(contours_box.columns(2, gap="medium"), st.columns(2, gap="medium"))
for (col, numbers), key, side, (win, (w1s, w2s, Z)), color in zip(
        cols, ("raw", "scaled"), (raw, scaled), ((raw_win, raw_grid), (sc_win, sc_grid)),
        (fig_fs.RAW_COLOR, fig_fs.SCALED_COLOR)):
    with col:
        reached = side.run.params[side.reached_at] if side.reached_at is not None else None
        names_axes = ("w₁", "w₂") if key == "raw" else ("w₁′", "w₂′")
        path = figures.Path(side.run.params, tr("gradient descent"), color)
        ui.chart(fig_fs.side_contour(w1s, w2s, Z, path, side.theta_star, reached,
                                     tr("{side}: L over ({a}, {b})", side=sides[key], a=names_axes[0],
                                        b=names_axes[1]),
                                     win, tr("least squares"), tr("reached the target"), *names_axes,
                                     current=side.run.params[t_at[key]], current_label=f"t = {t_at[key]}",
                                     height=300 if presenting else 440, legend=not presenting), key=f"contour_{key}",
                 alt=tr("Updates to reach the target: {n}.",
                        n=ui.updates_to_target(side.reached_at, steps, words=True)))
    with numbers:
        st.markdown(f"**{sides[key]}**")
        a, b = st.columns(2)
        a.metric(tr("η = {f} × 2/λ_max", f=ui.fmt_param(fraction)), ui.num(side.lr, 3),
                 help=tr("{f} × 2/λ_max = {f} × {lim}: λ_max is the largest eigenvalue of 2XᵀX, the Hessian "
                         "of L over (w₁, w₂) with b held fixed.", f=ui.fmt_param(fraction),
                         lim=ui.num(side.lr_max)))
        b.metric(tr("updates to target"), ui.updates_to_target(side.reached_at, steps),
                 help=tr("The first t with L(θᵗ) ≤ {value} (L {target} of L*).", value=ui.num(c.target),
                         target=target_words))

st.caption(tr("Contours of L over (w₁, w₂) with b held at its least-squares value: b* = {b} before scaling, "
              "b′* = {b2} after (the mean of ŷ). Gradient descent moves only w₁ and w₂, so its path walks on exactly "
              "this surface and each update starts at right angles to the contour it leaves. Both axes at the same "
              "scale. Star: the least-squares point. The ring marks the first update within the target. After "
              "scaling the weights are w′ᵢ = wᵢσᵢ.", b=ui.num(raw.b), b2=ui.num(scaled.b)))

st.markdown(about + " " + tr(
    "Gradient descent updates w₁ and w₂; b stays at its least-squares value b*. Both runs start from the same "
    "weights w⁰ = ({w1}, {w2}) (w′⁰ᵢ = w⁰ᵢσᵢ after scaling), off the valley floor, each with the same fraction, "
    "{f}, of its own largest stable η. **Target:** L {target} of the least-squares L* = {star}, that is L ≤ "
    "{value}.",
    w1=ui.num(w_start[0]), w2=ui.num(w_start[1]), f=ui.fmt_param(fraction), target=target_words,
    star=ui.num(raw.loss_star), value=ui.num(c.target)))

series = [(sides["raw"], raw.run.losses, fig_fs.RAW_COLOR), (sides["scaled"], scaled.run.losses,
                                                              fig_fs.SCALED_COLOR)]
ui.chart(fig_fs.losses_to_target(series, c.target, tr("target"),
                                 [(raw.reached_at, fig_fs.RAW_COLOR), (scaled.reached_at, fig_fs.SCALED_COLOR)],
                                 tr("Loss against the number of updates"), tr("number of parameter updates t"),
                                 height=400, selected=t), key="losses",
         alt=tr("Updates to reach the target L ≤ {value}: {raw} before scaling, {scaled} after scaling.",
                value=ui.num(c.target), raw=ui.updates_to_target(raw.reached_at, steps, words=True),
                scaled=ui.updates_to_target(scaled.reached_at, steps, words=True)))
st.caption(tr("Log scale. Dotted: the target. Dots: the first update within it. Dashed: the update t chosen above."))
st.markdown(tr("After t = {t} updates: L = **{raw}** before scaling, **{scaled}** after scaling (L* = {star}).",
               t=t, raw=ui.num(raw.run.losses[t_at["raw"]]), scaled=ui.num(scaled.run.losses[t_at["scaled"]]),
               star=ui.num(raw.loss_star)))

# --- the features -----------------------------------------------------------------------------

st.subheader(tr("The features before and after"))
left, right = st.columns(2, gap="medium")
with left:
    ui.chart(fig_fs.feature_scatter(X, (f1, f2), tr("Before: x₁ and x₂ as measured"), fig_fs.RAW_COLOR),
             key="features_raw")
with right:
    ui.chart(fig_fs.feature_scatter(scaled.data.X, (f1 + "′", f2 + "′"), tr("After: (xᵢ − mᵢ) / σᵢ"),
                                    fig_fs.SCALED_COLOR), key="features_scaled")

left, right = st.columns(2, gap="medium")
with left:
    st.markdown(tr("For each dimension i, over the examples r = 1 … R:"))
    st.latex(r"m_i = \frac{1}{R}\sum_r x_i^r \qquad \sigma_i = \sqrt{\frac{1}{R}\sum_r \left(x_i^r - m_i\right)^2}"
             r"\qquad x_i^r \leftarrow \frac{x_i^r - m_i}{\sigma_i}")
    st.code("m = np.mean(X, axis=0)\ns = np.std(X, axis=0)\nX_scaled = (X - m) / s", language="python")
with right:
    rows = [{tr("feature"): name, "mᵢ": ui.num(m[i]), "σᵢ": ui.num(s[i]),
             tr("mean after"): ui.num(round(float(m_after[i]), 10)),
             tr("std after"): ui.num(round(float(s_after[i]), 10))} for i, name in enumerate((f1, f2))]
    ui.table(rows, "features")
    st.caption(tr("After scaling, the means of all dimensions are 0 and the variances are all 1 (np.std uses 1/R, "
                  "as on the slide)."))

notes = [
    tr("Before scaling, the largest stable η is set by the steep direction (the weight of the larger feature), so "
       "the flat direction crawls: {raw} updates against {scaled} after scaling, at the same fraction of each "
       "side's largest stable η.", raw=ui.updates_to_target(raw.reached_at, steps, True),
       scaled=ui.updates_to_target(scaled.reached_at, steps, True)),
]
if upload is None:
    notes.append(tr("Raise k: the raw contours get thinner and the raw run slower, while the scaled side does not "
                    "change at all: standardized features do not remember their original scale."))
ui.notice([
    *notes,
    tr("Even with features of the same size scaling helps a little (try k = 1): the features' means are not 0, "
       "so the Hessian 2XᵀX has Σx₁x₂ ≠ 0 off its diagonal and the contours are tilted and stretched too. "
       "Subtracting mᵢ removes that."),
    tr("Scaling changes the coordinates, not the model: both sides reach the same least-squares line and the "
       "same L*."),
])
