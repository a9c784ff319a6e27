#!/bin/sh
# t0060 — `secstep report`: the management report and the one-page
# consultation brief as PDF, in Japanese and English, checked with tools we
# did not write (poppler-utils: pdftotext, pdffonts, pdfinfo).
. "$TOP/tests/cli/lib.sh"
plan 101

for tool in pdftotext pdffonts pdfinfo; do
	if ! command -v "$tool" >/dev/null 2>&1; then
		notok "$tool is installed (apt-get install poppler-utils)"
		exit 0
	fi
done

# pdf_pages FILE: the page count pdfinfo reads.
pdf_pages() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages:[[:space:]]*//p'; }

# expect_pdf NAME FILE PAGES_MIN PAGES_MAX TEXT...: FILE is a PDF whose page
# count is within the range, whose text (pdftotext) holds every TEXT, and
# whose every font is embedded (pdffonts' "emb" column says yes on each row).
expect_pdf() {
	name=$1 file=$2 pmin=$3 pmax=$4
	shift 4
	if [ ! -s "$file" ]; then
		notok "$name: file written" "no $file"
		return
	fi
	ok "$name: file written"
	if [ -e "$file.tmp" ]; then notok "$name: no temporary file left" "$file.tmp exists"; else ok "$name: no temporary file left"; fi
	pages=$(pdf_pages "$file")
	if [ -n "$pages" ] && [ "$pages" -ge "$pmin" ] && [ "$pages" -le "$pmax" ]; then
		ok "$name: $pages page(s)"
	else
		notok "$name: $pmin-$pmax page(s)" "pdfinfo says: ${pages:-not a PDF}"
	fi
	pdftotext "$file" "$WORK/.txt" 2>"$WORK/.pdferr"
	missing=
	for want in "$@"; do
		grep -qF -- "$want" "$WORK/.txt" || missing="$missing [$want]"
	done
	if [ -z "$missing" ]; then ok "$name: text has the name and headings"; else notok "$name: text has the name and headings" "missing:$missing"; fi
	if pdffonts "$file" >"$WORK/.fonts" 2>&1 &&
		awk 'NR == 1 { p = index($0, "emb") } NR > 2 { n++; if (substr($0, p, 3) != "yes") bad++ }
		     END { exit !(p > 0 && n > 0 && bad == 0) }' "$WORK/.fonts"; then
		ok "$name: every font embedded"
	else
		notok "$name: every font embedded" "$(cat "$WORK/.fonts")"
	fi
}

expect_rc "import company C" 0 import "$TOP/samples/company-c.json"
expect_rc "import company D" 0 import "$TOP/samples/company-d.json"
C_NAME="サンプル資源商事株式会社"
D_NAME="株式会社サンプル情報システム"

# ---- management report ----
expect_rc "management report ja (C)" 0 report 1 --kind management -o "$WORK/c-m.pdf"
expect_out "management report says what it wrote" "c-m.pdf"
expect_pdf "management ja (C)" "$WORK/c-m.pdf" 2 3 "$C_NAME" "経営者向け報告書" "2026年11月25日" \
	"いまの段階" "これまでの推移" "自社診断" "人の体制" "セキュリティの役割を持つ人" "計画の進み具合" \
	"これから90日の予定" "SECURITY ACTION" "岡田 修"
if grep -q "task-[0-9]-[0-9]\|cp-[0-9]-[0-9]" "$WORK/.txt"; then notok "management report prints no internal ids" "$(grep -o 'task-[0-9]-[0-9]\|cp-[0-9]-[0-9]' "$WORK/.txt" | head -3)"; else ok "management report prints no internal ids"; fi
expect_rc "management report ja (D)" 0 report 2 --kind management -o "$WORK/d-m.pdf"
expect_pdf "management ja (D)" "$WORK/d-m.pdf" 2 3 "$D_NAME" "いまの段階" "主なリスク" "顧客クラウド環境の管理者アカウント情報" \
	"これから90日の予定" "SECURITY ACTION"
expect_rc "management report en (C)" 0 --lang en report 1 --kind management -o "$WORK/c-m-en.pdf"
expect_out "English message" "wrote"
expect_pdf "management en (C)" "$WORK/c-m-en.pdf" 2 3 "$C_NAME" "Management report" "25 November 2026" \
	"Where the company stands" "Progress over time" "self-check" "Staffing" "People with security roles" \
	"Plan progress" "The next 90 days" "SECURITY ACTION"
expect_rc "management report en (D)" 0 report 2 --kind management -o "$WORK/d-m-en.pdf" --lang en
expect_pdf "management en (D)" "$WORK/d-m-en.pdf" 2 3 "$D_NAME" "Top risks" "Where the company stands"

# ---- consultation brief ----
expect_rc "brief ja (C)" 0 report 1 --kind brief -o "$WORK/c-b.pdf"
expect_pdf "brief ja (C)" "$WORK/c-b.pdf" 1 1 "$C_NAME" "相談用メモ" "会社の概要" "できていること" \
	"まだのこと・わからないこと" "セキュリティの体制" "気になっていること" "聞きたいこと" "卸売業" "100人"
expect_rc "brief ja (D)" 0 report 2 --kind brief -o "$WORK/d-b.pdf"
expect_pdf "brief ja (D)" "$WORK/d-b.pdf" 1 1 "$D_NAME" "会社の概要" "聞きたいこと"
expect_rc "brief en (C)" 0 --lang en report 1 --kind brief -o "$WORK/c-b-en.pdf"
expect_pdf "brief en (C)" "$WORK/c-b-en.pdf" 1 1 "$C_NAME" "Consultation brief" "The company" "In place" \
	"Not yet, or not known" "Security staffing" "Concerns" "Questions to ask"
expect_rc "brief en (D)" 0 --lang en report 2 --kind brief -o "$WORK/d-b-en.pdf"
expect_pdf "brief en (D)" "$WORK/d-b-en.pdf" 1 1 "$D_NAME" "The company" "Questions to ask"

expect_rc "report --json" 0 --json report 1 --kind brief -o "$WORK/c-b2.pdf"
expect_json "report --json names the file and one page" 'd["pages"] == 1 and d["kind"] == "brief" and d["file"].endswith("c-b2.pdf")'

# A company that tries every limit: the brief wraps everything and
# continues on a second page rather than cut a word.
{
	printf '{"format": "secstep-company/1", "company": {"name": "'
	i=0; while [ $i -lt 20 ]; do printf 'とても長い会社名'; i=$((i + 1)); done
	printf '", "industry": "E", "employees": 9999, "it_uses": ["sales", "estimates", "back_office", "orders", "production", "logistics", "si", "cloud_ops", "website", "email", "cloud", "telework", "ec", "lan", "wifi", "personal_data", "online_system"], "notes": "'
	i=0; while [ $i -lt 150 ]; do printf '気になっていることがとても多い。'; i=$((i + 1)); done
	printf '"}, "checkpoints": {'
	sep=
	for cp in 1-1 1-2 1-3 2-1 2-2 2-3 3-1 3-2 3-3 3-4 4-1 4-2 4-3 4-4; do printf '%s"cp-%s": "unknown"' "$sep" "$cp"; sep=', '; done
	printf '}}\n'
} >"$WORK/long.json"
expect_rc "import a company at every limit" 0 import "$WORK/long.json"
expect_rc "brief of that company" 0 --lang en report 3 --kind brief -o "$WORK/long-b.pdf"
expect_pdf "brief at every limit" "$WORK/long-b.pdf" 1 2 "Questions to ask" "Strengthen incident response"
if grep -q "…" "$WORK/.txt"; then notok "brief at every limit cuts nothing" "$(grep "…" "$WORK/.txt" | head -2)"; else ok "brief at every limit cuts nothing"; fi
n=$(tr -d '\n' <"$WORK/.txt" | grep -o "気になっていることがとても多い。" | wc -l)
if [ "$n" -eq 150 ]; then ok "brief at every limit prints the whole concern"; else notok "brief at every limit prints the whole concern" "$n of 150 sentences"; fi
expect_rc "management report of that company" 0 report 3 --kind management -o "$WORK/long-m.pdf"
expect_pdf "management at every limit" "$WORK/long-m.pdf" 2 4 "いまの段階" "SECURITY ACTION"

# ---- errors ----
expect_rc "bad --kind is a usage error" 2 report 1 --kind poster -o "$WORK/bad.pdf"
expect_err "bad --kind is named" "secstep: report: --kind"
if [ -e "$WORK/bad.pdf" ] || [ -e "$WORK/bad.pdf.tmp" ]; then notok "bad --kind writes nothing"; else ok "bad --kind writes nothing"; fi
expect_rc "missing --kind is a usage error" 2 report 1 -o "$WORK/bad.pdf"
expect_rc "missing -o is a usage error" 2 report 1 --kind brief
expect_err "missing -o is named" "secstep: report: -o"
expect_rc "unknown company fails" 1 report 99 --kind management -o "$WORK/none.pdf"
expect_err "unknown company is named" "secstep: report:"
if [ -e "$WORK/none.pdf" ] || [ -e "$WORK/none.pdf.tmp" ]; then notok "unknown company leaves no file"; else ok "unknown company leaves no file"; fi
printf 'old' >"$WORK/keep.pdf"
expect_rc "unknown company keeps an existing file" 1 report 99 --kind brief -o "$WORK/keep.pdf"
if [ "$(cat "$WORK/keep.pdf")" = old ]; then ok "existing file untouched"; else notok "existing file untouched"; fi
expect_rc "unwritable place fails" 1 report 1 --kind brief -o "$WORK/no/such/dir/x.pdf"
expect_err "unwritable place is named" "no/such/dir/x.pdf"
expect_rc "a report replaces an existing file" 0 report 1 --kind brief -o "$WORK/keep.pdf"
expect_pdf "replaced file" "$WORK/keep.pdf" 1 1 "$C_NAME"

# ---- the basic policy and the incident contact sheet (company C is id 1) ----
C=1
expect_rc "policy PDF of a company with a policy" 0 report "$C" --kind policy -o pol.pdf
txt=$(pdftotext pol.pdf - 2>/dev/null)
case "$txt" in *情報セキュリティ基本方針*) ok "policy PDF has its title" ;; *) notok "policy PDF has its title" ;; esac
case "$txt" in *第1版*) ok "policy PDF names the version" ;; *) notok "policy PDF names the version" "$txt" ;; esac
expect_rc "add an internal contact" 0 register add "$C" contacts --set role=internal --set name=総務部長 --set phone=03-0000-1111 --set order=1
expect_rc "add the IPA desk" 0 register add "$C" contacts --set role=ipa --set name=IPA相談窓口 --set email=cs-support@ipa.go.jp --set order=2
expect_rc "contact sheet" 0 report "$C" --kind contacts -o contacts.pdf
txt=$(pdftotext contacts.pdf - 2>/dev/null)
case "$txt" in *総務部長*03-0000-1111*) ok "contact sheet lists the contacts" ;; *) notok "contact sheet lists the contacts" "$txt" ;; esac
case "$txt" in *検知・初動対応*復旧・再発防止*) ok "contact sheet has the three phases" ;; *) notok "contact sheet has the three phases" ;; esac
pages=$(pdfinfo contacts.pdf 2>/dev/null | awk '/^Pages:/ {print $2}')
if [ "$pages" = 1 ]; then ok "contact sheet is one page"; else notok "contact sheet is one page" "pages=$pages"; fi
if pdffonts contacts.pdf | awk 'NR>2 && $(NF-4) != "yes" {bad=1} END {exit bad}'; then ok "contact sheet embeds its fonts"; else notok "contact sheet embeds its fonts"; fi
expect_rc "English contact sheet" 0 --lang en report "$C" --kind contacts -o contacts-en.pdf
txt=$(pdftotext contacts-en.pdf - 2>/dev/null)
case "$txt" in *"Incident contact sheet"*"Detection and first response"*) ok "English contact sheet" ;; *) notok "English contact sheet" ;; esac
