#!/bin/sh
# t0020 — import validates the company document: each malformed document is
# refused with exit 1, every problem is named by its field path, and the
# database is left as it was.  A valid document imports, and its export
# imports again to an equal company.
. "$TOP/tests/cli/lib.sh"
plan 314

DOC="$WORK/doc.json"

# mkdoc PYCODE: writes $DOC, a valid document `d` changed by PYCODE.
mkdoc() {
	python3 - "$1" >"$DOC" <<'PY'
import json, sys
d = {
    "format": "secstep-company/1",
    "company": {"name": "テスト工業", "industry": "E", "employees": 30, "it_uses": ["email", "website"]},
    "people": [
        {"id": "p1", "name": "山田 太郎", "department": "総務", "experience": ["web"], "volunteer": False,
         "roles": [{"role": "officer", "time": "concurrent"}],
         "exams": [{"exam": "ip", "status": "passed", "date": "2026-05-01"}],
         "learning": [{"resource": "res-ipa-basics", "date": "2026-04-01"}]},
        {"id": "p2", "name": "佐藤 花子", "experience": ["it_dept"], "volunteer": True,
         "exams": [{"exam": "sg", "status": "planned", "date": "2026-10-01"}]},
    ],
    "checkpoints": {"cp-1-1": "yes"},
    "questions": {"cp-1-2-q1": "yes"},
    "self_diagnosis": {"sd-01": "partial"},
    "tasks": [{"id": "task-1-1", "owner": "p1", "due": "2026-12-31", "status": "doing"}],
    "assets": [{"id": "a1", "name": "顧客台帳", "c": 3, "i": 2, "a": 2, "personal": True, "threat": 2, "vulnerability": 3}],
}
exec(sys.argv[1])
sys.stdout.write(json.dumps(d, ensure_ascii=False))
PY
}

ncompanies() {
	"$SECSTEP" --json company list 2>/dev/null | python3 -c 'import json,sys; print(len(json.load(sys.stdin)["companies"]))'
}

# bad NAME WHERE [FILE]: importing FILE (default $DOC) fails with exit 1,
# "secstep: import: WHERE:" on stderr, and the database is unchanged.
bad() {
	b_name=$1 b_where=$2 b_file=${3:-$DOC}
	b_sum=$(db_sum)
	b_n=$(ncompanies)
	run import "$b_file"
	if [ "$RC" -eq 1 ]; then ok "$b_name: exit 1"; else notok "$b_name: exit 1" "exit $RC, want 1" "stderr: $(echo "$ERR" | head -3)"; fi
	expect_err "$b_name: stderr names $b_where" "secstep: import: $b_where:"
	if [ "$(db_sum)" = "$b_sum" ] && [ "$(ncompanies)" = "$b_n" ]; then ok "$b_name: nothing written"
	else notok "$b_name: nothing written" "database changed (companies: $b_n -> $(ncompanies))"; fi
}

# ---- the valid document first ----
mkdoc 'pass'
cp "$DOC" "$WORK/good.json"
expect_rc "the valid document imports" 0 import "$WORK/good.json"
expect_out "import says what it imported" "テスト工業"
expect_rc "import --json exits 0" 0 --json import "$WORK/good.json"
expect_json "import --json is {\"company\": N}, N an integer" 'set(d) == {"company"} and type(d["company"]) is int and d["company"] == 2'
expect_rc "a minimal document imports" 0 --json import - <<'EOF'
{"format": "secstep-company/1", "company": {"name": "最小", "industry": "A", "employees": 1}}
EOF
expect_json "a minimal document from stdin gives company 3" 'd == {"company": 3}'
run --json import - <"$WORK/good.json"
if [ "$RC" -eq 0 ]; then ok "import - reads stdin"; else notok "import - reads stdin" "exit $RC" "$ERR"; fi
expect_json "import - from stdin gives company 4" 'd == {"company": 4}'

# export → import → export gives the same document.
for id in 1 3; do
	run export $id
	printf '%s\n' "$OUT" >"$WORK/exp$id.json"
	run --json import "$WORK/exp$id.json"
	if [ "$RC" -eq 0 ]; then ok "export of company $id re-imports"; else notok "export of company $id re-imports" "exit $RC" "$ERR"; fi
	new=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])' 2>/dev/null)
	run export "${new:-0}"
	printf '%s\n' "$OUT" >"$WORK/exp$id.again.json"
	if python3 -c 'import json,sys; sys.exit(json.load(open(sys.argv[1])) != json.load(open(sys.argv[2])))' "$WORK/exp$id.json" "$WORK/exp$id.again.json"; then
		ok "re-imported company $id exports the same document"
	else
		notok "re-imported company $id exports the same document" "$(diff "$WORK/exp$id.json" "$WORK/exp$id.again.json" | head -5)"
	fi
done
run export 1
expect_json "export keeps people ids, roles, exams, tasks and assets" '[p["id"] for p in d["people"]] == ["p1","p2"] and d["people"][0]["roles"] == [{"role": "officer", "time": "concurrent"}] and d["people"][1]["exams"][0]["date"] == "2026-10-01" and d["tasks"][0] == {"id": "task-1-1", "owner": "p1", "due": "2026-12-31", "status": "doing"} and d["assets"][0]["c"] == 3 and d["checkpoints"] == {"cp-1-1": "yes"} and d["diagnosed_on"] == "2026-11-25"'

# A 200-character name and 4000-character notes are within the limits.
mkdoc 'd["company"]["name"] = "名" * 200; d["company"]["notes"] = "x" * 4000'
expect_rc "a 200-character name and 4000-character notes import" 0 import "$DOC"

# ---- not a document at all ----
printf 'this is not JSON\n' >"$DOC"
bad "not JSON" document
mkdoc 'pass'
head -c 150 "$WORK/good.json" >"$DOC"
bad "truncated JSON" document
: >"$DOC"
bad "empty file" document
printf '[{"format": "secstep-company/1"}]' >"$DOC"
bad "a JSON array" document
printf '"secstep-company/1"' >"$DOC"
bad "a JSON string" document
bad "a file that does not exist" "$WORK/missing.json" "$WORK/missing.json"

# ---- format ----
mkdoc 'd["format"] = "secstep-company/2"'
bad "wrong format" format
mkdoc 'del d["format"]'
bad "missing format" format
mkdoc 'd["format"] = 1'
bad "format as a number" format

# ---- company ----
mkdoc 'del d["company"]'
bad "missing company" company
mkdoc 'd["company"] = "テスト工業"'
bad "company as a string" company
mkdoc 'del d["company"]["name"]'
bad "company.name missing" company.name
mkdoc 'd["company"]["name"] = ""'
bad "company.name empty" company.name
mkdoc 'd["company"]["name"] = "   "'
bad "company.name blank" company.name
mkdoc 'd["company"]["name"] = 42'
bad "company.name a number" company.name
mkdoc 'd["company"]["name"] = "名" * 201'
bad "company.name 201 characters" company.name
mkdoc 'd["company"]["name"] = "A\u0000B"'
bad "company.name with NUL" company.name
mkdoc 'd["company"]["industry"] = "Z"'
bad "company.industry unknown" company.industry
mkdoc 'd["company"]["industry"] = "e"'
bad "company.industry lowercase" company.industry
mkdoc 'del d["company"]["industry"]'
bad "company.industry missing" company.industry
mkdoc 'd["company"]["employees"] = 0'
bad "company.employees 0" company.employees
mkdoc 'd["company"]["employees"] = -1'
bad "company.employees -1" company.employees
mkdoc 'd["company"]["employees"] = 1.5'
bad "company.employees 1.5" company.employees
mkdoc 'd["company"]["employees"] = "30"'
bad "company.employees a string" company.employees
mkdoc 'd["company"]["employees"] = 10000000000'
bad "company.employees ten billion" company.employees
mkdoc 'd["company"]["employees"] = 10**30'
bad "company.employees beyond 64 bits" company.employees
mkdoc 'del d["company"]["employees"]'
bad "company.employees missing" company.employees
mkdoc 'd["company"]["it_uses"] = ["email", "fax"]'
bad "company.it_uses unknown" "company.it_uses[1]"
mkdoc 'd["company"]["it_uses"] = ["email", "email"]'
bad "company.it_uses duplicated" "company.it_uses[1]"
mkdoc 'd["company"]["it_uses"] = "email"'
bad "company.it_uses not a list" company.it_uses
mkdoc 'd["company"]["ceo"] = "山田"'
bad "unknown field in company" company.ceo
mkdoc 'd["company"]["notes"] = "x" * (5 * 1024 * 1024)'
bad "5 MB company.notes" company.notes
mkdoc 'd["company"]["name"] = "x" * (5 * 1024 * 1024)'
bad "5 MB company.name" company.name

# ---- top level ----
mkdoc 'd["extra"] = True'
bad "unknown top-level field" extra
mkdoc 'd["diagnosed_on"] = "2026-11-31"'
bad "bad diagnosed_on" diagnosed_on

# ---- people ----
mkdoc 'd["people"] = {"p1": {"name": "x"}}'
bad "people not a list" people
mkdoc 'd["people"][1] = "佐藤"'
bad "a person not an object" "people[1]"
mkdoc 'd["people"][0]["age"] = 40'
bad "unknown field in a person" "people[0].age"
mkdoc 'd["people"][1]["id"] = "p1"'
bad "person id duplicated" "people[1].id"
mkdoc 'd["people"][0]["id"] = "p 1"'
bad "person id with a space" "people[0].id"
mkdoc 'd["people"][0]["id"] = "p" * 33; d["tasks"] = []'
bad "person id 33 characters" "people[0].id"
mkdoc 'del d["people"][0]["id"]; d["tasks"] = []'
bad "person id missing" "people[0].id"
mkdoc 'd["people"][0]["id"] = 1; d["tasks"] = []'
bad "person id a number" "people[0].id"
mkdoc 'del d["people"][1]["name"]'
bad "person name missing" "people[1].name"
mkdoc 'd["people"][1]["name"] = "名" * 201'
bad "person name 201 characters" "people[1].name"
mkdoc 'd["people"][1]["experience"] = ["it_dept", "juggling"]'
bad "experience unknown" "people[1].experience[1]"
mkdoc 'd["people"][1]["experience"] = ["it_dept", "it_dept"]'
bad "experience duplicated" "people[1].experience[1]"
mkdoc 'd["people"][1]["experience"] = "it_dept"'
bad "experience not a list" "people[1].experience"
mkdoc 'd["people"][1]["volunteer"] = "yes"'
bad "volunteer not true/false" "people[1].volunteer"

# roles
mkdoc 'd["people"][0]["roles"][0]["role"] = "boss"'
bad "unknown role" "people[0].roles[0].role"
mkdoc 'd["people"][0]["roles"][0]["time"] = "fulltime"'
bad "bad role time" "people[0].roles[0].time"
mkdoc 'd["people"][0]["roles"][0]["share"] = 101'
bad "role share 101" "people[0].roles[0].share"
mkdoc 'd["people"][0]["roles"][0]["share"] = -1'
bad "role share -1" "people[0].roles[0].share"
mkdoc 'd["people"][0]["roles"].append({"role": "officer", "time": "dedicated"})'
bad "duplicate role" "people[0].roles[1].role"
mkdoc 'd["people"][0]["roles"] = "officer"'
bad "roles not a list" "people[0].roles"
mkdoc 'd["people"][0]["roles"][0]["since"] = "2026-01-01"'
bad "unknown field in a role" "people[0].roles[0].since"

# exams
mkdoc 'd["people"][0]["exams"][0]["exam"] = "cissp"'
bad "unknown exam" "people[0].exams[0].exam"
mkdoc 'd["people"][0]["exams"][0]["status"] = "failed"'
bad "bad exam status" "people[0].exams[0].status"
mkdoc 'd["people"][0]["exams"][0]["date"] = "2026-02-29"'
bad "exam date 2026-02-29" "people[0].exams[0].date"
mkdoc 'd["people"][1]["exams"][0]["date"] = "2025-13-40"'
bad "exam date 2025-13-40" "people[1].exams[0].date"
mkdoc 'd["people"][0]["exams"][0]["date"] = 20260501'
bad "exam date as a number" "people[0].exams[0].date"
mkdoc 'd["people"][0]["exams"][0]["date"] = "2026-5-1"'
bad "exam date without zero padding" "people[0].exams[0].date"
mkdoc 'd["people"][0]["exams"].append({"exam": "ip", "status": "planned"})'
bad "exam listed twice" "people[0].exams[1].exam"

# learning
mkdoc 'd["people"][0]["learning"][0]["resource"] = "res-nothing"'
bad "unknown learning resource" "people[0].learning[0].resource"
mkdoc 'del d["people"][0]["learning"][0]["date"]'
bad "learning without a date" "people[0].learning[0].date"

# ---- answers ----
mkdoc 'd["checkpoints"]["cp-5-1"] = "yes"'
bad "unknown checkpoint id" "checkpoints.cp-5-1"
mkdoc 'd["checkpoints"]["cp-1-1"] = "maybe"'
bad "bad checkpoint answer" "checkpoints.cp-1-1"
mkdoc 'd["checkpoints"]["cp-1-1"] = True'
bad "checkpoint answer not a string" "checkpoints.cp-1-1"
mkdoc 'd["checkpoints"] = ["cp-1-1"]'
bad "checkpoints not an object" checkpoints
mkdoc 'd["questions"]["cp-1-1-q9"] = "yes"'
bad "unknown question id" "questions.cp-1-1-q9"
mkdoc 'd["questions"]["cp-1-1"] = "yes"'
bad "a checkpoint id among questions" "questions.cp-1-1"
mkdoc 'd["questions"]["cp-1-2-q1"] = "sometimes"'
bad "bad question answer" "questions.cp-1-2-q1"
mkdoc 'd["self_diagnosis"]["sd-26"] = "yes"'
bad "unknown self-diagnosis id" "self_diagnosis.sd-26"
mkdoc 'd["self_diagnosis"]["sd-01"] = "YES"'
bad "bad self-diagnosis answer" "self_diagnosis.sd-01"

# ---- duplicate keys, NUL, encoding ----
printf '{"format": "secstep-company/1", "company": {"name": "A", "name": "B", "industry": "D", "employees": 3}}' >"$DOC"
bad "company.name given twice" company.name
printf '{"format": "secstep-company/1", "company": {"name": "A", "industry": "D", "employees": 3}, "checkpoints": {"cp-1-1": "yes", "cp-1-1": "no"}}' >"$DOC"
bad "a checkpoint answered twice" "checkpoints.cp-1-1"
printf '{"format": "secstep-company/1", "company": {"name": "A\xff\xfe", "industry": "D", "employees": 3}}' >"$DOC"
bad "invalid UTF-8 bytes" document
printf '{"format": "secstep-company/1", "company": {"name": "A\xc0\xaf", "industry": "D", "employees": 3}}' >"$DOC"
bad "overlong UTF-8 encoding" document
printf '{"format": "secstep-company/1", "company": {"name": "A\\ud800", "industry": "D", "employees": 3}}' >"$DOC"
bad "lone surrogate escape" document

# ---- tasks ----
mkdoc 'd["tasks"][0]["id"] = "task-5-1"'
bad "unknown task id" "tasks[0].id"
mkdoc 'd["tasks"][0]["owner"] = "p9"'
bad "task owner not in people" "tasks[0].owner"
mkdoc 'd["tasks"][0]["due"] = "2026-02-30"'
bad "bad task due date" "tasks[0].due"
mkdoc 'd["tasks"][0]["status"] = "finished"'
bad "bad task status" "tasks[0].status"
mkdoc 'd["tasks"].append({"id": "task-1-1", "status": "todo"})'
bad "task listed twice" "tasks[1].id"
mkdoc 'd["tasks"] = {"task-1-1": {}}'
bad "tasks not a list" tasks

# ---- assets ----
mkdoc 'd["assets"][0]["c"] = 4'
bad "asset c=4" "assets[0].c"
mkdoc 'd["assets"][0]["threat"] = 0'
bad "asset threat 0" "assets[0].threat"
mkdoc 'del d["assets"][0]["name"]'
bad "asset without a name" "assets[0].name"
mkdoc 'd["assets"].append(dict(d["assets"][0]))'
bad "asset id duplicated" "assets[1].id"
mkdoc 'd["assets"][0]["vulnerability"] = "high"'
bad "asset vulnerability a string" "assets[0].vulnerability"

# ---- history and policy ----
mkdoc 'd["history"] = [{"date": "2026-06-01", "checkpoints": {"cp-1-1": "no"}}, {"date": "2026-05-01", "checkpoints": {"cp-1-1": "partial"}}]'
bad "history out of date order" "history[1].date"
mkdoc 'd["history"] = [{"date": "2026-06-01", "checkpoints": {"cp-1-1": "no"}}]; d["diagnosed_on"] = "2026-05-01"'
bad "diagnosed_on before the last history entry" diagnosed_on
mkdoc 'd["history"] = [{"date": "2026-06-01", "checkpoints": {"cp-9-9": "no"}}]'
bad "unknown checkpoint in history" "history[0].checkpoints.cp-9-9"
mkdoc 'd["history"] = [{"checkpoints": {"cp-1-1": "no"}}]'
bad "history entry without a date" "history[0].date"
mkdoc 'd["policy"] = {"published": "2026-10-32", "where": "website"}'
bad "bad policy date" policy.published
mkdoc 'd["policy"] = {"published": "2026-10-01", "url": "https://example.jp/"}'
bad "unknown field in policy" policy.url

# ---- many errors at once: every one reported ----
mkdoc 'd["company"]["industry"] = "Z"; d["people"][1]["exams"][0]["date"] = "2026-02-30"; d["tasks"][0]["owner"] = "p9"; d["assets"][0]["c"] = 0'
bad "four errors at once" company.industry
expect_err "four errors: exam date reported" "secstep: import: people[1].exams[0].date:"
expect_err "four errors: task owner reported" "secstep: import: tasks[0].owner:"
expect_err "four errors: asset c reported" "secstep: import: assets[0].c:"
n=$(printf '%s\n' "$ERR" | grep -c '^secstep: import: ')
if [ "$n" -eq 4 ]; then ok "four errors give four stderr lines"; else notok "four errors give four stderr lines" "got $n" "$ERR"; fi

# A bad document on stdin is refused the same way.
mkdoc 'd["company"]["employees"] = 0'
b_sum=$(db_sum)
run import - <"$DOC"
if [ "$RC" -eq 1 ]; then ok "bad document on stdin: exit 1"; else notok "bad document on stdin: exit 1" "exit $RC"; fi
expect_err "bad document on stdin: names company.employees" "secstep: import: company.employees:"
if [ "$(db_sum)" = "$b_sum" ]; then ok "bad document on stdin: nothing written"; else notok "bad document on stdin: nothing written" "database changed"; fi

expect_rc "import without a file is a usage error" 2 import
check_n=$(ncompanies)
if [ "$check_n" -eq 7 ]; then ok "only the valid imports made companies"; else notok "only the valid imports made companies" "have $check_n, want 7"; fi
