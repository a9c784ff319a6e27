#!/bin/sh
# t0090 — the STEP3/4 registers: suppliers, contacts, systems, drills,
# incidents, organisation; validation with field names, evidence for
# cp-3-3 and cp-3-4, organisation gaps, and the lossless round trip.
. "$TOP/tests/cli/lib.sh"
plan 81

cat >doc.json <<'JSON'
{"format": "secstep-company/1",
 "company": {"name": "記録テスト卸", "industry": "I", "employees": 100},
 "people": [{"id": "p1", "name": "役員", "roles": [{"role": "security_lead", "time": "concurrent"}]},
            {"id": "p2", "name": "担当A", "roles": [{"role": "officer", "time": "dedicated"}]},
            {"id": "p3", "name": "担当B", "roles": [{"role": "officer", "time": "concurrent"}]}],
 "checkpoints": {"cp-1-1": "yes", "cp-1-2": "yes", "cp-1-3": "yes", "cp-2-1": "yes", "cp-2-2": "yes", "cp-2-3": "yes",
                 "cp-3-1": "yes", "cp-3-2": "yes"}}
JSON
expect_rc "import" 0 import doc.json
expect_rc "status" 0 status 1 --json
expect_json "STEP2 reached; cp-3-3 and cp-3-4 open" 'd["current_step"] == 2 and d["unmet"][:2] == ["cp-3-3", "cp-3-4"]'

sum=$(db_sum)
expect_rc "a bad supplier is refused" 1 --lang en register add 1 suppliers --set cloud=maybe --set checked_on=2026-02-30 --set bogus=1
expect_err "missing name is named" "suppliers.name: missing"
expect_err "bad boolean is named" "suppliers.cloud: must be true or false"
expect_err "bad date is named" "suppliers.checked_on: must be a date"
expect_err "unknown field is named" "bogus"
expect_rc "a bad supplier is refused in Japanese too" 1 register add 1 suppliers --set cloud=maybe
expect_err "the same field path, the message in Japanese" "suppliers.cloud: はい・いいえで選んでください"
if [ "$(db_sum)" = "$sum" ]; then ok "refused record changes nothing"; else notok "refused record changes nothing"; fi
expect_rc "unknown register kind is a usage error" 2 register list 1 widgets

expect_rc "a supplier without a confidentiality clause" 0 register add 1 suppliers --set name=運送会社 --set information=出荷先の住所
expect_rc "status" 0 status 1 --json
expect_json "a supplier without a clause or check is no evidence" '"cp-3-3" in d["unmet"]'
expect_rc "remove it" 0 register remove 1 suppliers s1
expect_rc "a checked cloud service" 0 register add 1 suppliers --set name=クラウド会計 --set cloud=true --set confidentiality=yes --set security_check=第三者認証を確認 --set next_review=2027-04-01
expect_rc "status" 0 status 1 --json
expect_json "suppliers with clause and check answer cp-3-3" '"cp-3-3" not in d["unmet"] and [c for c in d["checkpoints"] if c["id"] == "cp-3-3"][0]["evidence"]'

expect_rc "an internal contact" 0 register add 1 contacts --set role=internal --set name=総務部長 --set order=1
expect_rc "status" 0 status 1 --json
expect_json "contacts alone are not enough for cp-3-4" '"cp-3-4" in d["unmet"]'
expect_rc "an outside contact" 0 register add 1 contacts --set role=ipa --set name=IPA相談窓口 --set email=cs-support@ipa.go.jp
expect_rc "bad contact role" 1 register add 1 contacts --set role=friend --set name=X
expect_err "the role is named" "contacts.role"
expect_rc "bad order" 1 register add 1 contacts --set role=police --set name=Y --set order=500
expect_rc "a drill" 0 register add 1 drills --set date=2026-10-15 --set scenario=ランサムウェア感染 --set findings=連絡網の更新が必要
expect_rc "task list after the drill" 0 task list 1 --all --json
expect_json "the drill completed a round of the yearly drill task: done 2026-10-15, next due a year later" 'any(t["id"] == "task-3-4" and t["last_done"] == "2026-10-15" and t["due"] == "2027-10-15" and t["status"] == "todo" for t in d["tasks"])'
expect_rc "status" 0 status 1 --json
expect_json "contacts inside and outside plus a drill answer cp-3-4; STEP3 reached" '"cp-3-4" not in d["unmet"] and d["current_step"] == 3'
expect_rc "a system with RTO/RPO" 0 register add 1 systems --set name=販売管理 --set rto_hours=24 --set rpo_hours=24 --set "backup=毎晩 NAS と外部へ"
expect_rc "a restore test recorded on a system" 0 register add 1 systems --set name=会計 --set restore_tested=2026-11-02
expect_rc "task list after the restore test" 0 task list 1 --all --json
expect_json "the quarterly restore test's next round is due three months later" 'any(t["id"] == "task-4-4" and t["last_done"] == "2026-11-02" and t["due"] == "2027-02-02" for t in d["tasks"])'
expect_rc "the calendar" 0 calendar 1
expect_out "the next drill is in the calendar feed" "DTSTART;VALUE=DATE:20271015"
expect_rc "an incident" 0 register add 1 incidents --set detected=2026-11-20 --set title=不審メールの開封 --set phase=recover
expect_rc "bad phase" 1 register add 1 incidents --set detected=2026-11-20 --set title=X --set phase=panic

expect_rc "org before any line" 0 org 1 --step 3 --json
expect_json "a STEP3 task with nobody is flagged" '[t["flag"] for t in d["tasks"]] == ["nobody"] * 4'
expect_rc "organisation: p2 responsible for task-3-1 with deputy p3" 0 register add 1 organisation --set task=task-3-1 --set person=p2 --set raci=responsible --set deputy=p3
expect_rc "organisation: p2 responsible for task-3-2, no deputy" 0 register add 1 organisation --set task=task-3-2 --set person=p2 --set raci=responsible
expect_rc "organisation needs a known person" 1 register add 1 organisation --set task=task-3-3 --set person=p9 --set raci=responsible
expect_err "the person is named" "organisation.person"
expect_rc "organisation needs a known task" 1 register add 1 organisation --set task=task-9-9 --set person=p1 --set raci=informed
expect_rc "org" 0 org 1 --step 3 --json
expect_json "deputy ok, one person without deputy flagged, the rest nobody" '[t["flag"] for t in d["tasks"]] == ["ok", "no_deputy", "nobody", "nobody"]'

expect_rc "export" 0 export 1
printf '%s' "$OUT" >e1.json
expect_json "every register is in the document with its ids" 'd["suppliers"][0]["id"] == "s1" and len(d["contacts"]) == 2 and d["drills"][0]["scenario"] == "ランサムウェア感染" and d["organisation"][0] == {"id": "o1", "task": "task-3-1", "person": "p2", "raci": "responsible", "deputy": "p3"}'
expect_rc "re-import" 0 import e1.json
expect_rc "export the copy" 0 export 2
if [ "$OUT" = "$(cat e1.json)" ]; then ok "registers survive the round trip"; else notok "registers survive the round trip"; fi
expect_rc "removing a person drops their organisation lines" 0 person remove 1 p3
expect_rc "export" 0 export 1
expect_json "the deputy mention is gone, the line stays" '"deputy" not in d["organisation"][0]'
printf '%s' "$OUT" >e2.json
expect_rc "and it still imports" 0 import e2.json

cat >bad.json <<'JSON'
{"format": "secstep-company/1", "company": {"name": "X", "industry": "A", "employees": 1},
 "suppliers": [{"id": "s1", "name": "A", "cloud": "yes"}, {"id": "s1", "name": "B"}],
 "contacts": [{"name": "no role"}],
 "organisation": [{"id": "o1", "task": "task-1-1", "person": "nobody", "raci": "responsible"}]}
JSON
expect_rc "bad registers in a document are refused" 1 import bad.json
expect_err "bad boolean by path" "suppliers[0].cloud"
expect_err "duplicate id by path" "suppliers[1].id"
expect_err "missing id by path" "contacts[0].id"
expect_err "unknown person by path" "organisation[0].person"

# ---- CSV in and out (Excel) ----
expect_rc "export the registers as CSV" 0 export 1 --format csv -o csvout
expect_rc "a fresh company for the CSV import" 0 company add --name CSV先 --industry I --employees 5 --json
N=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])')
expect_rc "import the exported suppliers CSV (Japanese headers)" 0 register import "$N" suppliers csvout/suppliers.csv --json
expect_json "one supplier imported" 'd["added"] == 1'
expect_rc "list it" 0 register list "$N" suppliers --json
expect_json "the fields came back typed" 'd["suppliers"][0]["name"] == "クラウド会計" and d["suppliers"][0]["cloud"] is True and d["suppliers"][0]["next_review"] == "2027-04-01"'
printf 'name,role,order\r\n"=cmd|x",internal,1\r\n"Line, with comma",ipa,2\r\n' >contacts.csv
expect_rc "import contacts written by hand (field names as headers)" 0 register import "$N" contacts contacts.csv --json
expect_rc "list contacts" 0 register list "$N" contacts --json
expect_json "text with commas and formula-like text arrive as text" '[c["name"] for c in d["contacts"]] == ["=cmd|x", "Line, with comma"] and d["contacts"][1]["order"] == 2'
sum=$(db_sum)
printf 'name,role,order\ngood,internal,1\nbad,friend,1\n,ipa,500\n' >badcontacts.csv
expect_rc "one bad row refuses the whole file" 1 register import "$N" contacts badcontacts.csv
expect_err "the row and field are named" "badcontacts.csv:3.role"
expect_err "every bad row is reported" "badcontacts.csv:4.order"
if [ "$(db_sum)" = "$sum" ]; then ok "a refused CSV import changes nothing"; else notok "a refused CSV import changes nothing"; fi
printf 'name,colour\nx,blue\n' >unknown.csv
expect_rc "an unknown column is refused" 1 register import "$N" contacts unknown.csv
expect_err "the column is named" "colour"
printf 'name,role\n"unterminated,internal\n' >broken.csv
expect_rc "a broken CSV is refused" 1 register import "$N" contacts broken.csv
expect_rc "--replace empties the register first" 0 register import "$N" contacts contacts.csv --replace --json
expect_rc "list contacts" 0 register list "$N" contacts --json
expect_json "two contacts after replace" 'len(d["contacts"]) == 2'
