#!/bin/sh
# t0050 — `secstep risks`: the asset register with importance, likelihood,
# value and band, and configurable thresholds.
. "$TOP/tests/cli/lib.sh"
plan 23

cat >doc.json <<'JSON'
{"format": "secstep-company/1",
 "company": {"name": "資産テスト", "industry": "I", "employees": 40},
 "assets": [
  {"id": "a1", "name": "顧客台帳", "c": 1, "i": 1, "a": 1, "personal": true, "threat": 3, "vulnerability": 3},
  {"id": "a2", "name": "見積書", "c": 2, "i": 2, "a": 1, "personal": false, "threat": 2, "vulnerability": 3},
  {"id": "a3", "name": "会社案内", "c": 1, "i": 3, "a": 3, "personal": false, "threat": 3, "vulnerability": 1},
  {"id": "a4", "name": "図面", "c": 3, "i": 2, "a": 2, "personal": false, "threat": 2, "vulnerability": 2}
 ]}
JSON
expect_rc "import a document with assets" 0 import doc.json
expect_rc "risks --json" 0 risks 1 --json
expect_json "personal data makes importance 3" 'd["assets"][0]["importance"] == 3 and d["assets"][0]["likelihood"] == 3 and d["assets"][0]["value"] == 9 and d["assets"][0]["band"] == "high"'
expect_json "threat 2 + vulnerability 3 is likelihood 2; value 4 is medium" 'd["assets"][1]["likelihood"] == 2 and d["assets"][1]["value"] == 4 and d["assets"][1]["band"] == "medium"'
expect_json "importance is max(C,I,A); threat 3 + vulnerability 1 is likelihood 1" 'd["assets"][2]["importance"] == 3 and d["assets"][2]["likelihood"] == 1 and d["assets"][2]["band"] == "low"'
expect_json "value 3 is low by default" 'd["assets"][3]["value"] == 3 and d["assets"][3]["band"] == "low"'
expect_rc "thresholds are configurable" 0 risks 1 --json --medium-from 3
expect_json "with --medium-from 3, value 3 is medium" 'd["assets"][3]["band"] == "medium" and d["thresholds"]["medium_from"] == 3'
expect_rc "impossible thresholds are a usage error" 2 risks 1 --medium-from 7 --high-from 6
expect_rc "text listing" 0 risks 1
expect_out "text lists the personal-data asset" "顧客台帳"
expect_rc "unknown company" 1 risks 99 --json

cat >treat.json <<'JSON'
{"format": "secstep-company/1",
 "company": {"name": "対応テスト", "industry": "E", "employees": 15},
 "people": [{"id": "p1", "name": "担当"}],
 "assets": [{"id": "a1", "name": "設計図面", "c": 3, "i": 2, "a": 2, "threat": 2, "vulnerability": 3,
             "treatment": "reduce", "action": "アクセス権を設計部だけにする", "treatment_owner": "p1", "treatment_due": "2027-01-31"}]}
JSON
expect_rc "an asset with a treatment imports" 0 import treat.json --json
T=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])')
expect_rc "export it" 0 export "$T"
expect_json "the treatment is kept" 'd["assets"][0]["treatment"] == "reduce" and d["assets"][0]["treatment_owner"] == "p1" and d["assets"][0]["treatment_due"] == "2027-01-31"'
expect_rc "the calendar has the treatment's due date" 0 calendar "$T"
expect_out "the treatment event" "risk-a1-c$T@secstep"
sed 's/"reduce"/"ignore"/; s/"treatment_owner": "p1"/"treatment_owner": "p5"/' treat.json >bad.json
expect_rc "a bad treatment is refused" 1 import bad.json
expect_err "the treatment is named" "assets[0].treatment:"
expect_err "the owner is named" "assets[0].treatment_owner:"
expect_rc "removing the owner clears the treatment owner" 0 person remove "$T" p1
expect_rc "export after removal" 0 export "$T"
expect_json "no dangling owner" '"treatment_owner" not in d["assets"][0]'
