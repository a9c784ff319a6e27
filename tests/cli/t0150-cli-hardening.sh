#!/bin/sh
# t0150 — the command line under bad conditions: output that cannot be
# written (a full disk) is an error, a mistyped --db never creates a
# database, restore asks before it replaces everything, bulk import takes
# any number of files and folders, control characters are refused in text
# and never reach a terminal raw.
. "$TOP/tests/cli/lib.sh"
plan 64

"$SECSTEP" import "$TOP/samples/company-a.json" >/dev/null 2>&1

# ---- write errors: a full disk is not a silent success ----
for c in "export 1" "status 1" "company list" "calendar 1" "plan 1 --json" "--version"; do
	# shellcheck disable=SC2086
	"$SECSTEP" $c >/dev/full 2>"$WORK/.err"
	RC=$?
	ERR=$(cat "$WORK/.err")
	if [ "$RC" -eq 1 ]; then ok "$c >/dev/full exits 1"; else notok "$c >/dev/full exits 1" "exit $RC"; fi
	expect_err "$c >/dev/full says secstep: write:" "secstep: write: "
done
"$SECSTEP" --lang en export 1 >/dev/full 2>"$WORK/.err"
ERR=$(cat "$WORK/.err")
expect_err "the write error in English names the cause" "No space left on device"
# a large output fails in the middle, not only at the end
"$SECSTEP" --json catalog >/dev/full 2>"$WORK/.err"
RC=$?
if [ "$RC" -eq 1 ]; then ok "a large output to a full disk exits 1"; else notok "a large output to a full disk exits 1" "exit $RC"; fi

# ---- read-only commands never create a database ----
for c in "status 1" "plan 1" "export 1" "company list" "company show 1" "calendar 1" "risks 1" "backup b.db" "export --all -o dir" "user list" "audit"; do
	# shellcheck disable=SC2086
	"$SECSTEP" --db "$WORK/typo.db" $c >/dev/null 2>"$WORK/.err"
	RC=$?
	ERR=$(cat "$WORK/.err")
	if [ "$RC" -eq 1 ] && [ ! -e "$WORK/typo.db" ] && [ ! -e "$WORK/b.db" ]; then
		ok "$c with a mistyped --db fails and creates nothing"
	else
		notok "$c with a mistyped --db fails and creates nothing" "exit $RC" "$(ls "$WORK")"
	fi
	rm -f "$WORK/typo.db"
done
expect_err "the error names the database" "typo.db"
expect_rc "company add still creates a new database" 0 --db "$WORK/new.db" company add --name 新会社 --industry D --employees 5
if [ -f "$WORK/new.db" ]; then ok "the new database is there"; else notok "the new database is there"; fi

# ---- restore: confirmation ----
expect_rc "backup" 0 backup "$WORK/copy.db"
expect_rc "a change after the backup" 0 company add --name 後の会社 --industry D --employees 5
sum=$(db_sum)
run restore "$WORK/copy.db" </dev/null
if [ "$RC" -eq 2 ]; then ok "restore without --yes outside a terminal is refused (2)"; else notok "restore without --yes outside a terminal is refused (2)" "exit $RC"; fi
expect_err "and says to add --yes" "--yes"
if [ "$(db_sum)" = "$sum" ]; then ok "the refused restore changed nothing"; else notok "the refused restore changed nothing"; fi
# In a terminal it asks; "n" keeps the database, "y" restores.
pty_run() {
	python3 - "$SECSTEP" "$@" <<'PY'
import os, pty, sys, select, time
answer = sys.argv[-1].encode()
argv = sys.argv[1:-1]
pid, fd = pty.fork()
if pid == 0:
    os.execv(argv[0], argv)
out = b""
sent = False
end = time.time() + 30
while time.time() < end:
    r, _, _ = select.select([fd], [], [], 0.2)
    if r:
        try:
            chunk = os.read(fd, 4096)
        except OSError:
            break
        if not chunk:
            break
        out += chunk
        if not sent and b"[y/N]" in out:
            os.write(fd, answer + b"\n")
            sent = True
_, status = os.waitpid(pid, 0)
sys.stdout.write(out.decode("utf-8", "replace"))
sys.exit(os.waitstatus_to_exitcode(status))
PY
}
OUT=$(pty_run restore "$WORK/copy.db" n)
RC=$?
case "$OUT" in *"[y/N]"*) ok "restore in a terminal asks first" ;; *) notok "restore in a terminal asks first" "$OUT" ;; esac
if [ "$RC" -eq 1 ] && [ "$(db_sum)" = "$sum" ]; then ok "answering n changes nothing (exit 1)"; else notok "answering n changes nothing (exit 1)" "exit $RC"; fi
OUT=$(pty_run restore "$WORK/copy.db" y)
RC=$?
if [ "$RC" -eq 0 ] && [ "$(db_sum)" != "$sum" ]; then ok "answering y restores"; else notok "answering y restores" "exit $RC" "$OUT"; fi
run --json company list
expect_json "the company added after the backup is gone" "not any(c['name'] == '後の会社' for c in d['companies'])"
expect_rc "restore --yes works without a terminal" 0 restore "$WORK/copy.db" --yes

# ---- bulk import: any number of files, and folders ----
mkdir -p "$WORK/docs/sub"
python3 - "$TOP/samples/company-a.json" "$WORK/docs" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
for i in range(700):
    doc["company"]["name"] = "一括%04d" % i
    json.dump(doc, open("%s/c%04d.json" % (sys.argv[2], i), "w"), ensure_ascii=False)
doc["company"]["name"] = "別の場所"
json.dump(doc, open("%s/sub/x.json" % sys.argv[2], "w"), ensure_ascii=False)
open("%s/notes.txt" % sys.argv[2], "w").write("not a document")
PY
main_db=$SECSTEP_DB
export SECSTEP_DB="$WORK/bulk1.db"
# shellcheck disable=SC2046
run --json import $(ls "$WORK"/docs/c*.json)
if [ "$RC" -eq 0 ]; then ok "import of 700 files at once exits 0"; else notok "import of 700 files at once exits 0" "exit $RC" "$(echo "$ERR" | head -3)"; fi
expect_json "700 companies, none failed" "len(d['companies']) == 700 and d['failed'] == 0"
export SECSTEP_DB="$WORK/bulk2.db"
run --json import "$WORK/docs"
expect_json "import FOLDER takes every *.json in it (not sub-folders, not other files)" "len(d['companies']) == 700 and d['failed'] == 0"
run --json company list
expect_json "in file-name order" "[c['name'] for c in d['companies']][:3] == ['一括0000', '一括0001', '一括0002'] and d['companies'][-1]['name'] == '一括0699'"
export SECSTEP_DB="$WORK/bulk3.db"
run --json import "$WORK/docs/sub" "$WORK/docs/c0001.json"
expect_json "folders and files mix" "len(d['companies']) == 2"
run import "$WORK/nothere"
if [ "$RC" -eq 1 ]; then ok "a missing path fails"; else notok "a missing path fails" "exit $RC"; fi
export SECSTEP_DB="$main_db"

# ---- control characters ----
esc=$(printf 'A\033[31mB')
refused "company add: ESC in --name" "company add: --name" company add --name "$esc" --industry D --employees 3
refused "company add: a newline in the one-line --name" "company add: --name" company add --name "$(printf 'A\nB')" --industry D --employees 3
refused "company add: a C1 control (U+009B) in --name" "company add: --name" company add --name "$(printf 'A\302\233B')" --industry D --employees 3
expect_rc "newlines and tabs are fine in --notes" 0 company add --name 改行OK --industry D --employees 3 --notes "$(printf '1行目\n2行目\tタブ')"
refused "company edit: ESC in --notes" "company edit: --notes" company edit 1 --notes "$(printf 'x\033]0;title\007')"
python3 - "$TOP/samples/company-a.json" "$WORK/esc.json" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["company"]["name"] = "A\u001b[2JB"
doc["people"][0]["department"] = "総務\u0007"
json.dump(doc, open(sys.argv[2], "w"), ensure_ascii=False)
PY
refused "import: control characters in the document" "import: company.name" import "$WORK/esc.json"
expect_err "every such field is named" "people[0].department"
# Data that got in some other way is shown with the controls visible, never
# raw (an SQLite file of its own, changed behind secstep's back).
esc_db="$WORK/esc.db"
"$SECSTEP" --db "$esc_db" import "$TOP/samples/company-a.json" >/dev/null 2>&1
sqlite3 "$esc_db" "UPDATE company SET name = 'X' || char(27) || ']0;pwned' || char(7) || char(27) || '[31mY' WHERE id = 1"
OUT=$(pty_run --db "$esc_db" --lang en company list -)
case "$OUT" in *"$(printf '\033')"*) notok "company list on a terminal prints no ESC" "$(printf '%s' "$OUT" | od -c | head -5)" ;; *) ok "company list on a terminal prints no ESC" ;; esac
case "$OUT" in *"X^[]0;pwned^G^[[31mY"*) ok "the controls are shown in caret notation" ;; *) notok "the controls are shown in caret notation" "$OUT" ;; esac
run --db "$esc_db" --json company list
expect_json "JSON output keeps the real name (escaped by JSON)" "d['companies'][0]['name'] == 'X\x1b]0;pwned\x07\x1b[31mY'"
