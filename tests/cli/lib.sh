# tests/cli/lib.sh — helpers for the CLI tests.  Each t*.sh sources this,
# declares how many checks it runs (`plan N`, printed as "1..N"), drives
# $SECSTEP (the real binary) in a scratch directory and prints one TAP-style
# line per check: "ok - NAME" or "not ok - NAME".  tests/run.sh counts a
# script that runs fewer or more checks than planned, or exits non-zero, as
# a failure.
set -u
: "${SECSTEP:?SECSTEP must name the binary}"
: "${TOP:?TOP must name the repository}"
# the scripts work in a scratch folder: make a relative binary path absolute
case $SECSTEP in /*) ;; */*) SECSTEP=$(pwd)/$SECSTEP ;; esac
WORK=$(mktemp -d)
T_FILE=$(basename "$0" .sh)
T_DBS=""
# new_db NAME: a new, empty database for this script — a file, or, when
# SECSTEP_TEST_DB names a PostgreSQL server (postgresql://USER@HOST:PORT/DB),
# a new database there (dropped at the end).
new_db() {
	if [ -n "${SECSTEP_TEST_DB:-}" ]; then
		n_name="t_$(echo "$T_FILE" | tr -c 'a-z0-9\n' '_')_$1_$$"
		psql -q "$SECSTEP_TEST_DB" -c "DROP DATABASE IF EXISTS $n_name" -c "CREATE DATABASE $n_name" >/dev/null 2>&1
		T_DBS="$T_DBS $n_name"
		echo "${SECSTEP_TEST_DB%/*}/$n_name"
	else
		echo "$WORK/$1.db"
	fi
}
cleanup() {
	for n in $T_DBS; do
		psql -q "$SECSTEP_TEST_DB" -c "DROP DATABASE IF EXISTS $n WITH (FORCE)" >/dev/null 2>&1
	done
	rm -rf "$WORK"
}
trap cleanup EXIT
cd "$WORK" || exit 1
export SECSTEP_TODAY=2026-11-25
SECSTEP_DB=$(new_db test)
export SECSTEP_DB
unset SECSTEP_LANG

plan() { echo "1..$1"; }
ok() { echo "ok - $T_FILE: $1"; }
notok() { echo "not ok - $T_FILE: $1"; shift; for l in "$@"; do echo "#   $l"; done; }

# run CMD...: runs secstep, capturing $OUT, $ERR and $RC.
run() {
	"$SECSTEP" "$@" >"$WORK/.out" 2>"$WORK/.err"
	RC=$?
	OUT=$(cat "$WORK/.out")
	ERR=$(cat "$WORK/.err")
}

# expect_rc NAME CODE CMD...: the command exits with CODE.
expect_rc() {
	name=$1 code=$2
	shift 2
	run "$@"
	if [ "$RC" -eq "$code" ]; then ok "$name"; else notok "$name" "exit $RC, want $code" "stderr: $ERR"; fi
}

# expect_out NAME TEXT: the last run's stdout contains TEXT.
expect_out() {
	case "$OUT" in *"$2"*) ok "$1" ;; *) notok "$1" "stdout lacks: $2" "stdout: $(echo "$OUT" | head -5)" ;; esac
}

# expect_err NAME TEXT: the last run's stderr contains TEXT.
expect_err() {
	case "$ERR" in *"$2"*) ok "$1" ;; *) notok "$1" "stderr lacks: $2" "stderr: $(echo "$ERR" | head -5)" ;; esac
}

# jq-free JSON checks: python3 evaluates EXPR with the last stdout as `d`.
expect_json() {
	name=$1 expr=$2
	if printf '%s' "$OUT" | python3 -c "import json,sys; d=json.load(sys.stdin); sys.exit(0 if ($expr) else 1)" 2>"$WORK/.pyerr"; then
		ok "$name"
	else
		notok "$name" "false: $expr" "$(cat "$WORK/.pyerr" | tail -1)" "stdout: $(echo "$OUT" | head -c 300)"
	fi
}

# db_sum: a fingerprint of the database's content (to prove nothing changed),
# read from a backup (the same SQLite file from either backend) without the
# counters and the audit log's own record of the backup.
db_sum() {
	rm -f "$WORK/.sum.db"
	case "$SECSTEP_DB" in
	postgres*) "$SECSTEP" backup "$WORK/.sum.db" >/dev/null 2>&1 || { echo "none"; return; } ;;
	*) [ -f "$SECSTEP_DB" ] || { echo "none"; return; }
	   "$SECSTEP" backup "$WORK/.sum.db" >/dev/null 2>&1 || { echo "none"; return; } ;;
	esac
	python3 - "$WORK/.sum.db" <<'PY'
import sqlite3, sys, hashlib, os
c = sqlite3.connect(sys.argv[1])
c.execute("delete from audit where action = 'backup'")
h = hashlib.sha256()
for (t,) in c.execute("select name from sqlite_master where type='table' and name <> 'sqlite_sequence' order by name"):
    for row in sorted(c.execute(f"select * from {t}").fetchall(), key=repr):
        h.update(repr(row).encode())
print(h.hexdigest())
PY
}

# refused NAME WHERE CMD...: exit 1, "secstep: WHERE" on stderr, database
# content unchanged.
refused() {
	r_name=$1 r_where=$2
	shift 2
	r_before=$(db_sum)
	run "$@"
	if [ "$RC" -eq 1 ]; then ok "$r_name: exit 1"; else notok "$r_name: exit 1" "exit $RC, want 1" "stderr: $ERR"; fi
	expect_err "$r_name: stderr names $r_where" "secstep: $r_where"
	r_after=$(db_sum)
	if [ "$r_before" = "$r_after" ]; then ok "$r_name: nothing written"; else notok "$r_name: nothing written" "database content changed"; fi
}

# json_check NAME PYEXPR CMD...: the command exits 0 and PYEXPR holds for
# its JSON stdout (d = the parsed output).
json_check() {
	c_name=$1 c_expr=$2
	shift 2
	run "$@"
	if [ "$RC" -ne 0 ]; then notok "$c_name" "exit $RC" "stderr: $ERR"; return; fi
	expect_json "$c_name" "$c_expr"
}
