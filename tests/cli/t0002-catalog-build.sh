#!/bin/sh
# t0002 — the catalog is compiled at build time: the generator
# (tools/catgen) turns catalog/*.json into C tables and refuses a broken
# catalog, naming the file, the path and the item; `make` fails then and
# leaves no generated file that it would take as up to date.
. "$TOP/tests/cli/lib.sh"
plan 19

BUILD_DIR=$(cd "$(dirname "$SECSTEP")" && pwd)
CATGEN="$BUILD_DIR/tools/catgen"

# fresh_catalog: a private copy of the catalog in $WORK/cat.
fresh_catalog() {
	rm -rf "$WORK/cat"
	mkdir "$WORK/cat"
	cp "$TOP"/catalog/*.json "$WORK/cat/"
}

# edit FILE PYCODE: changes $WORK/cat/FILE with PYCODE (the document is `d`).
edit() {
	python3 - "$WORK/cat/$1" "$2" <<'PY'
import json, sys
p = sys.argv[1]
d = json.load(open(p, encoding="utf-8"))
exec(sys.argv[2])
json.dump(d, open(p, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
PY
}

# gen NAME: runs the generator on $WORK/cat into $WORK/out.c.
gen() {
	"$CATGEN" "$WORK/out.c" "$WORK"/cat/*.json >"$WORK/.out" 2>"$WORK/.err"
	RC=$?
	ERR=$(cat "$WORK/.err")
}

# ---- the generator itself ----
fresh_catalog
gen
if [ "$RC" -eq 0 ] && [ -s "$WORK/out.c" ]; then ok "the catalog compiles"; else notok "the catalog compiles" "exit $RC" "$ERR"; fi
if grep -q 'const catalog catalog_data = {' "$WORK/out.c" && grep -q '"cp-4-4"' "$WORK/out.c"; then
	ok "the output defines the typed tables"
else
	notok "the output defines the typed tables"
fi
cp "$WORK/out.c" "$WORK/good.c"

edit steps.json 'd["steps"][0]["measures"][0]["resources"] = ["res-does-not-exist"]'
gen
if [ "$RC" -eq 1 ]; then ok "dangling reference: exit 1"; else notok "dangling reference: exit 1" "exit $RC"; fi
expect_err "dangling reference: file, path, item and reference named" \
	"steps.json: steps[0].measures[0] (m-1-appoint-one): refers to unknown resource \"res-does-not-exist\""
if cmp -s "$WORK/out.c" "$WORK/good.c" && [ ! -e "$WORK/out.c.tmp" ]; then
	ok "dangling reference: the earlier output is untouched, no partial file"
else
	notok "dangling reference: the earlier output is untouched, no partial file"
fi

fresh_catalog
edit steps.json 'del d["steps"][1]["checkpoints"][1]["title"]["en"]; d["steps"][2]["tasks"][0]["summary"]["ja"] = " "'
gen
if [ "$RC" -eq 1 ]; then ok "missing language: exit 1"; else notok "missing language: exit 1" "exit $RC"; fi
expect_err "missing language: the item is named" "steps.json: steps[1].checkpoints[1].title.en (cp-2-2): missing language"
expect_err "empty text: the item is named" "steps[2].tasks[0].summary.ja (task-3-1): empty text"
expect_err "the problems are counted" "the catalog is broken (2 problems); nothing written"

fresh_catalog
edit resources.json 'd["resources"][1]["id"] = d["resources"][0]["id"]'
edit cases.json 'd["cases"] = d["cases"][:3]'
gen
expect_err "duplicate id named" "duplicate id \"res-ipa-basics\""
expect_err "missing case named" "required case \"case-d\" is missing"

fresh_catalog
printf '{"steps": [' >"$WORK/cat/steps.json"
gen
if [ "$RC" -eq 1 ]; then ok "bad JSON: exit 1"; else notok "bad JSON: exit 1" "exit $RC"; fi
expect_err "bad JSON: the file and line are named" "steps.json: line 1:"

# ---- make: a broken catalog fails the build ----
# A private build directory with a copy of this build's generator (newer
# than its sources, so make does not rebuild it).
mkdir -p "$WORK/b/tools"
cp "$CATGEN" "$WORK/b/tools/catgen"
mk() {
	(unset MAKEFLAGS MFLAGS MAKELEVEL; cd "$TOP" && make -s BUILD="$WORK/b" CATALOG_DIR="$WORK/cat" "$@" "$WORK/b/gen/catalog_data.c") \
		>"$WORK/.out" 2>"$WORK/.err"
	RC=$?
	ERR=$(cat "$WORK/.err")
}
fresh_catalog
edit reference.json 'd["measure_kinds"] = [k for k in d["measure_kinds"] if k["id"] != "service"]'
mk
if [ "$RC" -ne 0 ]; then ok "make fails on a broken catalog"; else notok "make fails on a broken catalog" "make exited 0"; fi
expect_err "make names the problem" "reference.json: measure_kinds: required id \"service\" is missing"
if [ ! -e "$WORK/b/gen/catalog_data.c" ] && [ ! -e "$WORK/b/gen/catalog_data.c.tmp" ]; then
	ok "make leaves no generated file behind"
else
	notok "make leaves no generated file behind" "$(ls "$WORK/b/gen")"
fi
fresh_catalog
mk
if [ "$RC" -eq 0 ] && [ -s "$WORK/b/gen/catalog_data.c" ]; then ok "make generates the mended catalog"; else notok "make generates the mended catalog" "$ERR"; fi
sleep 1
edit steps.json 'del d["steps"][3]["tasks"][2]["title"]["ja"]'
mk
expect_err "make names the item with the missing language" "steps[3].tasks[2].title.ja (task-4-3): missing language"
mk -q
if [ "$RC" -ne 0 ]; then ok "after a failure make still knows the tables are out of date"; else notok "after a failure make still knows the tables are out of date"; fi
