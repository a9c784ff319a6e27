#!/bin/sh
# t0072 — XLSX, CSV and iCalendar as other programs read them: typed XLSX
# cells, fitted columns, frozen header, autofilter and document properties
# (openpyxl, and gnumeric's ssconvert when installed); a lossless CSV round
# trip for every value the formula guard touches, and Excel's CP932 CSV;
# an iCalendar that a parser accepts when empty, with SEQUENCE and
# LAST-MODIFIED that follow the record's changes (python3-icalendar).
. "$TOP/tests/cli/lib.sh"
plan 48
PY=/usr/bin/python3   # Debian's python3, where python3-openpyxl and python3-icalendar live

# check_py NAME ARGS... < SCRIPT: the Python script exits 0.
check_py() {
	name=$1
	shift
	if "$PY" - "$@" >"$WORK/.py" 2>&1; then ok "$name"; else notok "$name" "$(tail -3 "$WORK/.py")"; fi
}

cat >doc.json <<'JSON'
{"format": "secstep-company/1",
 "company": {"name": "書き出し確認工業", "industry": "E", "employees": 20},
 "people": [{"id": "p1", "name": "山田 太郎", "roles": [{"role": "officer", "time": "concurrent"}],
             "exams": [{"exam": "sg", "status": "studying", "date": "2027-04-19"}]}],
 "tasks": [{"id": "task-1-1", "owner": "p1", "due": "2026-12-20", "status": "doing"},
           {"id": "task-1-2", "owner": "p1", "due": "2027-01-10", "status": "todo"}],
 "assets": [{"id": "a1", "name": "顧客台帳", "c": 2, "i": 2, "a": 2, "personal": true, "threat": 2, "vulnerability": 3}],
 "systems": [{"id": "y1", "name": "販売管理システム", "rto_hours": 24, "rpo_hours": 4, "restore_tested": "2026-10-01"}]}
JSON
expect_rc "import" 0 import doc.json

# ---- XLSX ----
expect_rc "export xlsx" 0 export 1 --format xlsx -o out.xlsx
check_py "xlsx: dates are dates, numbers are numbers, text is text" out.xlsx <<'PY'
import sys, datetime, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
t = wb['tasks']
head = [c.value for c in t[1]]
due = t.cell(row=2, column=head.index('期限') + 1)
assert isinstance(due.value, datetime.datetime) and due.value.date() == datetime.date(2026, 12, 20), due.value
assert due.number_format == 'yyyy-mm-dd', due.number_format
step = t.cell(row=2, column=head.index('STEP') + 1)
assert step.data_type == 'n' and step.value == 1, (step.data_type, step.value)
s = wb['systems']
sh = [c.value for c in s[1]]
rto = s.cell(row=2, column=sh.index('目標復旧時間（時間）') + 1)
assert rto.data_type == 'n' and rto.value == 24, (rto.data_type, rto.value)
tested = s.cell(row=2, column=sh.index('最後に戻す練習をした日') + 1)
assert isinstance(tested.value, datetime.datetime), tested.value
a = wb['assets']
ah = [c.value for c in a[1]]
v = a.cell(row=2, column=ah.index('リスク値') + 1)
assert v.data_type == 'n' and v.value == 6, (v.data_type, v.value)
name = a.cell(row=2, column=ah.index('情報資産') + 1)
assert name.data_type == 's', name.data_type
e = wb['exams']
d = e.cell(row=2, column=5)
assert isinstance(d.value, datetime.datetime) and d.number_format == 'yyyy-mm-dd'
PY
check_py "xlsx: frozen header, autofilter on every sheet" out.xlsx <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for ws in wb.worksheets:
    assert ws.freeze_panes == 'A2', (ws.title, ws.freeze_panes)
    assert ws.auto_filter.ref and ws.auto_filter.ref.startswith('A1:'), (ws.title, ws.auto_filter.ref)
t = wb['tasks']
assert t.auto_filter.ref == 'A1:G3', t.auto_filter.ref
PY
check_py "xlsx: columns fitted to content, a Japanese character counted double" out.xlsx <<'PY'
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
t = wb['tasks']
w = {k: t.column_dimensions[k].width for k in 'ABCDEFG'}
# C holds task titles (Japanese, ~10-12 characters: 20+ columns), A the ids (8 characters)
assert w['C'] >= 20 and w['C'] > w['A'] + 8, w
widths = set(round(x, 1) for x in w.values())
assert len(widths) > 2, w      # not every column the same width
PY
check_py "xlsx: document properties (title, company, date)" out.xlsx <<'PY'
import sys, openpyxl
p = openpyxl.load_workbook(sys.argv[1]).properties
assert '書き出し確認工業' in (p.title or ''), p.title
assert p.created and p.created.date().isoformat() == '2026-11-25', p.created
PY
unzip -p out.xlsx docProps/app.xml 2>/dev/null >app.xml || "$PY" -c "import zipfile,sys; open('app.xml','wb').write(zipfile.ZipFile('out.xlsx').read('docProps/app.xml'))"
if grep -q "<Company>書き出し確認工業</Company>" app.xml; then ok "xlsx: the company property"; else notok "xlsx: the company property" "$(head -c 300 app.xml)"; fi
if command -v ssconvert >/dev/null 2>&1; then
	if ssconvert -S out.xlsx gn.csv >/dev/null 2>&1; then
		f=gn.csv.3   # sheets numbered from 0: the fourth is tasks
		# a date value is written in gnumeric's own date style (2026/12/20);
		# text would have kept its dashes
		if grep -q "^task-1-1,1,.*,2026/12/20," "$f" 2>/dev/null; then ok "ssconvert reads the date as a date and STEP as a number"; else notok "ssconvert reads the date as a date and STEP as a number" "$(head -3 "$f" 2>/dev/null)"; fi
	else
		notok "ssconvert opens the workbook"
	fi
else
	notok "ssconvert is installed (gnumeric; sh scripts/setup.sh --test)"
fi

# ---- CSV: every value the guard touches comes back as it was ----
i=0
for v in "=SUM(A1)" "+81 3 0000" "-5" "@home" "	tab first" "'=quoted" "''two" "'plain" "plain"; do
	i=$((i + 1))
	expect_rc "contact $i" 0 register add 1 contacts --set role=other --set "name=名前$i" --set "notes=$v"
done
"$SECSTEP" register add 1 contacts --set role=other --set name=改行 --set "notes=$(printf '\r\nCR first')" >/dev/null 2>&1
expect_rc "contacts before" 0 --json register list 1 contacts
before=$OUT
expect_rc "export the contacts as CSV" 0 export 1 --format csv --table contacts -o contacts.csv
if [ -f contacts.csv ] && head -c 3 contacts.csv | grep -q "$(printf '\357\273\277')"; then ok "--table with -o FILE writes one CSV file"; else notok "--table with -o FILE writes one CSV file"; fi
expect_rc "export the contacts as CSV to stdout" 0 export 1 --format csv --table contacts -o -
printf '%s' "$OUT" >c2.csv
case "$(cat c2.csv)" in *"'=SUM(A1)"*) ok "a formula is neutralised in the CSV" ;; *) notok "a formula is neutralised in the CSV" ;; esac
"$SECSTEP" export 1 --format csv --table contacts -o - >c.csv
expect_rc "import the CSV back, replacing" 0 register import 1 contacts c.csv --replace
expect_rc "contacts after" 0 --json register list 1 contacts
after=$OUT
if [ "$before" = "$after" ]; then ok "CSV round trip is lossless (= + - @ tab CR and apostrophes)"; else notok "CSV round trip is lossless" "$(printf '%s\n%s' "$before" "$after" | "$PY" -c "import sys,json; t=sys.stdin.read().split(chr(10)+'{',1); print('differs')")"; fi
check_py "Excel's view: the guarded cells read as text, not formulas" c.csv <<'PY'
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding='utf-8-sig', newline='')))
notes = [r[-1] for r in rows[1:]]
assert "'=SUM(A1)" in notes and "'-5" in notes and "'\ttab first" in notes and "''=quoted" in notes, notes
assert "'plain" in notes and "plain" in notes, notes
PY

# ---- CSV saved by Excel in its default Japanese encoding (CP932) ----
printf 'role,name,phone,notes\r\nit_vendor,保守窓口,03-1111-2222,壊れたとき\r\n' | iconv -f UTF-8 -t CP932 >sjis.csv
expect_rc "a CP932 CSV is read" 0 register import 1 contacts sjis.csv
expect_out "... and says so" "Shift_JIS"
expect_rc "the contact from the CP932 CSV" 0 --json register list 1 contacts
expect_json "its Japanese text is intact" 'any(c["name"] == "保守窓口" and c["notes"] == "壊れたとき" for c in d["contacts"])'
printf 'role,name\r\nother,\377\376\200\r\n' >bad.csv
refused "a CSV in neither encoding" "register import: bad.csv" register import 1 contacts bad.csv
expect_err "... tells how to save CSV UTF-8 in Excel" "CSV UTF-8"
refused "in English too" "register import: bad.csv" --lang en register import 1 contacts bad.csv
expect_err "... in English" "Save As"

# ---- iCalendar ----
expect_rc "an empty company" 0 company add --name 予定なし --industry D --employees 2
expect_rc "its calendar" 0 calendar 2 -o empty.ics
check_py "an empty calendar is valid RFC 5545: one component, parsed by icalendar" empty.ics <<'PY'
import sys
from icalendar import Calendar
raw = open(sys.argv[1], 'rb').read()
assert all(len(l) <= 75 for l in raw.split(b'\r\n')), 'a line is longer than 75 octets'
assert raw.endswith(b'\r\n') and b'\n' not in raw.replace(b'\r\n', b''), 'lines must end in CRLF'
cal = Calendar.from_ical(raw)
assert cal['VERSION'] == '2.0' and cal.get('PRODID')
comps = [c for c in cal.subcomponents]
assert len(comps) >= 1, 'RFC 5545: at least one component'
assert not any(c.name == 'VEVENT' for c in comps), 'no appointment for an empty calendar'
for c in comps:
    assert c.get('UID') and c.get('DTSTAMP'), c
PY
expect_rc "the company's calendar" 0 calendar 1 -o one.ics
check_py "events: SEQUENCE 0 and no LAST-MODIFIED before any change" one.ics <<'PY'
import sys
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = {str(e['UID']): e for e in cal.walk('VEVENT')}
t = ev['task-1-1-c1@secstep']
assert int(t['SEQUENCE']) == 0 and 'LAST-MODIFIED' not in t, dict(t)
PY
expect_rc "move a due date" 0 task update 1 task-1-1 --due 2026-12-24
expect_rc "and again" 0 task update 1 task-1-1 --status done --due 2026-12-27
expect_rc "and back to doing" 0 task update 1 task-1-1 --status doing
expect_rc "the calendar again" 0 calendar 1 -o two.ics
check_py "a changed task's event: higher SEQUENCE, LAST-MODIFIED set; others unchanged" two.ics <<'PY'
import sys, datetime
from icalendar import Calendar
cal = Calendar.from_ical(open(sys.argv[1], 'rb').read())
ev = {str(e['UID']): e for e in cal.walk('VEVENT')}
t = ev['task-1-1-c1@secstep']
assert int(t['SEQUENCE']) == 3, t['SEQUENCE']
lm = t['LAST-MODIFIED'].dt
assert lm.tzinfo is not None and lm.utcoffset() == datetime.timedelta(0), lm
assert t['DTSTART'].dt == datetime.date(2026, 12, 27), t['DTSTART'].dt
other = ev['task-1-2-c1@secstep']
assert int(other['SEQUENCE']) == 0 and 'LAST-MODIFIED' not in other
PY
