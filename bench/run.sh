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
