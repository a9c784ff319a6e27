/* pages_onboard.c — onboarding after the profile: people (quick entry),
 * the diagnosis (plain questions with their help texts; the 25-item
 * self-check on the same page), and the result.  The diagnosis page is
 * also the company's regular diagnosis page, with its history. */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "exchange/doc.h"
#include "web/pages.h"

#define QUICK_ROWS 8

static const char *const adjacent[] = {"web", "it_dept", "pc_rollout", "supervisor", "disaster_prep", "general_affairs"};

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
	hp(r, "<div class=\"scroll\"><table><thead><tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr></thead><tbody>", T(r, "名前", "Name"),
	   T(r, "部署", "Department"), T(r, "関係する経験", "Related experience"),
	   T(r, "やってみたい", "Volunteers"));
	for (int i = 0; i < QUICK_ROWS; i++) {
		hp(r, "<tr><td><input type=\"text\" name=\"name%d\" aria-label=\"%s %d\" maxlength=\"200\"></td>", i,
		   T(r, "名前", "Name"), i + 1);
		hp(r, "<td><input type=\"text\" name=\"dept%d\" aria-label=\"%s %d\" maxlength=\"200\"></td><td class=\"checks\">", i,
		   T(r, "部署", "Department"), i + 1);
		for (size_t k = 0; k < ARRAY_LEN(adjacent); k++)
			hp(r, "<label><input type=\"checkbox\" name=\"exp%d\" value=\"%s\"> %s</label>", i, adjacent[k],
			   exp_name(r, adjacent[k]));
		hp(r, "</td><td><label><input type=\"checkbox\" name=\"vol%d\" value=\"1\"> %s</label></td></tr>", i,
		   T(r, "希望", "yes"));
	}
	hp(r, "</tbody></table></div><p class=\"row\"><button type=\"submit\">%s</button> <a href=\"/c/%lld/onboard/diagnosis\">%s</a></p></form></section>",
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

/* The diagnosis form: every checkpoint's questions grouped by STEP, and
 * (outside onboarding) the 25-item self-check. */
static void diagnosis_form(req_t *r, bool onboarding)
{
	const m_diagnosis *d = company_latest(r->co);
	hp(r, "<form method=\"post\" action=\"/c/%lld/%s\">", (long long)r->company_id,
	   onboarding ? "onboard/diagnosis" : "diagnosis");
	csrf_field(r);
	for (int s = 0; s < CAT_STEPS; s++) {
		const cat_step *st = &r->cat->steps[s];
		hp(r, "<section class=\"card\"><h2>STEP%d %s</h2><p class=\"muted\">%s</p>", st->id, TX(r, st->title), TX(r, st->aim));
		for (size_t c = 0; c < st->n_checkpoints; c++) {
			const cat_checkpoint *cp = &st->checkpoints[c];
			hp(r, "<h3>%s</h3>", TX(r, cp->title));
			for (size_t q = 0; q < cp->n_questions; q++) {
				const cat_question *qq = &cp->questions[q];
				hp(r, "<div class=\"question\" role=\"group\" aria-labelledby=\"q-%s\"><p id=\"q-%s\">%s</p><div class=\"help\">%s</div>",
				   qq->id, qq->id, TX(r, qq->text), TX(r, qq->help));
				answer_radios(r, qq->id, diag_answer(d, qq->id), true);
				HL(r, "</div>");
			}
		}
		HL(r, "</section>");
	}
	if (!onboarding) {
		hp(r, "<section class=\"card\" id=\"sd\"><h2>%s</h2><p class=\"muted\">%s</p>",
		   T(r, "5分でできる！情報セキュリティ自社診断（25項目）", "The 5-minute self-check (25 items)"),
		   T(r, "はい 4点・一部 2点・いいえ 0点・わからない −1点（該当しない は 4点）。全部答えると点数が出ます。",
		     "Yes 4, partly 2, no 0, don't know −1 (not applicable counts 4). The score appears once all 25 are answered."));
		for (size_t p = 0; p < r->cat->n_sd_parts; p++) {
			const cat_sd_part *part = &r->cat->sd_parts[p];
			hp(r, "<h3>%s</h3>", TX(r, part->title));
			for (int i = part->from - 1; i < part->to; i++) {
				const cat_sd_item *it = &r->cat->sd[i];
				hp(r, "<div class=\"question\" role=\"group\" aria-labelledby=\"q-%s\"><p id=\"q-%s\">%d. %s</p><div class=\"help\">%s</div>",
				   it->id, it->id, it->no, TX(r, it->question), TX(r, it->help));
				answer_radios(r, it->id, diag_answer(d, it->id), true);
				HL(r, "</div>");
			}
		}
		HL(r, "</section>");
	}
	if (can_write(r))
		hp(r, "<p><button type=\"submit\">%s</button></p>",
		   onboarding ? T(r, "答えを保存して結果を見る", "Save answers and see the result") : T(r, "診断を保存する", "Save the diagnosis"));
	else
		hp(r, "<p class=\"muted\">%s</p>", T(r, "支援者は診断を見ることができます（答えを変えるのは会社の方です）。",
						      "Advisers can read the diagnosis; the company changes the answers."));
	HL(r, "</form>");
}

void h_onboard_diagnosis(req_t *r)
{
	page_begin(r, T(r, "診断", "Diagnosis"), NAV_NONE);
	onboard_header(r, 2);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "かんたんな質問に答えてください", "Answer a few plain questions"),
	   T(r, "わからないものは「わからない」で大丈夫です。あとからいつでも答え直せます。",
	     "\"Don't know\" is a fine answer. You can change any answer later."));
	diagnosis_form(r, true);
	page_end(r);
}

void h_onboard_diagnosis_post(req_t *r)
{
	apply_posted_answers(r, true, false);
	if (save_company(r))
		redirect(r, "/c/%lld/onboard/result", (long long)r->company_id);
}

void h_diagnosis(req_t *r)
{
	status_t st;
	status_compute(r->cat, r->co, company_latest(r->co), &st);
	page_begin(r, T(r, "診断", "Diagnosis"), NAV_DIAG);
	hp(r, "<h1>%s</h1>", T(r, "診断", "Diagnosis"));
	if (qarg(r, "saved"))
		flash(r, "診断を保存しました。", "The diagnosis was saved.");
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2>", T(r, "これまでの推移", "Progress over time"));
	svg_history(r, r->co);
	hp(r, "</section><section class=\"card\"><h2>%s</h2>", T(r, "自社診断の点数", "Self-check score"));
	if (st.sd_complete)
		hp(r, "<p class=\"kpi\">%d<small>/ 100</small></p><p>%s</p><p class=\"muted\">%s</p>", st.sd_score,
		   TX(r, st.band->meaning), TX(r, st.band->next));
	else
		hp(r, "<p class=\"kpi\">%zu<small>/ 25 %s</small></p><p class=\"muted\">%s</p>", st.sd_answered,
		   T(r, "回答", "answered"), T(r, "全部答えると点数が出ます。", "The score appears once all are answered."));
	if (st.sd_complete) {
		static const char *const pj[] = {"基本的対策", "従業員としての対策", "組織としての対策"};
		static const char *const pe[] = {"Basic measures", "As employees", "As an organisation"};
		HL(r, "<table><tbody>");
		for (int p = 0; p < 3; p++)
			hp(r, "<tr><th>%s</th><td>%d / %d</td></tr>", r->lang == LANG_EN ? pe[p] : pj[p], st.part_score[p], st.part_max[p]);
		HL(r, "</tbody></table>");
	}
	HL(r, "</section></div>");
	diagnosis_form(r, false);
	page_end(r);
}

void h_diagnosis_post(req_t *r)
{
	apply_posted_answers(r, true, true);
	if (save_company(r))
		redirect(r, "/c/%lld/diagnosis?saved=1", (long long)r->company_id);
}

void h_result(req_t *r)
{
	status_t st;
	status_compute(r->cat, r->co, company_latest(r->co), &st);
	const cat_step *ws = &r->cat->steps[st.working_step - 1];
	page_begin(r, T(r, "診断の結果", "Your result"), NAV_NONE);
	onboard_header(r, 3);
	hp(r, "<section class=\"card\"><h1>%s</h1>", T(r, "診断の結果", "Your result"));
	svg_step_gauge(r, st.current_step, st.working_step);
	if (st.current_step == 0)
		hp(r, "<p>%s</p>", T(r, "まだ STEP1 の土台がそろっていません。全ての会社がまず取り組む STEP1 から始めましょう。",
				       "The STEP1 basics are not all in place yet. Start with STEP1, which every company does first."));
	else
		hp(r, "<p>%s STEP%d %s%s</p>", T(r, "STEP", "You have reached STEP"), st.current_step,
		   TX(r, r->cat->steps[st.current_step - 1].title), T(r, " まで達しています。", "."));
	hp(r, "<p class=\"next\"><strong>%s STEP%d %s</strong><br>%s</p>", T(r, "次に取り組む段階:", "Next to work on:"), ws->id,
	   TX(r, ws->title), TX(r, ws->aim));
	hp(r, "<h2>%s</h2>", T(r, "まだできていないこと（この段階）", "Not done yet (this STEP)"));
	bool any = false;
	for (size_t i = 0; i < ws->n_checkpoints; i++) {
		const cat_checkpoint *cp = &ws->checkpoints[i];
		if (st.met[cp->index])
			continue;
		any = true;
		hp(r, "<h3>%s <span class=\"badge warn\">%s</span></h3><p>", TX(r, cp->title), answer_name(r, st.cp[cp->index]));
		hp_gloss(r, TX(r, cp->summary));
		HL(r, "</p>");
		hp(r, "<p class=\"muted small\">%s %s</p>", T(r, "なぜ大事か:", "Why it matters:"), TX(r, cp->questions[0].help));
	}
	if (!any)
		hp(r, "<p>%s</p>", T(r, "この段階のチェックポイントはすべて満たしています。", "Every checkpoint of this STEP is met."));
	hp(r, "<p><a class=\"button\" href=\"/c/%lld/plan\">%s</a></p></section>", (long long)r->company_id,
	   T(r, "次へ：自社の計画を見る", "Next: see your plan"));
	page_end(r);
}
