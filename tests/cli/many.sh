# tests/cli/many.sh — sourced by CLI tests: many_company N FILE writes a
# company document with N of everything a document can list (people,
# contacts with when-to-call notes, suppliers, systems, assets, drills),
# every task owned and dated, and every self-check item answered "no", so a
# test can check that an output shows every record.  Names are numbered
# (担当者07, 連絡先12 …) for grep.
many_company() {
	mc_n=$1 mc_f=$2
	{
		printf '{"format": "secstep-company/1",\n'
		printf ' "company": {"name": "株式会社たくさん記録のある工務店", "industry": "D", "employees": %d,\n' "$mc_n"
		printf '   "it_uses": ["back_office", "email", "cloud"], "notes": "取引先から預かった図面をクラウドに置いています。ノートPCを現場に持ち出すことが多く、なくしたときの対応が決まっていません。メールの誤送信も一度ありました。"},\n'
		printf ' "people": [\n'
		i=1
		while [ "$i" -le "$mc_n" ]; do
			roles='[]'
			[ "$i" -eq 1 ] && roles='[{"role": "officer", "time": "dedicated"}, {"role": "security_lead", "time": "concurrent"}]'
			[ "$i" -eq 2 ] && roles='[{"role": "officer", "time": "concurrent"}]'
			printf '  {"id": "p%d", "name": "担当者%02d", "department": "工務部", "roles": %s, "exams": [{"exam": "ip", "status": "studying", "date": "2027-01-%02d"}]}%s\n' \
				"$i" "$i" "$roles" "$(( (i % 28) + 1 ))" "$([ "$i" -lt "$mc_n" ] && echo ,)"
			i=$((i + 1))
		done
		printf ' ],\n "self_diagnosis": {'
		i=1
		while [ "$i" -le 25 ]; do
			printf '"sd-%02d": "no"%s' "$i" "$([ "$i" -lt 25 ] && echo ', ')"
			i=$((i + 1))
		done
		printf '},\n "tasks": ['
		s=1
		while [ "$s" -le 4 ]; do
			t=1
			while [ "$t" -le 4 ]; do
				printf '{"id": "task-%d-%d", "owner": "p%d", "due": "2026-12-%02d", "status": "doing"}%s' \
					"$s" "$t" "$(( (s * 4 + t) % mc_n + 1 ))" "$(( s * 4 + t ))" "$([ "$s$t" != 44 ] && echo ', ')"
				t=$((t + 1))
			done
			s=$((s + 1))
		done
		printf '],\n "contacts": [\n'
		i=1
		while [ "$i" -le "$mc_n" ]; do
			printf '  {"id": "k%d", "role": "it_vendor", "name": "連絡先%02d", "organisation": "株式会社サポート%02d", "phone": "03-0000-%04d", "email": "c%d@example.jp", "order": %d, "notes": "連絡先%02dには、パソコンが動かないときに電話する"}%s\n' \
				"$i" "$i" "$i" "$i" "$i" "$i" "$i" "$([ "$i" -lt "$mc_n" ] && echo ,)"
			i=$((i + 1))
		done
		printf ' ],\n "systems": [\n'
		i=1
		while [ "$i" -le "$mc_n" ]; do
			printf '  {"id": "y%d", "name": "システム%02d", "rto_hours": %d, "rpo_hours": 24, "restore_tested": "2026-10-%02d"}%s\n' \
				"$i" "$i" "$((i * 2))" "$(( (i % 28) + 1 ))" "$([ "$i" -lt "$mc_n" ] && echo ,)"
			i=$((i + 1))
		done
		printf ' ],\n "assets": [\n'
		i=1
		while [ "$i" -le "$mc_n" ]; do
			printf '  {"id": "a%d", "name": "情報資産%02d", "c": 3, "i": %d, "a": 2, "personal": %s, "threat": %d, "vulnerability": 3}%s\n' \
				"$i" "$i" "$(( i % 3 + 1 ))" "$([ $((i % 2)) -eq 0 ] && echo true || echo false)" "$(( i % 3 + 1 ))" "$([ "$i" -lt "$mc_n" ] && echo ,)"
			i=$((i + 1))
		done
		printf ' ]}\n'
	} >"$mc_f"
}
