/* pages_me.c — an employee's own page: their tasks and learning, the
 * learning meant for all staff, and nothing else of the company. */
#include <string.h>

#include "base/util.h"
#include "web/pages.h"

void h_me(req_t *r)
{
	long long id = (long long)r->company_id;
	const m_person *me = r->person_key[0] ? company_person(r->co, r->person_key) : NULL;
	page_begin(r, T(r, "わたしのページ", "My page"), NAV_NONE);
	hp(r, "<h1>%s</h1>", T(r, "わたしのページ", "My page"));
	if (qarg(r, "saved"))
		flash(r, "記録しました。", "Recorded.");
	if (!me) {
		hp(r, "<section class=\"card\"><p>%s</p></section>",
		   T(r, "あなたのアカウントはまだ社員名簿の誰とも結びついていません。経営者か担当者に伝えてください。",
		     "Your account is not linked to anyone in the staff register yet. Please tell your owner or officer."));
		page_end(r);
		return;
	}
	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "わたしのタスク", "My tasks"));
	bool any = false;
	HL(r, "<ul>");
	for (size_t i = 0; i < r->co->n_tasks; i++) {
		const m_task *t = &r->co->tasks[i];
		if (!str_eq(t->owner, me->key))
			continue;
		const cat_task *ct = cat_task_find(r->cat, t->task);
		any = true;
		hp(r, "<li><strong>%s</strong> — %s %s <span class=\"badge\">%s</span></li>", TX(r, ct->title),
		   T(r, "期限", "due"), t->due != DATE_NONE ? date_str(r, t->due) : "-", status_name(r, t->status));
	}
	HL(r, "</ul>");
	if (!any)
		hp(r, "<p class=\"muted\">%s</p>", T(r, "いまお願いしているタスクはありません。", "No tasks for you right now."));
	hp(r, "</section><section class=\"card\"><h2>%s</h2><ul>", T(r, "わたしの学習", "My learning"));
	for (size_t k = 0; k < me->n_learning; k++) {
		const cat_resource *res = cat_resource_find(r->cat, me->learning[k].resource);
		hp(r, "<li>%s — %s</li>", res ? TX(r, res->name) : me->learning[k].resource, date_str(r, me->learning[k].date));
	}
	if (!me->n_learning)
		hp(r, "<li class=\"muted\">%s</li>", T(r, "まだ記録がありません。", "Nothing recorded yet."));
	hp(r, "</ul><h3>%s</h3><ul>", T(r, "全従業員向けの教材", "Material for all staff"));
	for (size_t i = 0; i < r->cat->n_resources; i++) {
		const cat_resource *res = &r->cat->resources[i];
		bool all = false;
		for (size_t a = 0; a < res->n_audiences; a++)
			all |= str_eq(res->audiences[a], "all_staff");
		/* material to read or watch, not programmes or people */
		static const char *const kinds[] = {"content", "elearning", "video", "handbook"};
		bool material = false;
		for (size_t k = 0; k < ARRAY_LEN(kinds); k++)
			material |= str_eq(res->kind, kinds[k]);
		if (!all || !material)
			continue;
		if (res->url && *res->url)
			hp(r, "<li><a href=\"%s\" rel=\"noopener noreferrer\">%s</a> — <span class=\"small\">%s</span></li>", res->url, TX(r, res->name), TX(r, res->what));
		else
			hp(r, "<li>%s — <span class=\"small\">%s</span></li>", TX(r, res->name), TX(r, res->what));
	}
	hp(r, "</ul><form method=\"post\" action=\"/c/%lld/me/learning\" class=\"stack\">", id);
	csrf_field(r);
	hp(r, "<label for=\"resource\">%s</label><select id=\"resource\" name=\"resource\">", T(r, "学んだものを記録する", "Record what you studied"));
	for (size_t i = 0; i < r->cat->n_resources; i++)
		if (strcmp(r->cat->resources[i].kind, "partner") != 0)
			hp(r, "<option value=\"%s\">%s</option>", r->cat->resources[i].id, TX(r, r->cat->resources[i].name));
	hp(r, "</select><p><button type=\"submit\">%s</button></p></form></section>", T(r, "記録する", "Record"));
	const m_policy *pol = company_policy(r->co);
	if (pol && pol->approved != DATE_NONE) {
		bool read = false;
		for (size_t i = 0; i < r->co->n_acks; i++)
			read |= str_eq(r->co->acks[i].person, me->key) && r->co->acks[i].version == pol->version;
		hp(r, "<section class=\"card\"><h2>%s</h2><details><summary>%s</summary><pre class=\"doc\">%s</pre></details>",
		   T(r, "会社の情報セキュリティ基本方針", "The company's information security policy"), T(r, "読む", "Read it"), pol->body);
		if (read) {
			hp(r, "<p><span class=\"badge good\">%s</span></p>", T(r, "読みました", "You have read it"));
		} else {
			hp(r, "<form method=\"post\" action=\"/c/%lld/me/ack\">", id);
			csrf_field(r);
			hp(r, "<button type=\"submit\">%s</button></form>", T(r, "読んで理解しました", "I have read and understood it"));
		}
		HL(r, "</section>");
	}
	hp(r, "<section class=\"card\" id=\"report\"><h2>%s</h2><p>%s</p>", T(r, "おかしいと思ったら", "If something looks wrong"),
	   T(r, "不審なメール、パソコンの異常、紛失などに気づいたら、自分で直そうとせず、すぐに次の人に知らせてください。パソコンの電源は切らずに、そのままにしておきます。",
	     "If you notice a suspicious e-mail, a PC acting strangely, or something lost, do not try to fix it yourself: tell one of the people below at once. Leave the PC as it is; do not switch it off."));
	/* who to tell, and how: the security officers and lead, with the
	 * contact details the register has */
	bool anyone = false;
	HL(r, "<ul>");
	for (size_t i = 0; i < r->co->n_people; i++) {
		const m_person *ps = &r->co->people[i];
		const m_role *role = NULL;
		if (!person_has_role(ps, "officer", &role) && !person_has_role(ps, "security_lead", &role))
			continue;
		anyone = true;
		hp(r, "<li><strong>%s</strong> (%s)", ps->name, role_name(r, role->role));
		if (ps->phone)
			hp(r, " — %s <a href=\"tel:%s\">%s</a>", T(r, "電話", "phone"), ps->phone, ps->phone);
		if (ps->email)
			hp(r, " — %s <a href=\"mailto:%s\">%s</a>", T(r, "メール", "e-mail"), ps->email, ps->email);
		if (!ps->phone && !ps->email)
			hp(r, " — %s%s", ps->department ? ps->department : "", T(r, "（直接伝えてください）", " (tell them in person)"));
		HL(r, "</li>");
	}
	HL(r, "</ul>");
	if (!anyone)
		hp(r, "<p>%s</p>", T(r, "セキュリティ担当者はまだ決まっていません。経営者に直接伝えてください。",
				       "No security officer has been appointed yet: tell the owner directly."));
	HL(r, "</section>");
	page_end(r);
}

void h_me_learning_post(req_t *r)
{
	m_person *me = r->person_key[0] ? company_person(r->co, r->person_key) : NULL;
	const cat_resource *res = cat_resource_find(r->cat, form(r, "resource"));
	if (!me || !res) {
		fail_page(r, 400, "記録できませんでした（教材を選んでください）。", "Could not record it (choose a course).");
		return;
	}
	m_learning *l = arena_push(&r->co->arena, (void **)&me->learning, &me->n_learning, &me->cap_learning, sizeof *l);
	*l = (m_learning){res->id, r->today, NULL};
	if (save_company(r))
		redirect(r, "/c/%lld/me?saved=1", (long long)r->company_id);
}
