/* pages_onboard.c — onboarding after the profile: people, quick entry
 * (the diagnosis and the result are in pages_diagnosis.c). */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

#define QUICK_ROWS 6

void h_onboard_people(req_t *r)
{
	page_begin(r, T(r, "社員を登録", "Your people"), NAV_NONE);
	onboard_header(r, 1);
	hp(r, "<section class=\"card\"><h1>%s</h1><p class=\"lead\">%s</p>", T(r, "社員を登録", "Your people"),
	   T(r, "全員でなくてかまいません。パソコンやネットに関わる仕事をしている人、セキュリティをやってみたい人を中心に入れてください。そこから担当者の候補が見つかります。",
	     "Not everyone is needed. Start with people whose work touches PCs or the network, and anyone who would like to take this on: that is where your officer candidates come from."));
	if (r->co->n_people) {
		hp(r, "<p>%s: ", T(r, "登録済み", "Already registered"));
		for (size_t i = 0; i < r->co->n_people; i++)
			hp(r, "%s%s", i ? T(r, "、", ", ") : "", r->co->people[i].name);
		HL(r, "</p>");
	}
	hp(r, "<form method=\"post\" action=\"/c/%lld/onboard/people\">", (long long)r->company_id);
	csrf_field(r);
	for (int i = 0; i < QUICK_ROWS; i++) {
		hp(r, "<fieldset class=\"person-row\"><legend>%s%d%s</legend><div class=\"pair\"><div><label for=\"name%d\">%s</label>"
		      "<input type=\"text\" id=\"name%d\" name=\"name%d\" maxlength=\"200\" autocomplete=\"off\"></div>",
		   T(r, "", "Person "), i + 1, T(r, "人目", ""), i, T(r, "名前", "Name"), i, i);
		hp(r, "<div><label for=\"dept%d\">%s</label><input type=\"text\" id=\"dept%d\" name=\"dept%d\" maxlength=\"200\" autocomplete=\"off\"></div></div>",
		   i, T(r, "部署", "Department"), i, i);
		hp(r, "<fieldset class=\"checks\"><legend>%s%d%s</legend>", T(r, "関係する経験（", "Related experience (person "), i + 1,
		   T(r, "人目・あてはまるものだけ）", ", only what applies)"));
		for (size_t k = 0; k < r->cat->n_experience; k++)
			hp(r, "<label><input type=\"checkbox\" name=\"exp%d\" value=\"%s\"> %s</label>", i, r->cat->experience[k].id,
			   TX(r, r->cat->experience[k].name));
		hp(r, "</fieldset><label class=\"check\"><input type=\"checkbox\" name=\"vol%d\" value=\"1\"> %s</label></fieldset>", i,
		   T(r, "セキュリティの仕事をやってみたい（希望者）", "Would like to do security work (volunteer)"));
	}
	hp(r, "<p class=\"small muted\">%s</p><div class=\"savebar\"><button type=\"submit\">%s</button><a href=\"/c/%lld/onboard/diagnosis\">%s</a></div></form></section>",
	   T(r, "もっといる場合は、あとから「人」のページで追加できます。", "More people can be added later on the People page."),
	   T(r, "登録して次へ：診断", "Save and continue: diagnosis"), (long long)r->company_id,
	   T(r, "あとで登録する", "Skip for now"));
	page_end(r);
}

void h_onboard_people_post(req_t *r)
{
	m_company *co = r->co;
	errs_t e = ERRS_INIT;
	for (int i = 0; i < QUICK_ROWS; i++) {
		char k[16];
		snprintf(k, sizeof k, "name%d", i);
		const char *name = form(r, k);
		if (!name || !*name)
			continue;
		char where[64];
		snprintf(where, sizeof where, "%s %d", T(r, "行", "row"), i + 1);
		if (!valid_short_text(name, DOC_MAX_NAME)) {
			errs_add(&e, where, "%s", T(r, "名前は200文字以内です", "names are at most 200 characters"));
			continue;
		}
		snprintf(k, sizeof k, "dept%d", i);
		const char *dept = form(r, k);
		if (dept && !valid_short_text(dept, DOC_MAX_NAME)) {
			errs_add(&e, where, "%s", T(r, "部署は200文字以内です", "departments are at most 200 characters"));
			continue;
		}
		m_person *p = arena_push(&co->arena, (void **)&co->people, &co->n_people, &co->cap_people, sizeof *p);
		p->key = company_next_person_key(co);
		p->name = arena_strdup(&co->arena, name);
		p->department = dept && *dept ? arena_strdup(&co->arena, dept) : NULL;
		snprintf(k, sizeof k, "exp%d", i);
		const char *tags[16];
		int nt = form_all(r, k, tags, 16);
		p->experience = arena_alloc(&co->arena, ((size_t)nt + 1) * sizeof *p->experience);
		for (int t = 0; t < nt; t++) {
			const cat_tag *tag = cat_tag_find(r->cat->experience, r->cat->n_experience, tags[t]);
			bool dup = false;
			for (size_t x = 0; x < p->n_experience; x++)
				dup |= tag && str_eq(p->experience[x], tag->id);
			if (tag && !dup)
				p->experience[p->n_experience++] = tag->id;
		}
		snprintf(k, sizeof k, "vol%d", i);
		p->volunteer = form(r, k) != NULL;
	}
	if (e.n) {
		r->status = 400;
		page_begin(r, T(r, "社員を登録", "Your people"), NAV_NONE);
		onboard_header(r, 1);
		show_errors(r, &e);
		hp(r, "<p><a href=\"/c/%lld/onboard/people\">%s</a></p>", (long long)r->company_id, T(r, "戻る", "Back"));
		page_end(r);
	} else if (save_company(r)) {
		redirect(r, "/c/%lld/onboard/diagnosis", (long long)r->company_id);
	}
	errs_free(&e);
}
