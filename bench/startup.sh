#!/bin/sh
# bench/startup.sh BUILD [SECSTEP] — start-up cost of short commands.
#
# Imports samples/company-d.json into a fresh database in a temporary
# folder, then times BENCH_STARTUP_RUNS (default 100) runs each of
# `catalog step 1`, `status ID`, `status ID --json` and `plan ID --json`
# with bench_startup (mean, median, min, max in ms).  SECSTEP defaults to
# BUILD/secstep; pass another binary (an older build) to compare.
set -eu

build=${1:-build}
secstep=${2:-$build/secstep}
runs=${BENCH_STARTUP_RUNS:-100}
top=$(cd "$(dirname "$0")/.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

export SECSTEP_DB="$tmp/bench.db" SECSTEP_TODAY=2026-11-25
id=$("$secstep" import "$top/samples/company-d.json" --json | sed 's/[^0-9]//g')
b="$build/bench/bench_startup"
"$b" "$runs" "catalog step 1" "$secstep" catalog step 1
"$b" "$runs" "catalog step 1 --lang en" "$secstep" catalog step 1 --lang en
"$b" "$runs" "status ID" "$secstep" status "$id"
"$b" "$runs" "status ID --json" "$secstep" status "$id" --json
"$b" "$runs" "plan ID --json" "$secstep" plan "$id" --json
"$b" "$runs" "catalog --json" "$secstep" catalog --json
