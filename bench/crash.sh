#!/bin/sh
# bench/crash.sh BUILD [ROUNDS] — crash safety at length: ROUNDS (100)
# rounds of kill -9 during concurrent API and form writes, each followed by
# integrity_check and a check that every acknowledged write survived
# (tests/cli/crashtest.py; tests/cli/t0180 runs 5 in make check).  Prints
# rounds, acknowledged writes, lost writes and integrity failures; exits 1
# when anything was lost.
set -eu
build=${1:-build}
rounds=${2:-100}
work=$(mktemp -d "${TMPDIR:-/tmp}/secstep-crash.XXXXXX")
trap 'rm -rf "$work"' EXIT
secstep=$(cd "$(dirname "$build/secstep")" && pwd)/secstep
python3 "$(dirname "$0")/../tests/cli/crashtest.py" "$secstep" "$work" "$rounds"
