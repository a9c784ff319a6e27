/* report.c — the report layer's entry points (report.h): choose the
 * document, render it through pdoc, write a file atomically; and the labels
 * both documents print (rep.h). */
#define _GNU_SOURCE   /* RTLD_DEFAULT, for report_shutdown */
#include <dlfcn.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>

#include "base/buf.h"
#include "base/util.h"
#include "report/rep.h"
#include "report/report.h"

/* ---- kinds ---- */

bool report_kind_parse(const char *s, report_kind_t *out)
{
	for (int k = REPORT_MANAGEMENT; k <= REPORT_CONTACTS; k++)
		if (str_eq(s, report_kind_id((report_kind_t)k))) {
			*out = (report_kind_t)k;
			return true;
		}
	return false;
}

const char *report_kind_id(report_kind_t k)
{
	static const char *const ids[] = {"management", "brief", "policy", "contacts"};
	return ids[k];
}

const char *report_kind_name(report_kind_t k, lang_t lang)
{
	static const char *const ja[] = {"経営者向け報告書", "相談用メモ", "情報セキュリティ基本方針", "インシデント連絡先"};
	static const char *const en[] = {"Management report", "Consultation brief", "Basic security policy", "Incident contact sheet"};
	return lang == LANG_EN ? en[k] : ja[k];
}

/* ---- rendering ---- */

static void render(pdoc *d, report_kind_t kind, lang_t lang, const rep_in *in)
{
	d->footer_left = in->co->name;
	d->footer_mid = report_kind_name(kind, lang);
	d->title = pd_printf(d, "%s — %s", report_kind_name(kind, lang), in->co->name);
	if (kind == REPORT_BRIEF)
		rep_brief(d, in);
	else if (kind == REPORT_POLICY)
		rep_policy(d, in);
	else if (kind == REPORT_CONTACTS)
		rep_contacts(d, in);
	else
		rep_management(d, in);
}

bool report_render(const catalog *cat, const m_company *co, report_kind_t kind, lang_t lang, date_t today,
		   report_sink sink, void *closure, int *pages, errs_t *errs)
{
	rep_in in = {cat, co, today, plan_compute(cat, co, today)};
	/* Every document flows (nothing is left out): the brief and the
	 * contact sheet fit one sheet for a typical company and continue on a
	 * second page rather than drop a line.  The first pass counts the
	 * pages, the second draws the PDF (pdoc.h). */
	pdoc first, d;
	pdoc_init(&first, lang, 0);
	render(&first, kind, lang, &in);
	pdoc_init_pdf(&d, &first);
	render(&d, kind, lang, &in);
	plan_free(in.plan);
	bool ok = pdoc_finish(&d, today, sink, closure, errs);
	if (pages)
		*pages = d.n_pages;
	pdoc_free(&d);
	pdoc_free(&first);
	return ok;
}

static bool file_sink(void *closure, const unsigned char *data, size_t len)
{
	return fwrite(data, 1, len, closure) == len;
}

bool report_write_file(const catalog *cat, const m_company *co, report_kind_t kind, lang_t lang, date_t today,
		       const char *path, int *pages, errs_t *errs)
{
	buf_t tmp = BUF_INIT;
	buf_printf(&tmp, "%s.tmp", path);
	FILE *f = fopen(tmp.p, "wb");
	if (!f) {
		errs_add(errs, path, "%s", strerror(errno));
		buf_free(&tmp);
		return false;
	}
	errs_t re = ERRS_INIT;
	bool ok = report_render(cat, co, kind, lang, today, file_sink, f, pages, &re);
	if (fflush(f) != 0 || ferror(f))
		ok = false;
	if (fclose(f) != 0)
		ok = false;
	if (ok && rename(tmp.p, path) != 0) {
		errs_add(errs, path, "%s", strerror(errno));
		ok = false;
	} else if (!ok) {
		errs_add(errs, path, "%s", re.n ? re.what[0] : "write error");
	}
	if (!ok)
		unlink(tmp.p);
	errs_free(&re);
	buf_free(&tmp);
	return ok;
}

void report_shutdown(void)
{
	/* Only for the leak checker of the sanitizer builds: FcFini frees
	 * fontconfig's parsed configuration (the font list and rules pango's
	 * loader thread read at start-up), which LeakSanitizer otherwise
	 * reports.  A normal build leaves the process's caches to exit: both
	 * cairo_debug_reset_static_data() and FcFini() assert (at random, about
	 * one run in a hundred) when pango's loader thread or cairo's cache of
	 * recently used fonts still holds a font as the process ends.
	 * fontconfig is not among the libraries we link (it comes in through
	 * cairo and pango), so it is looked up at run time. */
#if defined(__SANITIZE_ADDRESS__)
#define REPORT_FC_FINI 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define REPORT_FC_FINI 1
#endif
#endif
#ifdef REPORT_FC_FINI
	void (*fc_fini)(void);
	*(void **)&fc_fini = dlsym(RTLD_DEFAULT, "FcFini");
	if (fc_fini)
		fc_fini();
#endif
}

/* ---- labels ---- */

const char *lb_sep(const pdoc *d)
{
	return pd_tr(d, "、", ", ");
}

const char *lb_q(pdoc *d, const char *s)
{
	return d->lang == LANG_EN ? pd_printf(d, "“%s”", s) : pd_printf(d, "「%s」", s);
}

const char *lb_paren(pdoc *d, const char *s)
{
	return d->lang == LANG_EN ? pd_printf(d, " (%s)", s) : pd_printf(d, "（%s）", s);
}

const char *lb_step(pdoc *d, const catalog *cat, int step)
{
	if (step < 1 || step > CAT_STEPS)
		return pd_printf(d, "STEP%d", step);
	return pd_printf(d, "STEP%d%s%s", step, d->lang == LANG_EN ? " " : "", lb_q(d, tx(cat->steps[step - 1].title, d->lang)));
}

const char *lb_answer(const pdoc *d, const catalog *cat, answer_t a)
{
	if (a == ANS_NONE)
		return pd_tr(d, "未回答", "Not answered");
	const cat_tag *t = cat_tag_find(cat->answers, cat->n_answers, answer_id(a));
	return t ? tx(t->name, d->lang) : answer_id(a);
}

const char *lb_staff(const pdoc *d, staff_key_t k)
{
	/* "officer" counts every officer, part-time or dedicated (CONTRACT.md). */
	static const char *const ja[] = {"セキュリティ担当者（兼務・専任）", "うち専任の担当者", "セキュリティ責任者", "CISO"};
	static const char *const en[] = {"Security officers (any time)", "of whom dedicated", "Security lead", "CISO"};
	return d->lang == LANG_EN ? en[k] : ja[k];
}

const char *lb_task_status(const pdoc *d, task_status_t s)
{
	static const char *const ja[] = {"未着手", "進行中", "完了"}, *const en[] = {"To do", "Doing", "Done"};
	return d->lang == LANG_EN ? en[s] : ja[s];
}

const char *lb_exam_status(const pdoc *d, exam_status_t s)
{
	static const char *const ja[] = {"受験予定", "勉強中", "合格"}, *const en[] = {"planned", "studying", "passed"};
	return d->lang == LANG_EN ? en[s] : ja[s];
}

const char *lb_date(pdoc *d, date_t t)
{
	if (t == DATE_NONE)
		return "—";
	char *s = arena_alloc(&d->ar, 11);
	date_format(t, s);
	return s;
}

const char *lb_date_long(pdoc *d, date_t t)
{
	if (t == DATE_NONE)
		return "—";
	char s[11];
	date_format(t, s);
	int y = atoi(s), m = atoi(s + 5), day = atoi(s + 8);
	static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
					     "August", "September", "October", "November", "December"};
	if (d->lang == LANG_EN)
		return pd_printf(d, "%d %s %d", day, months[(m - 1) % 12], y);
	return pd_printf(d, "%d年%d月%d日", y, m, day);
}

const char *lb_industry(const pdoc *d, const catalog *cat, const m_company *co)
{
	const cat_tag *t = cat_tag_find(cat->industries, cat->n_industries, co->industry);
	return t ? tx(t->name, d->lang) : co->industry ? co->industry : "—";
}

const char *lb_it_uses(pdoc *d, const catalog *cat, const m_company *co)
{
	buf_t b = BUF_INIT;
	for (size_t i = 0; i < co->n_it_uses; i++) {
		const cat_tag *t = cat_tag_find(cat->it_uses, cat->n_it_uses, co->it_uses[i]);
		buf_printf(&b, "%s%s", i ? lb_sep(d) : "", t ? tx(t->name, d->lang) : co->it_uses[i]);
	}
	char *s = arena_strdup(&d->ar, b.len ? b.p : pd_tr(d, "未登録", "none recorded"));
	buf_free(&b);
	return s;
}

const char *lb_person(const m_company *co, const char *key)
{
	const m_person *p = key ? company_person(co, key) : NULL;
	return p ? p->name : key ? key : "—";
}

const char *lb_role(const pdoc *d, const catalog *cat, const char *role)
{
	const cat_tag *t = cat_tag_find(cat->roles, cat->n_roles, role);
	return t ? tx(t->name, d->lang) : role;
}

const char *lb_exam(const pdoc *d, const catalog *cat, const char *exam)
{
	const cat_exam *e = cat_exam_find(cat, exam);
	return e ? tx(e->name, d->lang) : exam;
}

const char *lb_meta(pdoc *d, const rep_in *in)
{
	const m_diagnosis *dg = company_latest(in->co);
	const char *bar = pd_tr(d, "　｜　", "  |  ");
	return pd_printf(d, "%s %s%s%s %s%s%s %d%s%s%s %s", pd_tr(d, "作成日", "Prepared"), lb_date_long(d, in->today), bar, pd_tr(d, "業種", "Industry"), lb_industry(d, in->cat, in->co), bar,
			 pd_tr(d, "従業員", "Employees"), in->co->employees, pd_tr(d, "人", ""), bar,
			 pd_tr(d, "最新の診断", "Latest diagnosis"),
			 dg ? lb_date_long(d, dg->date) : pd_tr(d, "まだありません", "none yet"));
}
