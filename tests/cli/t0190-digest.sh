#!/bin/sh
# t0190 — the weekly digest by e-mail (CONTRACT.md, "Reminders") against a
# local SMTP sink on 127.0.0.1: the right people get the right mails with
# the right tasks, Japanese subjects in RFC 2047 encoded words, a second
# run in the same week sends nothing (also from a new process), a relay
# that refuses is retried and then reported, and `serve` sends on the
# schedule once even with two servers on one database, and not again
# after a restart.  Also: unsubscribing, recurring tasks in the digest.
. "$TOP/tests/cli/lib.sh"
plan 56
SINK="$TOP/tests/tools/smtp_sink.py"
PIDS=""
trap 'for p in $PIDS; do kill "$p" 2>/dev/null; done; cleanup' EXIT

# start_sink NAME [OPTIONS]: a sink writing to $WORK/NAME, its port in $PORT.
start_sink() {
	n=$1
	shift
	python3 "$SINK" --dir "$WORK/$n" --port-file "$WORK/$n.port" "$@" 2>"$WORK/$n.log" &
	PIDS="$PIDS $!"
	i=0
	while [ ! -s "$WORK/$n.port" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
	PORT=$(cat "$WORK/$n.port")
}
mails() { ls "$WORK/$1" 2>/dev/null | grep -c '\.eml$'; }

cat >"$WORK/co.json" <<'JSON'
{"format": "secstep-company/1",
 "company": {"name": "山田製作所", "industry": "E", "employees": 20},
 "people": [
  {"id": "p1", "name": "山田 太郎", "email": "taro@example.jp", "roles": [{"role": "officer", "time": "concurrent"}],
   "exams": [{"exam": "ip", "status": "studying", "date": "2026-12-20"}]},
  {"id": "p2", "name": "佐藤 花子", "email": "hanako@example.jp"},
  {"id": "p3", "name": "鈴木 一郎"},
  {"id": "p4", "name": "田中 次郎", "email": "jiro@example.jp"}
 ],
 "tasks": [
  {"id": "task-1-1", "owner": "p1", "due": "2026-11-20", "status": "doing"},
  {"id": "task-1-2", "owner": "p1", "due": "2026-12-05", "status": "todo"},
  {"id": "task-1-3", "owner": "p2", "due": "2026-12-31", "status": "todo"},
  {"id": "task-1-4", "owner": "p3", "due": "2026-11-01", "status": "todo"},
  {"id": "task-2-1", "owner": "p4", "due": "2026-11-24", "status": "done"},
  {"id": "task-2-2", "owner": "p2", "due": "2026-12-08", "status": "todo", "recur": "quarterly"}
 ]}
JSON
expect_rc "import the company" 0 import "$WORK/co.json"

json_check "digest --json: one per person with an address and a task overdue or due within 14 days" \
	'[(x["company"], x["person"], x["to"]) for x in d["digests"]] == [(1, "p1", "taro@example.jp"), (1, "p2", "hanako@example.jp")]' \
	--json digest
expect_json "p1: overdue task-1-1, due soon task-1-2" \
	'd["digests"][0]["overdue"] == ["task-1-1"] and d["digests"][0]["due_soon"] == ["task-1-2"]'
expect_json "p2: task-2-2 due soon, task-1-3 (in 36 days) not" \
	'd["digests"][1]["overdue"] == [] and d["digests"][1]["due_soon"] == ["task-2-2"]'
expect_json "the exam coming up and the next three actions are in it" \
	'd["digests"][0]["exams"][0]["exam"] == "ip" and len(d["digests"][0]["next"]) == 3'
json_check "digest 1 --json is the same company" 'len(d["digests"]) == 2' --json digest 1
refused "digest of a company that does not exist" "digest" digest 99
run --json digest --send
if [ "$RC" -eq 1 ]; then ok "--send without SECSTEP_SMTP_URL: exit 1"; else notok "--send without a relay" "rc=$RC"; fi
expect_err "the error names SECSTEP_SMTP_URL" "SECSTEP_SMTP_URL"

start_sink mails
export SECSTEP_SMTP_URL="smtp://127.0.0.1:$PORT" SECSTEP_MAIL_FROM="secstep 通知 <noreply@example.jp>"
export SECSTEP_BASE_URL="https://secstep.example.jp" SECSTEP_MAIL_BACKOFF_MS=10
json_check "digest --send prints {\"sent\": 2}" 'd == {"sent": 2}' --json digest --send
[ "$(mails mails)" -eq 2 ] && ok "two mails reached the relay" || notok "two mails" "$(ls "$WORK/mails")"

# check_mails DIR PYTHON: PYTHON runs with ms = {recipient: parsed message}.
check_mails() {
	c_name=$1
	if python3 - "$WORK/$2" "$3" <<'PY' 2>"$WORK/.pyerr"; then ok "$c_name"; else notok "$c_name" "$(tail -3 "$WORK/.pyerr")"; fi
import email, email.policy, glob, re, sys
ms, raw = {}, {}
for f in sorted(glob.glob(sys.argv[1] + "/*.eml")):
    data = open(f, "rb").read()
    m = email.message_from_bytes(data, policy=email.policy.default)
    to = re.search(rb"X-Envelope-To: <([^>]*)>", data).group(1).decode()
    ms[to], raw[to] = m, data.decode("ascii")
def text(to): return ms[to].get_body(("plain",)).get_content()
def html(to): return ms[to].get_body(("html",)).get_content()
assert eval(sys.argv[2]), sys.argv[2]
PY
}
check_mails "the mails go to taro and hanako, not jiro (his task is done) nor ichiro (no address)" mails \
	'sorted(ms) == ["hanako@example.jp", "taro@example.jp"]'
check_mails "the Japanese subject decodes right" mails \
	'str(ms["taro@example.jp"]["subject"]) == "【secstep】山田製作所：期限切れ 1件・2週間以内 1件"'
check_mails "the subject is RFC 2047 encoded words of at most 75 characters" mails \
	'all(w.startswith("=?UTF-8?B?") and len(w) <= 75 for w in re.search(r"^Subject: (.*(?:\r\n .*)*)", raw["taro@example.jp"], re.M).group(1).split("\r\n "))'
check_mails "taro's mail names the company and both of his tasks by title, with the exam" mails \
	'all(s in text("taro@example.jp") for s in ["山田製作所", "OSやソフトウェアの更新", "従業員に対策を周知", "ITパスポート"])'
check_mails "hanako's mail has her recurring task and not taro's" mails \
	'"セキュリティ対策の状況を把握" in text("hanako@example.jp") and "3か月ごと" in text("hanako@example.jp") and "OSやソフトウェアの更新（期限" not in text("hanako@example.jp")'
check_mails "UTF-8 text and HTML parts; the HTML is escaped and names the tasks" mails \
	'ms["taro@example.jp"].get_body(("plain",)).get_content_charset() == "utf-8" and "<li>OSやソフトウェアの更新" in html("taro@example.jp")'
check_mails "List-Unsubscribe (one-click) and the same link in the text" mails \
	'ms["taro@example.jp"]["List-Unsubscribe"].startswith("<https://secstep.example.jp/unsubscribe/") and ms["taro@example.jp"]["List-Unsubscribe"].strip("<>") in text("taro@example.jp") and ms["taro@example.jp"]["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"'

json_check "a second run the same week sends nothing" 'd == {"sent": 0}' --json digest --send
SECSTEP_TODAY=2026-11-29 json_check "nor on Sunday of the same ISO week (a new process reads what was sent)" 'd == {"sent": 0}' --json digest --send
[ "$(mails mails)" -eq 2 ] && ok "still two mails at the relay" || notok "still two mails" "$(mails mails)"
json_check "the change log records the digests sent" \
	'any(x["action"] == "digest.send" and x["target"] == "2026-W48" for x in d)' --json audit 1

# A relay that refuses: each mail is tried SECSTEP_MAIL_TRIES times, then
# reported (exit 1), and the next run sends it once the relay is back.
start_sink refuse --refuse 451
SECSTEP_SMTP_URL="smtp://127.0.0.1:$PORT" SECSTEP_MAIL_TRIES=3 SECSTEP_TODAY=2026-12-02 run --json digest --send
if [ "$RC" -eq 1 ]; then ok "a refusing relay: exit 1"; else notok "refusing relay exit 1" "rc=$RC $OUT"; fi
expect_json "it reports nothing sent and two not sent" 'd == {"sent": 0, "failed": 2}'
expect_err "the relay's answer is reported" "451"
expect_err "the report says it was tried three times" "3 tries"
n=$(grep -c MAIL "$WORK/refuse/refused.log")
[ "$n" -eq 6 ] && ok "each mail was tried 3 times (6 refusals)" || notok "retried" "refusals: $n"
SECSTEP_TODAY=2026-12-02 json_check "when the relay is back the next run sends them" 'd == {"sent": 2}' --json digest --send
SECSTEP_TODAY=2026-12-03 json_check "and then not again that week" 'd == {"sent": 0}' --json digest --send
[ "$(mails mails)" -eq 4 ] && ok "four mails in all at the working relay" || notok "four mails" "$(mails mails)"

# Recurring work: hanako completes her quarterly task; the next round is
# due three months on and is in the digest when it comes near.
json_check "completing a recurring task opens the next round" 'd["next_due"] == "2027-03-08"' \
	--json task update 1 task-2-2 --status done
json_check "the task is to do again, due 2027-03-08, done on 2026-11-25" \
	'[(t["status"], t["due"], t["recur"], t["last_done"]) for t in d["tasks"] if t["id"] == "task-2-2"] == [("todo", "2027-03-08", "quarterly", "2026-11-25")]' \
	--json task list 1
SECSTEP_TODAY=2027-02-25 json_check "it is in her digest two weeks before" \
	'[x["due_soon"] for x in d["digests"] if x["person"] == "p2"] == [["task-2-2"]]' --json digest 1
run export 1
printf '%s' "$OUT" >"$WORK/again.json"
expect_json "the company document keeps recur and last_done" \
	'[(t.get("recur"), t.get("last_done")) for t in d["tasks"] if t["id"] == "task-2-2"] == [("quarterly", "2026-11-25")]'
json_check "import of the export keeps them" \
	'[(t["recur"], t["last_done"]) for t in d["tasks"] if t["id"] == "task-2-2"] == [("quarterly", "2026-11-25")]' \
	--json task list "$("$SECSTEP" --json import "$WORK/again.json" | python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])')"
sed 's/"quarterly"/"weekly"/' "$WORK/again.json" >"$WORK/bad.json"
refused "import refuses an unknown recurrence" "import: tasks[5].recur" import "$WORK/bad.json"
refused "task update refuses an unknown recurrence" "task update: --recur" task update 1 task-1-1 --recur fortnightly

# The schedule: two servers on one new database send each digest once;
# a restarted server does not send again.
SECSTEP_DB=$(new_db serve)
export SECSTEP_DB SECSTEP_SCHEDULE_SECONDS=1
expect_rc "import into the servers' database" 0 import "$WORK/co.json"
json_check "digest schedule shows the default: Monday 08:00 Asia/Tokyo" \
	'd["day"] == "mon" and d["hour"] == 8 and d["time_zone"] == "Asia/Tokyo"' --json digest schedule 1
refused "a schedule hour out of range is refused" "digest schedule: --hour" digest schedule 1 --hour 24
start_sink served
export SECSTEP_SMTP_URL="smtp://127.0.0.1:$PORT"
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
# wait_log FILE TEXT: until FILE has TEXT (at most a minute).
wait_log() {
	i=0
	while ! grep -q "$2" "$1" 2>/dev/null && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
	grep -q "$2" "$1" 2>/dev/null
}
P1=$(free_port)
"$SECSTEP" serve --quiet --listen "127.0.0.1:$P1" >/dev/null 2>"$WORK/s1.log" &
S1=$!
P2=$(free_port)
"$SECSTEP" serve --quiet --listen "127.0.0.1:$P2" >/dev/null 2>"$WORK/s2.log" &
S2=$!
PIDS="$PIDS $S1 $S2"
if wait_log "$WORK/s1.log" "digest schedule checked" && wait_log "$WORK/s2.log" "digest schedule checked"; then
	ok "both servers checked the schedule"
else
	notok "both servers checked the schedule" "$(cat "$WORK/s1.log" "$WORK/s2.log")"
fi
[ "$(mails served)" -eq 2 ] && ok "two servers on one database sent each digest once" || notok "sent once" "$(mails served) mails"
n=$(cat "$WORK/s1.log" "$WORK/s2.log" | grep -c "digests of company 1 for 2026-W48: 2 sent")
[ "$n" -eq 1 ] && ok "exactly one server ran the company's weekly job" || notok "one server ran it" "$(cat "$WORK/s1.log" "$WORK/s2.log")"
kill "$S1" "$S2"
wait "$S1" "$S2" 2>/dev/null
"$SECSTEP" serve --quiet --listen "127.0.0.1:$P1" >/dev/null 2>"$WORK/s3.log" &
S3=$!
PIDS="$PIDS $S3"
wait_log "$WORK/s3.log" "digest schedule checked" && ok "the restarted server checked the schedule" || notok "restart checked" "$(cat "$WORK/s3.log")"
[ "$(mails served)" -eq 2 ] && ok "a restart does not send again" || notok "restart resent" "$(mails served) mails"

# Unsubscribing with the mail's link (one-click POST, as a mail program does).
url=$(python3 -c 'import email,sys,email.policy; m=email.message_from_binary_file(open(sys.argv[1],"rb"),policy=email.policy.default); print(m["List-Unsubscribe"].strip("<>"))' "$(ls "$WORK"/served/*.eml | head -1)")
path=${url#https://secstep.example.jp}
code=$(python3 -c 'import sys,urllib.request; print(urllib.request.urlopen(urllib.request.Request(sys.argv[1], data=b"List-Unsubscribe=One-Click", method="POST")).status)' "http://127.0.0.1:$P1$path" 2>&1)
[ "$code" = "200" ] && ok "the one-click unsubscribe link answers 200" || notok "unsubscribe" "$code"
json_check "the unsubscribed person gets no digest any more" 'len(d["digests"]) == 1' --json digest 1
code=$(python3 -c 'import sys,urllib.request,urllib.error
try: urllib.request.urlopen(sys.argv[1]); print(200)
except urllib.error.HTTPError as e: print(e.code)' "http://127.0.0.1:$P1/unsubscribe/0123456789abcdef0123456789abcdef0123456789abcdef")
[ "$code" = "404" ] && ok "an unknown unsubscribe link answers 404" || notok "unknown unsubscribe link" "$code"
kill "$S3"
wait "$S3" 2>/dev/null
