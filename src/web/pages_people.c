/* pages_people.c — the people register: list and add; one person's
 * details, security roles, exams and learning. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

/* Fields of the person form, read into p; problems to e. */
static void read_person(req_t *r, m_person *p, errs_t *e)
{
	m_company *co = r->co;
	static const struct { const char *key, *ja, *en; size_t max; size_t off; } fields[] = {
		{"department", "部署", "Department", DOC_MAX_NAME, offsetof(m_person, department)},
		{"position", "役職", "Position", DOC_MAX_NAME, offsetof(m_person, position)},
		{"email", "メール", "E-mail", DOC_MAX_NAME, offsetof(m_person, email)},
		{"phone", "電話", "Phone", 40, offsetof(m_person, phone)},
		{"notes", "メモ", "Notes", DOC_MAX_NOTE, offsetof(m_person, notes)},
	};
	const char *name = form(r, "name");
	if (!name || !*name || !valid_short_text(name, DOC_MAX_NAME))
		errs_add(e, T(r, "名前", "Name"), "%s", T(r, "1〜200文字で入力してください", "enter 1-200 characters"));
	else
		p->name = arena_strdup(&co->arena, name);
	for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
		const char *v = form(r, fields[i].key);
		if (!v)
			continue;
		if (fields[i].max > DOC_MAX_NAME ? !valid_long_text(v, fields[i].max) : !valid_short_text(v, fields[i].max))
			errs_add(e, T(r, fields[i].ja, fields[i].en), "%s", T(r, "長すぎます", "too long"));
		else
			*(const char **)((char *)p + fields[i].off) = *v ? arena_strdup(&co->arena, v) : NULL;
	}
	const char *tags[32];
	int nt = form_all(r, "experience", tags, 32);
	p->experience = arena_alloc(&co->arena, ((size_t)nt + 1) * sizeof *p->experience);
	p->n_experience = 0;
	for (int i = 0; i < nt; i++) {
		const cat_tag *t = cat_tag_find(r->cat->experience, r->cat->n_experience, tags[i]);
		bool dup = false;
		for (size_t k = 0; t && k < p->n_experience; k++)
			dup |= str_eq(p->experience[k], t->id);
		if (!t)
			errs_add(e, T(r, "経験", "Experience"), "%s", T(r, "一覧にない値です", "not in the list"));
		else if (!dup)
			p->experience[p->n_experience++] = t->id;
	}
	p->volunteer = form(r, "volunteer") != NULL;
}

static void person_fields(req_t *r, const m_person *p)
{
	static const struct { const char *key, *ja, *en, *type; } fields[] = {
		{"department", "部署", "Department", "text"}, {"position", "役職", "Position", "text"},
		{"email", "メール", "E-mail", "email"}, {"phone", "電話", "Phone", "text"},
	};
	hp(r, "<label for=\"name\">%s</label><input id=\"name\" name=\"name\" type=\"text\" required maxlength=\"200\" value=\"%s\">",
	   T(r, "名前", "Name"), p ? p->name : "");
	for (size_t i = 0; i < ARRAY_LEN(fields); i++) {
		const char *v = !p ? "" : i == 0 ? p->department : i == 1 ? p->position : i == 2 ? p->email : p->phone;
		hp(r, "<label for=\"%s\">%s</label><input id=\"%s\" name=\"%s\" type=\"%s\" maxlength=\"200\" value=\"%s\">", fields[i].key,
		   T(r, fields[i].ja, fields[i].en), fields[i].key, fields[i].key, fields[i].type, v ? v : "");
	}
	hp(r, "<fieldset class=\"checks\"><legend>%s</legend>", T(r, "関係する経験（担当者の候補探しに使います）", "Related experience (used to find officer candidates)"));
	for (size_t i = 0; i < r->cat->n_experience; i++) {
		const cat_tag *t = &r->cat->experience[i];
		bool on = false;
		for (size_t k = 0; p && k < p->n_experience; k++)
			on |= str_eq(p->experience[k], t->id);
		hp(r, "<label><input type=\"checkbox\" name=\"experience\" value=\"%s\"%s> %s</label>", t->id, on ? " checked" : "", TX(r, t->name));
	}
	hp(r, "</fieldset><label><input type=\"checkbox\" name=\"volunteer\" value=\"1\"%s> %s</label>", p && p->volunteer ? " checked" : "",
	   T(r, "セキュリティの仕事をやってみたい（社内公募に手を挙げた）", "Would like to do security work (volunteered)"));
	hp(r, "<label for=\"notes\">%s</label><textarea id=\"notes\" name=\"notes\" maxlength=\"4000\">%s</textarea>", T(r, "メモ", "Notes"),
	   p && p->notes ? p->notes : "");
}

void h_people(req_t *r)
{
	long long id = (long long)r->company_id;
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	page_begin(r, T(r, "人", "People"), NAV_PEOPLE);
	hp(r, "<h1>%s</h1>", T(r, "人", "People"));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	const char *l_name = T(r, "名前", "Name"), *l_dept = T(r, "部署・役職", "Department, position"),
		   *l_roles = T(r, "セキュリティの役割", "Security roles"), *l_exp = T(r, "経験", "Experience"), *l_exams = T(r, "試験", "Exams");
	hp(r, "<section class=\"card\"><table class=\"cards\"><thead><tr><th scope=\"col\">%s</th><th scope=\"col\">%s</th><th scope=\"col\">%s</th>"
	      "<th scope=\"col\">%s</th><th scope=\"col\">%s</th></tr></thead><tbody>", l_name, l_dept, l_roles, l_exp, l_exams);
	for (size_t i = 0; i < r->co->n_people; i++) {
		const m_person *ps = &r->co->people[i];
		hp(r, "<tr><td data-label=\"%s\"><a href=\"/c/%lld/people/%s\">%s</a>", l_name, id, ps->key, ps->name);
		if (ps->volunteer)
			hp(r, " <span class=\"badge info\">%s</span>", T(r, "希望者", "volunteer"));
		hp(r, "</td><td data-label=\"%s\">%s %s</td><td data-label=\"%s\">", l_dept, ps->department ? ps->department : "",
		   ps->position ? ps->position : "", l_roles);
		for (size_t k = 0; k < ps->n_roles; k++)
			hp(r, "<span class=\"badge good\">%s%s%s</span> ", role_name(r, ps->roles[k].role), T(r, "・", ", "),
			   ps->roles[k].time == TIME_DEDICATED ? T(r, "専任", "dedicated") : T(r, "兼務", "part-time"));
		hp(r, "</td><td data-label=\"%s\">", l_exp);
		for (size_t k = 0; k < ps->n_experience; k++)
			hp(r, "<span class=\"badge\">%s</span> ", exp_name(r, ps->experience[k]));
		hp(r, "</td><td data-label=\"%s\">", l_exams);
		for (size_t k = 0; k < ps->n_exams; k++) {
			const cat_exam *ex = cat_exam_find(r->cat, ps->exams[k].exam);
			hp(r, "<span class=\"badge %s\">%s %s</span> ", ps->exams[k].status == EXAM_PASSED ? "good" : "warn",
			   ex ? TX(r, ex->name) : ps->exams[k].exam, exam_status_name(r, ps->exams[k].status));
		}
		HL(r, "</td></tr>");
	}
	if (!r->co->n_people)
		hp(r, "<tr><td colspan=\"5\" class=\"muted\">%s</td></tr>", T(r, "まだ誰も登録されていません。", "Nobody is registered yet."));
	HL(r, "</tbody></table></section>");
	if (p->n_candidates) {
		hp(r, "<section class=\"card\"><h2>%s</h2><p>", T(r, "担当者の候補", "Candidates for officer"));
		for (size_t i = 0; i < p->n_candidates; i++)
			hp(r, "%s%s", i ? T(r, "、", ", ") : "", p->candidates[i].person->name);
		hp(r, "</p><p><a href=\"/c/%lld/plan#candidates\">%s</a></p></section>", id, T(r, "計画のページで任命する", "Appoint on the plan page"));
	}
	if (can_write(r)) {
		hp(r, "<section class=\"card\"><h2>%s</h2><form method=\"post\" action=\"/c/%lld/people\" class=\"stack\">", T(r, "人を追加", "Add a person"), id);
		csrf_field(r);
		person_fields(r, NULL);
		hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "追加する", "Add"));
	}
	page_end(r);
	plan_free(p);
}

static void people_error_page(req_t *r, const errs_t *e, const char *back)
{
	r->status = 400;
	page_begin(r, T(r, "人", "People"), NAV_PEOPLE);
	show_errors(r, e);
	hp(r, "<p><a href=\"%s\">%s</a></p>", back, T(r, "戻る", "Back"));
	page_end(r);
}

void h_people_post(req_t *r)
{
	m_company *co = r->co;
	errs_t e = ERRS_INIT;
	m_person *p = arena_push(&co->arena, (void **)&co->people, &co->n_people, &co->cap_people, sizeof *p);
	p->key = company_next_person_key(co);
	read_person(r, p, &e);
	if (e.n)
		people_error_page(r, &e, arena_printf(&r->arena, "/c/%lld/people", (long long)r->company_id));
	else if (save_company(r))
		redirect(r, "/c/%lld/people?saved=1", (long long)r->company_id);
	errs_free(&e);
}

static m_person *path_person(req_t *r)
{
	m_person *p = company_person(r->co, param(r, "person"));
	if (!p)
		fail_page(r, 404, "その人は登録されていません。", "No such person.");
	return p;
}

void h_person(req_t *r)
{
	m_person *p = path_person(r);
	if (!p)
		return;
	long long id = (long long)r->company_id;
	page_begin(r, p->name, NAV_PEOPLE);
	hp(r, "<p><a href=\"/c/%lld/people\">← %s</a></p><h1>%s</h1>", id, T(r, "人の一覧", "All people"), p->name);
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	if (!can_write(r)) {
		hp(r, "<section class=\"card\"><dl class=\"facts\"><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>%s</dd><dt>%s</dt><dd>", T(r, "部署", "Department"),
		   p->department ? p->department : "", T(r, "役職", "Position"), p->position ? p->position : "", T(r, "セキュリティの役割", "Security roles"));
		for (size_t k = 0; k < p->n_roles; k++)
			hp(r, "<span class=\"badge good\">%s</span> ", role_name(r, p->roles[k].role));
		hp(r, "</dd><dt>%s</dt><dd>", T(r, "試験", "Exams"));
		for (size_t k = 0; k < p->n_exams; k++) {
			const cat_exam *ex = cat_exam_find(r->cat, p->exams[k].exam);
			hp(r, "<span class=\"badge\">%s %s</span> ", ex ? TX(r, ex->name) : "", exam_status_name(r, p->exams[k].status));
		}
		hp(r, "</dd><dt>%s</dt><dd>%zu</dd></dl></section>", T(r, "学習の記録", "Learning records"), p->n_learning);
		page_end(r);
		return;
	}
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2><form method=\"post\" action=\"/c/%lld/people/%s\" class=\"stack\">",
	   T(r, "基本情報", "Details"), id, p->key);
	csrf_field(r);
	person_fields(r, p);
	hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "保存する", "Save"));

	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "セキュリティの役割", "Security roles"));
	for (size_t k = 0; k < p->n_roles; k++) {
		const char *rn = role_name(r, p->roles[k].role);
		hp(r, "<div class=\"row\"><span class=\"badge good\">%s%s%s</span>", rn, T(r, "・", ", "),
		   p->roles[k].time == TIME_DEDICATED ? T(r, "専任", "dedicated") : T(r, "兼務", "part-time"));
		confirm_form(r, arena_printf(&r->arena, "/c/%lld/people/%s/role?remove=1", id, p->key),
			     arena_printf(&r->arena, "%s%s%s", T(r, "「", "Remove the role "), rn, T(r, "」を外す", "")),
			     arena_printf(&r->arena, "%s%s%s%s%s", p->name, T(r, " さんの役割「", "will no longer hold the role "), rn,
					  T(r, "」を外します。タスクの担当はそのままです。", ". Their tasks stay theirs."), ""),
			     T(r, "外す", "Remove the role"), "role", p->roles[k].role);
		HL(r, "</div>");
	}
	hp(r, "<form method=\"post\" action=\"/c/%lld/people/%s/role\" class=\"stack\">", id, p->key);
	csrf_field(r);
	hp(r, "<label for=\"role\">%s</label><select id=\"role\" name=\"role\">", T(r, "役割", "Role"));
	for (size_t i = 0; i < r->cat->n_roles; i++)
		hp(r, "<option value=\"%s\">%s</option>", r->cat->roles[i].id, TX(r, r->cat->roles[i].name));
	hp(r, "</select><label for=\"time\">%s</label><select id=\"time\" name=\"time\"><option value=\"concurrent\">%s</option>"
	      "<option value=\"dedicated\">%s</option></select>", T(r, "働き方", "Time"), T(r, "兼務（ほかの仕事と掛け持ち）", "part-time (alongside other work)"),
	   T(r, "専任（この仕事だけ）", "dedicated (this work only)"));
	hp(r, "<label for=\"share\">%s</label><input id=\"share\" name=\"share\" type=\"number\" min=\"0\" max=\"100\" value=\"\" class=\"short\">",
	   T(r, "仕事に占める割合（%・任意）", "Share of working time (%, optional)"));
	hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "任命する", "Appoint"));

	hp(r, "<section class=\"card\" id=\"exams\"><h2>%s</h2><ul>", T(r, "試験", "Exams"));
	for (size_t k = 0; k < p->n_exams; k++) {
		const cat_exam *ex = cat_exam_find(r->cat, p->exams[k].exam);
		hp(r, "<li>%s — %s %s</li>", ex ? TX(r, ex->name) : p->exams[k].exam, exam_status_name(r, p->exams[k].status),
		   date_str(r, p->exams[k].date));
	}
	hp(r, "</ul><form method=\"post\" action=\"/c/%lld/people/%s/exam\" class=\"stack\">", id, p->key);
	csrf_field(r);
	hp(r, "<label for=\"exam\">%s</label><select id=\"exam\" name=\"exam\">", T(r, "試験", "Exam"));
	for (int lv = 1; lv <= 4; lv++)
		for (size_t i = 0; i < r->cat->n_exams; i++)
			if (r->cat->exams[i].level == lv)
				hp(r, "<option value=\"%s\">%s</option>", r->cat->exams[i].id, TX(r, r->cat->exams[i].name));
	hp(r, "</select><label for=\"estatus\">%s</label><select id=\"estatus\" name=\"status\">", T(r, "状況", "Status"));
	for (int s = 0; s < 3; s++)
		hp(r, "<option value=\"%s\">%s</option>", exam_status_id((exam_status_t)s), exam_status_name(r, (exam_status_t)s));
	hp(r, "</select><label for=\"edate\">%s</label><input id=\"edate\" name=\"date\" type=\"date\" class=\"short\">"
	      "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "日付（受験日・合格日）", "Date (exam or pass)"), T(r, "記録する", "Record"));

	hp(r, "<section class=\"card\"><h2>%s</h2><ul>", T(r, "学習の記録", "Learning done"));
	for (size_t k = 0; k < p->n_learning; k++) {
		const cat_resource *res = cat_resource_find(r->cat, p->learning[k].resource);
		hp(r, "<li>%s — %s</li>", res ? TX(r, res->name) : p->learning[k].resource, date_str(r, p->learning[k].date));
	}
	hp(r, "</ul><form method=\"post\" action=\"/c/%lld/people/%s/learning\" class=\"stack\">", id, p->key);
	csrf_field(r);
	hp(r, "<label for=\"resource\">%s</label><select id=\"resource\" name=\"resource\">", T(r, "教材・講座", "Course or material"));
	for (size_t i = 0; i < r->cat->n_resources; i++)
		if (strcmp(r->cat->resources[i].kind, "partner") != 0)
			hp(r, "<option value=\"%s\">%s</option>", r->cat->resources[i].id, TX(r, r->cat->resources[i].name));
	hp(r, "</select><label for=\"ldate\">%s</label><input id=\"ldate\" name=\"date\" type=\"date\" value=\"%s\" class=\"short\">"
	      "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "日付", "Date"), date_str(r, r->today), T(r, "記録する", "Record"));

	hp(r, "<section class=\"card\"><h2>%s</h2><p class=\"small muted\">%s</p>", T(r, "この人を削除", "Remove this person"),
	   T(r, "退職などで名簿から外すときに使います。この人が持っているタスクは「担当未定」に戻ります。元には戻せません。",
	     "For someone who has left. Tasks this person holds go back to nobody. This cannot be undone."));
	confirm_form(r, arena_printf(&r->arena, "/c/%lld/people/%s/remove", id, p->key),
		     arena_printf(&r->arena, "%s%s%s", T(r, "", "Remove "), p->name, T(r, " さんを削除…", "…")),
		     arena_printf(&r->arena, "%s%s", p->name, T(r, " さんを名簿から削除します。よろしいですか。", " will be removed from the register. Are you sure?")),
		     T(r, "削除する", "Remove"), NULL, NULL);
	HL(r, "</section></div>");
	page_end(r);
}

void h_person_post(req_t *r)
{
	m_person *p = path_person(r);
	if (!p)
		return;
	errs_t e = ERRS_INIT;
	read_person(r, p, &e);
	if (e.n)
		people_error_page(r, &e, arena_printf(&r->arena, "/c/%lld/people/%s", (long long)r->company_id, p->key));
	else if (save_company(r))
		redirect(r, "/c/%lld/people/%s?saved=1", (long long)r->company_id, p->key);
	errs_free(&e);
}

void h_person_role_post(req_t *r)
{
	m_person *p = path_person(r);
	if (!p)
		return;
	errs_t e = ERRS_INIT;
	const cat_tag *role = cat_tag_find(r->cat->roles, r->cat->n_roles, form(r, "role"));
	role_time_t t = TIME_CONCURRENT;
	int share = 0;
	const char *sv = form(r, "share");
	if (!role)
		errs_add(&e, T(r, "役割", "Role"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (form(r, "time") && !role_time_parse(form(r, "time"), &t))
		errs_add(&e, T(r, "働き方", "Time"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (sv && *sv) {
		char *end;
		long n = strtol(sv, &end, 10);
		if (*end || n < 0 || n > 100)
			errs_add(&e, T(r, "割合", "Share"), "%s", T(r, "0〜100 の整数です", "a whole number 0-100"));
		else
			share = (int)n;
	}
	if (e.n) {
		people_error_page(r, &e, arena_printf(&r->arena, "/c/%lld/people/%s", (long long)r->company_id, p->key));
		errs_free(&e);
		return;
	}
	const m_role *cur;
	bool has = person_has_role(p, role->id, &cur);
	if (form(r, "remove") || qarg(r, "remove")) {
		if (has) {
			size_t i = (size_t)(cur - p->roles);
			memmove(&p->roles[i], &p->roles[i + 1], (p->n_roles - i - 1) * sizeof *p->roles);
			p->n_roles--;
		}
	} else if (has) {
		for (size_t i = 0; i < p->n_roles; i++)
			if (str_eq(p->roles[i].role, role->id))
				p->roles[i] = (m_role){role->id, t, share};
	} else {
		m_role *nr = arena_push(&r->co->arena, (void **)&p->roles, &p->n_roles, &p->cap_roles, sizeof *nr);
		*nr = (m_role){role->id, t, share};
	}
	if (save_company(r))
		redirect(r, "/c/%lld/people/%s?saved=1", (long long)r->company_id, p->key);
}

void h_person_exam_post(req_t *r)
{
	m_person *p = path_person(r);
	if (!p)
		return;
	errs_t e = ERRS_INIT;
	const cat_exam *ex = cat_exam_find(r->cat, form(r, "exam"));
	exam_status_t st;
	date_t d = DATE_NONE;
	const char *dv = form(r, "date");
	if (!ex)
		errs_add(&e, T(r, "試験", "Exam"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (!exam_status_parse(form(r, "status"), &st))
		errs_add(&e, T(r, "状況", "Status"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (dv && *dv && !date_parse(dv, &d))
		errs_add(&e, T(r, "日付", "Date"), "%s", T(r, "日付が正しくありません（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"));
	if (e.n) {
		people_error_page(r, &e, arena_printf(&r->arena, "/c/%lld/people/%s", (long long)r->company_id, p->key));
		errs_free(&e);
		return;
	}
	person_set_exam(r->co, p, ex->id, st, d);
	if (save_company(r))
		redirect(r, "/c/%lld/people/%s?saved=1", (long long)r->company_id, p->key);
}

void h_person_learning_post(req_t *r)
{
	m_person *p = path_person(r);
	if (!p)
		return;
	errs_t e = ERRS_INIT;
	const cat_resource *res = cat_resource_find(r->cat, form(r, "resource"));
	date_t d = r->today;
	const char *dv = form(r, "date");
	if (!res)
		errs_add(&e, T(r, "教材・講座", "Course"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	if (dv && *dv && !date_parse(dv, &d))
		errs_add(&e, T(r, "日付", "Date"), "%s", T(r, "日付が正しくありません（YYYY-MM-DD）", "not a valid date (YYYY-MM-DD)"));
	if (e.n) {
		people_error_page(r, &e, arena_printf(&r->arena, "/c/%lld/people/%s", (long long)r->company_id, p->key));
		errs_free(&e);
		return;
	}
	m_learning *l = arena_push(&r->co->arena, (void **)&p->learning, &p->n_learning, &p->cap_learning, sizeof *l);
	*l = (m_learning){res->id, d, NULL};
	if (save_company(r)) {
		const char *back = form(r, "back");
		if (back && !strcmp(back, "me"))
			redirect(r, "/c/%lld/me?saved=1", (long long)r->company_id);
		else
			redirect(r, "/c/%lld/people/%s?saved=1", (long long)r->company_id, p->key);
	}
}

void h_person_remove_post(req_t *r)
{
	m_person *p = path_person(r);
	if (!p)
		return;
	company_remove_person(r->co, p->key);
	if (save_company(r))
		redirect(r, "/c/%lld/people?saved=1", (long long)r->company_id);
}
