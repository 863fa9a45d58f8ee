"""Tip 2: stochastic gradient descent. Gradient descent, SGD and mini-batch on the lecture's
linear regression y = b + w x, for the same epochs: on the (w, b) contours, against epochs and
against updates, and the fitted line after each example."""

import streamlit as st

import figures
import ui
from figures import sgd as fig_sgd
from gd_core import data as gdata
from gd_core import sgd
from i18n import tr

PAGE = "sgd"
ui.start_page(
    PAGE,
    tr("Tip 2: stochastic gradient descent"),
    tr("The loss L is a sum over all training examples. Gradient descent updates after seeing all examples. "
       "Stochastic gradient descent picks an example xⁿ and updates for each one, with the loss of that "
       "example only, Lⁿ = (ŷⁿ − (b + w xⁿ))². With 20 examples it makes 20 updates while gradient descent "
       "makes one: faster!"),
    r"\begin{aligned} L &= \textstyle\sum_n \big(\hat{y}^n - (b + w x^n)\big)^2 \\"
    r"\text{GD: } \theta^i &= \theta^{i-1} - \eta \nabla L(\theta^{i-1}) \\"
    r"\text{SGD: } \theta^i &= \theta^{i-1} - \eta \nabla L^n(\theta^{i-1}) \end{aligned}",
)

# η options: the lecture's loss is a sum, so η shrinks with the number of examples (and their size).
LR_OPTIONS = (1e-5, 2e-5, 5e-5, 1e-4, 2e-4, 5e-4, 0.001, 0.002, 0.005, 0.01, 0.015, 0.02, 0.03, 0.05, 0.1, 0.2,
              0.5)
METHODS = {"gd": tr("Gradient descent"), "sgd": tr("SGD"), "minibatch": tr("Mini-batch")}


# --- settings ------------------------------------------------------------------------------------

with st.sidebar:
    st.header(tr("Data"))
    upload = ui.csv_upload("csv", where=st.sidebar)
    if upload is None:
        n = ui.int_slider("n", tr("Number of examples n"), 5, 100, 20,
                          help=tr("Examples of y = 1 + 2x + noise, with x around 1."))
        data_seed = ui.int_number("data", tr("Data seed"), 0, 9999, 0, help=tr("The same seed gives the same data."))
        ds = gdata.synthetic(n, data_seed, scales=(1.0,))  # cheaper than a cache lookup
        X, y, names, target = ds.X, ds.y, ds.feature_names, ds.target_name
    else:
        X, y, names, target = upload.X, upload.y, upload.feature_names, upload.target_name
        n = upload.n
    st.header(tr("Training"))
    eta = ui.log_slider("eta", tr("Learning rate η"), LR_OPTIONS, 0.02,
                        help=tr("The same η for all three. L is a sum over the examples, so η must be small."))
    epochs = ui.int_slider("epochs", tr("Epochs (passes over all examples)"), 1, 30, 5)
    # The batch slider's range follows n: a remembered batch size larger than n is clipped to it (ui.int_slider).
    batch = ui.int_slider("batch", tr("Mini-batch size m"), 1, n, min(5, n),
                          help=tr("Examples per mini-batch update. m = 1 is SGD, m = n is gradient descent."))
    seed = ui.int_number("seed", tr("Shuffle seed"), 0, 9999, 0,
                         help=tr("The order in which SGD and mini-batch visit the examples in each epoch. "
                                 "The same seed gives the same run."))
    c1, c2 = st.columns(2)
    w0 = ui.number("w0", tr("Start w⁰"), -20.0, 20.0, -1.0, 0.5, where=c1, fmt="%.2f")
    b0 = ui.number("b0", tr("Start b⁰"), -20.0, 20.0, -3.0, 0.5, where=c2, fmt="%.2f")

# --- the runs ------------------------------------------------------------------------------------

if upload is not None and upload.d > 1:
    one = sgd.first_feature(upload)
    X, names = one.X, one.feature_names
    st.info(tr("Your file has two features. This lesson fits y = b + w x with one, so it uses the first column "
               "{name} only (the feature-scaling lesson uses both).", name=f"`{ui.safe(names[0])}`"))

c, win, (ws, bs, Z), order, seen, x_lim = ui.sgd_comparison(X, y, tuple(names), target, eta, batch, epochs, (w0, b0),
                                                             seed)
fits = c.fits

for key, f in fits.items():
    if f.diverged_at is not None:
        st.warning(tr("{method} diverged at update {t}: θ left ±1e8 or the loss stopped being a finite number. "
                      "The plots keep the updates before it; try a smaller learning rate (gradient descent needs "
                      "η < {limit} on these data).", method=METHODS[key], t=f.diverged_at,
                      limit=ui.num(c.lr_limit)), icon="💥")
    elif f.losses[-1] > f.losses[0]:
        st.warning(tr("{method}: the loss grew from {a} to {b}. The learning rate is too large for it (gradient "
                      "descent needs η < {limit} on these data).", method=METHODS[key], a=ui.num(f.losses[0]),
                      b=ui.num(f.losses[-1]), limit=ui.num(c.lr_limit)), icon="📈")

names_shown = {"gd": tr("GD"), "sgd": tr("SGD"),
               "minibatch": tr("mini-batch m = {m}", m=fits["minibatch"].batch_size)}
short = {"gd": tr("GD"), "sgd": tr("SGD"), "minibatch": tr("mini-batch")}
colors = {k: figures.OPTIMIZER_COLORS[k] for k in fits}

# --- the moment to show: examples seen so far ---------------------------------------------------

total_examples = n * epochs
left, right = st.columns([3, 2], gap="medium")
figure_box, steps_box = ui.under_figure("gd-main-t", where=left)  # the examples seen, right under the paths
ui.part()  # the examples seen rerun what follows; they open after one epoch, the slide's moment (SGD's n-th update)
u = ui.stepper("t", tr("Examples seen so far (= SGD updates)"), total_examples, n, back=tr("One example back"),
               forward=tr("One more example"), where=steps_box)
idx = {k: sgd.index_at(f, u, n) for k, f in fits.items()}

with figure_box:
    paths = [figures.Path(fits[k].params, names_shown[k], colors[k]) for k in ("gd", "minibatch", "sgd")]
    current = [fits[k].params[idx[k]] for k in ("gd", "minibatch", "sgd")]
    fig = fig_sgd.paths_contour(ws, bs, Z, paths, current, c.theta_star,
                                tr("L(w, b) and the paths over {e} epochs", e=epochs), win, tr("least squares"),
                                marker_sizes=[9, 6, 4], height=380 if ui.presenting() else 460)
    ui.chart(fig, key="contour", on_click=("w0", "b0"),
             alt=" ".join(ui.loss_story(fits[k].losses, idx[k], name=names_shown[k]) for k in idx))

with right:
    # SGD's update u used example order[u − 1] (if SGD diverged before it, there is no such update).
    picked = int(order[u - 1]) if 1 <= u <= len(fits["sgd"].params) - 1 else None
    if picked is not None:
        st.markdown(tr("SGD's update {u} used example n = {i}: x = {x}, ŷ = {y}.", u=u, i=picked,
                       x=ui.num(X[picked, 0]), y=ui.num(y[picked])))
    else:
        st.markdown(tr("Before any update: every run is at θ⁰."))
    rows = [{tr("method"): names_shown[k], tr("updates"): idx[k], "L(w, b)": ui.num(fits[k].losses[idx[k]])}
            for k in ("gd", "minibatch", "sgd")]
    ui.table(rows, "now")
    st.caption(tr("Updates made after {u} examples: gradient descent {g}, mini-batch {m}, SGD {s}. The big dots "
                  "on the contours and the lines below show where each run is now.", u=u, g=idx["gd"],
                  m=idx["minibatch"], s=idx["sgd"]))
    st.markdown(tr("**Pick an example xⁿ, update.** Step through the examples one by one."))

# The data and the updates per epoch under the contour and its numbers: those stay whole on a projector.
if upload is None:
    st.caption(tr("{n} examples of y = 1 + 2x + noise (data seed {seed}). The least-squares line is "
                  "w* = {w}, b* = {b}, with L* = {loss}.", n=n, seed=data_seed, w=ui.num(c.theta_star[0]),
                  b=ui.num(c.theta_star[1]), loss=ui.num(c.loss_star)))

st.markdown(tr("**Updates per epoch** (an epoch: all {n} examples seen once; m: examples per update)", n=n))
cols = st.columns(3)
labels = {"gd": tr("Gradient descent (m = {n})", n=n), "sgd": tr("SGD (m = 1)"),
          "minibatch": tr("Mini-batch (m = {m})", m=fits["minibatch"].batch_size)}
helps = {"gd": tr("One update after seeing all {n} examples.", n=n),
         "sgd": tr("One update for each example: {n} per epoch.", n=n),
         "minibatch": tr("One update per batch of m = {m}: ⌈{n} / {m}⌉ per epoch (the last batch may be smaller).",
                         m=fits["minibatch"].batch_size, n=n)}
for col, key in zip(cols, fits):
    col.metric(labels[key], str(fits[key].updates_per_epoch), help=helps[key])

# --- loss against epochs and against updates, the line over the data -----------------------------

left, right = st.columns(2, gap="medium")
with left:
    tab_epochs, tab_updates = ui.views("view", {"epochs": tr("Loss against epochs"),
                                                "updates": tr("Loss against updates")})
    with tab_epochs:
        if tab_epochs.open:
            series = [(short[k], seen[k], fits[k].losses, colors[k]) for k in ("gd", "minibatch", "sgd")]
            ui.chart(fig_sgd.loss_against(series, c.loss_star, tr("Loss against epochs"),
                                          tr("epochs (passes over all {n} examples)", n=n),
                                          "L*", height=420, x_max=epochs), key="loss_epochs")
    with tab_updates:
        if tab_updates.open:
            series = [(short[k], range(len(fits[k].losses)), fits[k].losses, colors[k])
                      for k in ("gd", "minibatch", "sgd")]
            ui.chart(fig_sgd.loss_against(series, c.loss_star, tr("Loss against the number of updates"),
                                          tr("number of parameter updates"), "L*", height=420,
                                          x_max=total_examples), key="loss_updates")
    st.caption(tr("Log scale. Dotted: L*, the least-squares loss, the lowest any line can reach. A line that "
                  "leaves the top: that loss grew."))
with right:
    thetas = tuple(tuple(float(v) for v in fits[k].params[idx[k]]) for k in ("gd", "minibatch", "sgd"))
    # Two points a line: cheaper to compute than to look up in a cache.
    drawn = [sgd.line(theta, x_lim) for theta in thetas + (tuple(float(v) for v in c.theta_star),)]
    lines = [fig_sgd.Line(xs_, ys_, short[k], colors[k]) for (xs_, ys_), k in
             zip(drawn[:3], ("gd", "minibatch", "sgd"))]
    lines.append(fig_sgd.Line(*drawn[3], tr("least squares"), "#000000", dash="dot", width=2))
    ui.chart(fig_sgd.data_lines(X[:, 0], y, lines, picked, tr("The fitted lines after {u} examples", u=u),
                                names[0], target, f"n = {picked}" if picked is not None else "",
                                tr("examples")), key="lines")

# --- the numbers ------------------------------------------------------------------------------

table = []
for key in ("gd", "minibatch", "sgd"):
    f = fits[key]
    row = {tr("method"): names_shown[key], tr("examples per update"): f.batch_size,
           tr("updates per epoch"): f.updates_per_epoch,
           tr("updates in {e} epochs", e=epochs): f.updates_per_epoch * epochs}
    for label, e in ((tr("L after 1 epoch"), 1), (tr("L after {e} epochs", e=epochs), epochs)):
        loss = sgd.loss_after_epoch(f, e)
        row[label] = tr("diverged") if loss is None else ui.num(loss)
    table.append(row)
ui.table(table, "methods")
st.caption(tr("Gradient descent on this L converges only for η < 2/λ_max = {gd} (λ_max: the largest curvature "
              "of L). L adds up the curvature of all n examples, one example's Lⁿ has only its own: every single "
              "SGD update is safe up to η = {one}, {ratio} times larger. That is why SGD can take the same η in "
              "n small steps where gradient descent takes one big one.", gd=ui.num(c.lr_limit),
              one=ui.num(c.example_lr_limit), ratio=ui.num(c.example_lr_ratio, 2)))

ui.notice([
    tr("With {n} examples, SGD makes {n} updates per epoch and gradient descent one. Against epochs (the same "
       "examples seen) SGD is far ahead; against updates gradient descent has only made a few, each after "
       "seeing all {n} examples.", n=n),
    tr("SGD's path is noisy: each update follows one example's Lⁿ, not L, so it zig-zags around the least-squares "
       "point and never quite settles with a constant η. Mini-batches average m examples: less noise, fewer "
       "updates."),
    tr("Change the shuffle seed: SGD and mini-batch visit the examples in another order and take another path; "
       "gradient descent, which always sees all of them, does not change."),
    tr("Lower η to 0.005: with the same η, SGD's n small steps of an epoch add up to about one step of gradient "
       "descent, and gradient descent is even a little ahead per epoch. SGD's advantage here is that it stays "
       "stable at an η where gradient descent, on the sum L, overshoots."),
    tr("Set m = n and the mini-batch run is gradient descent; set m = 1 and it is SGD."),
])
