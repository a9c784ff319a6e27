#!/bin/sh
# bench/run.sh BUILD — runs the benchmarks and prints their figures.
set -e
build=${1:-build}
echo "== start-up: short commands, 100 runs each (bench/startup.sh)"
sh bench/startup.sh "$build"
echo
echo "== core: import, status and plan (bench/bench_core.c)"
"$build/bench/bench_core" "${BENCH_COMPANIES:-1000}"
echo
echo "== report: the management report of a 300-person company, rendered to PDF (bench/bench_report.c)"
doc=$(mktemp)
"$build/bench/gen_company" 300 >"$doc"
"$build/bench/bench_report" "$doc" 20
rm -f "$doc"
echo
echo "== web: dashboard and status API under wrk, against nginx serving the same page (bench/web.sh)"
sh bench/web.sh "$build"
echo
echo "== crash: kill -9 during concurrent writes, ${BENCH_CRASH_ROUNDS:-100} rounds (bench/crash.sh)"
sh bench/crash.sh "$build" "${BENCH_CRASH_ROUNDS:-100}"
echo
echo "== soak: ${BENCH_SOAK_SECONDS:-600} s at 64 connections, pages + API + PDFs, RSS every 30 s (bench/soak.sh)"
sh bench/soak.sh "$build" "${BENCH_SOAK_SECONDS:-600}" 64
