#!/usr/bin/env bash
# `geoevents parse` as a person or a script meets it: formats, exit statuses,
# messages, one bad file in a batch. The articles are the project's samples.
# usage: parse.sh GEOEVENTS_BINARY SOURCE_DIR   (GEOEVENTS_INDEX names the real index)
set -uo pipefail
bin=$1
src=$2
fail=0
check() { if eval "$2"; then echo "ok: $1"; else echo "FAILED: $1"; fail=1; fi; }
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fr=$src/samples/barkhane/article-fr.txt
en=$src/samples/barkhane/article-en.txt
py() { python3 -c "$1"; }

out=$("$bin" parse "$fr"); rc=$?
check "one article: exit 0" '[ $rc -eq 0 ]'
check "one article: one JSON object with toponyms and events" \
  'echo "$out" | py "import json,sys; d=json.load(sys.stdin); assert isinstance(d, dict) and d[\"toponyms\"] and d[\"events\"]"'

LD_DEBUG=files "$bin" parse "$fr" >/dev/null 2>"$tmp/loaded"
check "one article is read without loading GDAL (113 libraries, about 30 ms of start-up)" \
  'grep -q "libgeos" "$tmp/loaded" && ! grep -q "libgdal" "$tmp/loaded"'

out=$("$bin" parse "$fr" "$en"); rc=$?
check "two articles: a JSON array of two" '[ $rc -eq 0 ] && echo "$out" | py "import json,sys; d=json.load(sys.stdin); assert isinstance(d, list) and len(d) == 2"'
check "two articles: the withdrawal lists both sources" \
  'echo "$out" | py "import json,sys; d=json.load(sys.stdin); assert any(e[\"type\"]==\"withdrawal\" and len(e[\"sources\"])==2 for e in d[0][\"events\"])"'

# The page's related-stories headlines are not the story: a place named there has no role.
printf 'Soldiers were deployed in Niger on Tuesday.\n\nRelated stories\nChad struggles with new arrivals\n' > "$tmp/related.txt"
out=$("$bin" parse "$tmp/related.txt" 2>/dev/null); rc=$?
check "parse: a place named only in a related-stories line has no role" \
  '[ $rc -eq 0 ] && echo "$out" | py "import json,sys; d=json.load(sys.stdin); r={t[\"place\"][\"country\"]: t[\"role\"] for t in d[\"toponyms\"] if t.get(\"place\")}; assert r[\"NE\"]==\"location\" and r[\"TD\"] is None, r"'

out=$("$bin" parse --format jsonl "$fr" "$en"); rc=$?
check "jsonl: one line per article" '[ $rc -eq 0 ] && [ "$(echo "$out" | wc -l)" -eq 2 ]'

out=$("$bin" parse --format text "$fr"); rc=$?
check "text: a summary for a person" '[ $rc -eq 0 ] && [[ "$out" == *"Places"*"Events"* ]]'

printf 'Le Mali\xff et le Niger.\n' > "$tmp/bad.txt"
"$bin" parse "$tmp/bad.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "invalid UTF-8: exit 3, file and byte named" '[ $rc -eq 3 ] && grep -q "bad.txt: byte 7" "$tmp/err"'
out=$("$bin" parse --lenient "$tmp/bad.txt" 2>"$tmp/err"); rc=$?
check "--lenient: exit 0, replacements reported" '[ $rc -eq 0 ] && grep -q "1 invalid UTF-8 byte" "$tmp/err"'

printf 'PK\003\004\000\000' > "$tmp/bin.zip"
"$bin" parse "$tmp/bin.zip" >/dev/null 2>"$tmp/err"; rc=$?
check "binary: exit 3, refused" '[ $rc -eq 3 ] && grep -q "binary" "$tmp/err"'

head -c 17000000 /dev/zero | tr '\0' 'a' > "$tmp/huge.txt"
"$bin" parse "$tmp/huge.txt" >/dev/null 2>"$tmp/err"; rc=$?
check "huge: exit 3, refused with the limit" '[ $rc -eq 3 ] && grep -q "too large" "$tmp/err"'

: > "$tmp/empty.txt"
out=$("$bin" parse "$tmp/empty.txt" 2>"$tmp/err"); rc=$?
check "empty: exit 0, a document, a warning" '[ $rc -eq 0 ] && echo "$out" | py "import json,sys; d=json.load(sys.stdin); assert d[\"toponyms\"]==[]" && grep -q "empty" "$tmp/err"'

out=$("$bin" parse --format jsonl "$fr" "$tmp/bad.txt" "$tmp/missing.txt" "$en" 2>"$tmp/err"); rc=$?
check "a batch with bad files: exit 6, the others printed in order" \
  '[ $rc -eq 6 ] && [ "$(echo "$out" | wc -l)" -eq 2 ] && grep -q "missing.txt" "$tmp/err" && grep -q "2 of 4" "$tmp/err"'

"$bin" parse --date 2022-13-45 "$fr" >/dev/null 2>&1; rc=$?
check "a bad --date: exit 2" '[ $rc -eq 2 ]'
"$bin" parse --format xml "$fr" >/dev/null 2>&1; rc=$?
check "a bad --format: exit 2" '[ $rc -eq 2 ]'

"$bin" parse --lexicons "$tmp/none" "$fr" >/dev/null 2>"$tmp/err"; rc=$?
check "missing lexicons: exit 5 and how to make them" '[ $rc -eq 5 ] && grep -q "extract.cjs" "$tmp/err"'

# The lexicon table: missing, damaged or stale tables are refused (exit 5,
# with how to rebuild), and `lexicons build` makes one that reads the same.
lexdir=${GEOEVENTS_LEXICONS:-$src/.cache/lexicons}
mkdir -p "$tmp/lex"
cp "$lexdir"/*.txt "$lexdir"/*.tsv "$tmp/lex/"
"$bin" parse --lexicons "$tmp/lex" "$fr" >/dev/null 2>"$tmp/err"; rc=$?
check "no lexicon table: exit 5 and how to build it" '[ $rc -eq 5 ] && grep -q "geoevents lexicons build" "$tmp/err"'
"$bin" lexicons build --lexicons "$tmp/lex" >/dev/null 2>&1; rc=$?
check "lexicons build: exit 0, a table" '[ $rc -eq 0 ] && [ -s "$tmp/lex/lexicons.bin" ]'
check "a table built here reads like the default one" \
  'cmp -s <("$bin" parse --lexicons "$tmp/lex" "$fr" 2>&1) <("$bin" parse "$fr" 2>&1)'
cp "$tmp/lex/lexicons.bin" "$tmp/table"
head -c 1000 "$tmp/table" > "$tmp/lex/lexicons.bin"
"$bin" parse --lexicons "$tmp/lex" "$fr" >/dev/null 2>"$tmp/err"; rc=$?
check "a truncated table: exit 5, named" '[ $rc -eq 5 ] && grep -q "lexicons.bin: truncated" "$tmp/err"'
cp "$tmp/table" "$tmp/lex/lexicons.bin"
echo "convoi" >> "$tmp/lex/words_fr.txt"
"$bin" parse --lexicons "$tmp/lex" "$fr" >/dev/null 2>"$tmp/err"; rc=$?
check "a stale table: exit 5, rebuild it" '[ $rc -eq 5 ] && grep -q "stale" "$tmp/err" && grep -q "geoevents lexicons build" "$tmp/err"'

out=$(cat "$fr" | "$bin" parse --format jsonl -); rc=$?
check "standard input" '[ $rc -eq 0 ] && echo "$out" | py "import json,sys; d=json.loads(sys.stdin.read()); assert d[\"source\"]==\"<stdin>\""'

out=$("$bin" parse --format jsonl --no-merge "$src/samples/barkhane"); rc=$?
check "a folder: its .txt articles in name order" \
  '[ $rc -eq 0 ] && echo "$out" | py "import json,sys; s=[json.loads(l)[\"source\"] for l in sys.stdin]; assert len(s)==2 and s==sorted(s)"'

out=$(printf '{"id": "one", "text": "Soldiers left Gao for Niamey on 3 March 2022.", "date": "2022-03-03"}\nnot json\n' | \
  "$bin" parse --format jsonl - 2>"$tmp/err"); rc=$?
check "JSON Lines on standard input: exit 6, the good line printed, the bad one named" \
  '[ $rc -eq 6 ] && echo "$out" | py "import json,sys; d=json.loads(sys.stdin.read()); assert d[\"source\"]==\"one\" and d[\"date\"]==\"2022-03-03\"" && grep -q "stdin:2" "$tmp/err"'

out=$("$bin" parse -j 2 --format jsonl "$fr" "$en" "$fr"); rc=$?
check "parallel reading keeps the input order" \
  '[ $rc -eq 0 ] && echo "$out" | py "import json,sys; s=[json.loads(l)[\"source\"] for l in sys.stdin]; assert s[0].endswith(\"fr.txt\") and s[1].endswith(\"en.txt\") and s[2].endswith(\"fr.txt\")"'
exit $fail
