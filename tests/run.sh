#!/bin/sh
# tests/run.sh BUILD_DIR... — runs every test against each build directory:
# the cmocka unit tests (TAP output) and the CLI tests that drive the real
# binary.  Ends with the line "N passed, N failed"; exits 1 when any failed.
top=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
for build in "$@"; do
	bdir="$top/$build"
	echo "== $build"
	for t in "$bdir"/tests/test_*; do
		[ -x "$t" ] || continue
		name=$(basename "$t")
		CMOCKA_MESSAGE_OUTPUT=TAP "$t" >"$log.out" 2>&1
		rc=$?
		grep -E '^(not )?ok ' "$log.out" | sed "s|^\(not \)\{0,1\}ok [0-9]* - |&$name: |" | tee -a "$log"
		if [ $rc -ne 0 ] && ! grep -q '^not ok' "$log.out"; then
			echo "not ok - $name: exited $rc" | tee -a "$log"
			cat "$log.out"
		elif grep -q '^not ok' "$log.out"; then
			grep -v -E '^(ok|not ok|1\.\.)' "$log.out" | head -40
		fi
	done
	for t in "$top"/tests/cli/t[0-9]*.sh; do
		SECSTEP="$bdir/secstep" TOP="$top" sh "$t" 2>&1 | tee -a "$log" | grep -v '^ok ' || true
	done
done
passed=$(grep -c '^ok ' "$log")
failed=$(grep -c '^not ok' "$log")
rm -f "$log.out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
