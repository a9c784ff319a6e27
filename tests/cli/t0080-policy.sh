#!/bin/sh
# t0080 — the basic policy: draft from the company's data, versions,
# owner's approval before publication, acknowledgements, the evidence for
# cp-2-1, SECURITY ACTION two stars, and the lossless round trip.
. "$TOP/tests/cli/lib.sh"
plan 42

cat >doc.json <<'JSON'
{"format": "secstep-company/1",
 "company": {"name": "方針テスト商事", "industry": "I", "employees": 12, "it_uses": ["personal_data", "cloud"]},
 "people": [{"id": "p1", "name": "社長", "roles": [{"role": "security_lead", "time": "concurrent"}]},
            {"id": "p2", "name": "担当", "roles": [{"role": "officer", "time": "concurrent"}]}],
 "checkpoints": {"cp-1-1": "yes", "cp-1-2": "yes", "cp-1-3": "yes", "cp-2-2": "yes", "cp-2-3": "yes"}}
JSON
expect_rc "import" 0 import doc.json
expect_rc "status before a policy" 0 status 1 --json
expect_json "without a policy cp-2-1 is unmet, STEP1 reached" '"cp-2-1" in d["unmet"] and d["current_step"] == 1'
expect_rc "policy show with none" 0 policy show 1
expect_out "it says how to start" "policy draft"
expect_rc "draft from the company's data" 0 policy draft 1
expect_rc "policy show --json" 0 policy show 1 --json
expect_json "version 1, not approved, not in force" 'd["version"] == 1 and d["approved"] is None and not d["in_force"]'
expect_json "the draft names the company and the five sections" 'all(x in d["body"] for x in ["方針テスト商事", "1. 経営者の責任", "2. 社内体制の整備", "3. 従業員の取組み", "4. 法令及び契約上の要求事項の遵守", "5. 違反及び事故への対応"])'
expect_json "personal data in use brings the privacy law in" '"個人情報保護法" in d["body"]'
expect_json "the representative is the security lead" '"代表者: 社長" in d["body"]'
sum=$(db_sum)
expect_rc "publishing before approval is refused" 1 policy publish 1 --where 自社サイト
if [ "$(db_sum)" = "$sum" ]; then ok "refused publish changes nothing"; else notok "refused publish changes nothing"; fi
expect_rc "publish needs --where" 2 policy publish 1
expect_rc "approve" 0 policy approve 1 --by 社長
expect_rc "publish" 0 policy publish 1 --where 自社ウェブサイト --date 2026-11-20
expect_rc "status after publishing" 0 status 1 --json
expect_json "a published policy answers cp-2-1 (evidence)" '"cp-2-1" not in d["unmet"] and [c for c in d["checkpoints"] if c["id"] == "cp-2-1"][0]["evidence"] is True and d["current_step"] == 2'
expect_json "two stars still need the self-diagnosis" 'd["security_action"]["two_star"] is False'
set -- ; for i in $(seq -w 1 25); do set -- "$@" --set "sd-$i=yes"; done
expect_rc "answer all 25 items" 0 diagnose 1 "$@"
expect_rc "status with both" 0 status 1 --json
expect_json "SECURITY ACTION two stars" 'd["security_action"]["two_star"] is True'
expect_rc "an employee acknowledges" 0 policy ack 1 p2
expect_rc "acknowledging twice is harmless" 0 policy ack 1 p2
expect_rc "policy show --json" 0 policy show 1 --json
expect_json "one acknowledgement of two people" 'd["acknowledged"] == 1 and d["people"] == 2'
expect_rc "unknown person" 1 policy ack 1 p9
printf 'わが社の方針（改訂）\n' >v2.txt
expect_rc "a new version from a file" 0 policy draft 1 --file v2.txt
expect_rc "status with an unapproved new version" 0 status 1 --json
expect_json "an unapproved latest version is not in force" '"cp-2-1" in d["unmet"]'
expect_rc "export" 0 export 1
printf '%s' "$OUT" >e1.json
expect_json "both versions and the acknowledgement are exported" 'len(d["policy"]["versions"]) == 2 and d["policy"]["acknowledgements"] == [{"person": "p2", "version": 1, "date": "2026-11-25"}]'
expect_rc "re-import the export" 0 import e1.json
expect_rc "export the copy" 0 export 2
if [ "$OUT" = "$(cat e1.json)" ]; then ok "the policy survives the round trip"; else notok "the policy survives the round trip"; fi
expect_rc "removing a person drops their acknowledgements" 0 person remove 1 p2
expect_rc "export after removal" 0 export 1
expect_json "no acknowledgement of a removed person" '"acknowledgements" not in d["policy"]'
printf '%s' "$OUT" >e3.json
expect_rc "and it still imports" 0 import e3.json

cat >bad.json <<'JSON'
{"format": "secstep-company/1", "company": {"name": "X", "industry": "A", "employees": 1},
 "people": [{"id": "p1", "name": "A"}],
 "policy": {"versions": [{"version": 2, "body": "x", "created": "2026-01-01"}],
            "acknowledgements": [{"person": "p7", "version": 1, "date": "2026-01-02"}]}}
JSON
expect_rc "bad policy sections are refused" 1 import bad.json
expect_err "version numbering is named" "policy.versions[0].version"
expect_err "unknown person is named" "policy.acknowledgements[0].person"
