#!/bin/sh
# t0180 — crash safety: the server is killed (SIGKILL) at random moments
# while several clients write through the API and the web forms; after each
# kill every acknowledged write is in the database and integrity_check says
# ok (tests/cli/crashtest.py).  CRASH_ROUNDS rounds (5 here; bench/crash.sh
# runs 100).
. "$TOP/tests/cli/lib.sh"
plan 2
T_FILE=$T_FILE python3 "$TOP/tests/cli/crashtest.py" "$SECSTEP" "$WORK" "${CRASH_ROUNDS:-5}" --tap
