#!/bin/sh
# t0070 — exports read back by tools we did not write (CSV for Excel,
# XLSX with openpyxl, iCalendar with python3-icalendar), and backup/restore.
. "$TOP/tests/cli/lib.sh"
plan 26
PY=/usr/bin/python3   # Debian's python3, where python3-openpyxl and python3-icalendar live

cat >doc.json <<'JSON'
{"format": "secstep-company/1",
 "company": {"name": "出力テスト工業", "industry": "E", "employees": 20},
 "people": [
  {"id": "p1", "name": "=HYPERLINK(\"http://x\")", "department": "総務, 経理", "roles": [{"role": "officer", "time": "concurrent"}],
   "exams": [{"exam": "sg", "status": "studying", "date": "2027-04-19"}]},
  {"id": "p2", "name": "佐藤 \"まとめ\" 花子", "notes": "1行目\n2行目", "exams": [{"exam": "ip", "status": "planned", "date": "2027-01-20"}]}
 ],
 "tasks": [{"id": "task-1-1", "owner": "p1", "due": "2026-12-20", "status": "doing", "note": "+cmd"},
           {"id": "task-1-2", "owner": "p2", "due": "2027-01-10", "status": "todo"},
           {"id": "task-1-3", "owner": "p2", "due": "2026-12-01", "status": "done"}],
 "assets": [{"id": "a1", "name": "顧客台帳", "c": 2, "i": 2, "a": 2, "personal": true, "threat": 2, "vulnerability": 3}]}
JSON
expect_rc "import" 0 import doc.json

expect_rc "export --format csv" 0 export 1 --format csv -o out
if [ -f out/people.csv ] && [ -f out/tasks.csv ] && [ -f out/exams.csv ] && [ -f out/assets.csv ] && [ -f out/learning.csv ]; then
	ok "csv folder has one file per register"
else
	notok "csv folder has one file per register" "$(ls out 2>&1)"
fi
check_py() {
	name=$1
	shift
	if "$PY" - "$@" 2>"$WORK/.pyerr"; then ok "$name"; else notok "$name" "$(tail -2 "$WORK/.pyerr")"; fi
}
check_py "csv starts with a UTF-8 BOM and uses CRLF" out/people.csv <<'PY'
import sys
b = open(sys.argv[1], 'rb').read()
assert b.startswith(b'\xef\xbb\xbf'), b[:10]
assert b.count(b'\r\n') == 3, b.count(b'\r\n')
PY
check_py "csv neutralises formulas and quotes commas, quotes, newlines" out/people.csv out/tasks.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
assert rows[1][1] == "'=HYPERLINK(\"http://x\")", rows[1][1]
assert rows[1][2] == "総務, 経理", rows[1][2]
assert rows[2][1] == '佐藤 "まとめ" 花子', rows[2][1]
assert rows[2][9] == "1行目\n2行目", rows[2][9]
tasks = list(csv.reader(open(sys.argv[2], encoding='utf-8-sig', newline='')))
assert tasks[1][0] == 'task-1-1' and tasks[1][6] == "'+cmd", tasks[1]
PY
check_py "csv assets carry the computed risk" out/assets.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
assert rows[1][0] == 'a1' and rows[1][11] == '3' and rows[1][12] == '2' and rows[1][13] == '6', rows[1]
PY

expect_rc "export --format xlsx" 0 export 1 --format xlsx -o out.xlsx
check_py "xlsx opens in openpyxl with the same rows as the CSV" out.xlsx out <<'PY'
import csv, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert wb.sheetnames == ['people', 'exams', 'learning', 'tasks', 'assets', 'organisation', 'suppliers', 'contacts', 'systems', 'drills', 'incidents'], wb.sheetnames
for name in wb.sheetnames:
    # typed cells: dates come back as datetimes, numbers as ints
    import datetime
    def text(c):
        if c is None: return ''
        if isinstance(c, datetime.datetime): return c.strftime('%Y-%m-%d')
        return str(c)
    rows = [[text(c) for c in r] for r in wb[name].iter_rows(values_only=True)]
    want = list(csv.reader(open(f'{sys.argv[2]}/{name}.csv', encoding='utf-8-sig', newline='')))
    # CSV neutralises formulas with a leading quote; XLSX cells are plain strings
    want = [[c[1:] if c[:2] in ("'=", "'+", "'-", "'@") else c for c in r] for r in want]
    assert rows == want, (name, rows, want)
cell = wb['people']['B2']
assert cell.data_type == 's' and cell.value.startswith('='), (cell.data_type, cell.value)
PY
expect_rc "csv without -o is a usage error" 2 export 1 --format csv
expect_rc "unknown format is a usage error" 2 export 1 --format pdf

expect_rc "calendar" 0 calendar 1
printf '%s' "$OUT" >cal.ics
check_py "calendar parses with python3-icalendar: open tasks and exam dates" cal.ics <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = {str(e['UID']): e for e in cal.walk('VEVENT')}
assert set(ev) == {'task-1-1-c1@secstep', 'task-1-2-c1@secstep', 'exam-sg-p1-c1@secstep', 'exam-ip-p2-c1@secstep'}, set(ev)
assert str(ev['task-1-1-c1@secstep'].decoded('DTSTART')) == '2026-12-20'
assert '出力テスト' not in str(ev['task-1-1-c1@secstep']['SUMMARY'])
PY
expect_rc "calendar for one person" 0 calendar 1 --person p2
printf '%s' "$OUT" >p2.ics
check_py "a person's calendar has only their dates" p2.ics <<'PY'
import sys, icalendar
cal = icalendar.Calendar.from_ical(open(sys.argv[1], 'rb').read())
assert sorted(str(e['UID']) for e in cal.walk('VEVENT')) == ['exam-ip-p2-c1@secstep', 'task-1-2-c1@secstep']
PY
expect_rc "calendar for an unknown person fails" 1 calendar 1 --person p9

expect_rc "export before backup" 0 export 1
before=$OUT
expect_rc "backup" 0 backup copy.db
expect_rc "a change after the backup" 0 person add 1 --name 後から来た人
expect_rc "restore" 0 restore copy.db --yes
expect_rc "export after restore" 0 export 1
if [ "$OUT" = "$before" ]; then ok "backup -> restore -> export gives the same document"; else notok "backup -> restore -> export gives the same document"; fi
printf 'not a database, only text\n' >bad.db
sum=$(db_sum)
expect_rc "restore refuses a file that is not a secstep database" 1 restore bad.db --yes
expect_err "restore names the file" "bad.db"
if [ "$(db_sum)" = "$sum" ]; then ok "refused restore changes nothing"; else notok "refused restore changes nothing"; fi
sqlite3 other.db 'CREATE TABLE t(x); INSERT INTO t VALUES (1);' 2>/dev/null
expect_rc "restore refuses another program's SQLite file" 1 restore other.db --yes
expect_rc "restore of a missing file fails" 1 restore missing.db --yes
