#!/bin/sh
# t0105 — the build honours the user's CFLAGS: `make CFLAGS=-O0` compiles
# (the project's include paths and warnings are still added; fortification,
# which needs optimisation, is left out).  Two objects are enough to show
# it; the whole build takes minutes.
. "$TOP/tests/cli/lib.sh"
plan 4

b="$WORK/b"
make -s -C "$TOP" BUILD="$b" CFLAGS="-O0 -g" "$b/src/base/util.o" "$b/src/web/server.o" >"$WORK/make.out" 2>&1
RC=$?
if [ "$RC" -eq 0 ] && [ -f "$b/src/base/util.o" ] && [ -f "$b/src/web/server.o" ]; then ok "make CFLAGS=-O0 compiles"
else notok "make CFLAGS=-O0 compiles" "exit $RC" "$(head -5 "$WORK/make.out")"; fi
OUT=$(make -n -C "$TOP" BUILD="$WORK/n" CFLAGS=-O0 "$WORK/n/src/base/date.o" 2>&1)
expect_out "the user's -O0 is used" " -O0 "
expect_out "the project's flags are added" "-Isrc"
case "$OUT" in *_FORTIFY_SOURCE*) notok "no _FORTIFY_SOURCE without optimisation" "$OUT" ;; *) ok "no _FORTIFY_SOURCE without optimisation" ;; esac
