#!/bin/sh
# t0030 — the four sample companies (samples/company-a.json … -d.json, the
# guidebook's case studies A–D before their actions): each imports cleanly,
# status and plan give the STEPs, staffing, candidates, measures, exams and
# closest case the rules of CONTRACT.md call for, and export → import →
# export gives the same document.
. "$TOP/tests/cli/lib.sh"
plan 146

SAMPLES="$TOP/samples"

# check NAME CMD...: ok when CMD succeeds (its output is kept for the log).
check() {
	name=$1
	shift
	if "$@" >"$WORK/.chk" 2>&1; then ok "$name"; else notok "$name" "$(head -c 400 "$WORK/.chk")"; fi
}

# json_eq A B: the two files hold equal JSON values.
json_eq() {
	python3 - "$1" "$2" <<'PY'
import json, sys
try:
    a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
except Exception as e:
    print("not JSON:", e)
    sys.exit(1)
if a != b:
    print("differ:", json.dumps(a, ensure_ascii=False)[:150], "//", json.dumps(b, ensure_ascii=False)[:150])
    sys.exit(1)
PY
}

# json_within A B: every field written in A is in B with the same value
# (objects: A's keys; lists: same length, element by element).  B may add
# defaults A leaves out (empty lists, "volunteer": false …).
json_within() {
	python3 - "$1" "$2" <<'PY'
import json, sys
try:
    a, b = (json.load(open(p, encoding="utf-8")) for p in sys.argv[1:3])
except Exception as e:
    print("not JSON:", e)
    sys.exit(1)
def within(x, y, path):
    if isinstance(x, dict):
        if not isinstance(y, dict):
            return path + ": not an object"
        for k, v in x.items():
            if k not in y:
                return path + "." + k + ": missing"
            r = within(v, y[k], path + "." + k)
            if r:
                return r
        return None
    if isinstance(x, list):
        if not isinstance(y, list) or len(x) != len(y):
            return path + ": list differs"
        for i, (u, v) in enumerate(zip(x, y)):
            r = within(u, v, "%s[%d]" % (path, i))
            if r:
                return r
        return None
    return None if x == y else "%s: %r != %r" % (path, x, y)
r = within(a, b, "")
if r:
    print(r)
    sys.exit(1)
PY
}

# company_id: the ID from the last run's {"company": ID}, or "none".
company_id() {
	printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])' 2>/dev/null || echo none
}

# ---- import: each sample is accepted as a new company ----
for x in a b c d; do
	expect_rc "import company-$x exits 0" 0 --json import "$SAMPLES/company-$x.json"
	expect_json "import company-$x prints {\"company\": ID}" \
		'list(d) == ["company"] and type(d["company"]) is int and d["company"] > 0'
	eval "ID_$x=\$(company_id)"
	[ -z "$ERR" ] && ok "import company-$x writes nothing to stderr" || notok "import company-$x writes nothing to stderr" "stderr: $ERR"
done
check "the four samples are four companies" test "$ID_a" != "$ID_b" -a "$ID_b" != "$ID_c" -a "$ID_c" != "$ID_d" -a "$ID_a" != none
expect_rc "company list --json" 0 company list --json
expect_json "company list has the four samples with their STEPs" \
	'sorted((c["name"], c["industry"], c["employees"], c["current_step"], c["working_step"]) for c in d["companies"]) == sorted([("株式会社サンプル建設", "D", 30, 0, 1), ("サンプル精工株式会社", "E", 10, 1, 2), ("サンプル資源商事株式会社", "I", 100, 2, 3), ("株式会社サンプル情報システム", "G", 50, 3, 4)])'

# ---- A: construction, 30 people, nobody in charge yet ----
expect_rc "status A" 0 status "$ID_a" --json
expect_json "A is before STEP1, working on STEP1" 'd["current_step"] == 0 and d["working_step"] == 1'
expect_json "A: every STEP1 checkpoint is unmet" 'd["unmet"][:3] == ["cp-1-1", "cp-1-2", "cp-1-3"] and len(d["unmet"]) == 14'
expect_json "A: cp-1-1 rolls up from its questions (partly, one unknown: partly)" '[c["answer"] for c in d["checkpoints"] if c["id"] == "cp-1-1"] == ["partial"]'
expect_json "A: no self-diagnosis score" 'd["self_diagnosis"]["score"] is None and d["self_diagnosis"]["band"] is None'
expect_json "A: short of one officer" 'd["staffing"] == {"step": 1, "needs": {"officer": 1}, "has": {"officer": 0}, "short": ["officer"]}'
expect_json "A: no SECURITY ACTION star yet" 'd["security_action"] == {"one_star": False, "two_star": False}'
expect_json "A: diagnosed on the document's date" 'd["diagnosed_on"] == "2026-04-10"'
expect_rc "plan A" 0 plan "$ID_a" --json
expect_json "A plan is for STEP1" 'd["step"] == 1 and [t["id"] for t in d["tasks"]] == ["task-1-1", "task-1-2", "task-1-3", "task-1-4"]'
expect_json "A plan: staffing short of an officer" 'd["staffing"]["short"] == ["officer"]'
expect_json "A plan: the web-site builder is the transfer candidate" \
	'[(c["person"], c["because"]) for c in d["candidates"]] == [("p3", ["web"])]'
expect_json "A plan: appoint one, consult the vendor and IPA" \
	'{"m-1-appoint-one", "m-1-consult-vendor", "m-1-consult-ipa"} <= {m["id"] for m in d["measures"]}'
expect_json "A plan: appointing comes first (priority 1)" \
	'[m["priority"] for m in d["measures"] if m["id"] == "m-1-appoint-one"] == [1]'
expect_json "A plan: only STEP1 measures" 'all(m["id"].startswith("m-1-") for m in d["measures"])'
expect_json "A plan: no officer, so no exam yet" 'd["exams"] == []'
expect_json "A plan: closest case is case-a" 'd["closest_case"] == "case-a"'
expect_json "A plan: nobody owns a task yet" 'all(t["owner"] is None for t in d["tasks"])'
expect_json "A plan: STEP1 needs no dedicated officer" 'd["dedicated_officer"] is None'

# ---- B: metalworking, 10 people, one part-time officer (総務) ----
expect_rc "status B" 0 status "$ID_b" --json
expect_json "B meets STEP1, working on STEP2" 'd["current_step"] == 1 and d["working_step"] == 2'
expect_json "B: STEP2-4 unmet" 'd["unmet"] == ["cp-2-1", "cp-2-2", "cp-2-3", "cp-3-1", "cp-3-2", "cp-3-3", "cp-3-4", "cp-4-1", "cp-4-2", "cp-4-3", "cp-4-4"]'
expect_json "B: self-diagnosis 62 (50-69), unknown sd-05 sd-10" \
	'd["self_diagnosis"]["score"] == 62 and d["self_diagnosis"]["band"] == "50-69" and d["self_diagnosis"]["unknown"] == ["sd-05", "sd-10"]'
expect_json "B: one officer of the two STEP2 needs" 'd["staffing"] == {"step": 2, "needs": {"officer": 2}, "has": {"officer": 1}, "short": ["officer"]}'
expect_json "B: one star, no policy so no two stars" 'd["security_action"] == {"one_star": True, "two_star": False}'
expect_rc "plan B" 0 plan "$ID_b" --json
expect_json "B plan is for STEP2" 'd["step"] == 2'
expect_json "B plan: volunteer first, then more tags, then id" \
	'[c["person"] for c in d["candidates"]] == ["p7", "p3", "p4", "p6"] and d["candidates"][0]["because"] == ["volunteer"] and d["candidates"][1]["because"] == ["supervisor", "pc_rollout"]'
expect_json "B plan: the officer (not the president) gets sg, studying" \
	'd["exams"] == [{"person": "p2", "exam": "sg", "status": "studying"}]'
expect_json "B plan: add officers and the sg exam" \
	'{"m-2-add-officers", "m-2-exam-sg", "m-2-consult-vendor"} <= {m["id"] for m in d["measures"]}'
expect_json "B plan: closest case is case-b" 'd["closest_case"] == "case-b"'
expect_json "B plan: task-2-2 is the officer'\''s, doing" \
	'[(t["owner"], t["due"], t["status"]) for t in d["tasks"] if t["id"] == "task-2-2"] == [("p2", "2026-12-25", "doing")]'

# ---- C: wholesale, 100 people, two part-time officers, no lead ----
expect_rc "status C" 0 status "$ID_c" --json
expect_json "C meets STEP1-2, working on STEP3" 'd["current_step"] == 2 and d["working_step"] == 3'
expect_json "C: STEP3-4 unmet" 'd["unmet"] == ["cp-3-1", "cp-3-2", "cp-3-3", "cp-3-4", "cp-4-1", "cp-4-2", "cp-4-3", "cp-4-4"]'
expect_json "C: checkpoints roll up from the questions" \
	'{c["id"]: c["answer"] for c in d["checkpoints"]} == {"cp-1-1": "yes", "cp-1-2": "yes", "cp-1-3": "yes", "cp-2-1": "yes", "cp-2-2": "yes", "cp-2-3": "yes", "cp-3-1": "partial", "cp-3-2": "partial", "cp-3-3": "partial", "cp-3-4": "partial", "cp-4-1": "partial", "cp-4-2": "partial", "cp-4-3": "no", "cp-4-4": "no"}'
expect_json "C: self-diagnosis 77 (70-99), unknown sd-23" \
	'd["self_diagnosis"]["score"] == 77 and d["self_diagnosis"]["band"] == "70-99" and d["self_diagnosis"]["unknown"] == ["sd-23"]'
expect_json "C: short of a dedicated officer and a lead" \
	'd["staffing"] == {"step": 3, "needs": {"officer": 2, "dedicated_officer": 1, "security_lead": 1}, "has": {"officer": 2, "dedicated_officer": 0, "security_lead": 0}, "short": ["dedicated_officer", "security_lead"]}'
expect_json "C: two stars (complete self-check, published policy)" 'd["security_action"] == {"one_star": True, "two_star": True}'
expect_rc "plan C" 0 plan "$ID_c" --json
expect_json "C plan is for STEP3" 'd["step"] == 3 and [t["id"] for t in d["tasks"]] == ["task-3-1", "task-3-2", "task-3-3", "task-3-4"]'
expect_json "C plan: officers are not short, so no transfer candidates" 'd["candidates"] == []'
expect_json "C plan: the sg holder climbs to au, the ip holder to sg" 'd["exams"] == [{"person": "p3", "exam": "au"}, {"person": "p4", "exam": "sg"}]'
expect_json "C plan: acquire measures (staffing short) and outside help" \
	'{"m-3-continue-transfer", "m-3-hire-mid-career", "m-3-consult", "m-3-adviser"} <= {m["id"] for m in d["measures"]}'
expect_json "C plan: closest case is case-c" 'd["closest_case"] == "case-c"'
expect_json "C plan: no dedicated officer; the sg holder before the ip holder could become one" \
	'[(x["person"], x["passed"], x["share"]) for x in d["dedicated_officer"]["from_inside"]] == [("p3", "sg", 30), ("p4", "ip", 20)] and d["dedicated_officer"]["step"] == 3'
expect_json "C plan: or hire (mid-career) or outsource (advisers, a security service)" \
	'[(x["route"], x["measure"]) for x in d["dedicated_officer"]["outside"]] == [("hire", "m-3-hire-mid-career"), ("outsource", "m-3-adviser"), ("outsource", "m-3-security-service")]'
expect_json "C plan: tasks keep their owners and dates" \
	'[(t["owner"], t["due"], t["status"]) for t in d["tasks"]] == [("p3", "2027-01-29", "doing"), ("p3", "2027-03-31", "todo"), ("p4", "2027-03-31", "todo"), ("p3", "2027-01-31", "todo")]'
expect_json "C plan: nothing overdue on 2026-11-25" 'not any(t["overdue"] for t in d["tasks"])'
expect_rc "plan C as text" 0 plan "$ID_c"
expect_out "C plan text: the dedicated officer section" "■ 専任の担当者がいません（STEP3から1人必要です）"
expect_out "C plan text: the most experienced officer first" "1. 岡田 修 (p3) — 情報セキュリティマネジメント試験 合格"
expect_out "C plan text: hire" "採用する: 経験者を中途採用する (m-3-hire-mid-career)"
expect_rc "plan C as English text" 0 --lang en plan "$ID_c"
expect_out "C plan English: the section" "No dedicated security officer yet (STEP3 needs one)"
expect_out "C plan English: outsource" "Outsource: Secure advisers (m-3-adviser); Bring in a security service (m-3-security-service)"

# ---- D: IT services, 50 people, dedicated officer, no CISO ----
expect_rc "status D" 0 status "$ID_d" --json --history
expect_json "D meets STEP1-3, working on STEP4" 'd["current_step"] == 3 and d["working_step"] == 4'
expect_json "D: the four STEP4 checkpoints are partly done" \
	'd["unmet"] == ["cp-4-1", "cp-4-2", "cp-4-3", "cp-4-4"] and all(c["answer"] == "partial" for c in d["checkpoints"] if c["step"] == 4)'
expect_json "D: self-diagnosis 94 (70-99)" 'd["self_diagnosis"]["score"] == 94 and d["self_diagnosis"]["band"] == "70-99" and d["self_diagnosis"]["unknown"] == []'
expect_json "D: only the CISO is short" \
	'd["staffing"] == {"step": 4, "needs": {"officer": 2, "dedicated_officer": 1, "security_lead": 1, "ciso": 1}, "has": {"officer": 2, "dedicated_officer": 1, "security_lead": 1, "ciso": 0}, "short": ["ciso"]}'
expect_json "D: the history has the earlier diagnosis" \
	'[(h["date"], h["current_step"], h["self_diagnosis_score"]) for h in d["history"]] == [("2025-10-01", 2, 92), ("2026-06-01", 3, 94)]'
expect_rc "plan D" 0 plan "$ID_d" --json
expect_json "D plan is for STEP4" 'd["step"] == 4'
expect_json "D plan: no transfer candidates" 'd["candidates"] == []'
expect_json "D plan: the officer studying sc keeps going; the ip holder gets sg, not sc" \
	'd["exams"] == [{"person": "p3", "exam": "sc", "status": "studying"}, {"person": "p4", "exam": "sg"}]'
expect_json "D plan: invite a CISO" '"m-4-invite-ciso" in {m["id"] for m in d["measures"]}'
expect_json "D plan: closest case is case-d" 'd["closest_case"] == "case-d"'
expect_json "D plan: a dedicated officer is there, nothing to suggest" 'd["dedicated_officer"] is None'
expect_json "D plan: task owners" '[t["owner"] for t in d["tasks"]] == ["p3", "p3", "p3", "p2"]'

# ---- the basic policy of C and D: approved, published, read by three ----
for x in c d; do
	eval "id=\$ID_$x"
	expect_rc "policy show company-$x" 0 policy show "$id" --json
	expect_json "company-$x: policy version 1 is in force, read by 3" \
		'd["version"] == 1 and d["in_force"] is True and d["acknowledged"] == 3 and d["approved"] is not None and d["published"] is not None'
done

# ---- export → import → export ----
for x in a b c d; do
	eval "id=\$ID_$x"
	"$SECSTEP" export "$id" >"$WORK/exp-$x.json" 2>"$WORK/.err"
	check "export company-$x exits 0" test $? -eq 0
	check "export company-$x keeps every field of the sample" json_within "$SAMPLES/company-$x.json" "$WORK/exp-$x.json"
	expect_rc "re-import company-$x" 0 import "$WORK/exp-$x.json" --json
	id2=$(company_id)
	check "re-import company-$x is a new company" test "$id2" != none -a "$id2" != "$id"
	"$SECSTEP" export "$id2" >"$WORK/exp2-$x.json" 2>"$WORK/.err"
	check "export of re-imported company-$x exits 0" test $? -eq 0
	check "company-$x: export, import, export gives the same document" json_eq "$WORK/exp-$x.json" "$WORK/exp2-$x.json"
	for cmd in status plan; do
		for n in 1 2; do
			[ $n = 1 ] && cid=$id || cid=$id2
			"$SECSTEP" $cmd "$cid" --json 2>/dev/null |
				python3 -c 'import json,sys; d=json.load(sys.stdin); d.pop("company"); print(json.dumps(d, sort_keys=True))' \
				>"$WORK/$cmd-$n.json" 2>/dev/null
		done
		check "company-$x: the re-imported company has the same $cmd" json_eq "$WORK/$cmd-1.json" "$WORK/$cmd-2.json"
	done
	rm -f "$WORK/file-$x.json"
	expect_rc "export company-$x -o FILE exits 0" 0 export "$id" -o "$WORK/file-$x.json"
	check "export company-$x -o FILE writes nothing to stdout" test -z "$OUT"
	check "export company-$x -o FILE writes the same document" json_eq "$WORK/exp-$x.json" "$WORK/file-$x.json"
done

# D's history survives the round trip.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if [h["date"] for h in d.get("history", [])] == ["2025-10-01"] and d["diagnosed_on"] == "2026-06-01" else 1)' "$WORK/exp2-d.json"
check "company-d: the history is exported and re-imported" test $? -eq 0
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if [a["id"] for a in d["assets"]] == ["a1", "a2", "a3", "a4", "a5"] else 1)' "$WORK/exp2-d.json"
check "company-d: the five assets survive the round trip" test $? -eq 0

# ---- bulk import: several documents at once ----
SECSTEP_DB=$(new_db bulk)
export SECSTEP_DB
expect_rc "bulk import of the four samples" 0 import "$TOP/samples/company-a.json" "$TOP/samples/company-b.json" "$TOP/samples/company-c.json" "$TOP/samples/company-d.json" --json
expect_json "four companies, none failed" 'd["companies"] == [1, 2, 3, 4] and d["failed"] == 0'
printf '{"format": "secstep-company/1"}' >"$WORK/broken.json"
expect_rc "a bad file in a bulk import fails the command" 1 import "$TOP/samples/company-a.json" "$WORK/broken.json" --json
expect_json "the good file is imported, the bad one counted" 'len(d["companies"]) == 1 and d["failed"] == 1'
expect_err "the bad file is named" "broken.json: company:"
expect_rc "export --all writes every company's document" 0 export --all -o "$WORK/all" --json
expect_json "five documents" 'd["companies"] == 5'
if [ -f "$WORK/all/company-1.json" ] && [ -f "$WORK/all/company-5.json" ]; then ok "one file per company"; else notok "one file per company" "$(ls "$WORK/all")"; fi
expect_rc "a written document imports again" 0 import "$WORK/all/company-2.json"
expect_rc "export without an ID is a usage error" 2 export
expect_rc "--all with an ID is a usage error" 2 export 1 --all -o "$WORK/x"
