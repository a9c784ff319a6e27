/* pages_assets.c — the information-asset register (STEP4): assets with
 * C/I/A, personal data, threat and vulnerability; the computed importance,
 * likelihood, risk value and band; a heat map; and the treatment of each
 * risk with an owner and a due date. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/risk.h"
#include "exchange/doc.h"
#include "web/pages.h"

static const char *const treatments[] = {"reduce", "avoid", "transfer", "accept"};
static const char *const treat_ja[] = {"低減（対策で小さくする）", "回避（やめる・なくす）", "移転（保険・委託）", "受容（受け入れる）"};
static const char *const treat_en[] = {"Reduce (controls)", "Avoid (stop it)", "Transfer (insurance, outsourcing)", "Accept"};

static const char *treat_label(const req_t *r, const char *t)
{
	for (size_t i = 0; t && i < ARRAY_LEN(treatments); i++)
		if (!strcmp(t, treatments[i]))
			return r->lang == LANG_EN ? treat_en[i] : treat_ja[i];
	return "";
}

static void heat_map(req_t *r)
{
	int cells[4][4] = {{0}};
	for (size_t i = 0; i < r->co->n_assets; i++)
		cells[risk_importance(&r->co->assets[i])][risk_likelihood(&r->co->assets[i])]++;
	hp(r, "<svg class=\"chart gauge\" viewBox=\"0 0 330 258\" role=\"img\" aria-label=\"%s\">", T(r, "リスクの分布（重要度×被害の起こりやすさ）", "Risk heat map (importance × likelihood)"));
	for (int imp = 3; imp >= 1; imp--)
		for (int lik = 1; lik <= 3; lik++) {
			int x = 70 + (lik - 1) * 80, y = 18 + (3 - imp) * 65, v = imp * lik;
			risk_band_t b = risk_band(v, RISK_DEFAULTS);
			const char *fill = b == BAND_HIGH ? "#f4b6ae" : b == BAND_MEDIUM ? "#fbe3a6" : "#cfe9d8";
			hp(r, "<rect x=\"%d\" y=\"%d\" width=\"76\" height=\"61\" rx=\"6\" fill=\"%s\"/>", x, y, fill);
			hp(r, "<text x=\"%d\" y=\"%d\" font-size=\"11\" fill=\"#5b6b7b\">%d</text>", x + 6, y + 15, v);
			if (cells[imp][lik])
				hp(r, "<text x=\"%d\" y=\"%d\" font-size=\"22\" font-weight=\"700\" text-anchor=\"middle\" fill=\"#1c2733\">%d</text>", x + 38, y + 42,
				   cells[imp][lik]);
		}
	for (int i = 1; i <= 3; i++) {
		hp(r, "<text x=\"60\" y=\"%d\" font-size=\"12\" text-anchor=\"end\" fill=\"#1c2733\">%d</text>", 18 + (3 - i) * 65 + 36, i);
		hp(r, "<text x=\"%d\" y=\"230\" font-size=\"12\" text-anchor=\"middle\" fill=\"#1c2733\">%d</text>", 70 + (i - 1) * 80 + 38, i);
	}
	hp(r, "<text x=\"4\" y=\"10\" font-size=\"12\" fill=\"#5b6b7b\">%s</text>", T(r, "重要度↑", "importance ↑"));
	hp(r, "<text x=\"190\" y=\"252\" font-size=\"12\" text-anchor=\"middle\" fill=\"#5b6b7b\">%s</text></svg>",
	   T(r, "被害の起こりやすさ", "likelihood"));
	/* the same numbers as a table */
	hp(r, "<details class=\"data\"><summary>%s</summary><table><thead><tr><th scope=\"col\">%s</th>", T(r, "数値で見る（リスクの分布）", "The heat map as a table"),
	   T(r, "重要度＼起こりやすさ", "Importance \\ likelihood"));
	for (int lik = 1; lik <= 3; lik++)
		hp(r, "<th scope=\"col\" class=\"num\">%d</th>", lik);
	HL(r, "</tr></thead><tbody>");
	for (int imp = 3; imp >= 1; imp--) {
		hp(r, "<tr><th scope=\"row\">%d</th>", imp);
		for (int lik = 1; lik <= 3; lik++)
			hp(r, "<td class=\"num\">%d</td>", cells[imp][lik]);
		HL(r, "</tr>");
	}
	HL(r, "</tbody></table></details>");
}

/* The asset form: add (x NULL) or edit x; posted values win so a refused
 * form keeps what was typed. */
static void asset_form(req_t *r, const m_asset *x, const errs_t *e)
{
	long long id = (long long)r->company_id;
	show_errors(r, e);
	if (x)
		hp(r, "<form method=\"post\" action=\"/c/%lld/assets/%s\" class=\"stack\">", id, x->key);
	else
		hp(r, "<form method=\"post\" action=\"/c/%lld/assets\" class=\"stack\">", id);
	csrf_field(r);
#define CUR(field, member) (form(r, field) ? form(r, field) : x && x->member ? x->member : "")
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" maxlength=\"200\" required value=\"%s\">",
	   T(r, "情報資産の名前", "Asset name"), CUR("name", name));
	hp(r, "<label for=\"business\">%s</label><input id=\"business\" name=\"business\" type=\"text\" maxlength=\"200\" value=\"%s\">",
	   T(r, "業務", "Business area"), CUR("business", business));
	hp(r, "<label for=\"medium\">%s</label><input id=\"medium\" name=\"medium\" type=\"text\" maxlength=\"200\" value=\"%s\">",
	   T(r, "媒体・保存先（紙、PC、サーバー、クラウド…）", "Medium (paper, PC, server, cloud…)"), CUR("medium", medium));
	static const struct { const char *name, *ja, *en; } scales[] = {
		{"c", "機密性（漏れたときの影響 1〜3）", "Confidentiality (impact if leaked, 1-3)"},
		{"i", "完全性（書き換えられたときの影響 1〜3）", "Integrity (impact if altered, 1-3)"},
		{"a", "可用性（使えないときの影響 1〜3）", "Availability (impact if unavailable, 1-3)"},
		{"threat", "脅威の起こりやすさ（1 ふだん起きない〜3 いつでも起きる）", "Threat (1 rarely … 3 any time)"},
		{"vulnerability", "脆弱性（1 対策済み〜3 対策なし）", "Vulnerability (1 all measures in place … 3 none)"},
	};
	const int have[] = {x ? x->c : 2, x ? x->i : 2, x ? x->a : 2, x ? x->threat : 2, x ? x->vulnerability : 2};
	for (size_t k = 0; k < ARRAY_LEN(scales); k++) {
		const char *pv = form(r, scales[k].name);
		int cur = pv && strlen(pv) == 1 ? pv[0] - '0' : have[k];
		hp(r, "<label for=\"%s\">%s</label><select id=\"%s\" name=\"%s\">", scales[k].name, T(r, scales[k].ja, scales[k].en), scales[k].name, scales[k].name);
		for (int v = 1; v <= 3; v++)
			hp(r, "<option value=\"%d\"%s>%d</option>", v, v == cur ? " selected" : "", v);
		HL(r, "</select>");
	}
	bool personal = e && e->n ? form(r, "personal") != NULL : x && x->personal;
	hp(r, "<label class=\"check\"><input type=\"checkbox\" name=\"personal\" value=\"1\"%s> %s</label>", personal ? " checked" : "",
	   T(r, "個人情報を含む", "Holds personal data"));
	const char *tr = CUR("treatment", treatment);
	hp(r, "<label for=\"treatment\">%s</label><select id=\"treatment\" name=\"treatment\"><option value=\"\">%s</option>", T(r, "対応", "Treatment"),
	   T(r, "（未定）", "(not decided)"));
	for (size_t k = 0; k < ARRAY_LEN(treatments); k++)
		hp(r, "<option value=\"%s\"%s>%s</option>", treatments[k], str_eq(tr, treatments[k]) ? " selected" : "",
		   r->lang == LANG_EN ? treat_en[k] : treat_ja[k]);
	hp(r, "</select><label for=\"action\">%s</label><input id=\"action\" name=\"action\" type=\"text\" maxlength=\"400\" value=\"%s\">",
	   T(r, "何をするか", "What will be done"), CUR("action", action));
	hp(r, "<label for=\"treat_owner\">%s</label><select id=\"treat_owner\" name=\"treat_owner\">", T(r, "対応の担当", "Treatment assigned to"));
	people_options(r, CUR("treat_owner", treat_owner), true);
	const char *due = form(r, "treat_due") ? form(r, "treat_due") : x ? date_str(r, x->treat_due) : "";
	hp(r, "</select><label for=\"treat_due\">%s</label><input id=\"treat_due\" name=\"treat_due\" type=\"date\" class=\"short\" value=\"%s\">",
	   T(r, "対応の期限", "Treatment due"), due);
#undef CUR
	hp(r, "<p class=\"actions\"><button type=\"submit\">%s</button>", x ? T(r, "変更を保存する", "Save changes") : T(r, "追加する", "Add"));
	if (x)
		hp(r, "<a href=\"/c/%lld/assets\">%s</a>", id, T(r, "保存せずに一覧へ戻る", "Back to the list without saving"));
	HL(r, "</p></form>");
}

static void assets_page(req_t *r, const errs_t *e)
{
	long long id = (long long)r->company_id;
	page_begin(r, T(r, "情報資産とリスク", "Information assets and risks"), NAV_REG);
	hp(r, "<p><a href=\"/c/%lld/registers\">← %s</a></p><h1>%s</h1><p class=\"lead\">%s</p>", id, T(r, "体制と記録", "Organisation & registers"),
	   T(r, "情報資産とリスク（資産ベースのリスク分析）", "Information assets and risks (asset-based risk analysis)"),
	   T(r, "重要度＝機密性・完全性・可用性の最大（個人情報を含めば3）。被害の起こりやすさ＝脅威＋脆弱性−3（最小1）。リスク値＝重要度×起こりやすさ。6以上は大、4は中、3以下は小です。",
	     "Importance = the highest of C, I, A (3 when it holds personal data). Likelihood = threat + vulnerability − 3 (at least 1). Risk value = importance × likelihood: 6 or more is high, 4 medium, 3 or less low."));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2>", T(r, "リスクの分布", "Heat map"));
	heat_map(r);
	/* the bands in words, and what needs a decision */
	int bands[3] = {0}, undecided = 0;
	for (size_t i = 0; i < r->co->n_assets; i++) {
		const m_asset *x = &r->co->assets[i];
		risk_band_t b = risk_band(risk_value(x), RISK_DEFAULTS);
		bands[b]++;
		undecided += b != BAND_LOW && !x->treatment;
	}
	hp(r, "</section><section class=\"card\"><h2>%s</h2><dl class=\"facts\"><dt>%s</dt><dd><span class=\"badge bad\">%d</span></dd>"
	      "<dt>%s</dt><dd><span class=\"badge warn\">%d</span></dd><dt>%s</dt><dd><span class=\"badge good\">%d</span></dd></dl>",
	   T(r, "リスクの大きさ", "Risk by band"), T(r, "大（6〜9）", "High (6–9)"), bands[BAND_HIGH], T(r, "中（4）", "Medium (4)"), bands[BAND_MEDIUM],
	   T(r, "小（1〜3）", "Low (1–3)"), bands[BAND_LOW]);
	if (undecided)
		hp(r, "<p class=\"warnbox\">%s%d%s</p>", T(r, "大・中のリスクのうち ", ""), undecided,
		   T(r, " 件は、まだ対応（低減・回避・移転・受容）が決まっていません。各行の「変更」で決めましょう。",
		     " medium or high risks have no treatment yet (reduce, avoid, transfer, accept): decide it with Edit on each row."));
	else if (r->co->n_assets)
		hp(r, "<p class=\"muted\">%s</p>", T(r, "大・中のリスクには、すべて対応が決まっています。", "Every medium or high risk has a treatment."));
	else
		hp(r, "<p class=\"muted\">%s</p>", T(r, "まず、守るべき情報資産を下のフォームで登録しましょう。", "Start by adding the information you must protect, below."));
	const char *l_asset = T(r, "情報資産", "Asset"), *l_imp = T(r, "重要度", "Importance"), *l_lik = T(r, "起こりやすさ", "Likelihood"),
		   *l_risk = T(r, "リスク値", "Risk"), *l_treat = T(r, "対応（担当・期限）", "Treatment (assigned to, due)");
	hp(r, "</section></div><section class=\"card\"><table class=\"cards\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">C/I/A</th>"
	      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\"><span class=\"sr-only\">%s</span></th></tr></thead><tbody>",
	   l_asset, l_imp, l_lik, l_risk, l_treat, T(r, "操作", "Actions"));
	static const char *const band_ja[] = {"小", "中", "大"}, *const band_cls[] = {"good", "warn", "bad"};
	for (int want = BAND_HIGH; want >= BAND_LOW; want--)
		for (size_t i = 0; i < r->co->n_assets; i++) {
			const m_asset *x = &r->co->assets[i];
			int v = risk_value(x);
			risk_band_t b = risk_band(v, RISK_DEFAULTS);
			if ((int)b != want)
				continue;
			const m_person *o = company_person(r->co, x->treat_owner);
			hp(r, "<tr><td data-label=\"%s\"><strong>%s</strong>", l_asset, x->name);
			if (x->personal)
				hp(r, " <span class=\"badge info\">%s</span>", T(r, "個人情報", "personal data"));
			hp(r, "<div class=\"small muted\">%s %s</div></td><td data-label=\"C/I/A\">%d/%d/%d</td><td data-label=\"%s\">%d</td>"
			      "<td data-label=\"%s\">%d</td>", x->business ? x->business : "", x->medium ? x->medium : "", x->c, x->i, x->a, l_imp,
			   risk_importance(x), l_lik, risk_likelihood(x));
			hp(r, "<td data-label=\"%s\"><span class=\"badge %s\">%d %s</span></td><td data-label=\"%s\">%s %s %s %s</td><td>", l_risk,
			   band_cls[b], v, r->lang == LANG_EN ? risk_band_id(b) : band_ja[b], l_treat, treat_label(r, x->treatment),
			   x->action ? x->action : "", o ? o->name : "", date_str(r, x->treat_due));
			if (can_write(r)) {
				hp(r, "<div class=\"row\"><a class=\"button small secondary\" href=\"/c/%lld/assets/%s\">%s<span class=\"sr-only\">: %s</span></a>", id,
				   x->key, T(r, "変更", "Edit"), x->name);
				confirm_form(r, arena_printf(&r->arena, "/c/%lld/assets/%s/remove", id, x->key),
					     T(r, "削除…", "Remove…"),
					     arena_printf(&r->arena, "%s%s%s", T(r, "「", "Remove “"), x->name, T(r, "」を台帳から削除します。元には戻せません。", "” from the register? This cannot be undone.")),
					     arena_printf(&r->arena, "%s%s%s", T(r, "「", "Remove “"), x->name, T(r, "」を削除する", "”")), NULL, NULL);
				HL(r, "</div>");
			}
			HL(r, "</td></tr>");
		}
	if (!r->co->n_assets)
		hp(r, "<tr><td colspan=\"7\" class=\"muted\">%s</td></tr>", T(r, "まだ情報資産が登録されていません。顧客台帳、見積書、図面、会計データなどから始めましょう。",
									 "No assets yet. Start with the customer list, quotes, drawings, accounting data."));
	HL(r, "</tbody></table></section>");
	if (can_write(r)) {
		hp(r, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T(r, "情報資産を追加", "Add an asset"));
		asset_form(r, NULL, e);
		HL(r, "</section>");
	}
	page_end(r);
}

void h_assets(req_t *r)
{
	errs_t e = ERRS_INIT;
	assets_page(r, &e);
}

static m_asset *path_asset(req_t *r)
{
	const char *key = param(r, "asset");
	for (size_t i = 0; i < r->co->n_assets; i++)
		if (str_eq(r->co->assets[i].key, key))
			return &r->co->assets[i];
	fail_page(r, 404, "その情報資産はありません。", "No such asset.");
	return NULL;
}

static void asset_edit_page(req_t *r, const m_asset *x, const errs_t *e)
{
	long long id = (long long)r->company_id;
	page_begin(r, x->name, NAV_REG);
	hp(r, "<p><a href=\"/c/%lld/assets\">← %s</a></p><h1>%s%s%s</h1><section class=\"card\">", id, T(r, "情報資産とリスク", "Information assets and risks"),
	   T(r, "「", "Edit “"), x->name, T(r, "」を変更", "”"));
	asset_form(r, x, e);
	HL(r, "</section>");
	page_end(r);
}

void h_asset(req_t *r)
{
	m_asset *x = path_asset(r);
	if (!x)
		return;
	if (!can_write(r)) {   /* advisers read the register */
		redirect(r, "/c/%lld/assets", (long long)r->company_id);
		return;
	}
	errs_t e = ERRS_INIT;
	asset_edit_page(r, x, &e);
}

static int scale(req_t *r, errs_t *e, const char *name, const char *ja, const char *en)
{
	const char *v = form(r, name);
	if (!v || strlen(v) != 1 || v[0] < '1' || v[0] > '3') {
		errs_add(e, T(r, ja, en), "%s", T(r, "1〜3 で選んでください", "choose 1-3"));
		return 1;
	}
	return v[0] - '0';
}

/* Reads the posted asset into x (its key untouched); problems to e. */
static void read_asset(req_t *r, m_asset *x, errs_t *e)
{
	m_company *co = r->co;
	const char *name = form(r, "name"), *business = form(r, "business"), *medium = form(r, "medium"), *t = form(r, "treatment"),
		   *action = form(r, "action"), *owner = form(r, "treat_owner"), *due = form(r, "treat_due");
	if (!name || !*name || !valid_short_text(name, DOC_MAX_NAME))
		errs_add(e, T(r, "情報資産の名前", "Asset name"), "%s", T(r, "1〜200文字で入力してください", "enter 1-200 characters"));
	if (business && !valid_short_text(business, DOC_MAX_NAME))
		errs_add(e, T(r, "業務", "Business area"), "%s", T(r, "200文字以内にしてください", "at most 200 characters"));
	if (medium && !valid_short_text(medium, DOC_MAX_NAME))
		errs_add(e, T(r, "媒体・保存先", "Medium"), "%s", T(r, "200文字以内にしてください", "at most 200 characters"));
	if (action && !valid_short_text(action, 400))
		errs_add(e, T(r, "何をするか", "What will be done"), "%s", T(r, "400文字以内にしてください", "at most 400 characters"));
	x->c = scale(r, e, "c", "機密性", "Confidentiality");
	x->i = scale(r, e, "i", "完全性", "Integrity");
	x->a = scale(r, e, "a", "可用性", "Availability");
	x->threat = scale(r, e, "threat", "脅威", "Threat");
	x->vulnerability = scale(r, e, "vulnerability", "脆弱性", "Vulnerability");
	x->personal = form(r, "personal") != NULL;
	if (t && *t && !risk_treatment_valid(t))
		errs_add(e, T(r, "対応", "Treatment"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (owner && *owner && !company_person(co, owner))
		errs_add(e, T(r, "対応の担当", "Treatment assigned to"), "%s", T(r, "登録されていない人です", "not a registered person"));
	x->treat_due = DATE_NONE;
	if (due && *due && !date_parse(due, &x->treat_due))
		errs_add(e, T(r, "対応の期限", "Treatment due"), "%s", T(r, "日付が正しくありません（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"));
	if (e->n)
		return;
	x->name = arena_strdup(&co->arena, name);
	x->business = business && *business ? arena_strdup(&co->arena, business) : NULL;
	x->medium = medium && *medium ? arena_strdup(&co->arena, medium) : NULL;
	x->treatment = t && *t ? arena_strdup(&co->arena, t) : NULL;
	x->action = action && *action ? arena_strdup(&co->arena, action) : NULL;
	x->treat_owner = owner && *owner ? company_person(co, owner)->key : NULL;
}

void h_assets_post(req_t *r)
{
	m_company *co = r->co;
	errs_t e = ERRS_INIT;
	m_asset x;
	memset(&x, 0, sizeof x);
	read_asset(r, &x, &e);
	if (e.n) {
		r->status = 400;
		assets_page(r, &e);
		r->status = 400;
		errs_free(&e);
		return;
	}
	char key[16];
	for (int n = 1;; n++) {
		snprintf(key, sizeof key, "a%d", n);
		bool used = false;
		for (size_t i = 0; i < co->n_assets; i++)
			used |= str_eq(co->assets[i].key, key);
		if (!used)
			break;
	}
	x.key = arena_strdup(&co->arena, key);
	m_asset *slot = arena_push(&co->arena, (void **)&co->assets, &co->n_assets, &co->cap_assets, sizeof *slot);
	*slot = x;
	if (save_company(r))
		redirect(r, "/c/%lld/assets?saved=1", (long long)r->company_id);
	errs_free(&e);
}

/* Edits one asset: the same fields and checks as adding; a refused form
 * changes nothing. */
void h_asset_post(req_t *r)
{
	m_asset *x = path_asset(r);
	if (!x)
		return;
	errs_t e = ERRS_INIT;
	m_asset next = *x;
	read_asset(r, &next, &e);
	if (e.n) {
		r->status = 400;
		asset_edit_page(r, x, &e);
		r->status = 400;
		errs_free(&e);
		return;
	}
	*x = next;
	if (save_company(r))
		redirect(r, "/c/%lld/assets?saved=1#add", (long long)r->company_id);
}

void h_assets_remove_post(req_t *r)
{
	m_company *co = r->co;
	const char *key = param(r, "asset");
	for (size_t i = 0; i < co->n_assets; i++)
		if (str_eq(co->assets[i].key, key)) {
			memmove(&co->assets[i], &co->assets[i + 1], (co->n_assets - i - 1) * sizeof *co->assets);
			co->n_assets--;
			if (save_company(r))
				redirect(r, "/c/%lld/assets?saved=1", (long long)r->company_id);
			return;
		}
	fail_page(r, 404, "その情報資産はありません。", "No such asset.");
}
