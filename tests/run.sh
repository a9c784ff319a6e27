#!/bin/sh
# tests/run.sh BUILD_DIR[@pg]... — runs every test against each build
# directory: the cmocka unit tests (TAP output) and the CLI tests that drive
# the real binary; BUILD_DIR@pg runs them, and the browser tests, on a
# throw-away PostgreSQL cluster (scripts/pg-test.sh) instead of SQLite.
# Ends with the line "N passed, N failed"; exits 1 when any failed.
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
pgdir=""
trap 'rm -f "$log"; [ -n "$pgdir" ] && sh "$top/scripts/pg-test.sh" stop "$pgdir"' EXIT

# browser_tests BIN PREFIX: the browser tests (tests/browser, node:test +
# playwright-core + Chromium) against BIN.  Node's TAP reporter prints one
# "ok N - name" / "not ok N - name" line per test() at column 0; subtests
# and the YAML details are indented, so only the tests count.
browser_tests() {
	if [ -x /usr/bin/chromium ] && [ -d "$top/node_modules/playwright-core" ] && command -v node >/dev/null 2>&1; then
		echo "# SECSTEP_BIN=$1"
		(cd "$top" && SECSTEP_BIN="$1" node --test --test-reporter=tap tests/browser/) >"$log.out" 2>&1
		rc=$?
		grep -E '^(not )?ok [0-9]+ - ' "$log.out" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$2browser: |" | tee -a "$log"
		if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log.out"; then
			echo "not ok - $2browser: node --test exited $rc" | tee -a "$log"
			tail -40 "$log.out"
		elif grep -q '^not ok' "$log.out"; then
			# the YAML block of each failure, without the stack traces
			awk '/^not ok [0-9]+ - /{p=1; print "# " $0; next}
			     p && /^  \.\.\.$/ {p=0; next}
			     p && /^  stack:/ {s=1; next}
			     p && s && /^    / {next}
			     {s=0} p {print}' "$log.out" | head -150
		fi
	else
		echo "not ok - $2browser tests: chromium or playwright-core missing" | tee -a "$log"
	fi
}

for spec in "$@"; do
	build=${spec%@pg}
	bdir="$top/$build"
	prefix=""
	unset SECSTEP_TEST_DB
	if [ "$spec" != "$build" ]; then
		prefix="pg: "
		pgdir=$(mktemp -d)
		if url=$(sh "$top/scripts/pg-test.sh" start "$pgdir/cluster" 2>"$log.out"); then
			export SECSTEP_TEST_DB="$url"
		else
			echo "not ok - pg: a PostgreSQL cluster for the tests could not start" | tee -a "$log"
			cat "$log.out"
			continue
		fi
		echo "== $build on PostgreSQL ($url)"
	else
		echo "== $build"
	fi
	for t in "$bdir"/tests/test_*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log.out" 2>&1
		rc=$?
		grep -E '^(not )?ok ' "$log.out" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$prefix$name: |" | tee -a "$log"
		if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log.out"; then
			echo "not ok - $name: exited $rc" | tee -a "$log"
			cat "$log.out"
		elif grep -q '^not ok' "$log.out"; then
			grep -v -E '^(ok|not ok|1\.\.)' "$log.out" | head -40
		fi
	done
	for t in "$top"/tests/cli/t[0-9]*.sh; do
		SECSTEP="$bdir/secstep" TOP="$top" sh "$t" 2>&1 | sed "s|^\(not \)\{0,1\}ok - |&$prefix|" | tee -a "$log" | grep -v '^ok ' || true
	done
	if [ -n "$prefix" ]; then
		echo "== browser on PostgreSQL"
		browser_tests "$bdir/secstep" "$prefix"
		sh "$top/scripts/pg-test.sh" stop "$pgdir/cluster"
		rm -rf "$pgdir"
		pgdir=""
		unset SECSTEP_TEST_DB
	fi
done
# The browser tests once more on SQLite, against the ASan+UBSan build when
# it exists.
echo "== browser"
bin="$top/build-san/secstep"
[ -x "$bin" ] || bin="$top/build/secstep"
browser_tests "$bin" ""
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok' "$log")
rm -f "$log.out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
