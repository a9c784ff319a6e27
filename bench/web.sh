#!/bin/sh
# bench/web.sh BUILD — the web benchmark.
#
# Imports a generated 300-person company (bench/gen_company.c) into a fresh
# database in a temporary folder, starts `secstep serve` on a free loopback
# port, signs up through the first-run setup, and runs wrk against the
# dashboard (GET /c/ID) and the status API (GET /api/v1/companies/ID/status)
# with that session.  Then it saves the dashboard's HTML once and serves it
# as a static file with nginx on another loopback port, for a yardstick.
# Prints req/s, p50 and p99 of each run, the ratio dashboard / nginx-static,
# the server's peak RSS (VmHWM) and whether the aims of the issue are met:
#   dashboard >= 50% of nginx-static throughput, p99 <= 10 ms at 64
#   connections, RSS < 64 MiB.
# An aim not met is reported, not an error: the exit status is 0 unless the
# benchmark itself could not run.  Traffic goes to 127.0.0.1 only; the
# server and nginx are stopped and the folder removed on the way out.
#
# Environment: BENCH_WEB_DURATION (default 10s), BENCH_WEB_PEOPLE (300),
# BENCH_DB (an empty PostgreSQL database's URL to run on PostgreSQL; by
# default a SQLite file in the temporary folder).
set -eu

build=${1:-build}
secstep=$build/secstep
gen=$build/bench/gen_company
duration=${BENCH_WEB_DURATION:-10s}
people=${BENCH_WEB_PEOPLE:-300}
threads=2
conns=64

for tool in wrk nginx curl; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		echo "web bench: skipped: $tool is not installed (apt-get install wrk nginx-light curl)" >&2
		exit 0
	fi
done
for f in "$secstep" "$gen"; do
	[ -x "$f" ] || { echo "web bench: $f is missing (run make bench)" >&2; exit 1; }
done

tmp=$(mktemp -d "${TMPDIR:-/tmp}/secstep-web-bench.XXXXXX")
server_pid=
nginx_pid=

cleanup() {
	if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
		kill -TERM "$server_pid" 2>/dev/null || :
		wait "$server_pid" 2>/dev/null || :
	fi
	if [ -n "$nginx_pid" ] && kill -0 "$nginx_pid" 2>/dev/null; then
		kill -TERM "$nginx_pid" 2>/dev/null || :
		wait "$nginx_pid" 2>/dev/null || :
	fi
	rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

die() {
	echo "web bench: $*" >&2
	exit 1
}

# port_busy PORT: true when some TCP socket (v4 or v6) uses PORT locally.
port_busy() {
	awk -v p="$(printf '%04X' "$1")" '
		FNR > 1 { n = split($2, a, ":"); if (a[n] == p) found = 1 }
		END { exit !found }' /proc/net/tcp /proc/net/tcp6 2>/dev/null
}

# free_port FROM: the first port from FROM upwards that nothing uses.
free_port() {
	p=$1
	while port_busy "$p"; do
		p=$((p + 1))
	done
	echo "$p"
}

# wait_http URL: waits up to 10 s for URL to answer at all.
wait_http() {
	i=0
	while [ $i -lt 100 ]; do
		if curl -s -o /dev/null --max-time 1 "$1"; then
			return 0
		fi
		i=$((i + 1))
		sleep 0.1
	done
	return 1
}

# to_ms VALUE: wrk's "635.91us" / "1.20ms" / "2.00s" in milliseconds.
to_ms() {
	echo "$1" | awk '{
		v = $1 + 0
		if ($1 ~ /us$/) v /= 1000
		else if ($1 ~ /ms$/) v += 0
		else if ($1 ~ /m$/) v *= 60000
		else if ($1 ~ /s$/) v *= 1000
		printf "%.3f", v
	}'
}

# bench NAME URL [COOKIE]: runs wrk; sets rps_NAME, p50_NAME, p99_NAME.
rps_dashboard="" rps_nginx_static="" p99_dashboard="" p99_api_status=""
bench() {
	name=$1
	url=$2
	out=$tmp/wrk-$name.txt
	if [ -n "${3:-}" ]; then
		wrk -t "$threads" -c "$conns" -d "$duration" --latency -H "Cookie: $3" "$url" >"$out" 2>&1 ||
			die "wrk failed for $url: $(cat "$out")"
	else
		wrk -t "$threads" -c "$conns" -d "$duration" --latency "$url" >"$out" 2>&1 ||
			die "wrk failed for $url: $(cat "$out")"
	fi
	rps=$(awk '$1 == "Requests/sec:" { print $2 }' "$out")
	p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' "$out")")
	p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' "$out")")
	[ -n "$rps" ] || die "no figures from wrk for $url: $(cat "$out")"
	bad=$(awk '/Non-2xx or 3xx responses:/ { print $NF }' "$out")
	errs=$(awk '/Socket errors:/ { sub(/.*Socket errors: */, ""); print }' "$out")
	printf '%-28s %10.0f req/s   p50 %7.3f ms   p99 %7.3f ms' "$name" "$rps" "$p50" "$p99"
	[ -z "$bad" ] || printf '   (%s non-2xx/3xx!)' "$bad"
	[ -z "$errs" ] || printf '   (socket errors: %s)' "$errs"
	echo
	eval "rps_$name=\$rps p50_$name=\$p50 p99_$name=\$p99"
}

# ---- the data ----
db=${BENCH_DB:-$tmp/bench.db}
"$gen" "$people" >"$tmp/company.json"
company=$("$secstep" --db "$db" --json import "$tmp/company.json" | tr -dc '0-9')
[ -n "$company" ] || die "import printed no company id"

# ---- the server ----
base=$((20000 + $$ % 20000))
port=
tries=0
while [ -z "$port" ] && [ $tries -lt 5 ]; do
	p=$(free_port "$base")
	"$secstep" --db "$db" serve --listen "127.0.0.1:$p" --quiet  \
		>"$tmp/serve.out" 2>"$tmp/serve.err" &
	server_pid=$!
	if wait_http "http://127.0.0.1:$p/healthz" && kill -0 "$server_pid" 2>/dev/null; then
		port=$p
	else
		kill -TERM "$server_pid" 2>/dev/null || :
		wait "$server_pid" 2>/dev/null || :
		server_pid=
		base=$((p + 1))
		tries=$((tries + 1))
	fi
done
[ -n "$port" ] || die "secstep serve did not start: $(cat "$tmp/serve.err")"
app=http://127.0.0.1:$port

# An owner account from the command line, and a session from /login.
printf 'bench-password-123\n' | "$secstep" --db "$db" user add bench@example.test --name "Bench Owner" >/dev/null ||
	die "user add failed"
"$secstep" --db "$db" member add "$company" bench@example.test --role owner >/dev/null || die "member add failed"
code=$(curl -s -o /dev/null -w '%{http_code}' -c "$tmp/cookies" \
	--data-urlencode "login=bench@example.test" --data-urlencode "password=bench-password-123" "$app/login")
case $code in 30[0-9]) ;; *) die "POST /login answered $code" ;; esac
sid=$(awk '$6 == "sid" { print $7 }' "$tmp/cookies")
[ -n "$sid" ] || die "sign-in gave no session cookie"
cookie="sid=$sid"

dash=$app/c/$company
api=$app/api/v1/companies/$company/status
for u in "$dash" "$api"; do
	code=$(curl -s -o /dev/null -w '%{http_code}' -b "$cookie" "$u")
	[ "$code" = 200 ] || die "GET $u answered $code before the run"
done

# ---- the static yardstick: the dashboard's HTML served by nginx ----
mkdir -p "$tmp/www" "$tmp/nginx"
curl -s -f -b "$cookie" -o "$tmp/www/dashboard.html" "$dash" || die "could not save the dashboard"
size=$(wc -c <"$tmp/www/dashboard.html" | tr -d ' ')
nport=$(free_port $((port + 1)))
# Workers run as this user, so they can read the private temp folder (as
# root, nginx would otherwise switch them to nobody; as another user the
# line is ignored with a warning).
cat >"$tmp/nginx.conf" <<EOF
user $(id -un) $(id -gn);
worker_processes 2;
daemon off;
pid $tmp/nginx/nginx.pid;
error_log $tmp/nginx/error.log warn;
events { worker_connections 1024; }
http {
	access_log off;
	default_type text/html;
	sendfile on;
	client_body_temp_path $tmp/nginx/body;
	proxy_temp_path $tmp/nginx/proxy;
	fastcgi_temp_path $tmp/nginx/fastcgi;
	uwsgi_temp_path $tmp/nginx/uwsgi;
	scgi_temp_path $tmp/nginx/scgi;
	server {
		listen 127.0.0.1:$nport;
		root $tmp/www;
	}
}
EOF
nginx -p "$tmp/nginx" -e "$tmp/nginx/error.log" -c "$tmp/nginx.conf" >"$tmp/nginx/out.log" 2>&1 &
nginx_pid=$!
if ! wait_http "http://127.0.0.1:$nport/dashboard.html" || ! kill -0 "$nginx_pid" 2>/dev/null; then
	die "nginx did not start: $(cat "$tmp/nginx/out.log" "$tmp/nginx/error.log" 2>/dev/null)"
fi

# ---- the runs ----
echo "web: $people people, dashboard $size bytes; wrk -t $threads -c $conns -d $duration; $(nproc 2>/dev/null || echo '?') CPUs"
bench dashboard "$dash" "$cookie"
bench api_status "$api" "$cookie"
bench nginx_static "http://127.0.0.1:$nport/dashboard.html"

hwm_kb=$(awk '$1 == "VmHWM:" { print $2 }' "/proc/$server_pid/status")
kill -TERM "$server_pid"
wait "$server_pid" || die "secstep serve exited with status $? on SIGTERM"
server_pid=
kill -TERM "$nginx_pid"
wait "$nginx_pid" 2>/dev/null || :
nginx_pid=

# ---- the aims ----
# (awk: the comparisons are in parentheses, or ">" would redirect printf.)
awk -v d="$rps_dashboard" -v n="$rps_nginx_static" -v p99d="$p99_dashboard" -v p99a="$p99_api_status" \
	-v hwm="$hwm_kb" -v c="$conns" 'BEGIN {
	ratio = (n > 0) ? d / n : 0
	printf("dashboard / nginx-static:   %.1f%%\n", ratio * 100)
	printf("secstep peak RSS (VmHWM):   %.1f MiB\n", hwm / 1024)
	printf("aim: dashboard >= 50%% of nginx-static: %s (%.1f%%)\n", (ratio >= 0.50) ? "met" : "NOT MET", ratio * 100)
	printf("aim: p99 < 10 ms at %d connections:    dashboard %s (%.2f ms), api status %s (%.2f ms)\n", c,
		(p99d < 10) ? "met" : "NOT MET", p99d, (p99a < 10) ? "met" : "NOT MET", p99a)
	printf("aim: RSS < 64 MiB:                      %s (%.1f MiB)\n", (hwm < 65536) ? "met" : "NOT MET", hwm / 1024)
}'
