/* tables.c — see tables.h. */
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "core/registers.h"
#include "core/risk.h"
#include "view/tables.h"

/* A new table; types is a letter per column (tables.h), NULL: all text. */
static table_t *new_table(arena_t *a, table_t *tabs, size_t *n, const char *name, const char *const *head,
			  size_t ncols, const char *types)
{
	table_t *t = &tabs[(*n)++];
	memset(t, 0, sizeof *t);
	t->name = name;
	t->head = arena_alloc(a, ncols * sizeof *t->head);
	memcpy(t->head, head, ncols * sizeof *head);
	t->n_cols = ncols;
	char *ty = arena_alloc(a, ncols + 1);
	memset(ty, 's', ncols);
	if (types)
		memcpy(ty, types, strlen(types) < ncols ? strlen(types) : ncols);
	ty[ncols] = '\0';
	t->types = ty;
	return t;
}

static const char **row(arena_t *a, table_t *t)
{
	const char ***slot = arena_push(a, (void **)&t->rows, &t->n_rows, &t->cap_rows, sizeof *slot);
	*slot = arena_alloc(a, t->n_cols * sizeof **slot);
	for (size_t i = 0; i < t->n_cols; i++)
		(*slot)[i] = "";
	return *slot;
}

static const char *s(const char *v) { return v ? v : ""; }

static const char *d(arena_t *a, date_t dt)
{
	if (dt == DATE_NONE)
		return "";
	char *out = arena_alloc(a, 11);
	date_format(dt, out);
	return out;
}

static const char *num(arena_t *a, int v) { return arena_printf(a, "%d", v); }

size_t tables_build(const catalog *cat, const m_company *co, lang_t lang, date_t today, arena_t *a, table_t **out)
{
	bool en = lang == LANG_EN;
	table_t *tabs = arena_alloc(a, (5 + reg_n_specs) * sizeof *tabs);
	size_t n = 0;
	(void)today;

	static const char *const ph_ja[] = {"ID", "名前", "部署", "役職", "メール", "電話", "経験", "希望者", "役割", "メモ"};
	static const char *const ph_en[] = {"ID", "Name", "Department", "Position", "E-mail", "Phone", "Experience", "Volunteer", "Roles", "Notes"};
	table_t *t = new_table(a, tabs, &n, "people", en ? ph_en : ph_ja, 10, NULL);
	for (size_t i = 0; i < co->n_people; i++) {
		const m_person *p = &co->people[i];
		const char **r = row(a, t);
		buf_t exp = BUF_INIT, roles = BUF_INIT;
		for (size_t k = 0; k < p->n_experience; k++) {
			const cat_tag *tag = cat_tag_find(cat->experience, cat->n_experience, p->experience[k]);
			buf_printf(&exp, "%s%s", k ? ", " : "", tag ? tx(tag->name, lang) : p->experience[k]);
		}
		for (size_t k = 0; k < p->n_roles; k++) {
			const cat_tag *tag = cat_tag_find(cat->roles, cat->n_roles, p->roles[k].role);
			buf_printf(&roles, "%s%s (%s)", k ? ", " : "", tag ? tx(tag->name, lang) : p->roles[k].role,
				   p->roles[k].time == TIME_DEDICATED ? (en ? "dedicated" : "専任") : (en ? "part-time" : "兼務"));
		}
		r[0] = p->key, r[1] = s(p->name), r[2] = s(p->department), r[3] = s(p->position);
		r[4] = s(p->email), r[5] = s(p->phone), r[6] = arena_strdup(a, buf_str(&exp));
		r[7] = p->volunteer ? (en ? "yes" : "はい") : "", r[8] = arena_strdup(a, buf_str(&roles)), r[9] = s(p->notes);
		buf_free(&exp);
		buf_free(&roles);
	}

	static const char *const eh_ja[] = {"人のID", "名前", "試験", "状況", "日付"};
	static const char *const eh_en[] = {"Person ID", "Name", "Exam", "Status", "Date"};
	t = new_table(a, tabs, &n, "exams", en ? eh_en : eh_ja, 5, "ssssd");
	static const char *const est_ja[] = {"受験予定", "勉強中", "合格"}, *const est_en[] = {"planned", "studying", "passed"};
	for (size_t i = 0; i < co->n_people; i++)
		for (size_t k = 0; k < co->people[i].n_exams; k++) {
			const m_exam *e = &co->people[i].exams[k];
			const cat_exam *ce = cat_exam_find(cat, e->exam);
			const char **r = row(a, t);
			r[0] = co->people[i].key, r[1] = s(co->people[i].name), r[2] = ce ? tx(ce->name, lang) : e->exam;
			r[3] = en ? est_en[e->status] : est_ja[e->status], r[4] = d(a, e->date);
		}

	static const char *const lh_ja[] = {"人のID", "名前", "教材・講座", "日付", "メモ"};
	static const char *const lh_en[] = {"Person ID", "Name", "Course or material", "Date", "Notes"};
	t = new_table(a, tabs, &n, "learning", en ? lh_en : lh_ja, 5, "sssds");
	for (size_t i = 0; i < co->n_people; i++)
		for (size_t k = 0; k < co->people[i].n_learning; k++) {
			const m_learning *l = &co->people[i].learning[k];
			const cat_resource *res = cat_resource_find(cat, l->resource);
			const char **r = row(a, t);
			r[0] = co->people[i].key, r[1] = s(co->people[i].name), r[2] = res ? tx(res->name, lang) : l->resource;
			r[3] = d(a, l->date), r[4] = s(l->note);
		}

	static const char *const th_ja[] = {"タスクID", "STEP", "タスク", "担当", "期限", "状況", "メモ"};
	static const char *const th_en[] = {"Task ID", "STEP", "Task", "Owner", "Due", "Status", "Notes"};
	static const char *const tst_ja[] = {"未着手", "進行中", "完了"}, *const tst_en[] = {"to do", "doing", "done"};
	t = new_table(a, tabs, &n, "tasks", en ? th_en : th_ja, 7, "snssdss");
	for (int i = 0; i < CAT_TASKS; i++) {
		const m_task *mt = company_task(co, cat->tasks[i].id);
		if (!mt)
			continue;
		const m_person *o = company_person(co, mt->owner);
		const char **r = row(a, t);
		r[0] = cat->tasks[i].id, r[1] = num(a, cat->tasks[i].step), r[2] = tx(cat->tasks[i].title, lang);
		r[3] = o ? o->name : "", r[4] = d(a, mt->due), r[5] = en ? tst_en[mt->status] : tst_ja[mt->status], r[6] = s(mt->note);
	}

	static const char *const ah_ja[] = {"資産ID", "情報資産", "業務", "管理部署", "媒体・保存先", "機密性", "完全性", "可用性",
					    "個人情報", "脅威", "脆弱性", "重要度", "被害の起こりやすさ", "リスク値", "区分"};
	static const char *const ah_en[] = {"Asset ID", "Asset", "Business", "Department", "Medium", "C", "I", "A", "Personal data",
					    "Threat", "Vulnerability", "Importance", "Likelihood", "Risk value", "Band"};
	static const char *const band_ja[] = {"小", "中", "大"};
	t = new_table(a, tabs, &n, "assets", en ? ah_en : ah_ja, 15, "sssssnnnsnnnnns");
	for (size_t i = 0; i < co->n_assets; i++) {
		const m_asset *x = &co->assets[i];
		const char **r = row(a, t);
		int v = risk_value(x);
		risk_band_t b = risk_band(v, RISK_DEFAULTS);
		r[0] = x->key, r[1] = s(x->name), r[2] = s(x->business), r[3] = s(x->department), r[4] = s(x->medium);
		r[5] = num(a, x->c), r[6] = num(a, x->i), r[7] = num(a, x->a), r[8] = x->personal ? (en ? "yes" : "あり") : "";
		r[9] = num(a, x->threat), r[10] = num(a, x->vulnerability), r[11] = num(a, risk_importance(x));
		r[12] = num(a, risk_likelihood(x)), r[13] = num(a, v), r[14] = en ? risk_band_id(b) : band_ja[b];
	}
	for (size_t k = 0; k < reg_n_specs; k++) {
		const reg_spec *sp = &reg_specs[k];
		const char **head = arena_alloc(a, (sp->n_fields + 1) * sizeof *head);
		head[0] = "ID";
		for (size_t f = 0; f < sp->n_fields; f++)
			head[f + 1] = tx(sp->fields[f].label, lang);
		char *types = arena_alloc(a, sp->n_fields + 2);
		types[0] = 's';
		for (size_t f = 0; f < sp->n_fields; f++)
			types[f + 1] = sp->fields[f].type == F_INT ? 'n' : sp->fields[f].type == F_DATE ? 'd' : 's';
		types[sp->n_fields + 1] = '\0';
		t = new_table(a, tabs, &n, sp->kind, head, sp->n_fields + 1, types);
		const m_record **recs;
		size_t nr = reg_records(co, sp->kind, &recs, a);
		for (size_t i = 0; i < nr; i++) {
			const char **r = row(a, t);
			json_t *o = reg_parse(recs[i]);
			r[0] = recs[i]->key;
			for (size_t f = 0; f < sp->n_fields; f++)
				r[f + 1] = reg_text(o, sp->fields[f].name, a);
			json_decref(o);
		}
	}
	*out = tabs;
	return n;
}

/* A cell that Excel would read as a formula (= + - @, or a tab or CR
 * before one) gets a leading apostrophe, which Excel shows as text.  So that
 * csv_parse can take it off again without touching any other value, a value
 * that itself starts with an apostrophe followed by one of those (or by
 * another apostrophe) gets one too: the round trip is lossless. */
bool csv_needs_guard(const char *v)
{
	if (v[0] && strchr(CSV_GUARD, v[0]))
		return true;
	return v[0] == '\'' && v[1] && (strchr(CSV_GUARD, v[1]) || v[1] == '\'');
}

void csv_cell(buf_t *out, const char *v)
{
	bool formula = csv_needs_guard(v);
	/* a value that starts with a byte order mark is quoted, or a reader
	 * would take it for the file's own mark when it opens the file */
	bool quote = formula || strpbrk(v, ",\"\r\n") != NULL || !strncmp(v, "\xEF\xBB\xBF", 3);
	if (quote)
		buf_putc(out, '"');
	if (formula)
		buf_putc(out, '\'');
	for (const char *p = v; *p; p++) {
		if (*p == '"')
			buf_putc(out, '"');
		buf_putc(out, *p);
	}
	if (quote)
		buf_putc(out, '"');
}

void csv_write(const table_t *t, buf_t *out)
{
	buf_puts(out, "\xEF\xBB\xBF");
	for (size_t c = 0; c < t->n_cols; c++) {
		if (c)
			buf_putc(out, ',');
		csv_cell(out, t->head[c]);
	}
	buf_puts(out, "\r\n");
	for (size_t r = 0; r < t->n_rows; r++) {
		for (size_t c = 0; c < t->n_cols; c++) {
			if (c)
				buf_putc(out, ',');
			csv_cell(out, t->rows[r][c]);
		}
		buf_puts(out, "\r\n");
	}
}
