/* pages_diagnosis.c — the diagnosis in parts: the checkpoint questions of
 * each STEP and the self-check's three parts, each part one page with its
 * progress, saved on its own ("save and continue"); during onboarding the
 * STEPs are asked one after another only while the earlier ones are met.
 * A self-check item with the same meaning as a checkpoint question is not
 * asked again: the question's answer is recorded for both.  The result
 * page ends onboarding with appointing an officer. */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "web/pages.h"

/* Self-check items that ask exactly what a checkpoint question asks. */
static const struct { const char *sd, *question; } twins[] = {
	{"sd-02", "cp-1-1-q3"},   /* anti-virus with automatic definition updates */
	{"sd-03", "cp-1-2-q1"},   /* long passwords, not reused */
	{"sd-19", "cp-3-1-q3"},   /* confidentiality duty in work rules or pledges */
	{"sd-22", "cp-3-3-q1"},   /* confidentiality clause in supplier contracts */
};

const char *sd_twin_of_question(const char *question)
{
	for (size_t i = 0; i < ARRAY_LEN(twins); i++)
		if (str_eq(twins[i].question, question))
			return twins[i].sd;
	return NULL;
}

static const char *question_twin_of_sd(const char *sd)
{
	for (size_t i = 0; i < ARRAY_LEN(twins); i++)
		if (str_eq(twins[i].sd, sd))
			return twins[i].question;
	return NULL;
}

/* The parts: STEP1–4 (checkpoint questions), then the self-check's three. */
#define N_PARTS 7
static const struct { const char *id, *ja, *en; } parts[N_PARTS] = {
	{"step1", "STEP1", "STEP1"}, {"step2", "STEP2", "STEP2"}, {"step3", "STEP3", "STEP3"}, {"step4", "STEP4", "STEP4"},
	{"basic", "自社診断 1〜5", "Self-check 1–5"}, {"employee", "自社診断 6〜18", "Self-check 6–18"},
	{"organization", "自社診断 19〜25", "Self-check 19–25"},
};

static int part_index(const char *id)
{
	for (int i = 0; i < N_PARTS; i++)
		if (str_eq(parts[i].id, id))
			return i;
	return -1;
}

/* Answered and total questions of a part. */
static void part_count(const req_t *r, const m_diagnosis *d, int part, int *answered, int *total)
{
	*answered = *total = 0;
	if (part < 4) {
		const cat_step *st = &r->cat->steps[part];
		for (size_t c = 0; c < st->n_checkpoints; c++)
			for (size_t q = 0; q < st->checkpoints[c].n_questions; q++) {
				(*total)++;
				*answered += diag_answer(d, st->checkpoints[c].questions[q].id) != ANS_NONE;
			}
		return;
	}
	const cat_sd_part *sp = &r->cat->sd_parts[part - 4];
	for (int i = sp->from - 1; i < sp->to; i++) {
		(*total)++;
		*answered += diag_answer(d, r->cat->sd[i].id) != ANS_NONE;
	}
}

/* The parts as a list of links with a progress bar each. */
static void parts_nav(req_t *r, const m_diagnosis *d, int at, const char *base)
{
	hp(r, "<nav aria-label=\"%s\"><ol class=\"parts\">", T(r, "診断のパート", "Parts of the diagnosis"));
	for (int i = 0; i < N_PARTS; i++) {
		int a, t;
		part_count(r, d, i, &a, &t);
		hp(r, "<li><a href=\"%s?part=%s\"", base, parts[i].id);
		if (i == at)
			HL(r, " aria-current=\"step\"");
		hp(r, "><strong>%s</strong><span class=\"count\">%s%d / %d</span><span class=\"meter\" aria-hidden=\"true\"><i class=\"w%d\"></i></span></a></li>",
		   T(r, parts[i].ja, parts[i].en), T(r, "回答済み ", "answered "), a, t, t ? (100 * a / t + 5) / 10 * 10 : 0);
	}
	HL(r, "</ol></nav>");
}

/* One question: its text, help and answers (radios, or the answer as text
 * when the reader cannot change it). */
static void question(req_t *r, const char *id, int no, text_t text, text_t help, answer_t cur, bool editable)
{
	hp(r, "<div class=\"question\" id=\"%s\" role=\"group\" aria-labelledby=\"q-%s\"><p class=\"q\" id=\"q-%s\">", id, id, id);
	if (no)
		hp(r, "%d. ", no);
	hp(r, "%s</p><div class=\"help\">%s</div>", TX(r, text), TX(r, help));
	if (editable)
		answer_radios(r, id, cur, true);
	else
		hp(r, "<p class=\"answer-text\">%s %s</p>", T(r, "答え:", "Answer:"), answer_name(r, cur));
	HL(r, "</div>");
}

static void part_questions(req_t *r, const m_diagnosis *d, int part, bool editable)
{
	if (part < 4) {
		const cat_step *st = &r->cat->steps[part];
		hp(r, "<h2>STEP%d %s</h2><p class=\"muted\">%s</p>", st->id, TX(r, st->title), TX(r, st->aim));
		for (size_t c = 0; c < st->n_checkpoints; c++) {
			const cat_checkpoint *cp = &st->checkpoints[c];
			hp(r, "<h3 id=\"%s\">%s</h3>", cp->id, TX(r, cp->title));
			for (size_t q = 0; q < cp->n_questions; q++) {
				const cat_question *qq = &cp->questions[q];
				question(r, qq->id, 0, qq->text, qq->help, diag_answer(d, qq->id), editable);
			}
		}
		return;
	}
	const cat_sd_part *sp = &r->cat->sd_parts[part - 4];
	hp(r, "<h2>%s</h2><p class=\"muted\">%s</p><h3>%s</h3>", T(r, "5分でできる！情報セキュリティ自社診断（25項目）", "The 5-minute self-check (25 items)"),
	   T(r, "はい 4点・一部 2点・いいえ 0点・わからない −1点（該当しない は 4点）。25項目すべてに答えると点数が出ます。",
	     "Yes 4, partly 2, no 0, don't know −1 (not applicable counts 4). The score appears once all 25 items are answered."),
	   TX(r, sp->title));
	for (int i = sp->from - 1; i < sp->to; i++) {
		const cat_sd_item *it = &r->cat->sd[i];
		const char *twin = question_twin_of_sd(it->id);
		if (!twin) {
			question(r, it->id, it->no, it->question, it->help, diag_answer(d, it->id), editable);
			continue;
		}
		/* asked once, in the checkpoint questions: shown, not asked */
		const cat_checkpoint *cp;
		const cat_question *q = cat_question_find(r->cat, twin, &cp);
		hp(r, "<div class=\"question\" id=\"%s\"><p class=\"q\">%d. %s</p><p class=\"same\">%s STEP%d「%s」%s</p>"
		      "<p class=\"answer-text\">%s %s — <a href=\"/c/%lld/diagnosis?part=step%d#%s\">%s%d%s</a></p></div>",
		   it->id, it->no, TX(r, it->question), T(r, "同じ内容を", "The same question is asked in"), cp->step, TX(r, cp->title),
		   T(r, "で聞いています。その答えをここにも使います。", "; its answer is used here too."), T(r, "答え:", "Answer:"),
		   answer_name(r, diag_answer(d, it->id)), (long long)r->company_id, cp->step, q->id, T(r, "項目", "Change item "), it->no,
		   T(r, "の答えを変える", "there"));
	}
}

/* The next part after "at" that still has unanswered questions (or the
 * next one), -1 after the last. */
static int next_part(const req_t *r, const m_diagnosis *d, int at)
{
	for (int i = at + 1; i < N_PARTS; i++) {
		int a, t;
		part_count(r, d, i, &a, &t);
		if (a < t)
			return i;
	}
	return at + 1 < N_PARTS ? at + 1 : -1;
}

static void score_card(req_t *r, const status_t *st)
{
	hp(r, "<section class=\"card\"><h2>%s</h2>", T(r, "自社診断の点数", "Self-check score"));
	if (st->sd_complete) {
		hp(r, "<p class=\"kpi\">%d<small>%s</small></p><p>%s</p><p class=\"muted\">%s</p>", st->sd_score, T(r, "点 / 100点", "/ 100 points"),
		   TX(r, st->band->meaning), TX(r, st->band->next));
		static const char *const pj[] = {"基本的対策", "従業員としての対策", "組織としての対策"};
		static const char *const pe[] = {"Basic measures", "As employees", "As an organisation"};
		HL(r, "<table><tbody>");
		for (int p = 0; p < 3; p++)
			hp(r, "<tr><th scope=\"row\">%s</th><td class=\"num\">%d / %d</td></tr>", r->lang == LANG_EN ? pe[p] : pj[p], st->part_score[p],
			   st->part_max[p]);
		HL(r, "</tbody></table>");
	} else {
		hp(r, "<p>%s%zu%s</p><p class=\"muted small\">%s</p>", T(r, "25項目のうち ", ""), st->sd_answered,
		   T(r, " 項目に回答済みです。", " of the 25 items answered."),
		   T(r, "点数は、25項目すべてに答えると出ます。", "The score appears once all 25 items are answered."));
	}
	HL(r, "</section>");
}

/* A part's form; onboarding posts to its own route and asks STEPs only. */
static void part_form(req_t *r, const m_diagnosis *d, int part, bool onboarding)
{
	long long id = (long long)r->company_id;
	bool editable = can_write(r);
	hp(r, "<section class=\"card\">");
	if (editable) {
		hp(r, "<form method=\"post\" action=\"/c/%lld/%s\">", id, onboarding ? "onboard/diagnosis" : "diagnosis");
		csrf_field(r);
		hp(r, "<input type=\"hidden\" name=\"part\" value=\"%s\">", parts[part].id);
	} else {
		hp(r, "<p class=\"warnbox\">%s</p>", T(r, "支援者は診断を見ることができます。答えを変えるのは会社の方です。",
						 "Advisers can read the diagnosis; the company changes the answers."));
	}
	part_questions(r, d, part, editable);
	if (editable) {
		HL(r, "<div class=\"savebar\">");
		if (onboarding) {
			hp(r, "<button type=\"submit\">%s</button>", T(r, "答えを保存して結果を見る", "Save answers and see the result"));
		} else {
			int nx = next_part(r, d, part);
			if (nx >= 0)
				hp(r, "<button type=\"submit\" name=\"next\" value=\"%s\">%s%s</button>", parts[nx].id, T(r, "保存して次へ: ", "Save and continue: "),
				   T(r, parts[nx].ja, parts[nx].en));
			hp(r, "<button type=\"submit\" class=\"%s\">%s</button>", nx >= 0 ? "secondary" : "", T(r, "保存する", "Save"));
		}
		hp(r, "<span class=\"small muted\" role=\"status\" data-dirty=\"%s\">%s</span></div></form>",
		   T(r, "まだ保存していない答えがあります。", "There are answers not saved yet."),
		   T(r, "わからないものは「わからない」で大丈夫です。", "\"Don't know\" is a fine answer."));
	}
	HL(r, "</section>");
}

void h_diagnosis(req_t *r)
{
	const m_diagnosis *d = company_latest(r->co);
	status_t st;
	status_compute(r->cat, r->co, d, &st);
	int part = part_index(qarg(r, "part"));
	if (part < 0) {
		part = next_part(r, d, -1);
		if (part < 0)
			part = 0;
	}
	char base[64];
	snprintf(base, sizeof base, "/c/%lld/diagnosis", (long long)r->company_id);
	page_begin(r, T(r, "診断", "Diagnosis"), NAV_DIAG);
	hp(r, "<h1>%s</h1>", T(r, "診断", "Diagnosis"));
	if (qarg(r, "saved"))
		flash(r, "診断を保存しました。", "The diagnosis was saved.");
	hp(r, "<p class=\"lead\">%s</p>", T(r, "パートごとに答えて保存できます。途中でやめても、答えた分は残ります。",
					    "Answer one part at a time and save it; what you answered stays if you stop halfway."));
	parts_nav(r, d, part, base);
	part_form(r, d, part, false);
	hp(r, "<div class=\"grid\"><section class=\"card\"><h2>%s</h2>", T(r, "これまでの推移", "Progress over time"));
	svg_history(r, r->co);
	HL(r, "</section>");
	score_card(r, &st);
	HL(r, "</div>");
	page_end(r);
}

void h_diagnosis_post(req_t *r)
{
	apply_posted_answers(r, true, true);
	if (!save_company(r))
		return;
	int nx = part_index(form(r, "next"));
	if (nx >= 0)
		redirect(r, "/c/%lld/diagnosis?part=%s&saved=1", (long long)r->company_id, parts[nx].id);
	else if (part_index(form(r, "part")) >= 0)
		redirect(r, "/c/%lld/diagnosis?part=%s&saved=1", (long long)r->company_id, form(r, "part"));
	else
		redirect(r, "/c/%lld/diagnosis?saved=1", (long long)r->company_id);
}

/* Onboarding: STEP n's questions (n from ?part=stepN, default 1). */
void h_onboard_diagnosis(req_t *r)
{
	int part = part_index(qarg(r, "part"));
	if (part < 0 || part > 3)
		part = 0;
	page_begin(r, T(r, "診断", "Diagnosis"), NAV_NONE);
	onboard_header(r, 2);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "かんたんな質問に答えてください", "Answer a few plain questions"),
	   part == 0 ? T(r, "まず、すべての会社が取り組む STEP1 の質問です。わからないものは「わからない」で大丈夫です。あとからいつでも答え直せます。",
			 "First the STEP1 questions every company starts with. \"Don't know\" is a fine answer. You can change any answer later.")
		     : T(r, "前の STEP はすべてできています。次の STEP の質問です。", "The earlier STEPs are all in place. Here are the next STEP's questions."));
	hp(r, "<p class=\"small muted\">%s%d%s</p>", T(r, "4つの STEP のうち ", "STEP "), part + 1, T(r, " つ目", " of 4"));
	part_form(r, company_latest(r->co), part, true);
	page_end(r);
}

void h_onboard_diagnosis_post(req_t *r)
{
	apply_posted_answers(r, true, false);
	if (!save_company(r))
		return;
	int part = part_index(form(r, "part"));
	status_t st;
	status_compute(r->cat, r->co, company_latest(r->co), &st);
	/* the next STEP is asked only when every STEP so far is met */
	if (part >= 0 && part < 3 && st.current_step >= part + 1)
		redirect(r, "/c/%lld/onboard/diagnosis?part=%s", (long long)r->company_id, parts[part + 1].id);
	else
		redirect(r, "/c/%lld/onboard/result", (long long)r->company_id);
}

void h_result(req_t *r)
{
	status_t st;
	status_compute(r->cat, r->co, company_latest(r->co), &st);
	const cat_step *ws = &r->cat->steps[st.working_step - 1];
	long long id = (long long)r->company_id;
	page_begin(r, T(r, "診断の結果", "Your result"), NAV_NONE);
	onboard_header(r, 3);
	hp(r, "<section class=\"card\"><h1>%s</h1>", T(r, "診断の結果", "Your result"));
	svg_step_gauge(r, st.current_step, st.working_step);
	if (st.current_step == 0)
		hp(r, "<p>%s</p>", T(r, "まだ STEP1 の土台がそろっていません。全ての会社がまず取り組む STEP1 から始めましょう。",
				       "The STEP1 basics are not all in place yet. Start with STEP1, which every company does first."));
	else
		hp(r, "<p>%sSTEP%d%s%s%s</p>", T(r, "", "You have reached "), st.current_step, T(r, "「", " “"),
		   TX(r, r->cat->steps[st.current_step - 1].title), T(r, "」まで達しています。", "”."));
	hp(r, "<p class=\"next\"><strong>%s STEP%d %s</strong><br>%s</p>", T(r, "次に取り組む段階:", "Next to work on:"), ws->id,
	   TX(r, ws->title), TX(r, ws->aim));
	hp(r, "<h2>%s</h2>", T(r, "まだ満たしていないチェックポイント（この段階）", "Checkpoints not met yet (this STEP)"));
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
	HL(r, "</section>");
	/* the last step of onboarding: who takes it on */
	plan_t *p = plan_compute(r->cat, r->co, r->today);
	if (can_write(r) && r->co->n_people && p->status.staffing.is_short[ST_OFFICER]) {
		hp(r, "<section class=\"card week\"><h2>%s</h2><p>%s</p>", T(r, "だれが進めるかを決めましょう", "Decide who takes this on"),
		   T(r, "セキュリティ担当者（兼務でかまいません）を決めると、計画のタスクをその人に目安の期限つきで任せられます。あとから計画のページで一つずつ変えられます。",
		     "Appoint a security officer (part-time is fine) and the plan's tasks go to them with suggested due dates. You can change each one on the plan page later."));
		if (p->n_candidates)
			hp(r, "<p class=\"small\">%s%s%s</p>", T(r, "候補: ", "Candidate: "), p->candidates[0].person->name,
			   T(r, " さん（関係する経験があるか、希望した人）", " (related experience, or volunteered)"));
		appoint_form(r, p, "welcome");
		hp(r, "<p><a href=\"/c/%lld/plan?welcome=1\">%s</a></p></section>", id, T(r, "自分で割り当てる（計画を見る）", "Assign them myself (see the plan)"));
	} else {
		hp(r, "<p><a class=\"button\" href=\"/c/%lld/plan?welcome=1\">%s</a></p>", id, T(r, "次へ：自社の計画を見る", "Next: see your plan"));
	}
	plan_free(p);
	page_end(r);
}
