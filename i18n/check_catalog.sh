#!/usr/bin/env bash
# Fails when i18n/<lang>.po has untranslated or fuzzy entries, lacks a msgid of the .pot, does not
# compile with msgfmt --check, or when the sources hold a string i18n/madoguchi.pot lacks.
# Usage: check_catalog.sh <source-root> <lang>
set -euo pipefail
root=$1
lang=$2
pot="$root/i18n/madoguchi.pot"
po="$root/i18n/$lang.po"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0

"$root/i18n/extract_messages.sh" "$root" "$work/fresh.pot"
if ! msgcmp --use-untranslated "$pot" "$work/fresh.pot" 2>"$work/missing"; then
  echo "FAIL: strings in the sources are missing from i18n/madoguchi.pot (build the madoguchi_pot target):"
  # msgcmp names each missing entry by its line in the fresh extraction: print those msgids.
  grep -o 'fresh.pot:[0-9]*' "$work/missing" | cut -d: -f2 | head -40 | while read -r line; do
    sed -n "$((line - 1))p" "$work/fresh.pot"
  done
  status=1
fi
# Strings the sources dropped only warn: they cost nothing at run time.
if ! msgcmp --use-untranslated "$work/fresh.pot" "$pot" 2>"$work/stale"; then
  echo "warning: i18n/madoguchi.pot holds strings the sources no longer use (build the madoguchi_pot target)"
fi
if ! msgcmp "$po" "$pot" 2>"$work/untranslated"; then
  echo "FAIL: i18n/$lang.po lacks translations for msgids of the .pot (build madoguchi_po_update, then translate):"
  head -60 "$work/untranslated"
  status=1
fi
# msgfmt --statistics: "N translated messages[, M fuzzy translations][, K untranslated messages]."
if ! msgfmt --check --statistics -o /dev/null "$po" 2>"$work/statistics"; then
  cat "$work/statistics"
  echo "FAIL: msgfmt --check refuses i18n/$lang.po"
  status=1
fi
cat "$work/statistics"
if grep -q 'fuzzy\|untranslated' "$work/statistics"; then
  echo "FAIL: i18n/$lang.po has fuzzy or untranslated entries:"
  msgattrib --only-fuzzy --no-obsolete --no-wrap "$po" | grep '^msgid ' | grep -v '^msgid ""$' | head -40
  msgattrib --untranslated --no-obsolete --no-wrap "$po" | grep '^msgid ' | grep -v '^msgid ""$' | head -40
  status=1
fi
[ "$status" -eq 0 ] && echo "i18n/$lang.po: complete, matches the sources"
exit $status
