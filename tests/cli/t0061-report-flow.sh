#!/bin/sh
# t0061 — PDFs never drop data: a company with 30 of everything gets every
# contact (with when to call), every role holder, every "no" answer and
# every task in its documents, nothing cut with "…", no internal ids; the
# files are small (fonts subset), tagged, and carry /Lang.  Checked with
# tools we did not write: pdftotext, pdfinfo, pdffonts (poppler) and qpdf.
. "$TOP/tests/cli/lib.sh"
plan 94
. "$TOP/tests/cli/many.sh"

for tool in pdftotext pdffonts pdfinfo qpdf; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		notok "$tool is installed (sh scripts/setup.sh --test)"
		exit 0
	fi
done

many_company 30 many.json
expect_rc "import a company with 30 of everything" 0 import many.json

# has_all NAME FILE FMT: pdftotext of FILE holds printf FMT for 1..30.
has_all() {
	missing=
	i=1
	while [ "$i" -le 30 ]; do
		want=$(printf "$3" "$i")
		tr -d '\n' <"$2" | grep -qF -- "$want" || missing="$missing [$want]"
		i=$((i + 1))
	done
	if [ -z "$missing" ]; then ok "$1"; else notok "$1" "missing:$missing"; fi
}

# pdf_checks NAME FILE LANG: qpdf finds no error; the catalog says /Lang and
# the PDF is tagged; every font is an embedded subset; no "…" in the text.
pdf_checks() {
	if qpdf --check "$2" >"$WORK/.qpdf" 2>&1; then ok "$1: qpdf --check"; else notok "$1: qpdf --check" "$(tail -3 "$WORK/.qpdf")"; fi
	root=$(qpdf --show-object=trailer "$2" 2>/dev/null | sed -n 's/.*\/Root \([0-9]*\) 0 R.*/\1/p')
	cat=$(qpdf --show-object="$root" "$2" 2>/dev/null)
	case "$cat" in *"/Lang ($3)"*) ok "$1: /Lang ($3)" ;; *) notok "$1: /Lang ($3)" "catalog: $cat" ;; esac
	case "$cat" in *"/MarkInfo << /Marked true >>"*) ok "$1: marked as tagged" ;; *) notok "$1: marked as tagged" "catalog: $cat" ;; esac
	case "$cat" in *"/StructTreeRoot"*) ok "$1: has a structure tree" ;; *) notok "$1: has a structure tree" "catalog: $cat" ;; esac
	if pdfinfo "$2" | grep -q '^Tagged: *yes'; then ok "$1: pdfinfo says tagged"; else notok "$1: pdfinfo says tagged"; fi
	if pdffonts "$2" | awk 'NR == 1 { e = index($0, "emb"); s = index($0, "sub") } NR > 2 { n++; if (substr($0, e, 3) != "yes" || substr($0, s, 3) != "yes") bad++ }
	     END { exit !(n > 0 && bad == 0) }'; then ok "$1: every font an embedded subset"; else notok "$1: every font an embedded subset" "$(pdffonts "$2")"; fi
	pdftotext "$2" "$WORK/.t" 2>/dev/null
	if grep -q "…" "$WORK/.t"; then notok "$1: nothing cut with …" "$(grep "…" "$WORK/.t" | head -2)"; else ok "$1: nothing cut with …"; fi
}

# ---- the incident contact sheet: every contact, when to call, and the procedure after them ----
for lang in ja en; do
	expect_rc "contact sheet $lang" 0 --lang "$lang" report 1 --kind contacts -o "k-$lang.pdf"
	pdftotext "k-$lang.pdf" "k-$lang.txt"
	has_all "contact sheet $lang: every contact" "k-$lang.txt" "連絡先%02d"
	has_all "contact sheet $lang: every phone" "k-$lang.txt" "03-0000-%04d"
	has_all "contact sheet $lang: every when-to-call note" "k-$lang.txt" "連絡先%02dには、パソコンが動かないときに電話する"
	pdf_checks "contact sheet $lang" "k-$lang.pdf" "$lang"
done
txt=$(tr -d '\n' <k-ja.txt)
case "$txt" in *連絡先30*落ち着いて、この順に*検知・初動対応*復旧・再発防止*パソコンの電源は切らずに*) ok "contact sheet ja: the procedure and the closing line follow the last contact" ;;
	*) notok "contact sheet ja: the procedure and the closing line follow the last contact" ;; esac
txt=$(tr -d '\n' <k-en.txt)
case "$txt" in *"When to call"*"Then, calmly, in this order"*"Do not switch the PC off"*) ok "contact sheet en: headings and the closing line" ;;
	*) notok "contact sheet en: headings and the closing line" ;; esac
pages=$(pdfinfo k-ja.pdf | awk '/^Pages:/ {print $2}')
if [ "$pages" -ge 2 ]; then ok "30 contacts continue on a second page ($pages)"; else notok "30 contacts continue on a second page" "pages=$pages"; fi
case "$(pdftotext -f 2 -l 2 k-ja.pdf - 2>/dev/null)" in *いつ連絡するか*) ok "the table header is repeated on page 2" ;; *) notok "the table header is repeated on page 2" ;; esac

# ---- the brief: one page, small, whole ----
for lang in ja en; do
	expect_rc "brief $lang" 0 --lang "$lang" report 1 --kind brief -o "b-$lang.pdf"
	pdf_checks "brief $lang" "b-$lang.pdf" "$lang"
	size=$(wc -c <"b-$lang.pdf")
	if [ "$size" -le 307200 ]; then ok "brief $lang weighs at most 300 KB ($size bytes)"; else notok "brief $lang weighs at most 300 KB" "$size bytes"; fi
	pages=$(pdfinfo "b-$lang.pdf" | awk '/^Pages:/ {print $2}')
	if [ "$pages" = 1 ]; then ok "brief $lang is one page"; else notok "brief $lang is one page" "pages=$pages"; fi
done
case "$(tr -d '\n' <"$WORK/.t")" in *"Not yet, or not known (answer)"*) ok "brief en: the heading of part 3 is whole" ;; *) notok "brief en: the heading of part 3 is whole" ;; esac
case "$(pdftotext b-ja.pdf - | tr -d '\n')" in *"まだのこと・わからないこと（回答）"*メールの誤送信も一度ありました。*) ok "brief ja: heading and concern whole" ;; *) notok "brief ja: heading and concern whole" ;; esac

# ---- the management report: every role holder, every "no", every task, no ids ----
for lang in ja en; do
	expect_rc "management report $lang" 0 --lang "$lang" report 1 --kind management -o "m-$lang.pdf"
	pdf_checks "management $lang" "m-$lang.pdf" "$lang"
	pdftotext "m-$lang.pdf" "m-$lang.txt"
	if grep -q "task-[0-9]-[0-9]\|cp-[0-9]-[0-9]\|sd-[0-9]" "m-$lang.txt"; then notok "management $lang: no internal ids" "$(grep -o 'task-[0-9]-[0-9]\|cp-[0-9]-[0-9]' "m-$lang.txt" | head -3)"; else ok "management $lang: no internal ids"; fi
	missing=
	for n in 1 5 6 18 19 25; do grep -q "^$n\. " "m-$lang.txt" || missing="$missing $n"; done
	if [ -z "$missing" ]; then ok "management $lang: every \"no\" item, in every part"; else notok "management $lang: every \"no\" item" "missing:$missing"; fi
	if grep -q "ほか [0-9]* 項目\|and [0-9]* more" "m-$lang.txt"; then notok "management $lang: no \"and N more\""; else ok "management $lang: no \"and N more\""; fi
done
txt=$(tr -d '\n' <m-ja.txt)
case "$txt" in *"「いいえ」「わからない」と答えた項目"*基本的対策*1.*) ok "management ja: the no/don't-know block starts under its heading" ;;
	*) notok "management ja: the no/don't-know block starts under its heading" ;; esac
case "$txt" in *担当者01*担当者02*) ok "management ja: every role holder" ;; *) notok "management ja: every role holder" ;; esac
case "$txt" in *起こりやすさ*) ok "management ja: says 起こりやすさ as the pages do" ;; *) notok "management ja: says 起こりやすさ" ;; esac
case "$txt" in *可能性*) notok "management ja: no 可能性" ;; *) ok "management ja: no 可能性" ;; esac
case "$(tr -d '\n' <m-en.txt)" in *"Security officers (part-time)"*) notok "management en: officers are not called part-time" ;; *) ok "management en: officers are not called part-time" ;; esac

# A company that answered nothing shows no "0 / 0" bars.
expect_rc "add an empty company" 0 company add --name 空の会社 --industry D --employees 3
expect_rc "its management report" 0 report 2 --kind management -o empty.pdf
if pdftotext empty.pdf - | grep -q "0 / 0"; then notok "no 0 / 0 bars when nothing is answered"; else ok "no 0 / 0 bars when nothing is answered"; fi

# ---- the policy: the signature block sits on the right ----
expect_rc "draft a policy" 0 policy draft 1
expect_rc "policy PDF" 0 report 1 --kind policy -o pol.pdf
pdf_checks "policy" pol.pdf ja
x=$(pdftotext -bbox pol.pdf - 2>/dev/null | grep '代表者' | sed -n 's/.*xMin="\([0-9.]*\)".*/\1/p' | head -1)
if [ -n "$x" ] && [ "${x%.*}" -gt 300 ]; then ok "policy: the signature line is right-aligned (x=$x)"; else notok "policy: the signature line is right-aligned" "x=$x"; fi

# ---- a row taller than a page is split between lines, not cut off ----
long=$(i=0; while [ $i -lt 250 ]; do printf '長いメモ%03d。' "$i"; i=$((i + 1)); done)
expect_rc "a contact with a very long note" 0 register add 1 contacts --set role=other --set name=長文の連絡先 --set order=31 --set "notes=$long"
expect_rc "contact sheet with it" 0 report 1 --kind contacts -o long.pdf
pdftotext long.pdf - | tr -d '\n' >long.txt
missing=
for i in 000 001 124 125 248 249; do grep -q "長いメモ$i。" long.txt || missing="$missing $i"; done
if [ -z "$missing" ]; then ok "every part of a page-long note is printed"; else notok "every part of a page-long note is printed" "missing:$missing"; fi
n=$(grep -o "長いメモ[0-9]*。" long.txt | sort -u | wc -l)
m=$(grep -o "長いメモ[0-9]*。" long.txt | wc -l)
# a piece may be split by a page break (then the footer stands inside it);
# none is printed twice
if [ "$n" -ge 246 ] && [ "$m" -eq "$n" ]; then ok "... no piece twice, at most a few split by page breaks ($n whole)"; else notok "... no piece twice" "$n distinct, $m in all"; fi
case "$(tr -d '\n' <long.txt)" in *長いメモ249。*パソコンの電源は切らずに*) ok "the procedure follows the long note" ;; *) notok "the procedure follows the long note" ;; esac
