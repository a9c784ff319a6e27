#!/bin/sh
# t0010 — the company register from the command line: company add / list /
# show / edit / remove, people, roles, exams, learning and tasks.  Every bad
# option is refused with exit 1, named in stderr, and writes nothing.
. "$TOP/tests/cli/lib.sh"
plan 299



companies() { "$SECSTEP" --json company list 2>/dev/null; }

LONG200=$(python3 -c 'print("あ" * 200)')
LONG201=$(python3 -c 'print("あ" * 201)')
NOTE4001=$(python3 -c 'print("x" * 4001)')
ID32=$(python3 -c 'print("a" * 32)')
ID33=$(python3 -c 'print("a" * 33)')

# ---- company add ----
expect_rc "company add exits 0" 0 company add --name "山田工務店" --industry D --employees 30 --it-uses email,website
expect_out "company add prints the new ID" "ID 1"
expect_rc "company add in English" 0 --lang en company add --name "Second Co" --industry E --employees 12
expect_out "English company add prints the new ID" "Company added: ID 2"
expect_rc "company add --json exits 0" 0 --json company add --name "Third" --industry I --employees 100
expect_json "company add --json is {\"company\": N}" 'set(d) == {"company"} and type(d["company"]) is int and d["company"] == 3'
expect_rc "a 200-character name is accepted" 0 company add --name "$LONG200" --industry A --employees 1
expect_rc "1000000 employees is accepted" 0 company add --name "Big" --industry T --employees 1000000

LIST0=$(companies)
refused "company add: unknown industry" "company add: --industry:" company add --name X --industry Z --employees 3
refused "company add: lowercase industry" "company add: --industry:" company add --name X --industry d --employees 3
refused "company add: missing industry" "company add: --industry:" company add --name X --employees 3
refused "company add: empty name" "company add: --name:" company add --name "" --industry D --employees 3
refused "company add: missing name" "company add: --name:" company add --industry D --employees 3
refused "company add: 201-character name" "company add: --name:" company add --name "$LONG201" --industry D --employees 3
refused "company add: 0 employees" "company add: --employees:" company add --name X --industry D --employees 0
refused "company add: -1 employees" "company add: --employees:" company add --name X --industry D --employees -1
refused "company add: 1.5 employees" "company add: --employees:" company add --name X --industry D --employees 1.5
refused "company add: employees not a number" "company add: --employees:" company add --name X --industry D --employees thirty
refused "company add: too many employees" "company add: --employees:" company add --name X --industry D --employees 1000001
refused "company add: huge employees" "company add: --employees:" company add --name X --industry D --employees 99999999999999999999
refused "company add: missing employees" "company add: --employees:" company add --name X --industry D
refused "company add: unknown IT use" "company add: --it-uses:" company add --name X --industry D --employees 3 --it-uses email,fax
refused "company add: IT use twice" "company add: --it-uses:" company add --name X --industry D --employees 3 --it-uses email,email
refused "company add: 4001-character notes" "company add: --notes:" company add --name X --industry D --employees 3 --notes "$NOTE4001"

refused "company add: three bad fields" "company add: --name:" company add --name "" --industry Z --employees 0
expect_err "three bad fields: industry reported too" "secstep: company add: --industry:"
expect_err "three bad fields: employees reported too" "secstep: company add: --employees:"
n=$(printf '%s\n' "$ERR" | grep -c '^secstep: company add: ')
if [ "$n" -eq 3 ]; then ok "three bad fields give three error lines"; else notok "three bad fields give three error lines" "got $n lines" "$ERR"; fi
expect_rc "unknown option to company add is a usage error" 2 company add --name X --industry D --employees 3 --colour red
if [ "$(companies)" = "$LIST0" ]; then ok "company list unchanged after refused adds"; else notok "company list unchanged after refused adds" "$(companies | head -c 300)"; fi

# ---- company list / show ----
expect_rc "company list exits 0" 0 company list
expect_out "company list shows a company name" "山田工務店"
expect_out "company list shows another company" "Second Co"
json_check "company list --json lists the 5 companies" '[c["id"] for c in d["companies"]] == [1,2,3,4,5]' --json company list
expect_json "company list --json gives name, industry, employees, steps" 'd["companies"][0]["name"] == "山田工務店" and d["companies"][0]["industry"] == "D" and d["companies"][0]["employees"] == 30 and d["companies"][0]["current_step"] == 0 and d["companies"][0]["working_step"] == 1'
expect_rc "company show exits 0" 0 company show 1
expect_out "company show has the name" "山田工務店"
expect_out "company show has the industry" "建設業"
expect_out "company show has the employees" "30"
json_check "company show --json is the document with the id" 'd["id"] == 1 and d["format"] == "secstep-company/1" and d["company"]["name"] == "山田工務店" and d["company"]["it_uses"] == ["email","website"]' --json company show 1
refused "company show: unknown company id" "company show:" company show 99
refused "company show: non-numeric id" "company show:" company show abc
refused "company show: id 0" "company show:" company show 0
refused "company show: negative id" "company show:" company show -1
refused "company show: id with trailing text" "company show:" company show 1x
expect_rc "company show without an id is a usage error" 2 company show

# ---- company edit ----
expect_rc "company edit exits 0" 0 company edit 2 --employees 40 --industry G --name "Second Co Ltd"
json_check "company edit changed the profile" 'd["company"] == {"name": "Second Co Ltd", "industry": "G", "employees": 40, "it_uses": []}' --json company show 2
refused "company edit: unknown industry" "company edit: --industry:" company edit 2 --industry 1
refused "company edit: 0 employees" "company edit: --employees:" company edit 2 --employees 0
refused "company edit: empty name" "company edit: --name:" company edit 2 --name ""
refused "company edit: 201-character name" "company edit: --name:" company edit 2 --name "$LONG201"
refused "company edit: unknown company" "company edit:" company edit 77 --employees 5
refused "company edit: non-numeric id" "company edit:" company edit two --employees 5
json_check "company edit refusals kept the profile" 'd["company"]["employees"] == 40 and d["company"]["industry"] == "G"' --json company show 2

# ---- company remove ----
B=$(db_sum)
expect_rc "company remove without --yes is a usage error" 2 company remove 3
expect_err "company remove without --yes asks for --yes" "--yes"
if [ "$(db_sum)" = "$B" ]; then ok "company remove without --yes deletes nothing"; else notok "company remove without --yes deletes nothing" "database changed"; fi
expect_rc "company remove --yes exits 0" 0 company remove 3 --yes
json_check "removed company is gone from the list" '3 not in [c["id"] for c in d["companies"]] and len(d["companies"]) == 4' --json company list
refused "company show of a removed company" "company show:" company show 3
refused "company remove of a removed company" "company remove:" company remove 3 --yes
refused "company remove: non-numeric id" "company remove:" company remove x --yes

# ---- person add / edit / remove ----
expect_rc "person add exits 0" 0 person add 1 --name "山田 太郎" --department 総務 --experience web,it_dept
expect_out "person add prints the new person id" "p1"
json_check "person add --json gives company and person" 'd == {"company": 1, "person": "p2"}' --json person add 1 --name "佐藤 花子" --volunteer
expect_rc "person add with own --id" 0 person add 1 --name "鈴木" --id suzuki-1
expect_rc "person add with a 32-character --id" 0 person add 1 --name "Long Id" --id "$ID32"
expect_rc "person add with a 200-character name" 0 person add 1 --name "$LONG200"
json_check "people are kept with their ids, tags and volunteer flag" '[p["id"] for p in d["people"]][:3] == ["p1","p2","suzuki-1"] and d["people"][0]["experience"] == ["web","it_dept"] and d["people"][1]["volunteer"] is True and d["people"][0]["department"] == "総務"' --json company show 1
refused "person add: unknown experience tag" "person add: --experience:" person add 1 --name X --experience web,juggling
refused "person add: experience tag twice" "person add: --experience:" person add 1 --name X --experience web,web
refused "person add: duplicate --id" "person add: --id:" person add 1 --name X --id p1
refused "person add: --id with a space" "person add: --id:" person add 1 --name X --id "p 9"
refused "person add: 33-character --id" "person add: --id:" person add 1 --name X --id "$ID33"
refused "person add: 201-character name" "person add: --name:" person add 1 --name "$LONG201"
refused "person add: missing name" "person add: --name:" person add 1 --department x
refused "person add: 201-character department" "person add: --department:" person add 1 --name X --department "$LONG201"
refused "person add: unknown company" "person add:" person add 42 --name X
refused "person add: two bad fields" "person add: --id:" person add 1 --name "$LONG201" --id p1
expect_err "person add: two bad fields: name reported too" "secstep: person add: --name:"

expect_rc "person edit exits 0" 0 person edit 1 p2 --name "佐藤 花子（改）" --no-volunteer --experience pc_rollout
json_check "person edit changed the person" 'd["people"][1]["name"] == "佐藤 花子（改）" and d["people"][1]["volunteer"] is False and d["people"][1]["experience"] == ["pc_rollout"]' --json company show 1
refused "person edit: unknown person" "person edit:" person edit 1 p99 --name X
refused "person edit: empty name" "person edit: --name:" person edit 1 p2 --name ""
refused "person edit: 201-character name" "person edit: --name:" person edit 1 p2 --name "$LONG201"
refused "person edit: unknown experience tag" "person edit: --experience:" person edit 1 p2 --experience security
refused "person edit: experience tag twice" "person edit: --experience:" person edit 1 p2 --experience it_dept,it_dept

# ---- role set / remove ----
expect_rc "role set officer exits 0" 0 role set 1 p1 officer
expect_rc "role set dedicated officer with a share" 0 role set 1 p2 officer --time dedicated --share 80
expect_rc "role set security_lead" 0 role set 1 suzuki-1 security_lead --share 0
json_check "roles are kept with time and share" 'd["people"][0]["roles"] == [{"role": "officer", "time": "concurrent"}] and d["people"][1]["roles"] == [{"role": "officer", "time": "dedicated", "share": 80}] and d["people"][2]["roles"][0]["role"] == "security_lead"' --json company show 1
json_check "status counts the officers of the working STEP" 'd["staffing"]["has"] == {"officer": 2} and d["staffing"]["short"] == []' --json status 1
expect_rc "role set again changes the time" 0 role set 1 p2 officer --time concurrent
json_check "role set again keeps one role" 'd["people"][1]["roles"] == [{"role": "officer", "time": "concurrent", "share": 80}]' --json company show 1
refused "role set: unknown role" "role set: ROLE:" role set 1 p1 boss
refused "role set: bad --time" "role set: --time:" role set 1 p1 officer --time part-time
refused "role set: --share 101" "role set: --share:" role set 1 p1 officer --share 101
refused "role set: --share -1" "role set: --share:" role set 1 p1 officer --share -1
refused "role set: --share not a number" "role set: --share:" role set 1 p1 officer --share half
refused "role set: unknown person" "role set:" role set 1 nobody officer
expect_rc "role remove exits 0" 0 role remove 1 suzuki-1 security_lead
json_check "role remove took the role away" 'd["people"][2]["roles"] == []' --json company show 1
refused "role remove: role not held" "role remove:" role remove 1 suzuki-1 ciso

# ---- exam set / learning add ----
expect_rc "exam set passed with a date" 0 exam set 1 p1 ip --status passed --date 2026-05-01
expect_rc "exam set on 29 February of a leap year" 0 exam set 1 p2 sg --status planned --date 2028-02-29
json_check "exams are kept" 'd["people"][0]["exams"] == [{"exam": "ip", "status": "passed", "date": "2026-05-01"}] and d["people"][1]["exams"] == [{"exam": "sg", "status": "planned", "date": "2028-02-29"}]' --json company show 1
refused "exam set: bad status" "exam set: --status:" exam set 1 p1 sg --status failed
refused "exam set: missing status" "exam set: --status:" exam set 1 p1 sg
refused "exam set: 2026-02-30" "exam set: --date:" exam set 1 p1 sg --status planned --date 2026-02-30
refused "exam set: 2026-13-01" "exam set: --date:" exam set 1 p1 sg --status planned --date 2026-13-01
refused "exam set: 2026-02-29 (not a leap year)" "exam set: --date:" exam set 1 p1 sg --status planned --date 2026-02-29
refused "exam set: date in another format" "exam set: --date:" exam set 1 p1 sg --status planned --date 2026/05/01
refused "exam set: unknown exam" "exam set: EXAM:" exam set 1 p1 cissp --status planned
refused "exam set: unknown person" "exam set:" exam set 1 p77 ip --status planned
expect_rc "learning add exits 0" 0 learning add 1 p1 res-ipa-basics --note "動画を見た"
json_check "learning is kept, dated today" 'd["people"][0]["learning"] == [{"resource": "res-ipa-basics", "date": "2026-11-25", "note": "動画を見た"}]' --json company show 1
refused "learning add: unknown resource" "learning add: RESOURCE:" learning add 1 p1 res-nothing
refused "learning add: bad date" "learning add: --date:" learning add 1 p1 res-ipa-basics --date 2026-04-31
refused "learning add: unknown person" "learning add:" learning add 1 p77 res-ipa-basics

# ---- tasks ----
expect_rc "task assign exits 0" 0 task assign 1 task-1-1 p1 --due 2026-12-31
json_check "task list shows the owner and due date" 'd["tasks"] == [{"id": "task-1-1", "step": 1, "owner": "p1", "due": "2026-12-31", "status": "todo", "overdue": False, "recur": "none", "last_done": None}]' --json task list 1
expect_rc "task assign a second task" 0 task assign 1 task-1-2 p2 --status doing
json_check "task list --person filters by owner" '[t["id"] for t in d["tasks"]] == ["task-1-2"]' --json task list 1 --person p2
json_check "task list --all lists the 16 tasks" 'len(d["tasks"]) == 16' --json task list 1 --all
refused "task assign: unknown task" "task assign: TASK:" task assign 1 task-5-1 p1
refused "task assign: unknown person" "task assign: PID:" task assign 1 task-1-3 p99
refused "task assign: bad status" "task assign: --status:" task assign 1 task-1-3 p1 --status finished
refused "task assign: bad due" "task assign: --due:" task assign 1 task-1-3 p1 --due 2026-02-30
refused "task update: bad status" "task update: --status:" task update 1 task-1-1 --status started
refused "task update: unknown owner" "task update: --owner:" task update 1 task-1-1 --owner p99
refused "task update: unknown task" "task update: TASK:" task update 1 task-0-0 --status done
refused "task list: unknown person" "task list:" task list 1 --person p99
expect_rc "task update without a change is a usage error" 2 task update 1 task-1-1

export SECSTEP_TODAY=2027-01-10
json_check "a task past its due date is overdue" '[t["overdue"] for t in d["tasks"] if t["id"] == "task-1-1"] == [True]' --json task list 1
run task list 1
expect_out "task list marks the overdue task" "期限切れ"
json_check "the plan warns of the overdue task" '{"id": "overdue", "tasks": ["task-1-1"]} in d["warnings"]' --json plan 1
expect_rc "task update --status done" 0 task update 1 task-1-1 --status done
json_check "a done task is not overdue" '[t["overdue"] for t in d["tasks"] if t["id"] == "task-1-1"] == [False] and [t["status"] for t in d["tasks"] if t["id"] == "task-1-1"] == ["done"]' --json task list 1
export SECSTEP_TODAY=2026-11-25
expect_rc "task update --owner none" 0 task update 1 task-1-2 --owner none
json_check "--owner none leaves the task unowned" '[t["owner"] for t in d["tasks"] if t["id"] == "task-1-2"] == [None]' --json task list 1
expect_rc "task update --due none" 0 task update 1 task-1-1 --due none
json_check "--due none clears the due date" '[t["due"] for t in d["tasks"] if t["id"] == "task-1-1"] == [None]' --json task list 1

# Removing a person who owns a task.
expect_rc "task assign to p2" 0 task assign 1 task-1-3 p2 --due 2027-01-31
expect_rc "person remove exits 0" 0 person remove 1 p2
expect_out "person remove says the task lost its owner" "task-1-3"
json_check "the removed person's task is unowned" '[(t["owner"], t["due"]) for t in d["tasks"] if t["id"] == "task-1-3"] == [(None, "2027-01-31")]' --json task list 1
json_check "the removed person is gone" '"p2" not in [p["id"] for p in d["people"]]' --json company show 1
refused "person remove: unknown person" "person remove:" person remove 1 p2
refused "person remove: unknown company" "person remove:" person remove 9 p1

# A registered person whose id happens to be "none" can still be given a task
# (or the id is refused when the person is added).
run person add 1 --name "None San" --id none
if [ "$RC" -ne 0 ]; then
	ok "a person with id none is refused or can own a task"
else
	run task assign 1 task-1-4 none
	o=$("$SECSTEP" --json task list 1 | python3 -c 'import json,sys; print([t["owner"] for t in json.load(sys.stdin)["tasks"] if t["id"] == "task-1-4"])')
	if [ "$RC" -ne 0 ] || [ "$o" = "['none']" ]; then ok "a person with id none is refused or can own a task"
	else notok "a person with id none is refused or can own a task" "task assign exited 0 but task-1-4 owner is $o"; fi
fi
