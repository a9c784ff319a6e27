#!/bin/sh
# t0003 — one English term per concept (docs/terms.md): the catalog's
# English strings use none of the banned variants of docs/terms.tsv and
# leave no Japanese bare outside parentheses; the checker itself finds
# them, naming the file, the path and the item, or the line.
. "$TOP/tests/cli/lib.sh"
plan 17

TERMCHECK="$(cd "$(dirname "$SECSTEP")" && pwd)/tools/termcheck"
TERMS="$TOP/docs/terms.tsv"

# check NAME WANT_RC ARGS...: runs the checker; ok when it exits WANT_RC.
check() {
	name=$1 want=$2
	shift 2
	"$TERMCHECK" "$TERMS" "$@" >"$WORK/.out" 2>"$WORK/.err"
	RC=$?
	OUT=$(cat "$WORK/.out")
	ERR=$(cat "$WORK/.err")
	if [ "$RC" -eq "$want" ]; then ok "$name"; else notok "$name" "exit $RC, want $want" "$(head -20 "$WORK/.out")" "$ERR"; fi
}

check "the catalog's English follows the term list" 0 --json "$TOP"/catalog/*.json

cat >"$WORK/bad.json" <<'JSON'
{"items": [
  {"id": "x-1", "title": {"ja": "兼務の担当者", "en": "A Part-Time person in charge"}},
  {"id": "x-2", "title": {"ja": "相談", "en": "Ask the 商工会議所 about cyber security"},
   "note": {"ja": "ok", "en": "Ask the chamber of commerce (商工会議所) about cybersecurity incidents"}},
  {"id": "x-3", "title": {"ja": "事故", "en": "Report security accidents to the responsible person"}},
  {"id": "x-4", "title": {"ja": "専任", "en": "A full-time officer, not a sidejob"}},
  {"id": "x-5", "ja_only": "part-time here is not English text"}
]}
JSON
check "banned variants are found" 1 --json "$WORK/bad.json"
expect_out "any letter case, with the path and the item" \
	'bad.json: items[0].title.en (x-1): "Part-Time" is not our term (兼務: write "alongside their main job / concurrent")'
expect_out "a phrase: person in charge" 'items[0].title.en (x-1): "person in charge" is not our term'
expect_out "cyber security as two words" 'items[1].title.en (x-2): "cyber security" is not our term'
expect_out "security accidents" 'items[2].title.en (x-3): "security accidents" is not our term'
expect_out "responsible person" 'items[2].title.en (x-3): "responsible person" is not our term'
expect_out "full-time" 'items[3].title.en (x-4): "full-time" is not our term'
expect_out "a bare Japanese name" 'items[1].title.en (x-2): Japanese "商工会議所" outside parentheses'
case "$OUT" in
*"items[1].note.en"*) notok "a Japanese gloss in parentheses and the right terms pass" "$OUT" ;;
*) ok "a Japanese gloss in parentheses and the right terms pass" ;;
esac
case "$OUT" in
*"sidejob"* | *"x-5"* | *"items[0].title.ja"*) notok "whole words only, English strings only" "$OUT" ;;
*) ok "whole words only, English strings only" ;;
esac

printf 'Appoint a security officer\nthe staff in charge\nOpen the 日本語 page\nマナビDX courses\n' >"$WORK/lines.txt"
check "--lines: one string per line" 1 --lines "$WORK/lines.txt"
expect_out "--lines names the line" 'lines.txt: line 2: "staff in charge" is not our term'
expect_out "--lines: Japanese outside parentheses" 'lines.txt: line 4: Japanese "マナビ" outside parentheses'
case "$OUT" in
*"line 1"* | *"line 3"*) notok "--lines: good lines and allowed strings pass" "$OUT" ;;
*) ok "--lines: good lines and allowed strings pass" ;;
esac
printf 'a side job\n' | "$TERMCHECK" "$TERMS" --lines - >"$WORK/.out" 2>&1
RC=$?
if [ "$RC" -eq 1 ] && grep -q '^-: line 1: "side job"' "$WORK/.out"; then ok "--lines - reads stdin"; else notok "--lines - reads stdin" "$(cat "$WORK/.out")"; fi
check "a missing file is an error (exit 2)" 2 --json "$WORK/none.json"
