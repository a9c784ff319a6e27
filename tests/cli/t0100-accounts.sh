#!/bin/sh
# t0100 — accounts, memberships, support bodies, tokens and the audit log
# from the command line (CONTRACT.md, "Accounts, support bodies and audit"),
# and what they mean for the API: relations give exactly the access in the
# contract's table; a disabled account's token stops at once; company ids
# are never reused.
. "$TOP/tests/cli/lib.sh"
plan 109
PW="correct horse battery staple"

expect_rc "import company 1" 0 import "$TOP/samples/company-a.json"
expect_rc "import company 2" 0 import "$TOP/samples/company-b.json"

# user add: the password is one line on stdin
run_pw() {
	pw=$1
	shift
	printf '%s\n' "$pw" | "$SECSTEP" "$@" >"$WORK/.out" 2>"$WORK/.err"
	RC=$?
	OUT=$(cat "$WORK/.out")
	ERR=$(cat "$WORK/.err")
}
run_pw "$PW" --json user add Owner@Example.jp --name "山田 太郎" --admin
if [ "$RC" -eq 0 ]; then ok "user add --json exits 0"; else notok "user add --json exits 0" "$ERR"; fi
expect_json "user add --json prints {\"user\": ID}" 'isinstance(d["user"], int) and d["user"] > 0'
for who in officer employee adviser xadviser; do
	run_pw "$PW" user add "$who@example.jp" --name "$who"
	[ "$RC" -eq 0 ] || notok "user add $who" "$ERR"
done
before=$(db_sum)
run_pw "short" user add short@example.jp --name Short
if [ "$RC" -eq 1 ] && [ "$before" = "$(db_sum)" ]; then ok "a password under 10 characters is refused, nothing written"; else notok "short password refused" "rc=$RC $ERR"; fi
expect_err "the refusal says why" "10"
run_pw "same@example.jp" user add same@example.jp --name Same
if [ "$RC" -eq 1 ]; then ok "the login as password is refused"; else notok "login as password refused" "rc=$RC"; fi
run_pw "password123" user add common@example.jp --name Common
if [ "$RC" -eq 1 ]; then ok "a common password is refused"; else notok "common password refused" "rc=$RC"; fi
run_pw "$PW" user add OWNER@example.JP --name Again
if [ "$RC" -eq 1 ]; then ok "a login differing only in case is taken"; else notok "login case" "rc=$RC"; fi
expect_err "the refusal names the login" "OWNER@example.JP"
printf '' | "$SECSTEP" user add nopw@example.jp --name X >/dev/null 2>"$WORK/.err"
if [ $? -eq 1 ]; then ok "no password on stdin: exit 1"; else notok "no password on stdin"; fi

json_check "user list --json: login, name, admin, disabled" \
	'[u["login"] for u in d] == ["Owner@Example.jp","officer@example.jp","employee@example.jp","adviser@example.jp","xadviser@example.jp"] and d[0]["admin"] is True and d[1]["admin"] is False and all(u["disabled"] is False for u in d) and d[0]["name"] == "山田 太郎" and set(d[0]) == {"login","name","admin","disabled"}' \
	--json user list

# memberships
expect_rc "member add owner" 0 member add 1 owner@example.jp --role owner
expect_rc "member add officer" 0 member add 1 officer@example.jp --role officer
expect_rc "member add employee with a person" 0 member add 1 employee@example.jp --role employee --person p3
expect_rc "member add: an unknown role is a usage error" 2 member add 1 officer@example.jp --role boss
refused "member add: an unknown person" "member add" member add 1 officer@example.jp --role officer --person p99
refused "member add: an unknown account" "member add" member add 1 nobody@example.jp --role officer
refused "member add: an unknown company" "member add" member add 99 officer@example.jp --role officer
refused "member remove: the last owner" "member remove" member remove 1 owner@example.jp
expect_err "the refusal says it is the last owner" "経営者"

# support bodies
json_check "body add --json prints {\"body\": ID}" 'isinstance(d["body"], int)' --json body add "北商工会議所"
json_check "a second body" 'd["body"] == 2' --json body add "南ITベンダー"
expect_rc "body adviser add" 0 body adviser add 1 adviser@example.jp
expect_rc "body adviser add (other body)" 0 body adviser add 2 xadviser@example.jp
expect_rc "body company add" 0 body company add 1 1
refused "body company add: no such body" "body company" body company add 9 1
refused "body company add: no such company" "body company" body company add 1 42

# tokens
for who in owner officer employee adviser xadviser; do
	run token add "$who@example.jp" --label "test"
	if [ "$RC" -eq 0 ] && printf '%s' "$OUT" | grep -qx '[0-9a-f]\{64\}'; then
		ok "token add $who prints the token alone on one line"
		eval "TOK_$who=\$OUT"
	else
		notok "token add $who" "rc=$RC out=$OUT err=$ERR"
	fi
done

# the API through the relations, per the contract's table
PORT=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
"$SECSTEP" serve --listen "127.0.0.1:$PORT" --quiet >/dev/null 2>"$WORK/serve.err" &
SPID=$!
i=0
until python3 -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:$PORT/healthz')" 2>/dev/null; do
	i=$((i + 1)); [ $i -gt 100 ] && break; sleep 0.1
done
status() {   # status TOKEN METHOD PATH → HTTP status
	python3 - "$PORT" "$1" "$2" "$3" <<'PY'
import sys, urllib.request, urllib.error
port, tok, method, path = sys.argv[1:5]
req = urllib.request.Request(f"http://127.0.0.1:{port}{path}", method=method, data=b"{}" if method == "POST" else None,
                             headers={"Authorization": f"Bearer {tok}", "Content-Type": "application/json"})
try:
    print(urllib.request.urlopen(req).status)
except urllib.error.HTTPError as e:
    print(e.code)
PY
}
check_status() {   # check_status NAME WANT TOKEN METHOD PATH
	got=$(status "$3" "$4" "$5")
	if [ "$got" = "$2" ]; then ok "$1"; else notok "$1" "$4 $5: $got, want $2"; fi
}
for p in /api/v1/companies/1 /api/v1/companies/1/status /api/v1/companies/1/plan; do
	check_status "owner reads $p" 200 "$TOK_owner" GET "$p"
	check_status "officer reads $p" 200 "$TOK_officer" GET "$p"
	check_status "employee may not read $p" 403 "$TOK_employee" GET "$p"
	check_status "adviser reads $p" 200 "$TOK_adviser" GET "$p"
	check_status "adviser of another body: $p is 404" 404 "$TOK_xadviser" GET "$p"
done
for p in /api/v1/companies/1/tasks/task-1-1 /api/v1/companies/1/diagnosis; do
	check_status "owner writes $p" 200 "$TOK_owner" POST "$p"
	check_status "officer writes $p" 200 "$TOK_officer" POST "$p"
	check_status "employee may not write $p" 403 "$TOK_employee" POST "$p"
	check_status "adviser may not write $p" 403 "$TOK_adviser" POST "$p"
	check_status "adviser of another body: $p is 404" 404 "$TOK_xadviser" POST "$p"
done
check_status "company 2 is 404 for the owner of company 1" 404 "$TOK_owner" GET /api/v1/companies/2
check_status "the portfolio of body 1 for its adviser" 200 "$TOK_adviser" GET /api/v1/bodies/1/portfolio
check_status "the portfolio of body 1 is 404 for another body's adviser" 404 "$TOK_xadviser" GET /api/v1/bodies/1/portfolio
check_status "the portfolio is 404 for an owner" 404 "$TOK_owner" GET /api/v1/bodies/1/portfolio
list() {   # list TOKEN → the companies list as one line of JSON
	python3 - "$PORT" "$1" <<'PY'
import sys, json, urllib.request
port, tok = sys.argv[1:3]
req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/companies", headers={"Authorization": f"Bearer {tok}"})
print(json.dumps(json.load(urllib.request.urlopen(req))))
PY
}
OUT=$(list "$TOK_owner")
expect_json "GET /api/v1/companies: the owner's companies with role" 'd == [{"id": 1, "name": "株式会社サンプル建設", "role": "owner"}]'
OUT=$(list "$TOK_adviser")
expect_json "GET /api/v1/companies: the adviser's, through the body" '[(c["id"], c["role"]) for c in d] == [(1, "adviser")]'
OUT=$(list "$TOK_xadviser")
expect_json "GET /api/v1/companies: nothing for another body's adviser" 'd == []'

# an API write, to find in the audit log under the account's login
python3 - "$PORT" "$TOK_owner" <<'PY' >/dev/null
import sys, urllib.request
port, tok = sys.argv[1:3]
req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/companies/1/tasks/task-1-1", method="POST",
                             data=b'{"status": "doing", "owner": "p2"}',
                             headers={"Authorization": f"Bearer {tok}", "Content-Type": "application/json"})
urllib.request.urlopen(req)
PY

# disabling stops the token at once
expect_rc "user disable" 0 user disable officer@example.jp
check_status "a disabled account's token gets 401" 401 "$TOK_officer" GET /api/v1/companies/1
json_check "user list shows it disabled" '[u["disabled"] for u in d if u["login"] == "officer@example.jp"] == [True]' --json user list
expect_rc "user enable" 0 user enable officer@example.jp
check_status "enabled again, the token works" 200 "$TOK_officer" GET /api/v1/companies/1

# removing a relation removes the access
expect_rc "body company remove" 0 body company remove 1 1
check_status "the adviser no longer reads the company" 404 "$TOK_adviser" GET /api/v1/companies/1
expect_rc "member remove" 0 member remove 1 employee@example.jp
check_status "the removed employee gets 404" 404 "$TOK_employee" GET /api/v1/companies/1

# a deleted company's id is never reused, and nothing of it is shown again
check_status "company 2 read by nobody yet" 404 "$TOK_owner" GET /api/v1/companies/2
expect_rc "member add to company 2" 0 member add 2 owner@example.jp --role owner
check_status "owner reads company 2 (the server caches it)" 200 "$TOK_owner" GET /api/v1/companies/2
expect_rc "company remove 2" 0 company remove 2 --yes
json_check "the next company gets id 3, not 2" 'd["company"] == 3' --json import "$TOP/samples/company-c.json"
check_status "the deleted id answers 404 for ever" 404 "$TOK_owner" GET /api/v1/companies/2
expect_rc "member add to company 3" 0 member add 3 owner@example.jp --role owner
body3=$(python3 - "$PORT" "$TOK_owner" <<'PY'
import sys, json, urllib.request
port, tok = sys.argv[1:3]
req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/companies/3", headers={"Authorization": f"Bearer {tok}"})
print(json.load(urllib.request.urlopen(req))["company"]["name"])
PY
)
if [ "$body3" = "サンプル資源商事株式会社" ]; then ok "company 3 shows its own data"; else notok "company 3 shows its own data" "$body3"; fi

# a restore of an older backup while the server runs: no stale snapshot
expect_rc "task update (before the backup)" 0 task update 3 task-3-1 --status doing --note "委員会の案"
expect_rc "backup" 0 backup "$WORK/before.db"
expect_rc "task update (after the backup)" 0 task update 3 task-3-1 --status done
expect_rc "restore --yes" 0 restore "$WORK/before.db" --yes
st=$(python3 - "$PORT" "$TOK_owner" <<'PY'
import sys, json, urllib.request
port, tok = sys.argv[1:3]
req = urllib.request.Request(f"http://127.0.0.1:{port}/api/v1/companies/3/plan", headers={"Authorization": f"Bearer {tok}"})
print([t["status"] for t in json.load(urllib.request.urlopen(req))["tasks"] if t["id"] == "task-3-1"][0])
PY
)
if [ "$st" = "doing" ]; then ok "after restore the server shows the restored plan, not a cached one"; else notok "no stale snapshot after restore" "task-3-1 is $st"; fi
kill "$SPID"
wait "$SPID" 2>/dev/null

# the audit log: every change, oldest first, "cli" as the actor
json_check "audit COMPANY --json: the company's changes, oldest first" \
	'd[0]["action"] == "import" and all(e["actor"] == "cli" or "@" in e["actor"] for e in d) and [e["at"] for e in d] == sorted(e["at"] for e in d) and all(set(["at","actor","action","target"]) <= set(e) for e in d)' \
	--json audit 1
expect_json "member changes are logged" 'any(e["action"] == "member.remove" and e["target"] == "employee@example.jp" for e in d)'
expect_json "API writes are logged with the login as actor, before and after" 'any(e["actor"] == "Owner@Example.jp" and e["action"] in ("task.add", "task.update") and e["target"] == "task-1-1" for e in d)'
expect_json "at is UTC ISO 8601" 'all(__import__("re").fullmatch(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", e["at"]) for e in d)'
json_check "task changes keep before and after" \
	'any(e["action"] == "task.update" and e["target"] == "task-3-1" and {"field": "tasks[task-3-1].note", "before": "役員を責任者とする委員会の設置を社長に提案する", "after": "委員会の案"} in e["changes"] for e in d)' \
	--json audit
expect_json "the whole log includes install-wide actions" 'any(e["action"] == "account.disable" for e in d) and d[-1]["action"] == "restore"'
expect_json "what a restore took back is gone, and the restore itself is logged" 'not any(e["action"] == "task.update" and any(c["after"] == "done" for c in e["changes"]) for e in d)'
refused "audit of an unknown company" "audit" audit 99
