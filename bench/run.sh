#!/bin/sh
# bench/run.sh BUILD — runs the benchmarks and prints their figures.
set -e
build=${1:-build}
echo "== core: import, status and plan (bench/bench_core.c)"
"$build/bench/bench_core" "${BENCH_COMPANIES:-1000}"
echo
echo "== web: dashboard and status API under wrk, against nginx serving the same page (bench/web.sh)"
sh bench/web.sh "$build"
