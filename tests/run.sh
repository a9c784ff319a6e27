#!/bin/sh
# tests/run.sh BUILD_DIR[@pg]... [--tsan DIR] [--fuzz DIR] — runs every
# test against each build directory: the cmocka unit tests (TAP output) and
# the CLI tests that drive the real binary; BUILD_DIR@pg runs them, and the
# browser tests, on a throw-away PostgreSQL cluster (scripts/pg-test.sh)
# instead of SQLite.  When given, the concurrency tests on the
# ThreadSanitizer build and each fuzz target for FUZZ_SECONDS (30); then the
# browser tests.  Ends with the line "N passed, N failed"; exits 1 when any
# failed.
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
pgdir=""
trap 'rm -f "$log" "$log.out" "$log.cli"; [ -n "$pgdir" ] && sh "$top/scripts/pg-test.sh" stop "$pgdir/cluster" && rm -rf "$pgdir"' EXIT
specs=""
tsan=""
fuzz=""
while [ $# -gt 0 ]; do
	case $1 in
	--tsan) tsan=$2; shift 2 ;;
	--fuzz) fuzz=$2; shift 2 ;;
	*) specs="$specs $1"; shift ;;
	esac
done

# unit_test BINARY PREFIX: its TAP lines, named; a crash or non-zero exit
# fails.
unit_test() {
	name=$(basename "$1")
	CMOCKA_MESSAGE_OUTPUT=TAP "$1" >"$log.out" 2>&1
	rc=$?
	grep -E '^(not )?ok ' "$log.out" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$2$name: |" | tee -a "$log"
	if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log.out"; then
		echo "not ok - $2$name: exited $rc" | tee -a "$log"
		tail -60 "$log.out"
	elif grep -q '^not ok' "$log.out"; then
		grep -v -E '^(ok|not ok|1\.\.)' "$log.out" | head -40
	fi
}

# cli_test SCRIPT SECSTEP PREFIX: each CLI script declares its plan ("1..N",
# from `plan N` in lib.sh): a script that dies halfway, runs a different
# number of checks than planned or exits non-zero is a failure, whatever it
# printed.
cli_test() {
	name=$(basename "$1" .sh)
	SECSTEP="$2" TOP="$top" sh "$1" >"$log.cli" 2>&1
	rc=$?
	grep -E '^(not )?ok ' "$log.cli" | sed "s|^\(not \)\{0,1\}ok - |&$3|" >>"$log"
	grep -v -E '^(ok |1\.\.[0-9]+$)' "$log.cli" | sed "s|^\(not \)\{0,1\}ok - |&$3|"
	planned=$(sed -n 's/^1\.\.\([0-9][0-9]*\)$/\1/p' "$log.cli" | head -1)
	ran=$(grep -c -E '^(not )?ok ' "$log.cli")
	if [ -z "$planned" ]; then
		echo "not ok - $3$name: declares no plan (plan N after sourcing lib.sh)" | tee -a "$log"
	elif [ "$ran" -ne "$planned" ]; then
		echo "not ok - $3$name: ran $ran checks, planned $planned" | tee -a "$log"
	fi
	if [ "$rc" -ne 0 ]; then
		echo "not ok - $3$name: exited $rc" | tee -a "$log"
	fi
}

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

for spec in $specs; do
	build=${spec%@pg}
	bdir="$top/$build"
	prefix=""
	unset SECSTEP_TEST_DB
	if [ "$spec" != "$build" ]; then
		prefix="pg: "
		pgdir=$(mktemp -d)
		# a free port: other checkouts may run their own cluster at once
		pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
		if url=$(sh "$top/scripts/pg-test.sh" start "$pgdir/cluster" "$pgport" 2>"$log.out"); then
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
		[ -x "$t" ] && unit_test "$t" "$prefix"
	done
	for t in "$top"/tests/cli/t[0-9]*.sh; do
		cli_test "$t" "$bdir/secstep" "$prefix"
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

# ThreadSanitizer: the tests that run threads, on the TSan build.  A data
# race makes the program exit 66 (so the test fails); tests/tsan.supp
# names the libraries whose own locking TSan cannot see.
if [ -n "$tsan" ]; then
	echo "== $tsan (ThreadSanitizer)"
	export TSAN_OPTIONS="suppressions=$top/tests/tsan.supp exitcode=66 second_deadlock_stack=1"
	unit_test "$top/$tsan/tests/test_threads" "tsan: "
	export LOAD_ROUNDS=1
	cli_test "$top/tests/cli/t0170-concurrency.sh" "$top/$tsan/secstep" "tsan: "
	unset LOAD_ROUNDS
	# the servers' watch on PostgreSQL (its thread, the sessions kept)
	pgdir=$(mktemp -d)
	pgport=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	if url=$(sh "$top/scripts/pg-test.sh" start "$pgdir/cluster" "$pgport" 2>"$log.out"); then
		export SECSTEP_TEST_DB="$url"
		unit_test "$top/$tsan/tests/test_watch" "tsan: pg: "
		cli_test "$top/tests/cli/t0130-two-servers.sh" "$top/$tsan/secstep" "tsan: pg: "
		unset SECSTEP_TEST_DB
		sh "$top/scripts/pg-test.sh" stop "$pgdir/cluster"
	else
		echo "not ok - tsan: pg: a PostgreSQL cluster for the tests could not start" | tee -a "$log"
		cat "$log.out"
	fi
	rm -rf "$pgdir"
	pgdir=""
	unset TSAN_OPTIONS
fi

# Fuzzing: each target briefly on its seed corpus (make fuzz-long: longer).
if [ -n "$fuzz" ]; then
	echo "== $fuzz (libFuzzer, ${FUZZ_SECONDS:-30} s per target)"
	targets=$(for f in "$top"/fuzz/fuzz_*.c; do basename "$f" .c | sed 's/^fuzz_//'; done)
	# shellcheck disable=SC2086
	FUZZ_SEED=${FUZZ_SEED:-1} sh "$top/fuzz/run.sh" "$fuzz" "${FUZZ_SECONDS:-30}" $targets | tee -a "$log"
fi

# The browser tests once more on SQLite, against the ASan+UBSan build when
# it exists.
echo "== browser"
bin="$top/build-san/secstep"
[ -x "$bin" ] || bin="$top/build/secstep"
browser_tests "$bin" ""
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok' "$log")
rm -f "$log.out" "$log.cli"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
