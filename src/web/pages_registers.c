/* pages_registers.c — the STEP3/4 registers in the browser: one generic
 * page per register (table, add form built from the register's spec,
 * remove), an overview with the organisation's gaps and what counts as
 * evidence, and the three-phase incident checklist. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "core/registers.h"
#include "web/pages.h"

static const char *value_label(req_t *r, const field_spec *f, const char *v)
{
	if (f->type == F_ENUM)
		for (size_t i = 0; f->values[i]; i++)
			if (!strcmp(f->values[i], v))
				return TX(r, f->value_labels[i]);
	if (f->type == F_BOOL)
		return !strcmp(v, "true") ? T(r, "はい", "yes") : T(r, "いいえ", "no");
	if (f->type == F_PERSON) {
		const m_person *p = company_person(r->co, v);
		return p ? p->name : v;
	}
	if (f->type == F_TASK) {
		const cat_task *t = cat_task_find(r->cat, v);
		return t ? TX(r, t->title) : v;
	}
	return v;
}

static void checklist(req_t *r)
{
	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small muted\">%s</p>", T(r, "事故が起きたときの手順（3つの段階）", "When an incident happens: the three phases"),
	   T(r, "印刷して手元に置いておくと、いざというときに慌てずにすみます。", "Print it and keep it at hand."));
	for (size_t i = 0; i < r->cat->n_phases; i++) {
		const cat_phase *ph = &r->cat->phases[i];
		hp(r, "<h3>%zu. %s</h3><ol>", i + 1, TX(r, ph->title));
		for (size_t k = 0; k < ph->n_steps; k++)
			hp(r, "<li>%s</li>", TX(r, ph->steps[k]));
		HL(r, "</ol>");
	}
	HL(r, "</section>");
}

void h_registers(req_t *r)
{
	long long id = (long long)r->company_id;
	status_t st;
	status_compute(r->cat, r->co, company_latest(r->co), &st);
	int step = st.working_step < 3 ? 3 : st.working_step;
	page_begin(r, T(r, "体制と記録", "Organisation & registers"), NAV_REG);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "体制と記録（STEP3・4）", "Organisation and registers (STEP3 and 4)"),
	   T(r, "本格的に取り組む段階で必要になる記録です。そろえると、診断のチェックポイントが満たされます。",
	     "The records the later STEPs need. Keeping them up to date meets the diagnosis checkpoints."));
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2><ul>", T(r, "記録", "Registers"));
	arena_t ar = {0};
	for (size_t k = 0; k < reg_n_specs; k++) {
		const m_record **recs;
		size_t n = reg_records(r->co, reg_specs[k].kind, &recs, &ar);
		hp(r, "<li><a href=\"/c/%lld/registers/%s\">%s</a> <span class=\"badge\">%zu</span><div class=\"small muted\">%s</div></li>", id,
		   reg_specs[k].kind, TX(r, reg_specs[k].title), n, TX(r, reg_specs[k].lead));
	}
	arena_free(&ar);
	hp(r, "<li><a href=\"/c/%lld/assets\">%s</a> <span class=\"badge\">%zu</span><div class=\"small muted\">%s</div></li>", id,
	   T(r, "情報資産とリスク", "Information assets and risks"), r->co->n_assets,
	   T(r, "資産ごとに重要度と被害の起こりやすさからリスク値を出し、対応を決めます（STEP4）。",
	     "Risk value per asset from importance and likelihood, and what to do about it (STEP4)."));
	hp(r, "</ul></section><section class=\"card\"><h2>%s</h2><ul>", T(r, "記録から満たされるチェックポイント", "Checkpoints met by your records"));
	static const char *const ids[] = {"cp-2-1", "cp-3-3", "cp-3-4"};
	static const char *const how_ja[] = {"基本方針を承認して公開する", "取引先ごとに秘密保持の条項と安全性の確認を記録する",
					     "社内と社外の連絡先を登録し、訓練を1回以上行う"};
	static const char *const how_en[] = {"approve and publish the basic policy", "record a confidentiality clause and a security check for each supplier",
					     "register contacts inside and outside the company, and hold a drill"};
	for (size_t i = 0; i < ARRAY_LEN(ids); i++) {
		const cat_checkpoint *cp = cat_checkpoint_find(r->cat, ids[i]);
		const char *label = st.evidence[cp->index] ? T(r, "記録で満たしています", "met by your records")
				  : st.met[cp->index]      ? T(r, "診断の回答で満たしています", "met by your answer")
							   : T(r, "満たしていない", "not met");
		hp(r, "<li><span class=\"badge %s\">%s</span> %s<div class=\"small muted\">%s</div></li>",
		   st.met[cp->index] ? "good" : "warn", label, TX(r, cp->title), r->lang == LANG_EN ? how_en[i] : how_ja[i]);
	}
	hp(r, "</ul></section></div><section class=\"card\"><h2>%s STEP%d</h2><table><tbody>", T(r, "タスクの担当に空きがないか", "Gaps in who holds the tasks of"), step);
	int flags[CAT_TASKS];
	reg_org_flags(r->cat, r->co, step, flags);
	for (int t = 0; t < CAT_TASKS; t++) {
		if (r->cat->tasks[t].step != step)
			continue;
		hp(r, "<tr><td>%s</td><td>", TX(r, r->cat->tasks[t].title));
		if (flags[t] == 1)
			hp(r, "<span class=\"badge bad\">%s</span>", T(r, "だれもいません", "nobody"));
		else if (flags[t] == 2)
			hp(r, "<span class=\"badge warn\">%s</span>", T(r, "一人だけ・副担当なし", "one person, no deputy"));
		else
			hp(r, "<span class=\"badge good\">OK</span>");
		HL(r, "</td></tr>");
	}
	hp(r, "</tbody></table><p><a href=\"/c/%lld/registers/organisation\">%s</a></p></section>", id, T(r, "体制を記録する", "Record the organisation"));
	page_end(r);
}

/* The fields of a register's form; values from the posted form, else from
 * the record being edited (o), else empty. */
static void record_fields(req_t *r, const reg_spec *sp, json_t *o, arena_t *ar)
{
	for (size_t f = 0; f < sp->n_fields; f++) {
		const field_spec *fs = &sp->fields[f];
		const char *cur = form(r, fs->name) ? form(r, fs->name) : o ? reg_text(o, fs->name, ar) : "";
		if (!cur)
			cur = "";
		hp(r, "<label for=\"f-%s\">%s%s</label>", fs->name, TX(r, fs->label), fs->required ? T(r, "（必須）", " (required)") : "");
		switch (fs->type) {
		case F_LONGTEXT:
			hp(r, "<textarea id=\"f-%s\" name=\"%s\" maxlength=\"4000\">%s</textarea>", fs->name, fs->name, cur);
			break;
		case F_DATE:
			hp(r, "<input id=\"f-%s\" name=\"%s\" type=\"date\" class=\"short\" value=\"%s\">", fs->name, fs->name, cur);
			break;
		case F_INT:
			hp(r, "<input id=\"f-%s\" name=\"%s\" type=\"number\" min=\"%d\" max=\"%d\" class=\"short\" value=\"%s\">", fs->name,
			   fs->name, fs->lo, fs->hi, cur);
			break;
		case F_BOOL:
			hp(r, "<select id=\"f-%s\" name=\"%s\"><option value=\"\">%s</option><option value=\"true\"%s>%s</option>"
			      "<option value=\"false\"%s>%s</option></select>", fs->name, fs->name, T(r, "（未記入）", "(not filled in)"),
			   !strcmp(cur, "true") ? " selected" : "", T(r, "はい", "yes"), !strcmp(cur, "false") ? " selected" : "", T(r, "いいえ", "no"));
			break;
		case F_ENUM:
			hp(r, "<select id=\"f-%s\" name=\"%s\">", fs->name, fs->name);
			for (size_t v = 0; fs->values[v]; v++)
				hp(r, "<option value=\"%s\"%s>%s</option>", fs->values[v], !strcmp(cur, fs->values[v]) ? " selected" : "",
				   TX(r, fs->value_labels[v]));
			HL(r, "</select>");
			break;
		case F_PERSON:
			hp(r, "<select id=\"f-%s\" name=\"%s\">", fs->name, fs->name);
			people_options(r, cur, !fs->required);
			HL(r, "</select>");
			break;
		case F_TASK:
			hp(r, "<select id=\"f-%s\" name=\"%s\">", fs->name, fs->name);
			for (int t = 0; t < CAT_TASKS; t++)
				hp(r, "<option value=\"%s\"%s>STEP%d %s</option>", r->cat->tasks[t].id, !strcmp(cur, r->cat->tasks[t].id) ? " selected" : "",
				   r->cat->tasks[t].step, TX(r, r->cat->tasks[t].title));
			HL(r, "</select>");
			break;
		default:
			hp(r, "<input id=\"f-%s\" name=\"%s\" type=\"text\" maxlength=\"200\" value=\"%s\">", fs->name, fs->name, cur);
		}
	}
}

/* A short name of a record for labels: its first field's value. */
static const char *record_name(req_t *r, const reg_spec *sp, json_t *o, arena_t *ar)
{
	const char *v = reg_text(o, sp->fields[0].name, ar);
	return v && *v ? value_label(r, &sp->fields[0], v) : "";
}

static void register_page(req_t *r, const reg_spec *sp, const errs_t *e)
{
	long long id = (long long)r->company_id;
	arena_t ar = {0};
	const m_record **recs;
	size_t n = reg_records(r->co, sp->kind, &recs, &ar);
	page_begin(r, TX(r, sp->title), NAV_REG);
	hp(r, "<p><a href=\"/c/%lld/registers\">← %s</a></p><h1>%s</h1><p class=\"lead\">%s</p>", id, T(r, "体制と記録", "Organisation & registers"),
	   TX(r, sp->title), TX(r, sp->lead));
	if (qarg(r, "saved") && !strcmp(qarg(r, "saved"), "next"))
		hp(r, "<div class=\"notice\" role=\"status\">%s <a href=\"/c/%lld/plan#recurring\">%s</a></div>",
		   T(r, "保存しました。この記録で定期的な作業の今回の分が済んだので、次の回の期限を決めました。",
		     "Saved. This record completes a round of recurring work, so the next round has its due date."),
		   id, T(r, "計画で見る", "See it in the plan"));
	else if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	hp(r, "<section class=\"card\"><table class=\"cards\"><thead><tr>");
	for (size_t f = 0; f < sp->n_fields; f++)
		hp(r, "<th scope=\"col\">%s</th>", TX(r, sp->fields[f].label));
	hp(r, "<th scope=\"col\"><span class=\"sr-only\">%s</span></th></tr></thead><tbody>", T(r, "操作", "Actions"));
	for (size_t i = 0; i < n; i++) {
		HL(r, "<tr>");
		json_t *o = reg_parse(recs[i]);
		for (size_t f = 0; f < sp->n_fields; f++)
			hp(r, "<td data-label=\"%s\">%s</td>", TX(r, sp->fields[f].label), value_label(r, &sp->fields[f], reg_text(o, sp->fields[f].name, &ar)));
		const char *nm = record_name(r, sp, o, &ar);
		HL(r, "<td>");
		if (can_write(r)) {
			hp(r, "<div class=\"row\"><a class=\"button small secondary\" href=\"/c/%lld/registers/%s/%s\">%s<span class=\"sr-only\">: %s</span></a>", id,
			   sp->kind, recs[i]->key, T(r, "変更", "Edit"), nm);
			confirm_form(r, arena_printf(&r->arena, "/c/%lld/registers/%s/%s/remove", id, sp->kind, recs[i]->key), T(r, "削除…", "Remove…"),
				     arena_printf(&r->arena, "%s%s%s", T(r, "「", "Remove “"), nm, T(r, "」の記録を削除します。元には戻せません。", "” from this register? This cannot be undone.")),
				     arena_printf(&r->arena, "%s%s%s", T(r, "「", "Remove “"), nm, T(r, "」を削除する", "”")), NULL, NULL);
			HL(r, "</div>");
		}
		json_decref(o);
		HL(r, "</td></tr>");
	}
	if (!n)
		hp(r, "<tr><td colspan=\"%zu\" class=\"muted\">%s</td></tr>", sp->n_fields + 1, T(r, "まだ記録がありません。", "Nothing recorded yet."));
	HL(r, "</tbody></table></section>");
	if (can_write(r)) {
		hp(r, "<section class=\"card\" id=\"add\"><h2>%s</h2>", T(r, "記録を追加する", "Add a record"));
		show_errors(r, e);
		hp(r, "<form method=\"post\" action=\"/c/%lld/registers/%s\" class=\"stack\">", id, sp->kind);
		csrf_field(r);
		record_fields(r, sp, NULL, &ar);
		hp(r, "<p class=\"actions\"><button type=\"submit\">%s</button></p></form></section>", T(r, "追加する", "Add"));
	}
	if (!strcmp(sp->kind, "contacts") || !strcmp(sp->kind, "incidents"))
		checklist(r);
	arena_free(&ar);
	page_end(r);
}

/* The posted fields as the register's JSON input. */
static json_t *posted_record(req_t *r, const reg_spec *sp)
{
	json_t *in = json_object();
	for (size_t f = 0; f < sp->n_fields; f++) {
		const field_spec *fs = &sp->fields[f];
		const char *v = form(r, fs->name);
		if (!v || !*v)
			continue;
		if (fs->type == F_INT) {
			char *end;
			long x = strtol(v, &end, 10);
			json_object_set_new(in, fs->name, *end ? json_string(v) : json_integer(x));
		} else if (fs->type == F_BOOL) {
			json_object_set_new(in, fs->name, !strcmp(v, "true") ? json_true() : !strcmp(v, "false") ? json_false() : json_string(v));
		} else {
			json_object_set_new(in, fs->name, json_string(v));
		}
	}
	return in;
}

static m_record *path_record(req_t *r, const reg_spec **spp)
{
	const reg_spec *sp = reg_find(param(r, "kind"));
	const char *key = param(r, "key");
	for (size_t i = 0; sp && i < r->co->n_records; i++)
		if (!strcmp(r->co->records[i].kind, sp->kind) && !strcmp(r->co->records[i].key, key)) {
			*spp = sp;
			return &r->co->records[i];
		}
	fail_page(r, 404, "その記録はありません。", "No such record.");
	return NULL;
}

static void record_edit_page(req_t *r, const reg_spec *sp, const m_record *rec, const errs_t *e)
{
	long long id = (long long)r->company_id;
	arena_t ar = {0};
	json_t *o = reg_parse(rec);
	page_begin(r, TX(r, sp->title), NAV_REG);
	hp(r, "<p><a href=\"/c/%lld/registers/%s\">← %s</a></p><h1>%s%s%s</h1><section class=\"card\">", id, sp->kind, TX(r, sp->title),
	   T(r, "「", "Edit “"), record_name(r, sp, o, &ar), T(r, "」を変更", "”"));
	show_errors(r, e);
	hp(r, "<form method=\"post\" action=\"/c/%lld/registers/%s/%s\" class=\"stack\">", id, sp->kind, rec->key);
	csrf_field(r);
	record_fields(r, sp, o, &ar);
	hp(r, "<p class=\"actions\"><button type=\"submit\">%s</button><a href=\"/c/%lld/registers/%s\">%s</a></p></form></section>",
	   T(r, "変更を保存する", "Save changes"), id, sp->kind, T(r, "保存せずに一覧へ戻る", "Back to the list without saving"));
	json_decref(o);
	arena_free(&ar);
	page_end(r);
}

void h_record(req_t *r)
{
	const reg_spec *sp = NULL;
	m_record *rec = path_record(r, &sp);
	if (!rec)
		return;
	if (!can_write(r)) {   /* advisers read the register */
		redirect(r, "/c/%lld/registers/%s", (long long)r->company_id, sp->kind);
		return;
	}
	errs_t e = ERRS_INIT;
	record_edit_page(r, sp, rec, &e);
}

/* Edits one record: the register's checks as when adding; a refused form
 * changes nothing. */
void h_record_post(req_t *r)
{
	const reg_spec *sp = NULL;
	m_record *rec = path_record(r, &sp);
	if (!rec)
		return;
	json_t *in = posted_record(r, sp);
	errs_t e = ERRS_INIT;
	json_t *ok = reg_check_form(r->cat, r->co, sp, in, r->lang, &e);
	json_decref(in);
	if (!ok) {
		r->status = 400;
		record_edit_page(r, sp, rec, &e);
		r->status = 400;
		errs_free(&e);
		return;
	}
	char *text = json_dumps(ok, JSON_COMPACT | JSON_PRESERVE_ORDER);
	rec->json = arena_strdup(&r->co->arena, text ? text : "{}");
	free(text);
	json_decref(ok);
	bool next = recur_from_records(r->co, r->today);
	if (save_company(r))
		redirect(r, "/c/%lld/registers/%s?saved=%s", (long long)r->company_id, sp->kind, next ? "next" : "1");
	errs_free(&e);
}

void h_register(req_t *r)
{
	const reg_spec *sp = reg_find(param(r, "kind"));
	if (!sp) {
		fail_page(r, 404, "その記録はありません。", "No such register.");
		return;
	}
	errs_t e = ERRS_INIT;
	register_page(r, sp, &e);
}

void h_register_post(req_t *r)
{
	const reg_spec *sp = reg_find(param(r, "kind"));
	if (!sp) {
		fail_page(r, 404, "その記録はありません。", "No such register.");
		return;
	}
	json_t *in = posted_record(r, sp);
	errs_t e = ERRS_INIT;
	json_t *ok = reg_check_form(r->cat, r->co, sp, in, r->lang, &e);
	json_decref(in);
	if (!ok) {
		r->status = 400;
		register_page(r, sp, &e);
	} else {
		reg_add(r->co, sp, ok);
		json_decref(ok);
		bool next = recur_from_records(r->co, r->today);
		if (save_company(r))
			redirect(r, "/c/%lld/registers/%s?saved=%s", (long long)r->company_id, sp->kind, next ? "next" : "1");
	}
	errs_free(&e);
}

void h_register_remove_post(req_t *r)
{
	const reg_spec *sp = reg_find(param(r, "kind"));
	if (!sp || !reg_remove(r->co, sp->kind, param(r, "key"))) {
		fail_page(r, 404, "その記録はありません。", "No such record.");
		return;
	}
	if (save_company(r))
		redirect(r, "/c/%lld/registers/%s?saved=1", (long long)r->company_id, sp->kind);
}
