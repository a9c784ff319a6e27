#!/bin/sh
# bench/scale.sh BUILD — SQLite and PostgreSQL side by side (issue 15).
#
# For each backend: generates BENCH_SCALE_COMPANIES companies (default
# 10000) of about BENCH_SCALE_PEOPLE people (default 50: 500,000 people),
# imports them with their summaries and puts them in one support body's
# care (bench/bench_core.c prints the import rate, status+plan per company,
# the portfolio read from the summaries and the database size); then
# serves that database and times, over HTTP as the body's adviser, a page
# of the portfolio (aim <= 100 ms) and the whole portfolio as CSV (aim <=
# 300 ms); then runs the web benchmark (bench/web.sh: dashboard and status
# API under wrk against nginx serving the same bytes) on a fresh database
# of the same backend.  PostgreSQL is a throw-away cluster
# (scripts/pg-test.sh) in a temporary folder.
set -eu
build=${1:-build}
secstep=$build/secstep
n=${BENCH_SCALE_COMPANIES:-10000}
people=${BENCH_SCALE_PEOPLE:-50}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/secstep-scale.XXXXXX")
server_pid=
cleanup() {
	[ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null
	sh scripts/pg-test.sh stop "$tmp/pg" >/dev/null 2>&1 || :
	rm -rf "$tmp"
}
trap cleanup EXIT

# median of the numbers on stdin
median() {
	sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'
}

# http_times DB: serves DB, signs in as the body's adviser, times the
# portfolio's first page and its CSV.
http_times() {
	db=$1
	printf 'scale-password-123\n' | "$secstep" --db "$db" user add adviser@bench.test --name Adviser >/dev/null
	"$secstep" --db "$db" body adviser add 1 adviser@bench.test >/dev/null
	port=$((30000 + $$ % 20000))
	"$secstep" --db "$db" serve --listen "127.0.0.1:$port" --quiet >/dev/null 2>"$tmp/serve.err" &
	server_pid=$!
	i=0
	until curl -s -o /dev/null "http://127.0.0.1:$port/healthz"; do
		i=$((i + 1)); [ $i -gt 100 ] && { echo "scale: the server did not start: $(cat "$tmp/serve.err")"; return 1; }
		sleep 0.1
	done
	curl -s -o /dev/null -c "$tmp/jar" --data-urlencode login=adviser@bench.test \
		--data-urlencode password=scale-password-123 "http://127.0.0.1:$port/login"
	for k in 1 2 3 4 5 6 7 8 9 10 11; do
		curl -s -o /dev/null -b "$tmp/jar" -w '%{time_total}\n' "http://127.0.0.1:$port/b/1?after=$((k * 700))"
	done | tail -n 10 | awk '{ print $1 * 1000 }' | median >"$tmp/page"
	for k in 1 2 3 4 5 6; do
		curl -s -o "$tmp/portfolio.csv" -b "$tmp/jar" -w '%{time_total}\n' "http://127.0.0.1:$port/b/1/export/portfolio.csv"
	done | tail -n 5 | awk '{ print $1 * 1000 }' | median >"$tmp/csv"
	rows=$(($(wc -l <"$tmp/portfolio.csv") - 1))
	printf 'portfolio page over HTTP:  %.1f ms (median of 10; aim <= 100 ms)\n' "$(cat "$tmp/page")"
	printf 'portfolio CSV over HTTP:   %.1f ms for %d companies (median of 5; aim <= 300 ms)\n' "$(cat "$tmp/csv")" "$rows"
	kill "$server_pid"
	wait "$server_pid" 2>/dev/null || :
	server_pid=
}

echo "== SQLite: $n companies, about $people people each"
"$build/bench/bench_core" "$n" "$tmp/scale.db" "$people"
http_times "$tmp/scale.db"
rm -f "$tmp/scale.db"*
echo
echo "== SQLite: web (bench/web.sh)"
sh bench/web.sh "$build"

if url=$(sh scripts/pg-test.sh start "$tmp/pg" 54339 2>"$tmp/pg-start.err"); then
	base=${url%/*}
	psql -q "$url" -c "CREATE DATABASE scale" -c "CREATE DATABASE web"
	echo
	echo "== PostgreSQL: $n companies, about $people people each"
	"$build/bench/bench_core" "$n" "$base/scale" "$people"
	http_times "$base/scale"
	echo
	echo "== PostgreSQL: web (bench/web.sh)"
	BENCH_DB="$base/web" sh bench/web.sh "$build"
else
	echo "scale: PostgreSQL skipped: the cluster did not start: $(cat "$tmp/pg-start.err")"
fi
