/* sheets.c — the two short documents of the STEP2–4 work: the basic
 * policy (its current version, as approved; a draft is marked so) and the
 * incident contact sheet, one page to pin on the wall: whom to call, in
 * order, and the three phases to follow. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "core/policy.h"
#include "core/registers.h"
#include "report/rep.h"

void rep_policy(pdoc *d, const rep_in *in)
{
	const m_policy *p = company_policy(in->co);
	buf_t draft = BUF_INIT;
	const char *body;
	const char *state;
	if (p) {
		body = p->body;
		state = p->approved != DATE_NONE
				? pd_printf(d, "%s%d%s%s %s%s%s", pd_tr(d, "第", "Version "), p->version, pd_tr(d, "版・", ", "), pd_tr(d, "承認", "approved"),
					    lb_date(d, p->approved),
					    in->co->policy_published != DATE_NONE ? pd_tr(d, "・公開 ", ", published ") : "",
					    in->co->policy_published != DATE_NONE ? lb_date(d, in->co->policy_published) : "")
				: pd_printf(d, "%s%d%s%s", pd_tr(d, "第", "Version "), p->version, pd_tr(d, "版・", ", "),
					    pd_tr(d, "未承認（案）", "not approved (draft)"));
	} else {
		policy_draft(in->cat, in->co, d->lang, in->today, &draft);
		body = pd_printf(d, "%s", buf_str(&draft));
		state = pd_tr(d, "下書き（会社の情報から作成・未承認）", "Draft made from the company's data (not approved)");
	}
	pdoc_title(d, pd_tr(d, "情報セキュリティ基本方針", "Basic information security policy"), in->co->name, state, NULL);
	/* The body: the first line is its title (already in the title block);
	 * "N. heading" lines become headings, the rest paragraphs.  The last
	 * block, when it is not a numbered section (the date, the company and
	 * its representative), is the signature: set on the right, as on a
	 * signed paper. */
	const char *s = body, *sig = NULL;
	for (const char *b = strstr(body, "\n\n"); b; b = strstr(b + 1, "\n\n"))
		sig = b + 2;
	while (sig && (*sig == '\n' || *sig == ' '))
		sig++;
	if (sig && (!*sig || (sig[0] >= '1' && sig[0] <= '9' && sig[1] == '.')))
		sig = NULL;
	bool first = true;
	while (*s) {
		bool in_sig = sig && s >= sig;
		const char *e = strchr(s, '\n');
		size_t n = e ? (size_t)(e - s) : strlen(s);
		char *line = pd_printf(d, "%.*s", (int)n, s);
		s = e ? e + 1 : s + n;
		if (first) {
			first = false;
			continue;
		}
		if (!*line) {
			pdoc_space(d, 4);
			continue;
		}
		if (in_sig)
			pdoc_para_al(d, line, &TS_BODY, AL_RIGHT);
		else if (line[0] >= '1' && line[0] <= '9' && line[1] == '.')
			pdoc_h2(d, line, 40);
		else
			pdoc_para(d, line, &TS_BODY, 0);
	}
	buf_free(&draft);
}

/* The contacts in the order to call: numbered ones by number (ties as
 * listed), then the unnumbered ones as listed.  Returns the count; *out is
 * an arena array. */
static size_t contacts_in_order(const m_company *co, arena_t *ar, const m_record ***out)
{
	const m_record **recs;
	size_t n = reg_records(co, "contacts", &recs, ar);
	const m_record **sorted = arena_alloc(ar, (n + 1) * sizeof *sorted);
	size_t k = 0;
	for (int want = 1; want <= 99; want++)
		for (size_t i = 0; i < n; i++) {
			const char *ord = reg_value(recs[i], "order", ar);
			if (*ord && atoi(ord) == want)
				sorted[k++] = recs[i];
		}
	for (size_t i = 0; i < n; i++) {
		const char *ord = reg_value(recs[i], "order", ar);
		int o = *ord ? atoi(ord) : 0;
		if (o < 1 || o > 99)
			sorted[k++] = recs[i];
	}
	*out = sorted;
	return k;
}

void rep_contacts(pdoc *d, const rep_in *in)
{
	d->compact = true;
	pdoc_title(d, pd_tr(d, "インシデント発生時の連絡先 ― 見える場所に貼っておきましょう", "Incident contact sheet — pin it where everyone can see it"),
		   in->co->name, lb_meta(d, in), NULL);
	arena_t ar = {0};
	const m_record **recs;
	size_t n = contacts_in_order(in->co, &ar, &recs);
	const reg_spec *sp = reg_find("contacts");
	const field_spec *role = reg_field(sp, "role");
	pdoc_h1(d, pd_tr(d, "1. まず、ここに連絡", "1. Call these first"), n ? 20 + pd_row_est(2) * (n < 4 ? (double)n : 4) : 30);
	if (!n) {
		pdoc_para(d, pd_tr(d, "連絡先がまだ登録されていません。secstep の「体制と記録」→「インシデントの連絡先」で登録してください。",
				   "No contacts registered yet: add them under Registers → Incident contacts."), &TS_MUTED, 0);
	} else {
		/* Every contact, with when to call it; a long list continues on
		 * the next page under a repeated header. */
		static const double frac[] = {0.06, 0.19, 0.23, 0.22, 0.30};
		static const int align[] = {AL_CENTER, AL_LEFT, AL_LEFT, AL_LEFT, AL_LEFT};
		const char *heads[] = {pd_tr(d, "順", "#"), pd_tr(d, "連絡先の種類", "Kind"), pd_tr(d, "名前・組織", "Name, organisation"),
				       pd_tr(d, "電話・メール", "Phone, e-mail"), pd_tr(d, "いつ連絡するか", "When to call")};
		pdoc_table(d, 5, frac, align, heads, pd_row_est(2) * (n < 4 ? (double)n : 4));
		for (size_t i = 0; i < n; i++) {
			const char *ord = reg_value(recs[i], "order", &ar);
			const char *r = reg_value(recs[i], "role", &ar);
			const char *label = r;
			for (size_t v = 0; role->values[v]; v++)
				if (!strcmp(role->values[v], r))
					label = tx(role->value_labels[v], d->lang);
			const char *name = reg_value(recs[i], "name", &ar), *org = reg_value(recs[i], "organisation", &ar);
			const char *phone = reg_value(recs[i], "phone", &ar), *mail = reg_value(recs[i], "email", &ar);
			const char *notes = reg_value(recs[i], "notes", &ar);
			const char *cells[] = {ord, label, *org ? pd_printf(d, "%s\n%s", name, org) : name,
					       pd_printf(d, "%s%s%s", phone, *phone && *mail ? "\n" : "", mail), *notes ? notes : "—"};
			const unsigned rgb[] = {0, C_MUTED, 0, 0, *notes ? 0 : C_MUTED};
			pdoc_row(d, cells, rgb);
		}
		pdoc_table_end(d);
	}
	arena_free(&ar);
	pdoc_h1(d, pd_tr(d, "2. 落ち着いて、この順に", "2. Then, calmly, in this order"), 60);
	for (size_t i = 0; i < in->cat->n_phases; i++) {
		const cat_phase *ph = &in->cat->phases[i];
		pdoc_h2(d, pd_printf(d, "%zu. %s", i + 1, tx(ph->title, d->lang)), 30);
		for (size_t k = 0; k < ph->n_steps; k++)
			pdoc_item(d, "•", tx(ph->steps[k], d->lang), &TS_SMALL, 3);
	}
	pdoc_space(d, 4);
	pdoc_para(d, pd_tr(d, "パソコンの電源は切らずに、そのままにしておきましょう（記録が証拠になります）。",
			   "Do not switch the PC off: leave it as it is (its logs are evidence)."), &TS_BOLD, 2);
}
