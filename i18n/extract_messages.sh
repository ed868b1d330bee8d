#!/usr/bin/env bash
# Extracts every user-visible English msgid from the sources into a .pot file.
# Usage: extract_messages.sh <source-root> <output.pot>
# Keywords: _ (wx), N_ (domain markers), wxTRANSLATE, wxPLURAL, wxGETTEXT_IN_CONTEXT.
set -euo pipefail
root=$1
out=$2
cd "$root"
find domain app storage devices gui \( -name '*.cpp' -o -name '*.h' \) -print | LC_ALL=C sort > "$out.files"
xgettext --from-code=UTF-8 --language=C++ --no-wrap --sort-by-file --add-comments=TRANSLATORS: \
  --keyword=_ --keyword=N_ --keyword=wxTRANSLATE --keyword=wxPLURAL:1,2 --keyword=wxGETTEXT_IN_CONTEXT:1c,2 \
  --package-name=madoguchi \
  --files-from="$out.files" -o "$out.new"
rm -f "$out.files"
# The creation date changes on every run; keep the committed file stable.
sed -i '/^"POT-Creation-Date:/d' "$out.new"
# xgettext guesses c-format from any '%': "100% charge" reads as "% c". Keep the flag only on
# msgids with a real printf directive (no space flag), so msgfmt --check tests the real ones.
python3 - "$out.new" <<'PY'
import re, sys
path = sys.argv[1]
directive = re.compile(r'%(?:[-+#0]*)(?:\d+|\*)?(?:\.\d+)?(?:hh|h|ll|l|z|j|t)?[diouxXeEfgGcsp]')
blocks = open(path, encoding='utf-8').read().split('\n\n')
kept = []
for block in blocks:
    lines = block.split('\n')
    msgid = ' '.join(l for l in lines if l.startswith('msgid ') or l.startswith('msgid_plural '))
    if '#, c-format' in lines and not directive.search(msgid.replace('%%', '')):
        lines = [l for l in lines if l != '#, c-format']
    kept.append('\n'.join(lines))
open(path, 'w', encoding='utf-8').write('\n\n'.join(kept))
PY
mv "$out.new" "$out"
