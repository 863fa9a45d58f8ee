"""Entrypoint: page config, language and the navigation over the lesson pages. No lesson logic."""

import streamlit as st

from i18n import LANGUAGES, from_locale, parse_code, set_language, tr
from ui import PRESENTER_KEY, freeze_loaded_modules, safe
from ui.deck import deck_sidebar, deck_sync
from ui.nav import navigation_pages

LANG_KEY = "app:lang"
"""The language selector's session key: outside the pages, whose widget keys start with the page's id."""
LANG_NOTE_KEY = "app:lang_note"
LANG_SEEN_KEY = "app:lang_url"

freeze_loaded_modules()


def choose_language() -> tuple[str, str]:
    """This session's language and the browser's default.

    ``?lang=`` in the link wins when it is new (the first run, or a link changed from outside); a value that
    is not a language leaves a note. Without it: the browser's language (``st.context.locale``), else English.
    Later runs keep what the selector holds.
    """
    default = from_locale(st.context.locale)
    raw = st.query_params.get("lang")
    if LANG_KEY not in st.session_state or raw != st.session_state.get(LANG_SEEN_KEY):
        code = parse_code(raw)
        if raw is not None and code is None:
            st.session_state[LANG_NOTE_KEY] = raw
        if code is not None or LANG_KEY not in st.session_state:
            st.session_state[LANG_KEY] = code or default
    return st.session_state[LANG_KEY], default


lang, _browser_lang = choose_language()
set_language(lang)
# Presenter mode (?present=1): larger type and figures for a projector; a prepared link opens in it with
# the sidebar folded away (its arrow brings the settings back).
# The session's choice holds: a link switches it only when it says so (``present=1`` on, ``present=0`` off) and
# is new (not the value this app wrote last); a link without it (the top menu's, the home page's) keeps it,
# and presenter mode is written back into the link below, so the address bar, back/forward and a reload keep it.
PRESENT_SEEN_KEY = "app:present_url"
_present_raw = st.query_params.get("present")
if _present_raw in ("0", "1") and _present_raw != st.session_state.get(PRESENT_SEEN_KEY):
    st.session_state[PRESENTER_KEY] = _present_raw == "1"
elif PRESENTER_KEY not in st.session_state:
    st.session_state[PRESENTER_KEY] = False
st.set_page_config(page_title=tr("Gradient descent, step by step"), page_icon="📉", layout="wide",
                   initial_sidebar_state="collapsed" if st.session_state[PRESENTER_KEY] else "auto")


navigation = st.navigation(navigation_pages(), position="top")

# The selector writes the session's language; the page re-runs in it, on the same page with the same link.
st.sidebar.selectbox(tr("Language"), list(LANGUAGES), key=LANG_KEY,
                     format_func=LANGUAGES.__getitem__, on_change=lambda: st.session_state.pop(LANG_NOTE_KEY, None))
# Any language but English stays in the link, so a lecturer's link opens in the lecturer's language even
# for a student whose browser prefers another; English, the fallback, keeps links short.
if lang == "en":
    if "lang" in st.query_params:
        del st.query_params["lang"]
elif st.query_params.get("lang") != lang:
    st.query_params["lang"] = lang
st.session_state[LANG_SEEN_KEY] = st.query_params.get("lang")
st.sidebar.toggle(tr("Presenter mode"), key=PRESENTER_KEY,
                  help=tr("Larger type and figures for a projector. The link keeps it: ?present=1."))
if st.session_state[PRESENTER_KEY]:
    if st.query_params.get("present") != "1":
        st.query_params["present"] = "1"
elif "present" in st.query_params:
    del st.query_params["present"]
st.session_state[PRESENT_SEEN_KEY] = st.query_params.get("present")
if LANG_NOTE_KEY in st.session_state:
    st.warning(tr("The link's value for **{label}** (`{raw}`) cannot be used here, so the default **{default}** is "
                  "shown.", label=tr("Language"), raw=safe(st.session_state[LANG_NOTE_KEY]) or " ",
                  default=LANGUAGES[lang]), icon="🔗")

# The lecture as a deck (?deck=N): a click's step switches page here, before the page runs; the sidebar's section.
deck_sync()
deck_sidebar()

navigation.run()
