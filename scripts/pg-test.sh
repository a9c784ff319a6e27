#!/bin/sh
# scripts/pg-test.sh start DIR [PORT] | stop DIR — a throw-away PostgreSQL
# cluster for the tests, in DIR, on 127.0.0.1:PORT (default 54329), with
# trust authentication for the local user "secstep".  `start` prints the
# URL to put in SECSTEP_TEST_DB.  As root, the cluster runs as the user
# "postgres" (made by Debian's postgresql package): PostgreSQL refuses root.
set -e
cmd=${1:?usage: pg-test.sh start DIR [PORT] | stop DIR}
dir=${2:?usage: pg-test.sh start DIR [PORT] | stop DIR}
port=${3:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
	echo "pg-test: PostgreSQL's server programs are not installed (apt-get install postgresql)" >&2
	exit 1
fi
as() {
	if [ "$(id -u)" -eq 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}
case "$cmd" in
start)
	mkdir -p "$dir"
	if [ "$(id -u)" -eq 0 ]; then
		# the cluster's user must reach its folder (mktemp -d makes 0700 ones)
		chmod 755 "$(dirname "$dir")"
		chown postgres "$dir"
	fi
	if [ ! -f "$dir/data/PG_VERSION" ]; then
		as "$bin/initdb" -D "$dir/data" -A trust -U secstep -E UTF8 --locale=C.UTF-8 >"$dir/initdb.log" 2>&1 || {
			cat "$dir/initdb.log" >&2
			exit 1
		}
	fi
	as "$bin/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 \
		-o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" \
		start >/dev/null
	echo "postgresql://secstep@127.0.0.1:$port/postgres"
	;;
stop)
	as "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
	rm -rf "$dir"
	;;
*)
	echo "usage: pg-test.sh start DIR [PORT] | stop DIR" >&2
	exit 2
	;;
esac
