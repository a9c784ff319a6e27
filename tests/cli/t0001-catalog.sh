#!/bin/sh
# t0001 — help, version, exit codes, and the catalog as a user reads it.
. "$TOP/tests/cli/lib.sh"
plan 48

expect_rc "--version exits 0" 0 --version
expect_out "--version names the program" "secstep "
expect_rc "--help exits 0" 0 --help
expect_out "--help lists the catalog command" "catalog"
expect_rc "no command is a usage error" 2
expect_rc "unknown command is a usage error" 2 frobnicate
expect_err "unknown command says so" "secstep: frobnicate:"
expect_rc "bad --lang is a usage error" 2 --lang fr catalog

expect_rc "catalog --json exits 0" 0 catalog --json
expect_json "catalog has 4 STEPs" 'len(d["steps"]) == 4 and [s["id"] for s in d["steps"]] == [1,2,3,4]'
expect_json "catalog has the 14 checkpoints in order" '[c["id"] for s in d["steps"] for c in s["checkpoints"]] == ["cp-1-1","cp-1-2","cp-1-3","cp-2-1","cp-2-2","cp-2-3","cp-3-1","cp-3-2","cp-3-3","cp-3-4","cp-4-1","cp-4-2","cp-4-3","cp-4-4"]'
expect_json "catalog has the 16 tasks in order" '[t["id"] for s in d["steps"] for t in s["tasks"]] == ["task-%d-%d" % (s, n) for s in range(1,5) for n in range(1,5)]'
expect_json "catalog has the 4 cases" 'sorted(c["id"] for c in d["cases"]) == ["case-a","case-b","case-c","case-d"]'
expect_json "catalog has 25 self-diagnosis items in 3 parts" 'len(d["self_diagnosis"]) == 25 and [x["part"] for x in d["self_diagnosis"]] == ["basic"]*5 + ["employee"]*13 + ["organization"]*7'
expect_json "catalog has the 6 exams" 'sorted(e["id"] for e in d["exams"]) == sorted(["ip","sg","fe","ap","au","sc"])'
expect_json "catalog has the 10 guidebook glossary terms" 'len([g for g in d["glossary"] if g["in_guidebook"]]) == 10'
expect_json "every text is bilingual and non-empty" '
(lambda walk: walk(walk, d))(lambda f, v: all(f(f, x) for x in v.values()) if isinstance(v, dict) and set(v) != {"ja","en"} else (all(f(f, x) for x in v) if isinstance(v, list) else (bool(v["ja"].strip()) and bool(v["en"].strip()) if isinstance(v, dict) else True)))'
expect_json "each checkpoint has 2-4 questions with help" 'all(2 <= len(c["questions"]) <= 4 and all(q["help"]["ja"] for q in c["questions"]) for s in d["steps"] for c in s["checkpoints"])'
expect_json "every STEP has inside and outside measures" 'all({m["side"] for m in s["measures"]} == {"inside","outside"} for s in d["steps"])'
expect_json "every measure kind is one of the seven" 'all(m["kind"] in ("acquire","develop","exam","community","consult","expert","service") for s in d["steps"] for m in s["measures"])'
expect_json "every item with an id names its source" 'all(x.get("source") for s in d["steps"] for x in s["checkpoints"] + s["tasks"] + s["measures"]) and all(c["source"] for c in d["cases"])'

expect_rc "catalog step 1 exits 0" 0 catalog step 1
expect_out "step 1 shows its title" "できるところから始める"
expect_out "step 1 shows inside measures" "社内の人材を活かす場合"
expect_out "step 1 shows outside help" "社内の人手・知識が足りない場合"
expect_out "step 1 recommends IT Passport" "ITパスポート"
expect_out "step 1 lists task-1-4" "task-1-4"
expect_out "step 1 names the IPA consultation desk" "相談窓口"
expect_rc "catalog step 5 is a usage error" 2 catalog step 5
expect_rc "catalog step 2 in English" 0 --lang en catalog step 2
expect_out "English step 2 has an English title" "Start working as an organisation"
expect_rc "catalog case case-c" 0 catalog case case-c
expect_out "case C is the wholesaler with 100 people" "100"
expect_rc "unknown case fails" 1 catalog case case-z
expect_err "unknown case is named" "case-z"
expect_rc "catalog exam sc" 0 catalog exam sc
expect_out "exam sc shows the fee" "7500"
expect_rc "catalog exam all shows the ladder" 0 catalog exam
expect_rc "unknown exam fails" 1 catalog exam zz
expect_rc "catalog glossary" 0 catalog glossary
expect_out "glossary has ransomware" "ランサムウェア"
expect_rc "catalog glossary one term" 0 catalog glossary CISO
expect_out "CISO explained" "最高情報セキュリティ責任者"
expect_rc "unknown term fails" 1 catalog glossary 存在しない用語
expect_rc "catalog selfcheck" 0 catalog selfcheck
expect_out "selfcheck shows item 25" "sd-25"
expect_rc "catalog step 1 --json" 0 catalog step 1 --json
expect_json "step --json is that STEP" 'd["id"] == 1 and len(d["checkpoints"]) == 3'
