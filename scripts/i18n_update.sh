#!/usr/bin/env bash
# Extract every message from the code into i18n/messages.pot, bring the catalogs up to date with it, and
# compile them (Babel's pybabel, from requirements-dev.txt). Then translate the new or changed entries
# (empty or marked fuzzy) in i18n/*/LC_MESSAGES/messages.po and run this again to compile them.
set -euo pipefail
cd "$(dirname "$0")/.."
pybabel -q extract -F i18n/babel.cfg --no-default-keywords --sort-by-file --no-wrap \
    -k tr -k trn:1,2 -k N_ -k ExpressionError -k DataError -k InputError \
    --project "gradient-descent" --copyright-holder "" \
    -o i18n/messages.pot app.py pages ui figures gd_core 2>&1 | grep -v "Skipping f-string with substitutions" || true
for lang in zh_TW zh_CN; do
    if [ ! -f "i18n/$lang/LC_MESSAGES/messages.po" ]; then
        pybabel -q init -i i18n/messages.pot -d i18n -l "$lang"
    fi
done
pybabel -q update -i i18n/messages.pot -d i18n --no-fuzzy-matching --ignore-obsolete --no-wrap
pybabel -q compile -d i18n --statistics
