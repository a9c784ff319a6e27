#!/bin/sh
# t0095 — tests/run.sh itself: a CLI test script that dies halfway, runs
# fewer checks than it planned, declares no plan or exits non-zero is
# counted as a failure, whatever it printed; a complete script is not.
. "$TOP/tests/cli/lib.sh"
plan 8

fake="$WORK/repo"
mkdir -p "$fake/tests/cli" "$fake/b"
cp "$TOP/tests/run.sh" "$TOP/tests/cli/lib.sh" "$fake/tests/"
mv "$fake/tests/lib.sh" "$fake/tests/cli/lib.sh"
ln -s "$SECSTEP" "$fake/b/secstep"
cat >"$fake/tests/cli/t0001-good.sh" <<'S'
. "$TOP/tests/cli/lib.sh"
plan 2
ok "one"
ok "two"
S
cat >"$fake/tests/cli/t0002-dies.sh" <<'S'
. "$TOP/tests/cli/lib.sh"
plan 3
ok "one"
ok "two"
kill -9 $$
ok "three"
S
cat >"$fake/tests/cli/t0003-short.sh" <<'S'
. "$TOP/tests/cli/lib.sh"
plan 3
ok "one"
S
cat >"$fake/tests/cli/t0004-exit.sh" <<'S'
. "$TOP/tests/cli/lib.sh"
plan 1
ok "one"
exit 3
S
cat >"$fake/tests/cli/t0005-noplan.sh" <<'S'
. "$TOP/tests/cli/lib.sh"
ok "one"
S
sh "$fake/tests/run.sh" b >"$WORK/run.out" 2>&1
RC=$?
OUT=$(cat "$WORK/run.out")
if [ "$RC" -ne 0 ]; then ok "run.sh exits non-zero"; else notok "run.sh exits non-zero" "exit 0"; fi
expect_out "a script killed halfway fails" "not ok - t0002-dies: ran 2 checks, planned 3"
expect_out "a script killed halfway: its exit status counts" "not ok - t0002-dies: exited"
expect_out "fewer checks than planned fail" "not ok - t0003-short: ran 1 checks, planned 3"
expect_out "a non-zero exit fails" "not ok - t0004-exit: exited 3"
expect_out "a script without a plan fails" "not ok - t0005-noplan: declares no plan"
case "$OUT" in *"not ok - t0001-good"*) notok "a complete script passes" "$(grep t0001 "$WORK/run.out")" ;; *) ok "a complete script passes" ;; esac
expect_out "its checks are counted" "passed, "
