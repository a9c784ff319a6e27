#!/bin/sh
# t0040 — diagnose (--set, --file, --interactive, --date) and the rules of
# CONTRACT.md as status --json and plan --json show them: STEPs, unmet
# checkpoints, question roll-up, self-diagnosis score and band, staffing,
# SECURITY ACTION, transfer candidates, exams, due dates and warnings.
. "$TOP/tests/cli/lib.sh"
plan 237



# st NAME PYEXPR: checks status --json of company $CO.
st() { json_check "$1" "$2" --json status "$CO"; }
# pl NAME PYEXPR: checks plan --json of company $CO.
pl() { json_check "$1" "$2" --json plan "$CO"; }

# newco: a new empty company; sets CO.
newco() {
	CO=$("$SECSTEP" --json company add --name "診断テスト" --industry E --employees 25 |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])')
}

# mkco NAME PYCODE: imports a minimal document changed by PYCODE; sets CO.
# Helpers in PYCODE: cps(answer, *steps), sd(answers of sd-01…), P(id, …).
mkco() {
	python3 - "$2" >"$WORK/co.json" <<'PY'
import json, sys
STEPS = {1: ["cp-1-%d" % i for i in (1, 2, 3)], 2: ["cp-2-%d" % i for i in (1, 2, 3)],
         3: ["cp-3-%d" % i for i in (1, 2, 3, 4)], 4: ["cp-4-%d" % i for i in (1, 2, 3, 4)]}
SD = ["sd-%02d" % i for i in range(1, 26)]
def cps(ans, *steps):
    return {c: ans for s in steps for c in STEPS[s]}
def sd(answers):
    return dict(zip(SD, answers))
def P(pid, tags=(), vol=False, roles=(), exams=()):
    return {"id": pid, "name": "人 " + pid, "experience": list(tags), "volunteer": vol,
            "roles": [{"role": r, "time": t} for r, t in roles],
            "exams": [{"exam": e, "status": s} for e, s in exams]}
d = {"format": "secstep-company/1", "company": {"name": "規則テスト", "industry": "E", "employees": 25}}
exec(sys.argv[1])
sys.stdout.write(json.dumps(d))
PY
	CO=$("$SECSTEP" --json import "$WORK/co.json" 2>"$WORK/.mkerr" |
		python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])' 2>/dev/null)
	if [ -n "$CO" ]; then ok "$1: document imports"; else notok "$1: document imports" "$(cat "$WORK/.mkerr")"; CO=0; fi
}

ALLCP='["cp-1-1","cp-1-2","cp-1-3","cp-2-1","cp-2-2","cp-2-3","cp-3-1","cp-3-2","cp-3-3","cp-3-4","cp-4-1","cp-4-2","cp-4-3","cp-4-4"]'

# ==== diagnose --set ====
newco
A=$CO
st "a new company is before STEP1" 'd["current_step"] == 0 and d["working_step"] == 1 and d["unmet"] == '"$ALLCP"' and d["diagnosed_on"] is None'
json_check "diagnose --set --json reports the run" 'd["company"] == '"$A"' and d["date"] == "2026-11-25" and d["answers"] == 3' \
	--json diagnose "$A" --set cp-1-1=yes --set cp-1-2-q1=no --set sd-03=unknown
st "--set answers a checkpoint" '[c["answer"] for c in d["checkpoints"] if c["id"] == "cp-1-1"] == ["yes"] and d["unmet"][0] == "cp-1-2"'
st "--set answers a self-diagnosis item" 'd["self_diagnosis"]["unknown"] == ["sd-03"] and d["self_diagnosis"]["answered"] == 1 and d["self_diagnosis"]["score"] is None'
st "the diagnosis is dated today" 'd["diagnosed_on"] == "2026-11-25"'
run export "$A"
expect_json "--set answers a question" 'd["questions"] == {"cp-1-2-q1": "no"}'
refused "diagnose: unknown id" "diagnose: --set:" diagnose "$A" --set cp-9-9=yes
refused "diagnose: unknown question id" "diagnose: --set:" diagnose "$A" --set cp-1-1-q7=yes
refused "diagnose: bad answer" "diagnose: --set:" diagnose "$A" --set cp-1-1=maybe
refused "diagnose: uppercase answer" "diagnose: --set:" diagnose "$A" --set sd-01=YES
refused "diagnose: --set without =" "diagnose: --set:" diagnose "$A" --set cp-1-1
refused "diagnose: one bad --set among good ones" "diagnose: --set:" diagnose "$A" --set cp-1-2=yes --set sd-30=yes
refused "diagnose: bad --part" "diagnose: --part:" diagnose "$A" --set cp-1-2=yes --part everything
refused "diagnose: unknown company" "diagnose:" diagnose 999 --set cp-1-1=yes
refused "diagnose: non-numeric company" "diagnose:" diagnose abc --set cp-1-1=yes
B=$(db_sum)
expect_rc "diagnose without answers (not a terminal) is a usage error" 2 diagnose "$A" </dev/null
if [ "$(db_sum)" = "$B" ]; then ok "diagnose without answers writes nothing"; else notok "diagnose without answers writes nothing" "database changed"; fi

# ==== diagnose --file ====
cat >"$WORK/ans.json" <<'EOF'
{"checkpoints": {"cp-1-2": "yes", "cp-1-3": "na"},
 "questions": {"cp-2-1-q1": "partial"},
 "self_diagnosis": {"sd-01": "yes", "sd-02": "no"}}
EOF
expect_rc "diagnose --file exits 0" 0 diagnose "$A" --file "$WORK/ans.json"
st "--file answers are applied, same-day answers kept" 'd["current_step"] == 1 and d["working_step"] == 2 and d["self_diagnosis"]["answered"] == 3 and d["self_diagnosis"]["unknown"] == ["sd-03"]'
run export "$A"
expect_json "--file answers are all in the document" 'd["checkpoints"] == {"cp-1-1": "yes", "cp-1-2": "yes", "cp-1-3": "na"} and d["questions"]["cp-2-1-q1"] == "partial" and d["self_diagnosis"] == {"sd-01": "yes", "sd-02": "no", "sd-03": "unknown"}'
json_check "same-day diagnoses make one history entry" 'len(d["history"]) == 1' --json status "$A" --history

printf '{"checkpoints": {"cp-9-9": "yes", "cp-2-2": "yes"}}' >"$WORK/bad.json"
refused "--file: unknown checkpoint id" "diagnose: checkpoints.cp-9-9:" diagnose "$A" --file "$WORK/bad.json"
printf '{"checkpoints": {"cp-1-1-q1": "yes"}}' >"$WORK/bad.json"
refused "--file: a question id among checkpoints" "diagnose: checkpoints.cp-1-1-q1:" diagnose "$A" --file "$WORK/bad.json"
printf '{"questions": {"cp-2-2-q9": "yes"}}' >"$WORK/bad.json"
refused "--file: unknown question id" "diagnose: questions.cp-2-2-q9:" diagnose "$A" --file "$WORK/bad.json"
printf '{"self_diagnosis": {"sd-01": "sometimes", "sd-04": "yes"}}' >"$WORK/bad.json"
refused "--file: bad answer" "diagnose: self_diagnosis.sd-01:" diagnose "$A" --file "$WORK/bad.json"
printf '{"self_diagnosis": {"sd-01": 4}}' >"$WORK/bad.json"
refused "--file: answer as a number" "diagnose: self_diagnosis.sd-01:" diagnose "$A" --file "$WORK/bad.json"
printf '{"answers": {"cp-1-1": "yes"}}' >"$WORK/bad.json"
refused "--file: unknown top-level field" "diagnose: answers:" diagnose "$A" --file "$WORK/bad.json"
printf '{"checkpoints": ["cp-1-1"]}' >"$WORK/bad.json"
refused "--file: checkpoints not an object" "diagnose: checkpoints:" diagnose "$A" --file "$WORK/bad.json"
printf '{"checkpoints": {"cp-2-2": "yes"' >"$WORK/bad.json"
refused "--file: truncated JSON" "diagnose: --file:" diagnose "$A" --file "$WORK/bad.json"
printf '{"checkpoints": {"cp-2-2": "yes", "cp-2-2": "no"}}' >"$WORK/bad.json"
refused "--file: a key twice" "diagnose:" diagnose "$A" --file "$WORK/bad.json"
printf '{"checkpoints": {"cp-2-2": "y\xffs"}}' >"$WORK/bad.json"
refused "--file: invalid UTF-8" "diagnose: --file:" diagnose "$A" --file "$WORK/bad.json"
printf '[{"checkpoints": {"cp-2-2": "yes"}}]' >"$WORK/bad.json"
refused "--file: a JSON array" "diagnose: --file:" diagnose "$A" --file "$WORK/bad.json"
refused "--file: missing file" "diagnose: --file:" diagnose "$A" --file "$WORK/nothing.json"
st "refused files changed nothing" 'd["current_step"] == 1 and [c["answer"] for c in d["checkpoints"] if c["id"] == "cp-2-2"] == [None]'

# ==== diagnose --interactive (answers on stdin) ====
newco
printf 'y\ny\ny\ny\ny\ny\ny\ny\ny\nq\n' >"$WORK/in"
run diagnose "$CO" --interactive --part checkpoints <"$WORK/in"
if [ "$RC" -eq 0 ]; then ok "interactive: 9 answers then q saves"; else notok "interactive: 9 answers then q saves" "exit $RC" "$ERR"; fi
expect_out "interactive asks the STEP1 question" "== STEP1"
st "interactive: all STEP1 questions yes gives STEP1" 'd["current_step"] == 1 and d["working_step"] == 2 and [c["answer"] for c in d["checkpoints"]][:4] == ["yes","yes","yes",None]'
printf 'y\ny\ny\ny\ny\ny\ny\ny\nn\n' >"$WORK/in"
expect_rc "interactive: a second run the same day" 0 diagnose "$CO" --interactive --part checkpoints <"$WORK/in"
st "interactive: one question no undoes STEP1" 'd["current_step"] == 0 and d["unmet"][0] == "cp-1-3"'
yes y | head -n 42 >"$WORK/in"
expect_rc "interactive: all 42 questions" 0 diagnose "$CO" --interactive --part checkpoints <"$WORK/in"
st "interactive: all questions yes gives STEP4" 'd["current_step"] == 4 and d["working_step"] == 4 and d["unmet"] == []'
st "interactive --part checkpoints asks no self-diagnosis" 'd["self_diagnosis"]["answered"] == 0'
yes y | head -n 25 >"$WORK/in"
expect_rc "interactive: all 25 self-diagnosis items" 0 diagnose "$CO" --interactive --part selfcheck <"$WORK/in"
st "interactive: 25 yes scores 100" 'd["self_diagnosis"]["score"] == 100 and d["self_diagnosis"]["band"] == "100"'
printf 'maybe\nn\n\nu\nq\n' >"$WORK/in"
expect_rc "interactive: a bad reply is asked again, Enter keeps" 0 diagnose "$CO" --interactive --part selfcheck <"$WORK/in"
run export "$CO"
expect_json "interactive: sd-01 no, sd-02 kept, sd-03 unknown" '(d["self_diagnosis"]["sd-01"], d["self_diagnosis"]["sd-02"], d["self_diagnosis"]["sd-03"]) == ("no", "yes", "unknown")'
printf 'q\n' >"$WORK/in"
refused "interactive: quitting at once" "diagnose:" diagnose "$CO" --interactive --part selfcheck <"$WORK/in"

# ==== --date and history ====
newco
C=$CO
expect_rc "diagnose --date" 0 diagnose "$C" --set cp-1-1=yes --date 2026-10-01
expect_rc "diagnose the same date again" 0 diagnose "$C" --set cp-1-2=yes --date 2026-10-01
json_check "the same date updates the diagnosis" 'len(d["history"]) == 1 and d["history"][0]["date"] == "2026-10-01" and d["diagnosed_on"] == "2026-10-01" and d["unmet"][0] == "cp-1-3"' --json status "$C" --history
refused "--date before the last diagnosis" "diagnose: --date:" diagnose "$C" --set cp-1-3=yes --date 2026-09-30
refused "--date 2026-02-30" "diagnose: --date:" diagnose "$C" --set cp-1-3=yes --date 2026-02-30
refused "--date 2026-13-01" "diagnose: --date:" diagnose "$C" --set cp-1-3=yes --date 2026-13-01
refused "--date not a date" "diagnose: --date:" diagnose "$C" --set cp-1-3=yes --date yesterday
refused "--date in the future" "diagnose: --date:" diagnose "$C" --set cp-1-3=yes --date 2026-11-26
expect_rc "diagnose a later date" 0 diagnose "$C" --set cp-1-3=yes --date 2026-11-01
json_check "a later date adds a history entry" '[h["date"] for h in d["history"]] == ["2026-10-01", "2026-11-01"] and [h["current_step"] for h in d["history"]] == [0, 1] and [h["unmet"] for h in d["history"]] == [12, 11]' --json status "$C" --history
st "the later diagnosis starts from the earlier answers" 'd["current_step"] == 1 and d["diagnosed_on"] == "2026-11-01"'
expect_rc "diagnose today (no --date)" 0 diagnose "$C" --set cp-1-1=no
json_check "today is a third entry" '[h["date"] for h in d["history"]] == ["2026-10-01", "2026-11-01", "2026-11-25"] and d["current_step"] == 0' --json status "$C" --history
run export "$C"
printf '%s\n' "$OUT" >"$WORK/c.json"
run --json import "$WORK/c.json"
C2=$(printf '%s' "$OUT" | python3 -c 'import json,sys; print(json.load(sys.stdin)["company"])' 2>/dev/null)
json_check "the history survives export and import" '[h["date"] for h in d["history"]] == ["2026-10-01", "2026-11-01", "2026-11-25"] and [h["current_step"] for h in d["history"]] == [0, 1, 0]' --json status "${C2:-0}" --history

# ==== current_step / working_step / unmet ====
mkco "STEP1 all yes" 'd["checkpoints"] = cps("yes", 1)'
st "STEP1 all yes: current 1, working 2" 'd["current_step"] == 1 and d["working_step"] == 2'
st "STEP1 all yes: unmet is STEP2-4 in id order" 'd["unmet"] == '"$ALLCP"'[3:]'
st "STEP1 all yes: one star" 'd["security_action"]["one_star"] is True and d["security_action"]["two_star"] is False'
mkco "STEP1 yes with one na" 'd["checkpoints"] = cps("yes", 1); d["checkpoints"]["cp-1-2"] = "na"'
st "na counts as met" 'd["current_step"] == 1 and "cp-1-2" not in d["unmet"] and d["security_action"]["one_star"] is True'
mkco "STEP1 with a partial" 'd["checkpoints"] = cps("yes", 1); d["checkpoints"]["cp-1-3"] = "partial"'
st "partial is not met" 'd["current_step"] == 0 and d["working_step"] == 1 and d["unmet"][0] == "cp-1-3" and d["security_action"]["one_star"] is False'
mkco "STEP1 with an unknown" 'd["checkpoints"] = cps("yes", 1); d["checkpoints"]["cp-1-1"] = "unknown"'
st "unknown is not met" 'd["current_step"] == 0 and d["unmet"][0] == "cp-1-1"'
mkco "STEP1 with one unanswered" 'd["checkpoints"] = cps("yes", 1); del d["checkpoints"]["cp-1-2"]'
st "unanswered is not met" 'd["current_step"] == 0 and d["unmet"][0] == "cp-1-2"'
mkco "STEP2 met, STEP1 not" 'd["checkpoints"] = cps("yes", 2, 3); d["checkpoints"]["cp-1-1"] = "no"; d["checkpoints"]["cp-1-2"] = "yes"; d["checkpoints"]["cp-1-3"] = "yes"'
st "STEP2 met but STEP1 not: current 0" 'd["current_step"] == 0 and d["working_step"] == 1'
st "STEP2 met but STEP1 not: unmet in id order" 'd["unmet"] == ["cp-1-1", "cp-4-1", "cp-4-2", "cp-4-3", "cp-4-4"]'
mkco "STEP1 and STEP3 met, STEP2 not" 'd["checkpoints"] = cps("yes", 1, 2, 3); d["checkpoints"]["cp-2-3"] = "no"'
st "a gap at STEP2 stops at 1" 'd["current_step"] == 1 and d["working_step"] == 2 and d["unmet"][0] == "cp-2-3"'
mkco "STEP1-3 met" 'd["checkpoints"] = cps("yes", 1, 2, 3)'
st "STEP1-3 met: current 3, working 4" 'd["current_step"] == 3 and d["working_step"] == 4 and d["unmet"] == '"$ALLCP"'[10:]'
mkco "everything met" 'd["checkpoints"] = cps("yes", 1, 2, 3, 4); d["checkpoints"]["cp-4-4"] = "na"'
st "everything met: current 4, working stays 4" 'd["current_step"] == 4 and d["working_step"] == 4 and d["unmet"] == []'

# ==== question roll-up ====
newco
expect_rc "roll-up: all questions of cp-1-1 yes" 0 diagnose "$CO" --set cp-1-1-q1=yes --set cp-1-1-q2=yes --set cp-1-1-q3=yes
st "roll-up: all questions yes meets the checkpoint" '"cp-1-1" not in d["unmet"] and [c["met"] for c in d["checkpoints"]][0] is True'
expect_rc "roll-up: one question no" 0 diagnose "$CO" --set cp-1-1-q2=no
st "roll-up: one question no, not met" '"cp-1-1" in d["unmet"] and [c["met"] for c in d["checkpoints"]][0] is False'
expect_rc "roll-up: two of three questions of cp-1-2" 0 diagnose "$CO" --set cp-1-2-q1=yes --set cp-1-2-q2=yes
st "roll-up: a question unanswered, not met" '"cp-1-2" in d["unmet"]'
expect_rc "roll-up: all questions na" 0 diagnose "$CO" --set cp-1-3-q1=na --set cp-1-3-q2=na --set cp-1-3-q3=na
st "roll-up: all na is met" '"cp-1-3" not in d["unmet"]'
expect_rc "roll-up: yes and na questions" 0 diagnose "$CO" --set cp-1-2-q3=na
st "roll-up: yes and na is met" '"cp-1-2" not in d["unmet"]'
expect_rc "explicit checkpoint answer no" 0 diagnose "$CO" --set cp-2-1=no
st "explicit no is not met" '"cp-2-1" in d["unmet"]'
expect_rc "then all its questions yes" 0 diagnose "$CO" --set cp-2-1-q1=yes --set cp-2-1-q2=yes --set cp-2-1-q3=yes
st "answering the questions recomputes the checkpoint (met)" '"cp-2-1" not in d["unmet"]'
expect_rc "explicit checkpoint answer yes" 0 diagnose "$CO" --set cp-2-2=yes
st "explicit yes is met" '"cp-2-2" not in d["unmet"]'
expect_rc "then one of its questions no" 0 diagnose "$CO" --set cp-2-2-q1=no --set cp-2-2-q2=yes --set cp-2-2-q3=yes
st "answering the questions recomputes the checkpoint (not met)" '"cp-2-2" in d["unmet"]'

# ==== self-diagnosis score ====
mkco "all 25 yes" 'd["self_diagnosis"] = sd(["yes"] * 25)'
st "all yes: 100, band 100" 'd["self_diagnosis"]["score"] == 100 and d["self_diagnosis"]["band"] == "100" and d["self_diagnosis"]["unknown"] == []'
mkco "all 25 na" 'd["self_diagnosis"] = sd(["na"] * 25)'
st "all na: 100 (na counts as done)" 'd["self_diagnosis"]["score"] == 100 and d["self_diagnosis"]["band"] == "100"'
mkco "all 25 unknown" 'd["self_diagnosis"] = sd(["unknown"] * 25)'
st "all unknown: -25, band 0-49" 'd["self_diagnosis"]["score"] == -25 and d["self_diagnosis"]["band"] == "0-49"'
st "all unknown: the 25 ids in order" 'd["self_diagnosis"]["unknown"] == ["sd-%02d" % i for i in range(1, 26)]'
mkco "all 25 no" 'd["self_diagnosis"] = sd(["no"] * 25)'
st "all no: 0, band 0-49" 'd["self_diagnosis"]["score"] == 0 and d["self_diagnosis"]["band"] == "0-49"'
mkco "a mix scoring 70" 'd["self_diagnosis"] = sd(["yes"] * 17 + ["partial"] + ["no"] * 7)'
st "mix: 70, band 70-99" 'd["self_diagnosis"]["score"] == 70 and d["self_diagnosis"]["band"] == "70-99"'
mkco "a mix scoring 69" 'd["self_diagnosis"] = sd(["no"] * 6 + ["yes"] * 17 + ["unknown", "partial"])'
st "mix: 69, band 50-69" 'd["self_diagnosis"]["score"] == 69 and d["self_diagnosis"]["band"] == "50-69" and d["self_diagnosis"]["unknown"] == ["sd-24"]'
mkco "a mix scoring 50" 'd["self_diagnosis"] = sd(["na"] * 6 + ["yes"] * 6 + ["partial"] + ["no"] * 12)'
st "mix: 50, band 50-69" 'd["self_diagnosis"]["score"] == 50 and d["self_diagnosis"]["band"] == "50-69"'
mkco "a mix scoring 49" 'd["self_diagnosis"] = sd(["unknown"] + ["yes"] * 12 + ["partial"] + ["no"] * 11)'
st "mix: 49, band 0-49" 'd["self_diagnosis"]["score"] == 49 and d["self_diagnosis"]["band"] == "0-49" and d["self_diagnosis"]["unknown"] == ["sd-01"]'
mkco "a mix scoring 99-max" 'd["self_diagnosis"] = sd(["yes"] * 24 + ["partial"])'
st "mix: 98, band 70-99" 'd["self_diagnosis"]["score"] == 98 and d["self_diagnosis"]["band"] == "70-99"'
mkco "24 items answered" 'd["self_diagnosis"] = sd(["yes"] * 24)'
st "24 answered: score and band null" 'd["self_diagnosis"]["score"] is None and d["self_diagnosis"]["band"] is None and d["self_diagnosis"]["answered"] == 24'
newco
expect_rc "unknown answered out of order" 0 diagnose "$CO" --set sd-20=unknown --set sd-03=unknown --set sd-11=yes
st "unknown lists ids in id order" 'd["self_diagnosis"]["unknown"] == ["sd-03", "sd-20"] and d["self_diagnosis"]["score"] is None'

# ==== staffing ====
mkco "nobody at STEP1" 'pass'
st "STEP1 needs one officer" 'd["staffing"] == {"step": 1, "needs": {"officer": 1}, "has": {"officer": 0}, "short": ["officer"]}'
mkco "one part-time officer at STEP1" 'd["people"] = [P("p1", roles=[("officer", "concurrent")])]'
st "a part-time officer is enough at STEP1" 'd["staffing"]["has"] == {"officer": 1} and d["staffing"]["short"] == []'
mkco "one officer at STEP2" 'd["checkpoints"] = cps("yes", 1); d["people"] = [P("p1", roles=[("officer", "dedicated")])]'
st "STEP2 needs two officers" 'd["staffing"] == {"step": 2, "needs": {"officer": 2}, "has": {"officer": 1}, "short": ["officer"]}'
mkco "two part-time officers at STEP3" 'd["checkpoints"] = cps("yes", 1, 2); d["people"] = [P("p1", roles=[("officer", "concurrent")]), P("p2", roles=[("officer", "concurrent")])]'
st "STEP3 needs a dedicated officer and a lead" 'd["staffing"]["step"] == 3 and d["staffing"]["needs"] == {"officer": 2, "dedicated_officer": 1, "security_lead": 1} and d["staffing"]["has"] == {"officer": 2, "dedicated_officer": 0, "security_lead": 0} and d["staffing"]["short"] == ["dedicated_officer", "security_lead"]'
mkco "STEP3 fully staffed" 'd["checkpoints"] = cps("yes", 1, 2); d["people"] = [P("p1", roles=[("officer", "dedicated")]), P("p2", roles=[("officer", "concurrent")]), P("p3", roles=[("security_lead", "concurrent")])]'
st "STEP3 staffed: nothing short" 'd["staffing"]["has"] == {"officer": 2, "dedicated_officer": 1, "security_lead": 1} and d["staffing"]["short"] == []'
mkco "nobody at STEP4" 'd["checkpoints"] = cps("yes", 1, 2, 3)'
st "STEP4 needs STEP3 and a CISO, short in key order" 'd["staffing"]["step"] == 4 and d["staffing"]["needs"] == {"officer": 2, "dedicated_officer": 1, "security_lead": 1, "ciso": 1} and d["staffing"]["short"] == ["officer", "dedicated_officer", "security_lead", "ciso"]'
mkco "a CISO and a lead at STEP4" 'd["checkpoints"] = cps("yes", 1, 2, 3); d["people"] = [P("p1", roles=[("ciso", "concurrent"), ("security_lead", "concurrent")]), P("p2", roles=[("officer", "concurrent")])]'
st "STEP4: officers short, lead and CISO not" 'd["staffing"]["has"] == {"officer": 1, "dedicated_officer": 0, "security_lead": 1, "ciso": 1} and d["staffing"]["short"] == ["officer", "dedicated_officer"]'

# ==== SECURITY ACTION ====
mkco "policy and full self-diagnosis" 'd["policy"] = {"published": "2026-10-01", "where": "website"}; d["self_diagnosis"] = sd(["yes"] * 20 + ["no"] * 5); d["checkpoints"] = cps("yes", 1)'
st "published policy and complete self-diagnosis: two stars" 'd["security_action"] == {"one_star": True, "two_star": True}'
mkco "full self-diagnosis, no policy" 'd["self_diagnosis"] = sd(["yes"] * 25); d["checkpoints"] = cps("yes", 1)'
st "no policy: no second star" 'd["security_action"] == {"one_star": True, "two_star": False}'
mkco "policy, 24 items" 'd["policy"] = {"published": "2026-10-01", "where": "website"}; d["self_diagnosis"] = sd(["yes"] * 24); d["checkpoints"] = cps("yes", 1)'
st "incomplete self-diagnosis: no second star" 'd["security_action"] == {"one_star": True, "two_star": False}'
mkco "policy not published" 'd["policy"] = {"where": "website"}; d["self_diagnosis"] = sd(["yes"] * 25)'
st "a policy without a publication date: no second star" 'd["security_action"]["two_star"] is False'

# ==== plan: transfer candidates ====
mkco "candidate pool at STEP2" 'd["checkpoints"] = cps("yes", 1); d["people"] = [
    P("p7", tags=["web"], roles=[("officer", "concurrent")]), P("p2", tags=["web"]),
    P("p5", tags=["web", "it_dept", "supervisor"]), P("p1", tags=["general_affairs"]),
    P("p0", tags=["pc_rollout"]), P("p4", vol=True), P("p3", tags=["disaster_prep", "it_dept"]),
    P("p6", tags=["web", "general_affairs"], vol=True), P("p8", tags=["general_affairs", "accounting"]),
    P("p9", tags=["supervisor"], roles=[("security_lead", "concurrent")])]'
pl "plan is for the working STEP" 'd["step"] == 2 and [c["id"] for c in d["checkpoints"]] == ["cp-2-1", "cp-2-2", "cp-2-3"]'
pl "candidates: volunteers, then more tags, then person id" '[c["person"] for c in d["candidates"]] == ["p6", "p4", "p5", "p3", "p0", "p2", "p9"]'
pl "candidates: officers are not candidates" '"p7" not in [c["person"] for c in d["candidates"]]'
pl "candidates: general_affairs alone does not qualify" '"p1" not in [c["person"] for c in d["candidates"]] and "p8" not in [c["person"] for c in d["candidates"]]'
pl "candidates: the reasons are given" '[c["because"] for c in d["candidates"] if c["person"] == "p5"] == [["web", "it_dept", "supervisor"]] and "volunteer" in [c["because"] for c in d["candidates"] if c["person"] == "p4"][0]'
expect_rc "appoint a second officer" 0 role set "$CO" p5 officer
pl "no candidates once officers are not short" 'd["candidates"] == [] and d["staffing"]["short"] == []'
mkco "candidates at STEP1 with an officer" 'd["people"] = [P("p1", roles=[("officer", "concurrent")]), P("p2", tags=["web"], vol=True)]'
pl "STEP1 with one officer: no candidates" 'd["step"] == 1 and d["candidates"] == []'
mkco "candidates at STEP1 without an officer" 'd["people"] = [P("p1", tags=["general_affairs"]), P("p2", tags=["web"])]'
pl "STEP1 without an officer: candidates" '[c["person"] for c in d["candidates"]] == ["p2"]'
mkco "candidates at STEP3 with exams" 'd["checkpoints"] = cps("yes", 1, 2); d["people"] = [P("p1", tags=["web"], exams=[("sg", "passed")]), P("p2", tags=["it_dept"]), P("p3", vol=True, exams=[("sc", "passed")])]'
pl "a candidate's exam once appointed climbs the ladder from what they hold" \
	'd["step"] == 3 and {c["person"]: c["exam_after_appointment"] for c in d["candidates"]} == {"p1": "au", "p2": "ip", "p3": None}'

# ==== plan: exams ====
mkco "officers and exams" 'd["people"] = [
    P("zed", roles=[("officer", "concurrent")], exams=[("ip", "studying")]),
    P("amy", roles=[("officer", "dedicated")], exams=[("ip", "passed")]),
    P("bob", exams=[("ip", "planned")]),
    P("max", roles=[("officer", "concurrent")], exams=[("sg", "passed")])]'
pl "STEP1 exams: the ladder's first rung, not for an sg holder (above it) nor an ip holder" '[(e["person"], e["exam"]) for e in d["exams"]] == [("zed", "ip")]'
pl "STEP1 exams: a studying record is shown" '[e.get("status") for e in d["exams"] if e["person"] == "zed"] == ["studying"]'
expect_rc "move to STEP2" 0 diagnose "$CO" --set cp-1-1=yes --set cp-1-2=yes --set cp-1-3=yes
pl "STEP2 exams: one rung up from ip; ip kept while studying; sg holder done" '[(e["person"], e["exam"], e.get("status")) for e in d["exams"]] == [("amy", "sg", None), ("zed", "ip", "studying")]'
expect_rc "move to STEP3" 0 diagnose "$CO" --set cp-2-1=yes --set cp-2-2=yes --set cp-2-3=yes
pl "STEP3 exams: one rung at a time (sg after ip, au after sg)" '[(e["person"], e["exam"]) for e in d["exams"]] == [("amy", "sg"), ("max", "au"), ("zed", "ip")]'
expect_rc "move to STEP4" 0 diagnose "$CO" --set cp-3-1=yes --set cp-3-2=yes --set cp-3-3=yes --set cp-3-4=yes
pl "STEP4 exams: still one rung at a time, nobody jumps to sc" 'd["step"] == 4 and [(e["person"], e["exam"]) for e in d["exams"]] == [("amy", "sg"), ("max", "au"), ("zed", "ip")]'

# ==== plan: suggested due dates ====
due_list() {
	"$SECSTEP" catalog --json | python3 -c '
import json, sys, datetime
d = json.load(sys.stdin)
today = datetime.date.fromisoformat(sys.argv[1])
s = [s for s in d["steps"] if s["id"] == int(sys.argv[2])][0]
print([(t["id"], str(today + datetime.timedelta(days=t["default_days"]))) for t in s["tasks"]])' "$1" "$2"
}
mkco "tasks at STEP1" 'pass'
EXP=$(due_list 2026-11-25 1)
pl "suggested_due is today + default_days (STEP1)" '[(t["id"], t["suggested_due"]) for t in d["tasks"]] == '"$EXP"
export SECSTEP_TODAY=2028-01-31
EXP=$(due_list 2028-01-31 1)
pl "suggested_due follows SECSTEP_TODAY (leap year)" 'd["today"] == "2028-01-31" and [(t["id"], t["suggested_due"]) for t in d["tasks"]] == '"$EXP"
export SECSTEP_TODAY=2026-11-25
mkco "tasks at STEP3" 'd["checkpoints"] = cps("yes", 1, 2)'
EXP=$(due_list 2026-11-25 3)
pl "suggested_due is today + default_days (STEP3)" '[(t["id"], t["suggested_due"]) for t in d["tasks"]] == '"$EXP"

# ==== plan: one part-time owner of every task ====
mkco "one owner" 'd["people"] = [P("p1", roles=[("officer", "concurrent")]), P("p2")]
d["tasks"] = [{"id": "task-1-%d" % i, "owner": "p1", "status": "todo"} for i in (1, 2, 3)]'
pl "three of four tasks: no warning" '"single_part_time_owner" not in [w["id"] for w in d["warnings"]]'
expect_rc "the fourth task to the same person" 0 task assign "$CO" task-1-4 p1
pl "a single part-time owner of all four tasks is warned" '{"id": "single_part_time_owner", "person": "p1"} in d["warnings"]'
expect_rc "make the owner dedicated" 0 role set "$CO" p1 officer --time dedicated
pl "a dedicated owner is not warned" '"single_part_time_owner" not in [w["id"] for w in d["warnings"]]'
expect_rc "make the owner part-time again" 0 role set "$CO" p1 officer --time concurrent
expect_rc "give one task to someone else" 0 task assign "$CO" task-1-2 p2
pl "two owners: no warning" '"single_part_time_owner" not in [w["id"] for w in d["warnings"]]'
pl "the plan shows owners" '[t["owner"] for t in d["tasks"]] == ["p1", "p2", "p1", "p1"]'
