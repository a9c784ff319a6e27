#!/bin/sh
# t0120 — the command line's help: every command and command group
# answers --help (exit 0) with usage, arguments, options, an example and
# the exit codes, in Japanese and English; `secstep help` says the same;
# the man page comes from the same texts and installs with make install;
# -o - writes to standard output; plain-text columns line up by display
# width (checked with Python's unicodedata); errors in the chosen language.
. "$TOP/tests/cli/lib.sh"

# Every command the overview lists ("  company add   …").
expect_rc "--help" 0 --lang en --help
cmds=$(printf '%s\n' "$OUT" | sed -n '/^Commands:/,/^$/p' | sed -n 's/^  \([a-z]*\)\( [a-z]*\)\{0,1\}  .*/\1\2/p' | sed 's/ *$//')
n=$(printf '%s\n' "$cmds" | grep -c .)
plan $((n + 100))   # one check per listed command, and 100 more
if [ "$n" -ge 30 ]; then ok "the overview lists $n commands"; else notok "the overview lists the commands" "$cmds"; fi

bad_ja= bad_en=
for c in $cmds; do :; done
printf '%s\n' "$cmds" | while IFS= read -r c; do
	# shellcheck disable=SC2086
	"$SECSTEP" $c --help >"$WORK/h-ja" 2>&1; rc_ja=$?
	"$SECSTEP" --lang en $c --help >"$WORK/h-en" 2>&1; rc_en=$?
	usage=$(sed -n 's/^Usage: secstep //p' "$WORK/h-en" | head -1)
	miss=
	[ "$rc_ja" -eq 0 ] && [ "$rc_en" -eq 0 ] || miss="$miss exit($rc_ja,$rc_en)"
	for w in "使い方:" "例:" "終了コード:" "  0  成功" "  2  使い方の誤り"; do grep -qF -- "$w" "$WORK/h-ja" || miss="$miss ja[$w]"; done
	for w in "Usage: secstep $c" "Example:" "Exit status:" "  1  failure"; do grep -qF -- "$w" "$WORK/h-en" || miss="$miss en[$w]"; done
	sed -n '/^Example:/,/^$/p' "$WORK/h-en" | grep -q "secstep $c" || miss="$miss en[an example of $c]"
	case "$usage" in [A-Z]*|"["[a-zA-Z]*) grep -q "^Arguments:" "$WORK/h-en" && grep -q "^引数:" "$WORK/h-ja" || miss="$miss [arguments]" ;; esac
	case "$usage" in *--*) grep -q "^Options:" "$WORK/h-en" && grep -q "^オプション:" "$WORK/h-ja" || miss="$miss [options]" ;; esac
	if [ -z "$miss" ]; then echo "ok - t0120-help: $c --help (ja, en)"; else echo "not ok - t0120-help: $c --help (ja, en)"; echo "#   missing:$miss"; fi
done

for g in company person role exam learning task policy register user member token body; do
	expect_rc "$g --help exits 0" 0 "$g" --help
	expect_out "$g --help lists its subcommands" "サブコマンド:"
	expect_rc "$g --help in English" 0 --lang en "$g" --help
	expect_out "$g --help says how to get more" "secstep $g SUBCOMMAND --help"
done
expect_rc "a group without a subcommand is a usage error" 2 company
expect_err "... and shows the group's subcommands" "remove"
expect_rc "help COMMAND" 0 help report
run report --help
a=$OUT
run help report
if [ "$a" = "$OUT" ]; then ok "help report says what report --help says"; else notok "help report says what report --help says"; fi
expect_rc "help GROUP SUB" 0 --lang en help register import
expect_out "help GROUP SUB names the CP932 hint" "CSV UTF-8"
expect_rc "help of no such command" 2 help frobnicate

# ---- the man page ----
expect_rc "help --man" 0 --lang en help --man
printf '%s\n' "$OUT" >secstep.1
if command -v groff >/dev/null 2>&1; then
	for l in en ja; do
		"$SECSTEP" --lang $l help --man >"secstep.$l.1"
		w=$(LC_ALL=C.UTF-8 groff -man -Tutf8 -ww -z "secstep.$l.1" 2>&1)
		if [ -z "$w" ]; then ok "man page ($l) has no groff warning"; else notok "man page ($l) has no groff warning" "$(echo "$w" | head -3)"; fi
	done
	txt=$(LC_ALL=C.UTF-8 groff -man -Tutf8 secstep.1 2>/dev/null | sed 's/.\x08//g')
	for w in "SYNOPSIS" "report ID --kind" "EXIT STATUS" "SECSTEP_TODAY" "register import"; do
		case "$txt" in *"$w"*) ok "man page has $w" ;; *) notok "man page has $w" ;; esac
	done
	txt=$(LC_ALL=C.UTF-8 groff -man -Tutf8 secstep.ja.1 2>/dev/null | sed 's/.\x08//g' | tr -d ' \n')
	case "$txt" in *"相談用メモ"*"終了コード"*) ok "Japanese man page" ;; *) notok "Japanese man page" ;; esac
else
	notok "groff is installed (man pages)"
fi
if [ -x "$(dirname "$SECSTEP")/secstep" ] && command -v make >/dev/null 2>&1; then
	bdir=$(cd "$(dirname "$SECSTEP")" && pwd)
	# -o: the binary under test is taken as it is, never rebuilt (or relinked
	# with other flags) by this test
	if make -s -C "$TOP" install BUILD="$bdir" PREFIX="$WORK/prefix" -o "$bdir/secstep" -o "$bdir/routes.ok" >"$WORK/.inst" 2>&1; then
		ok "make install PREFIX=…"
	else
		notok "make install PREFIX=…" "$(tail -3 "$WORK/.inst")"
	fi
	for f in bin/secstep share/man/man1/secstep.1 share/man/ja/man1/secstep.1; do
		if [ -s "$WORK/prefix/$f" ]; then ok "installed $f"; else notok "installed $f"; fi
	done
	if command -v man >/dev/null 2>&1; then
		txt=$(MANPATH="$WORK/prefix/share/man" LC_ALL=C.UTF-8 MANWIDTH=80 man secstep 2>/dev/null | sed 's/.\x08//g')
		case "$txt" in *"secstep report ID --kind"*) ok "man secstep finds the installed page" ;; *) notok "man secstep finds the installed page" "$(echo "$txt" | head -3)" ;; esac
	fi
fi

# ---- -o - is standard output, for every writer ----
expect_rc "import a sample" 0 import "$TOP/samples/company-c.json"
"$SECSTEP" report 1 --kind brief -o - >stdout.pdf 2>"$WORK/.err"
if [ "$(head -c 5 stdout.pdf)" = "%PDF-" ] && pdfinfo stdout.pdf >/dev/null 2>&1; then ok "report -o - writes the PDF to stdout"; else notok "report -o - writes the PDF to stdout" "$(cat "$WORK/.err")"; fi
"$SECSTEP" export 1 --format xlsx -o - >stdout.xlsx 2>"$WORK/.err"
if /usr/bin/python3 -c "import openpyxl,sys; openpyxl.load_workbook(sys.argv[1])" stdout.xlsx 2>/dev/null; then ok "export xlsx -o - writes the workbook to stdout"; else notok "export xlsx -o - writes the workbook to stdout" "$(cat "$WORK/.err")"; fi
expect_rc "export csv one table -o -" 0 export 1 --format csv --table people -o -
case "$OUT" in *人のID*|*ID*名前*) ok "export csv --table people -o - prints that table" ;; *) notok "export csv --table people -o - prints that table" "$(echo "$OUT" | head -2)" ;; esac
expect_rc "export csv -o - without --table is a usage error" 2 export 1 --format csv -o -
expect_err "... that says to give --table" "--table"
expect_rc "export json -o -" 0 export 1 -o -
expect_out "export json -o - prints the document" "secstep-company/1"
expect_rc "calendar -o -" 0 calendar 1 -o -
expect_out "calendar -o - prints the calendar" "BEGIN:VCALENDAR"
expect_rc "calendar -o FILE" 0 calendar 1 -o cal.ics
if grep -q "END:VCALENDAR" cal.ics; then ok "calendar -o FILE writes the file"; else notok "calendar -o FILE writes the file"; fi
if ls ./- 2>/dev/null; then notok "no file named - was written"; else ok "no file named - was written"; fi

# ---- columns by display width ----
expect_rc "add a company with a Japanese name" 0 company add --name 株式会社テスト --industry D --employees 5
expect_rc "company list" 0 company list
printf '%s\n' "$OUT" >list.txt
if /usr/bin/python3 - list.txt <<'PY'
import sys, unicodedata
def width(s): return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
lines = open(sys.argv[1], encoding='utf-8').read().splitlines()
head = lines[0]
# the name column starts at the same display column in the header and every row
h = width(head[:head.index('会社名')])
for l in lines[1:]:
    name = '株式会社テスト' if 'テスト' in l else 'サンプル資源商事株式会社'
    assert width(l[:l.index(name)]) == h, (l, h)
PY
then ok "company list: names start in the header's column (display width)"; else notok "company list: names start in the header's column"; fi
expect_rc "task list" 0 task list 1
printf '%s\n' "$OUT" >tasks.txt
if /usr/bin/python3 - tasks.txt <<'PY'
import sys, unicodedata
def width(s): return sum(2 if unicodedata.east_asian_width(c) in 'WF' else 1 for c in s)
# id 9, status 5, due 10, owner 12 columns and a space after each: the
# title starts at display column 40 on every line
n = 0
for l in open(sys.argv[1], encoding='utf-8').read().splitlines():
    if not l.startswith('task-'): continue
    w, i = 0, 0
    while w < 40:
        w += 2 if unicodedata.east_asian_width(l[i]) in 'WF' else 1
        i += 1
    assert w == 40 and l[i - 1] == ' ' and l[i] != ' ', l
    n += 1
assert n > 2
PY
then ok "task list: titles line up (display width)"; else notok "task list: titles line up (display width)" "$(cat tasks.txt | head -4)"; fi

# ---- messages in the chosen language, the field path unchanged ----
printf '{"format": "secstep-company/1", "company": {"name": "x", "industry": "Z", "employees": "3"}}' >bad.json
expect_rc "a bad document (ja)" 1 import bad.json
expect_err "industry error in Japanese" "secstep: import: company.industry: 不明な業種「Z」"
expect_err "employees error in Japanese" "secstep: import: company.employees: 整数にしてください"
expect_rc "a bad document (en)" 1 --lang en import bad.json
expect_err "industry error in English" "secstep: import: company.industry: unknown industry \"Z\""
expect_err "employees error in English" "secstep: import: company.employees: must be an integer, not a string"
printf '{"format": "secstep-company/1", "company": {"name": "x", "name": "y", "industry": "D", "employees": 3}}' >dup.json
expect_rc "a duplicate key (ja)" 1 import dup.json
expect_err "duplicate key in Japanese" "company.name: 二度以上あります"
expect_rc "English catalog" 0 --lang en catalog step 1
case "$OUT" in *ガイドブック*) notok "English catalog cites the guidebook in English" ;; *"Source: Guidebook 4(1)"*) ok "English catalog cites the guidebook in English" ;; *) notok "English catalog cites the guidebook in English" ;; esac
