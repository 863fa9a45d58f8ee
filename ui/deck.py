"""The lecture as a deck: the lecture slide by slide, each step one of the app's views with its settings and the
slide's point in one sentence, walked with PageDown (a presentation clicker) or ‹ ›; and a lecturer's own deck,
kept as a link or a small .json file (nothing stored on the server beyond the session).

How one keypress moves: the deck bar's › (shortcut PageDown) has a callback. If the page's stepper (recorded by
:func:`ui.controls.stepper` in the run before) is short of its last update, the callback moves it one update;
otherwise it asks for the next step (a session flag), and :func:`deck_sync`, early in the rerun the click starts,
switches to that step's page with its query. One keypress, one rerun.
"""

from __future__ import annotations

import base64
import binascii
import json
import zlib
from dataclasses import dataclass, field
from typing import Any

import streamlit as st

from i18n import N_, tr, translate
from ui.chrome import page_id
from ui.fmt import safe
from ui.nav import LESSONS
from ui.race import RACE_KEYS
from ui.state import KEPT
from ui.upload import file_drop


@dataclass(frozen=True)
class DeckStep:
    page: str
    """The page's url path (``step-by-step``), as in ui.nav.LESSONS."""
    query: dict[str, str] = field(default_factory=dict)
    """The view's settings, as the page's link writes them."""
    sentence: str = ""
    """The slide's point in one sentence (marked with N_; empty for a lecturer's own step)."""


DECK_PAGE_IDS = {"step-by-step": "step", "learning-rate": "lr", "adagrad": "adagrad", "best-step": "best", "sgd": "sgd",
            "feature-scaling": "scaling", "theory": "theory", "limitations": "limits", "beyond": "beyond",
            "playground": "play"}
"""Each lesson's url path → the page id its widgets' session keys start with (ui.start_page's first argument)."""

_LOSS = ("loss", "f", "r", "x0", "y0")
_RACE = ("steps", "target", "log", "beta", "alpha", "beta1", "beta2", *RACE_KEYS.values(),
         *(f"eta_{k}" for k in RACE_KEYS.values()))
DECK_PAGE_KEYS: dict[str, frozenset[str]] = {
    "step-by-step": frozenset((*_LOSS, "eta", "steps", "t", "pace", "view", "speed")),
    "learning-rate": frozenset(("curve", "x0", "steps", "decay", "very_large", "large", "small", "just_right")),
    "adagrad": frozenset((*_LOSS, "eta", "eta_gd", "decay", "steps", "t", "pace", "part")),
    "best-step": frozenset(("part", "a", "b", "c", "x0", "eta", "a1", "a2", "flat", "sharp", "n", "seed")),
    "sgd": frozenset(("n", "data", "eta", "epochs", "batch", "seed", "w0", "b0", "t", "pace", "view")),
    "feature-scaling": frozenset(("k", "n", "data", "frac", "steps", "target", "t")),
    "theory": frozenset((*_LOSS, "part", "h", "hf", "order", "orders", "w", "a", "b", "d", "angle", "length")),
    "limitations": frozenset(("eta", "steps", "s1", "s2", "s3", "s4", "view", "x1", "y1", "x2", "y2", "x3", "y3",
                              "x4", "y4")),
    "beyond": frozenset((*_LOSS, *_RACE, "view")),
    "playground": frozenset((*_LOSS, *_RACE, "view")),
}
"""The link keys each page reads: a lecturer's deck (a link or a file) may set only these."""

LECTURE_DECK: tuple[DeckStep, ...] = (
    DeckStep("step-by-step", {"steps": "3"}, N_(
        "Start at θ⁰, compute the gradient at θ⁰ and move to θ¹ = θ⁰ − η∇L(θ⁰); compute the gradient at θ¹ and "
        "move to θ² = θ¹ − η∇L(θ¹)…")),
    DeckStep("step-by-step", {"view": "play", "t": "19"}, N_(
        "Update after update: θᵗ⁺¹ = θᵗ − η∇L(θᵗ), until the gradient is (almost) zero.")),
    DeckStep("step-by-step", {"view": "3d", "t": "19"}, N_(
        "θ* = arg min L(θ): gradient descent looks for the lowest point of the loss surface.")),
    DeckStep("learning-rate", {}, N_(
        "Set the learning rate η carefully: very large, large, small, just right.")),
    DeckStep("learning-rate", {"steps": "100"}, N_(
        "With more than three parameters you cannot visualize the paths, but you can always visualize the loss "
        "against the number of updates.")),
    DeckStep("learning-rate", {"decay": "1"}, N_(
        "1/t decay, ηᵗ = η/√(t+1): far from the destination at the beginning, a larger learning rate; close to it, "
        "a smaller one.")),
    DeckStep("adagrad", {"steps": "3"}, N_(
        "Adagrad: divide the learning rate of each parameter by the root mean square of its previous derivatives, "
        "σᵗ.")),
    DeckStep("adagrad", {"decay": "1", "t": "19"}, N_(
        "Learning rate cannot be one-size-fits-all: give different parameters different learning rates.")),
    DeckStep("adagrad", {"part": "contradiction"}, N_(
        "Contradiction? In gradient descent a larger gradient means a larger step; in Adagrad's denominator, a "
        "larger gradient means a smaller step.")),
    DeckStep("adagrad", {"part": "surprise"}, N_(
        "How surprising it is (反差): Adagrad weighs this gradient against the ones before it.")),
    DeckStep("best-step", {}, N_(
        "For one parameter, a larger first derivative means farther from the minimum: the best step is "
        "|2ax₀ + b| / 2a.")),
    DeckStep("best-step", {"part": "cross"}, N_(
        "Do not compare across parameters: the best step is |first derivative| / second derivative.")),
    DeckStep("best-step", {"part": "estimate"}, N_(
        "Use the first derivatives to estimate the second derivative: that is Adagrad's √Σ(gⁱ)².")),
    DeckStep("sgd", {"epochs": "1"}, N_(
        "Stochastic gradient descent: update for each example; with 20 examples, 20 updates while gradient "
        "descent takes one.")),
    DeckStep("sgd", {"epochs": "1", "view": "updates"}, N_(
        "The loss of only one example, Lⁿ: each update is faster, and noisier.")),
    DeckStep("feature-scaling", {}, N_(
        "Feature scaling: make different features have the same scaling, and the contours become round.")),
    DeckStep("feature-scaling", {"k": "100"}, N_(
        "The more different the scales, the more elongated the contours: gradient descent zigzags before it "
        "gets to the minimum.")),
    DeckStep("theory", {}, N_(
        "Is L(θ⁰) > L(θ¹) > L(θ²) > … always true? Taylor series: near x₀, h(x) ≈ h(x₀) + h′(x₀)(x − x₀).")),
    DeckStep("theory", {"part": "plane"}, N_(
        "Multivariable Taylor series: near (a, b), L(θ) ≈ s + u(θ₁ − a) + v(θ₂ − b).")),
    DeckStep("theory", {"part": "circle", "d": "0.2"}, N_(
        "In a small red circle, the point that minimizes L(θ) is (a, b) − η(u, v): this is gradient descent.")),
    DeckStep("theory", {"part": "circle", "d": "3"}, N_(
        "Not satisfied if the red circle (the learning rate) is not small enough.")),
    DeckStep("theory", {"part": "newton"}, N_(
        "You can consider the second-order term, e.g. Newton's method.")),
    DeckStep("limitations", {}, N_(
        "More limitations of gradient descent: very slow at a plateau, stuck at a saddle point, stuck at a local "
        "minimum.")),
    DeckStep("limitations", {"view": "3d"}, N_(
        "The same paths on the loss surface: where the gradient is almost zero, gradient descent almost stops.")),
    DeckStep("beyond", {}, N_(
        "Beyond the lecture: momentum, RMSProp and Adam raced on one loss from one start.")),
    DeckStep("playground", {}, N_(
        "Your turn: any loss you can type, any optimizers, and a link to exactly that setting.")),
)
"""The lecture's deck, in the lecture's order."""

DECK_KEY = "app:deck"
"""The deck's position (0-based) while the deck is on; absent when it is off."""
_CUSTOM_KEY = "app:deck_custom"
"""The lecturer's own deck (a tuple of Steps) when it is the one in use; absent for the lecture's."""
_DRAFT_KEY = "app:deck_draft"
"""The lecturer's deck as being built in the sidebar (a list of Steps)."""
_GO_KEY = "_deck:go"
_SEEN_KEY = "app:deck_url"
DECK_STEPPER_KEY = "_deck:stepper"
"""What the page's stepper recorded in its last run: page id, session key, last update."""
DECK_MAX_STEPS = 60
DECK_MAX_LINK = 3000
"""The longest ``?decklist=`` value read (characters)."""
DECK_MAX_FILE = 20_000
"""The largest deck file read (bytes)."""
_MAX_VALUE = 200


class DeckError(ValueError):
    """A deck (a link or a file) that cannot be used; the message says why, in words."""


def _lesson(url_path: str):
    return next(lesson for lesson in LESSONS if lesson.url_path == url_path)


def deck_steps() -> tuple[DeckStep, ...]:
    """The deck in use: the lecturer's own, else the lecture's."""
    return st.session_state.get(_CUSTOM_KEY) or LECTURE_DECK


def deck_active() -> bool:
    """Whether the deck is on."""
    return DECK_KEY in st.session_state


def deck_position() -> int:
    return int(min(max(st.session_state.get(DECK_KEY, 0), 0), len(deck_steps()) - 1))


# --- a deck as data: validated, a link, a file ----------------------------------------------------

def deck_validate(data: Any) -> tuple[DeckStep, ...]:
    """A lecturer's deck from its data: ``{"version": 1, "steps": [{"page": …, "query": {…}}, …]}``. Only the
    app's pages and the link keys each page reads; raises :class:`DeckError` saying what is wrong."""
    if not isinstance(data, dict) or data.get("version") != 1 or not isinstance(data.get("steps"), list):
        raise DeckError(tr("it is not a deck of this app (a version 1 list of steps)"))
    raw_steps = data["steps"]
    if not raw_steps:
        raise DeckError(tr("it has no steps"))
    if len(raw_steps) > DECK_MAX_STEPS:
        raise DeckError(tr("it has more than {n} steps", n=DECK_MAX_STEPS))
    out = []
    for i, item in enumerate(raw_steps, start=1):
        if not isinstance(item, dict) or not isinstance(item.get("page"), str) or item["page"] not in DECK_PAGE_KEYS:
            raise DeckError(tr("step {i} is not one of the app's pages", i=i))
        query = item.get("query", {})
        if not isinstance(query, dict):
            raise DeckError(tr("step {i}'s settings are not a list of names and values", i=i))
        for key, value in query.items():
            if key not in DECK_PAGE_KEYS[item["page"]]:
                raise DeckError(tr("step {i} has a setting its page does not have", i=i))
            if not isinstance(value, str) or len(value) > _MAX_VALUE or not value.isprintable():
                raise DeckError(tr("step {i} has a setting whose value is not a short text", i=i))
        out.append(DeckStep(item["page"], dict(query)))
    return tuple(out)


def _to_data(deck: tuple[DeckStep, ...] | list[DeckStep]) -> dict:
    return {"version": 1, "steps": [{"page": s.page, "query": dict(s.query)} for s in deck]}


def deck_to_json(deck) -> str:
    """The deck as a small .json file."""
    return json.dumps(_to_data(deck), ensure_ascii=False, indent=1)


def deck_from_json(raw: bytes | str) -> tuple[DeckStep, ...]:
    if len(raw) > DECK_MAX_FILE:
        raise DeckError(tr("the file is larger than {kb} KB", kb=DECK_MAX_FILE // 1000))
    try:
        data = json.loads(raw)
    except (ValueError, UnicodeDecodeError):
        raise DeckError(tr("it is not a JSON file")) from None
    return deck_validate(data)


def deck_encode(deck) -> str:
    """The deck in a link: compact JSON, compressed, base64url without padding."""
    text = json.dumps([[s.page, s.query] for s in deck], separators=(",", ":"), ensure_ascii=False)
    return base64.urlsafe_b64encode(zlib.compress(text.encode(), 9)).decode().rstrip("=")


def deck_decode(raw: str) -> tuple[DeckStep, ...]:
    if len(raw) > DECK_MAX_LINK:
        raise DeckError(tr("the deck in the link is too long"))
    try:
        packed = base64.urlsafe_b64decode(raw + "=" * (-len(raw) % 4))
        decomp = zlib.decompressobj()
        text = decomp.decompress(packed, DECK_MAX_FILE)
    except (binascii.Error, zlib.error, ValueError):
        raise DeckError(tr("the deck in the link is damaged")) from None
    if decomp.unconsumed_tail:
        raise DeckError(tr("the deck in the link is too long"))
    try:
        items = json.loads(text)
    except (ValueError, UnicodeDecodeError):
        raise DeckError(tr("the deck in the link is damaged")) from None
    if not isinstance(items, list) or not all(isinstance(i, list) and len(i) == 2 for i in items):
        raise DeckError(tr("the deck in the link is damaged"))
    return deck_validate({"version": 1, "steps": [{"page": p, "query": q} for p, q in items]})


# --- moving ----------------------------------------------------------------------------------------

def _go(index: int) -> None:
    """Ask for step ``index``: the rerun this callback starts switches to it (:func:`deck_sync`)."""
    st.session_state[_GO_KEY] = int(min(max(index, 0), len(deck_steps()) - 1))


def _stepper() -> tuple[str, int, int] | None:
    """The current page's stepper as recorded in its last run: (session key, value, last), or None."""
    rec = st.session_state.get(DECK_STEPPER_KEY)
    if not rec or rec["page"] != page_id():
        return None
    value = st.session_state.get(rec["key"])
    return (rec["key"], int(value), rec["last"]) if isinstance(value, int) else None


def _start_t(default: int) -> int:
    step = deck_steps()[deck_position()]
    try:
        return int(step.query.get("t", default))
    except ValueError:
        return default


def deck_next() -> None:
    """PageDown: the next update where the page has one left, else the next step of the deck."""
    rec = _stepper()
    if rec is not None and rec[1] < rec[2]:
        st.session_state[rec[0]] = rec[1] + 1
        return
    if deck_position() < len(deck_steps()) - 1:
        _go(deck_position() + 1)


def deck_previous() -> None:
    """PageUp: the previous update back to where this step began, else the previous step of the deck."""
    rec = _stepper()
    if rec is not None and rec[1] > _start_t(0):
        st.session_state[rec[0]] = rec[1] - 1
        return
    if deck_position() > 0:
        _go(deck_position() - 1)


def deck_start(index: int = 0) -> None:
    _go(index)


def deck_stop() -> None:
    st.session_state.pop(DECK_KEY, None)
    st.session_state.pop(_GO_KEY, None)


def _forget_page(pid: str) -> None:
    """Forget a page's widgets (values, kept values, open tab) so that the link it opens with sets them."""
    prefixes = (f"{pid}:", f"_seen:{pid}:")
    for k in [k for k in st.session_state if isinstance(k, str) and k.startswith(prefixes)]:
        del st.session_state[k]
    kept = st.session_state.get(KEPT) or {}
    for k in [k for k in kept if k.startswith(f"{pid}:")]:
        del kept[k]


def _step_link(index: int, deck=None) -> dict[str, str]:
    """The query that opens step ``index`` (its settings and ``deck``, plus ``decklist`` for a lecturer's deck)."""
    deck = deck or deck_steps()
    query = {**deck[index].query, "deck": str(index + 1)}
    if deck is not LECTURE_DECK and _CUSTOM_KEY in st.session_state:
        query["decklist"] = deck_encode(deck)
    if st.query_params.get("lang"):
        query["lang"] = st.query_params["lang"]
    return query


def deck_sync() -> None:
    """Early in every run (app.py, after st.navigation): read the deck from a new link (``?deck=N`` and
    ``?decklist=``), switch to the step a click asked for, and keep the deck's position in the link."""
    raw = st.query_params.get("deck")
    raw_list = st.query_params.get("decklist")
    seen = (raw, raw_list)
    if raw is not None and seen != st.session_state.get(_SEEN_KEY):
        if raw_list is not None:
            try:
                st.session_state[_CUSTOM_KEY] = deck_decode(raw_list)
            except DeckError as exc:
                st.session_state.pop(_CUSTOM_KEY, None)
                st.session_state["_deck:note"] = str(exc)
        else:
            st.session_state.pop(_CUSTOM_KEY, None)
        try:
            st.session_state[DECK_KEY] = int(min(max(int(raw) - 1, 0), len(deck_steps()) - 1))
        except ValueError:
            st.session_state[DECK_KEY] = 0
    if _GO_KEY in st.session_state:
        index = st.session_state.pop(_GO_KEY)
        deck = deck_steps()
        step = deck[index]
        st.session_state[DECK_KEY] = index
        st.session_state.pop(DECK_STEPPER_KEY, None)
        _forget_page(DECK_PAGE_IDS[step.page])
        query = _step_link(index, deck)
        st.session_state[_SEEN_KEY] = (query["deck"], query.get("decklist"))
        if st.session_state.get("app:present"):
            # The switch drops the sidebar's presenter switch from the session; app.py reads it back from the
            # link when the link's ``present`` is new to it.
            query["present"] = "1"
            st.session_state.pop("app:present_url", None)
        st.switch_page(_lesson(step.page).script, query_params=query)
    if deck_active():
        text = str(deck_position() + 1)
        if st.query_params.get("deck") != text:
            st.query_params["deck"] = text
        if _CUSTOM_KEY in st.session_state:
            packed = deck_encode(deck_steps())
            if st.query_params.get("decklist") != packed:
                st.query_params["decklist"] = packed
        elif "decklist" in st.query_params:
            del st.query_params["decklist"]
    else:
        for k in ("deck", "decklist"):
            if k in st.query_params:
                del st.query_params[k]
    st.session_state[_SEEN_KEY] = (st.query_params.get("deck"), st.query_params.get("decklist"))


# --- on screen -------------------------------------------------------------------------------------

def _step_title(step: DeckStep) -> str:
    return translate(_lesson(step.page).title)


def _label(index: int) -> str:
    step = deck_steps()[index]
    text = translate(step.sentence) if step.sentence else _step_title(step)
    return f"{index + 1}. {text[:70]}{'…' if len(text) > 70 else ''}"


def _jump(labels: list[str]) -> None:
    _go(labels.index(st.session_state["_deck:jump"]))


def deck_bar() -> None:
    """On a page while the deck is on: the progress mark ("12 / 31"), the slide's sentence, ‹ (PageUp) and
    › (PageDown), a jump to any step, and a way out."""
    if not deck_active():
        return
    if note := st.session_state.pop("_deck:note", None):
        st.warning(tr("The deck in this link cannot be used: {reason}. The lecture's deck is shown.", reason=note),
                   icon="🔗")
    deck, pos = deck_steps(), deck_position()
    step = deck[pos]
    bar = st.container(key="gd_deck_bar", border=True)
    c_prev, c_mark, c_text, c_jump, c_next, c_off = bar.columns([1.7, 1.2, 9, 2.6, 1.7, 0.7],
                                                                vertical_alignment="center")
    c_prev.button("", icon=":material/skip_previous:", key="_deck:prev", on_click=deck_previous,
                  shortcut="PageUp", help=tr("Previous update, else the previous step of the deck"),
                  disabled=pos == 0 and (_stepper() is None or _stepper()[1] <= _start_t(0)), width="stretch")
    c_mark.markdown(f"**{pos + 1} / {len(deck)}**")
    c_text.markdown(translate(step.sentence) if step.sentence else f"**{_step_title(step)}**")
    labels = [_label(i) for i in range(len(deck))]
    st.session_state["_deck:jump"] = labels[pos]
    c_jump.selectbox(tr("Go to step"), labels, key="_deck:jump", on_change=_jump, args=(labels,),
                     label_visibility="collapsed")
    last = pos == len(deck) - 1 and (_stepper() is None or _stepper()[1] >= _stepper()[2])
    c_next.button("", icon=":material/skip_next:", key="_deck:next", on_click=deck_next, shortcut="PageDown",
                  help=tr("Next update, else the next step of the deck"), disabled=last, width="stretch")
    c_off.button("", icon=":material/close:", key="_deck:off", on_click=deck_stop, help=tr("Leave the deck"),
                 width="stretch")


def deck_home() -> None:
    """The home page's "Lecture" section: start the deck (PageDown), or the bar when it is on."""
    st.session_state["_page"] = "home"  # the home page has no start_page: its id, for the deck and "Add this view"
    st.session_state.pop(DECK_STEPPER_KEY, None)
    if deck_active():
        deck_bar()
        return
    st.subheader(tr("The lecture as a deck"))
    c1, c2 = st.columns([2, 5], vertical_alignment="center")
    c1.button(tr("Start the lecture"), icon=":material/slideshow:", key="_deck:start", on_click=deck_start,
              shortcut="PageDown", type="primary", width="stretch")
    c2.markdown(tr("The lecture slide by slide, {n} steps, each one of this app's views with its settings. A "
                   "presentation clicker or the keyboard walks it: PageDown for the next update or step, PageUp to "
                   "go back.", n=len(deck_steps())))


def _current_step() -> DeckStep | None:
    """This view as a deck step: the page and its link's settings (without the deck, language, presenter mode)."""
    pid = page_id()
    page = next((p for p, i in DECK_PAGE_IDS.items() if i == pid), None)
    if page is None:
        return None
    query = {k: v for k, v in st.query_params.to_dict().items() if k in DECK_PAGE_KEYS[page]}
    return DeckStep(page, query)


def _draft() -> list[DeckStep]:
    return st.session_state.setdefault(_DRAFT_KEY, [])


def _add() -> None:
    step = _current_step()
    if step is not None and len(_draft()) < DECK_MAX_STEPS:
        _draft().append(step)


def _move(i: int, delta: int) -> None:
    draft = _draft()
    j = i + delta
    if 0 <= j < len(draft):
        draft[i], draft[j] = draft[j], draft[i]


def _remove(i: int) -> None:
    del _draft()[i]


def _use_mine() -> None:
    st.session_state[_CUSTOM_KEY] = tuple(_draft())
    _go(0)


def _use_lecture() -> None:
    st.session_state.pop(_CUSTOM_KEY, None)
    _go(0)


def _load() -> None:
    upload = st.session_state.get("_deck:upload")
    st.session_state.pop("_deck:bad_file", None)
    if upload is None:
        return
    try:
        st.session_state[_DRAFT_KEY] = list(deck_from_json(upload.getvalue()))
    except DeckError as exc:
        st.session_state["_deck:bad_file"] = str(exc)  # shown while that file stays in the uploader


def deck_sidebar() -> None:
    """The sidebar's deck section: the deck on or off, and the lecturer's own deck (add this view, reorder,
    remove; keep it as a link or a .json file, and open it again)."""
    with st.sidebar.expander(tr("Lecture deck"), icon=":material/slideshow:"):
        if deck_active():
            st.button(tr("Leave the deck"), key="_deck:side_off", on_click=deck_stop, width="stretch")
        else:
            st.button(tr("Start the lecture"), key="_deck:side_start", on_click=_use_lecture, width="stretch")
        st.markdown(tr("**Your own deck**"))
        st.button(tr("Add this view"), icon=":material/add:", key="_deck:add", on_click=_add, width="stretch",
                  disabled=len(_draft()) >= DECK_MAX_STEPS,
                  help=tr("This page with its settings as they are now."))
        draft = _draft()
        for i, step in enumerate(draft):
            c1, c2, c3, c4 = st.columns([5, 1, 1, 1], vertical_alignment="center", gap="small")
            c1.markdown(f"{i + 1}. {_step_title(step)}")
            if step.query:
                c1.caption(safe(", ".join(f"{k} = {v}" for k, v in step.query.items())))
            c2.button("", icon=":material/arrow_upward:", key=f"_deck:up{i}", on_click=_move, args=(i, -1),
                      help=tr("Move up"), disabled=i == 0)
            c3.button("", icon=":material/arrow_downward:", key=f"_deck:down{i}", on_click=_move, args=(i, 1),
                      help=tr("Move down"), disabled=i == len(draft) - 1)
            c4.button("", icon=":material/delete:", key=f"_deck:rm{i}", on_click=_remove, args=(i,),
                      help=tr("Remove"))
        if draft:
            st.button(tr("Present my deck"), icon=":material/play_arrow:", key="_deck:mine", on_click=_use_mine,
                      width="stretch")
            st.download_button(tr("Download my deck (.json)"), deck_to_json(draft), "deck.json", "application/json",
                               key="_deck:download", width="stretch", on_click="ignore")
            base = (st.context.url or "").split("?", 1)[0]
            first = draft[0]
            from urllib.parse import urlencode

            st.caption(tr("The link to my deck:"))
            st.code(f"{base.rsplit('/', 1)[0]}/{first.page}?"
                    + urlencode({**first.query, "deck": "1", "decklist": deck_encode(draft)}), language=None,
                    wrap_lines=True)
        file_drop(tr("Open a deck file (.json)"), "_deck:upload", ["json"], 1, on_change=_load, max_upload_size=1)
        if bad := st.session_state.get("_deck:bad_file"):
            st.error(tr("This deck file cannot be used: {reason}. Your deck is unchanged.", reason=bad))
