/* cmd_catalog.c — `secstep catalog`: the guidebook as the program knows it.
 *
 *   catalog                 overview of the four STEPs
 *   catalog step N          one STEP: checkpoints, tasks, people, help, exams
 *   catalog case ID         a case study (case-a … case-d)
 *   catalog exam ID         an exam (ip sg fe ap au sc), or all with no ID
 *   catalog glossary [TERM] the glossary, or one term
 *   catalog selfcheck       the 25-item self-diagnosis
 * With --json each prints the matching part of the catalog as JSON. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "cli/cli.h"


/* A catalog source reference for the reader: as written in Japanese, or in
 * English the same references with the Japanese names of works put in
 * English and the Japanese section titles left out ("ガイドブック 4(1)
 * 人材確保・育成 確保; 人材手引き p25" → "Guidebook 4(1); IPA talent
 * handbook p25").  Returns static storage or source itself. */
static const char *source_text(const cli_t *cx, const char *source)
{
	static char out[512];
	if (cx->lang != LANG_EN || !source)
		return source ? source : "";
	static const struct {
		const char *ja, *en;
	} works[] = {{"ガイドブック", "Guidebook"}, {"人材手引き", "IPA talent handbook"}, {"用語集", "Glossary"},
		     {"事例（A社）", "Case A"}, {"事例（B社）", "Case B"}, {"事例（C社）", "Case C"}, {"事例（D社）", "Case D"},
		     {"事例", "case studies"}};
	size_t n = 0;
	out[0] = '\0';
	const char *p = source;
	while (*p) {
		const char *semi = strchr(p, ';');
		size_t len = semi ? (size_t)(semi - p) : strlen(p);
		/* words of one reference */
		bool first_word = true;
		const char *w = p, *end = p + len;
		while (w < end) {
			while (w < end && *w == ' ')
				w++;
			const char *we = w;
			while (we < end && *we != ' ')
				we++;
			if (we == w)
				break;
			const char *word = NULL;
			char buf[128];
			snprintf(buf, sizeof buf, "%.*s", (int)(we - w), w);
			for (size_t i = 0; i < sizeof works / sizeof works[0] && !word; i++)
				if (!strcmp(buf, works[i].ja))
					word = works[i].en;
			bool ascii = true;
			for (const char *c = buf; *c; c++)
				ascii &= (unsigned char)*c < 0x80;
			if (!word && ascii)
				word = buf;
			if (word)
				n += (size_t)snprintf(out + n, n < sizeof out ? sizeof out - n : 0, "%s%s",
						      first_word ? (n ? "; " : "") : " ", word);
			if (n >= sizeof out)
				n = sizeof out - 1;
			first_word = first_word && !word;
			w = we;
		}
		p += len + (semi != NULL);
	}
	return out;
}

static const char *kind_name(const cli_t *cx, measure_kind_t k)
{
	const cat_tag *t = cat_tag_find(cx->cat->kinds, cx->cat->n_kinds, measure_kind_id(k));
	return t ? tx(t->name, cx->lang) : measure_kind_id(k);
}

static const char *audience_name(const cli_t *cx, const char *id)
{
	const cat_tag *t = cat_tag_find(cx->cat->audiences, cx->cat->n_audiences, id);
	return t ? tx(t->name, cx->lang) : id;
}

static void print_measures(const cli_t *cx, const cat_step *st, side_t side)
{
	for (int k = 0; k < KIND__COUNT; k++) {
		bool head = false;
		for (size_t i = 0; i < st->n_measures; i++) {
			const cat_measure *m = &st->measures[i];
			if (m->side != side || (int)m->kind != k)
				continue;
			if (!head) {
				printf("  [%s]\n", kind_name(cx, (measure_kind_t)k));
				head = true;
			}
			printf("    %s%s (%s)\n      %s\n", tr(cx, "・", "- "), tx(m->title, cx->lang), m->id, tx(m->summary, cx->lang));
			printf("      %s%s\n", tr(cx, "向いている場合: ", "Suits: "), tx(m->suits, cx->lang));
			if (m->n_audiences) {
				printf("      %s", tr(cx, "対象: ", "For: "));
				for (size_t a = 0; a < m->n_audiences; a++)
					printf("%s%s", a ? tr(cx, "、", ", ") : "", audience_name(cx, m->audiences[a]));
				putchar('\n');
			}
			for (size_t r = 0; r < m->n_resources; r++) {
				const cat_resource *res = cat_resource_find(cx->cat, m->resources[r]);
				printf("      → %s%s%s\n", tx(res->name, cx->lang), res->url && *res->url ? "  " : "",
				       res->url ? res->url : "");
			}
			printf("      %s%s\n", tr(cx, "出典: ", "Source: "), source_text(cx, m->source));
		}
	}
}

static int show_step(cli_t *cx, int n)
{
	const cat_step *st = &cx->cat->steps[n - 1];
	if (cx->json) {
		print_json(json_incref(json_array_get(json_object_get(catalog_json(), "steps"), (size_t)n - 1)));
		return EXIT_OK;
	}
	printf("STEP%d %s\n\n", st->id, tx(st->title, cx->lang));
	printf("%s\n\n", tx(st->aim, cx->lang));
	printf("%s\n  %s\n", tr(cx, "■ 人の確保", "■ People"), tx(st->staffing, cx->lang));
	printf("%s\n  %s\n", tr(cx, "■ 外部の力", "■ Outside help"), tx(st->outside_help, cx->lang));
	printf("%s\n  %s\n\n", tr(cx, "■ 学び・試験", "■ Learning and exams"), tx(st->learning, cx->lang));

	printf("%s\n", tr(cx, "■ チェックポイント（これができていれば、この段階は達成）",
			  "■ Checkpoints (met when all of these are done)"));
	for (size_t i = 0; i < st->n_checkpoints; i++) {
		const cat_checkpoint *cp = &st->checkpoints[i];
		printf("  %s %s\n    %s\n", cp->id, tx(cp->title, cx->lang), tx(cp->summary, cx->lang));
		for (size_t q = 0; q < cp->n_questions; q++)
			printf("    %s %s\n       %s\n", tr(cx, "？", "?"), tx(cp->questions[q].text, cx->lang),
			       tx(cp->questions[q].help, cx->lang));
	}
	printf("\n%s\n", tr(cx, "■ 担当者のタスク", "■ The officer's tasks"));
	for (size_t i = 0; i < st->n_tasks; i++) {
		const cat_task *t = &st->tasks[i];
		printf("  %s %s\n    %s\n", t->id, tx(t->title, cx->lang), tx(t->summary, cx->lang));
	}
	printf("\n%s\n", tr(cx, "■ 社内の人材を活かす場合", "■ Using people inside the company"));
	print_measures(cx, st, SIDE_INSIDE);
	printf("\n%s\n", tr(cx, "■ 社内の人手・知識が足りない場合", "■ When hands or knowledge are short"));
	print_measures(cx, st, SIDE_OUTSIDE);
	const cat_exam *ex = cat_exam_find(cx->cat, st->exam);
	printf("\n%s %s (%s)\n", tr(cx, "■ おすすめの試験:", "■ Recommended exam:"), tx(ex->name, cx->lang), ex->id);
	printf("\n%s %s (%s %s)\n", tr(cx, "出典:", "Source:"), source_text(cx, st->source),
	       tr(cx, "ガイドライン", "Guideline"), st->guideline_pages);
	return EXIT_OK;
}

static int show_case(cli_t *cx, const char *id)
{
	const cat_case *k = cat_case_find(cx->cat, id);
	if (!k) {
		cli_error(cx, "%s \"%s\" (case-a, case-b, case-c, case-d)", tr(cx, "不明な事例:", "unknown case"), id);
		return EXIT_FAIL;
	}
	if (cx->json) {
		json_t *arr = json_object_get(catalog_json(), "cases");
		print_json(json_incref(json_array_get(arr, (size_t)(k - cx->cat->cases))));
		return EXIT_OK;
	}
	const cat_tag *ind = cat_tag_find(cx->cat->industries, cx->cat->n_industries, k->industry);
	printf("%s — %s\n\n", tx(k->name, cx->lang), tx(k->title, cx->lang));
	printf("%s%s (%s) / %s%d%s / STEP%d\n", tr(cx, "業種: ", "Industry: "), ind ? tx(ind->name, cx->lang) : "",
	       k->industry, tr(cx, "従業員 ", "employees "), k->employees, tr(cx, "人", ""), k->step);
	printf("%s%s\n\n", tr(cx, "ITの使い方: ", "IT use: "), tx(k->it_summary, cx->lang));
	printf("%s\n  %s\n", tr(cx, "■ きっかけ", "■ Trigger"), tx(k->trigger, cx->lang));
	printf("%s\n  %s\n", tr(cx, "■ 問題", "■ Problem"), tx(k->problem, cx->lang));
	printf("%s\n", tr(cx, "■ 取り組み（順に）", "■ What they did, in order"));
	for (size_t i = 0; i < k->n_actions; i++)
		printf("  %zu. %s\n", i + 1, tx(k->actions[i], cx->lang));
	printf("%s\n  %s\n", tr(cx, "■ 成果", "■ Results"), tx(k->results, cx->lang));
	printf("%s\n", tr(cx, "■ ポイント", "■ Key points"));
	for (size_t i = 0; i < k->n_points; i++)
		printf("  %s%s\n", tr(cx, "・", "- "), tx(k->points[i], cx->lang));
	printf("\n%s %s\n", tr(cx, "出典:", "Source:"), source_text(cx, k->source));
	return EXIT_OK;
}

static void print_exam(const cli_t *cx, const cat_exam *e)
{
	printf("%s (%s) — %s %d%s\n", tx(e->name, cx->lang), e->id, tr(cx, "レベル", "level"), e->level,
	       e->step ? "" : "");
	if (e->step)
		printf("  %s STEP%d\n", tr(cx, "おすすめの段階:", "Recommended at:"), e->step);
	printf("  %s%s\n  %s%s\n  %s¥%d — %s\n", tr(cx, "対象: ", "For: "), tx(e->audience, cx->lang),
	       tr(cx, "形式: ", "Format: "), tx(e->format, cx->lang), tr(cx, "受験料: ", "Fee: "), e->fee_yen,
	       tx(e->fee_note, cx->lang));
	if (e->url && *e->url)
		printf("  %s\n", e->url);
}

static int show_exam(cli_t *cx, const char *id)
{
	if (!id) {
		if (cx->json) {
			print_json(json_incref(json_object_get(catalog_json(), "exams")));
			return EXIT_OK;
		}
		printf("%s\n\n", tr(cx, "試験のはしご（やさしい順）", "The exam ladder (easiest first)"));
		for (int lv = 1; lv <= 4; lv++)
			for (size_t i = 0; i < cx->cat->n_exams; i++)
				if (cx->cat->exams[i].level == lv) {
					print_exam(cx, &cx->cat->exams[i]);
					putchar('\n');
				}
		return EXIT_OK;
	}
	const cat_exam *e = cat_exam_find(cx->cat, id);
	if (!e) {
		cli_error(cx, "%s \"%s\" (ip, sg, fe, ap, au, sc)", tr(cx, "不明な試験:", "unknown exam"), id);
		return EXIT_FAIL;
	}
	if (cx->json) {
		print_json(json_incref(json_array_get(json_object_get(catalog_json(), "exams"),
						      (size_t)(e - cx->cat->exams))));
		return EXIT_OK;
	}
	print_exam(cx, e);
	return EXIT_OK;
}

static int show_glossary(cli_t *cx, const char *term)
{
	if (term) {
		const cat_term *t = cat_term_find(cx->cat, term);
		if (!t) {
			cli_error(cx, "%s \"%s\"", tr(cx, "用語集にありません:", "not in the glossary:"), term);
			return EXIT_FAIL;
		}
		if (cx->json) {
			print_json(json_incref(json_array_get(json_object_get(catalog_json(), "glossary"),
							      (size_t)(t - cx->cat->glossary))));
			return EXIT_OK;
		}
		printf("%s\n  %s\n", tx(t->term, cx->lang), tx(t->definition, cx->lang));
		return EXIT_OK;
	}
	if (cx->json) {
		print_json(json_incref(json_object_get(catalog_json(), "glossary")));
		return EXIT_OK;
	}
	for (size_t i = 0; i < cx->cat->n_glossary; i++) {
		const cat_term *t = &cx->cat->glossary[i];
		printf("%s (%s)\n  %s\n", tx(t->term, cx->lang), t->id, tx(t->definition, cx->lang));
	}
	return EXIT_OK;
}

static int show_selfcheck(cli_t *cx)
{
	if (cx->json) {
		print_json(json_incref(json_object_get(catalog_json(), "self_diagnosis")));
		return EXIT_OK;
	}
	for (size_t p = 0; p < cx->cat->n_sd_parts; p++) {
		const cat_sd_part *part = &cx->cat->sd_parts[p];
		printf("%s %s (No.%d-%d)\n", tr(cx, "■", "■"), tx(part->title, cx->lang), part->from, part->to);
		for (int i = part->from - 1; i < part->to; i++)
			printf("  %s %s\n     %s\n", cx->cat->sd[i].id, tx(cx->cat->sd[i].question, cx->lang),
			       tx(cx->cat->sd[i].help, cx->lang));
	}
	printf("\n%s\n", tr(cx, "点数: はい 4 / 一部 2 / いいえ 0 / わからない −1 / 該当しない 4（合計 −25〜100）",
			  "Scoring: yes 4 / partly 2 / no 0 / don't know −1 / not applicable 4 (total −25 to 100)"));
	for (size_t b = 0; b < cx->cat->n_sd_bands; b++)
		printf("  %s: %s %s\n", cx->cat->sd_bands[b].id, tx(cx->cat->sd_bands[b].meaning, cx->lang),
		       tx(cx->cat->sd_bands[b].next, cx->lang));
	return EXIT_OK;
}

static int overview(cli_t *cx)
{
	const catalog *c = cx->cat;
	const cat_guidebook *g = &c->guidebook;
	static const char *const months[] = {"January", "February", "March", "April", "May", "June", "July",
					     "August", "September", "October", "November", "December"};
	int year = atoi(g->published), month = atoi(g->published + 5);
	if (month < 1 || month > 12)
		month = 1;
	if (cx->lang == LANG_EN)
		printf("%s\n%s, %s %d\n\n", tx(g->title, cx->lang), tx(g->publisher, cx->lang), months[month - 1], year);
	else
		printf("%s\n%s、%d年%d月\n\n", tx(g->title, cx->lang), tx(g->publisher, cx->lang), year, month);
	printf("%s\n\n%s\n", tx(g->purpose, cx->lang), tr(cx, "■ 使い方", "■ How to use it"));
	for (size_t i = 0; i < g->n_how_to_use; i++)
		printf("  %zu. %s\n", i + 1, tx(g->how_to_use[i], cx->lang));
	putchar('\n');
	for (int s = 0; s < CAT_STEPS; s++) {
		const cat_step *st = &c->steps[s];
		const cat_exam *ex = cat_exam_find(c, st->exam);
		printf("STEP%d %s\n  %s\n", st->id, tx(st->title, cx->lang), tx(st->aim, cx->lang));
		printf("  %s", tr(cx, "チェックポイント: ", "Checkpoints: "));
		for (size_t i = 0; i < st->n_checkpoints; i++)
			printf("%s%s", i ? tr(cx, "／", " / ") : "", tx(st->checkpoints[i].title, cx->lang));
		printf("\n  %s%zu / %s%zu / %s%s\n\n", tr(cx, "タスク ", "tasks "), st->n_tasks,
		       tr(cx, "人材の方策 ", "talent measures "), st->n_measures,
		       tr(cx, "試験 ", "exam "), tx(ex->name, cx->lang));
	}
	printf("%s %zu / %s %zu / %s %zu / %s %zu\n\n", tr(cx, "事例", "Cases"), c->n_cases,
	       tr(cx, "試験", "exams"), c->n_exams, tr(cx, "用語", "glossary terms"), c->n_glossary,
	       tr(cx, "学習・相談先", "resources"), c->n_resources);
	printf("%s %s / %s / %s\n\n", tr(cx, "発行元の問い合わせ先:", "The publisher's contact:"), g->phone, g->email, g->url);
	printf("%s\n", tr(cx, "詳しく: secstep catalog step 1 | case case-a | exam [ID] | glossary [用語] | selfcheck",
			  "More: secstep catalog step 1 | case case-a | exam [ID] | glossary [TERM] | selfcheck"));
	return EXIT_OK;
}

static int cmd_catalog(cli_t *cx, args_t *a)
{
	const char *what = a->n_pos ? a->pos[0] : NULL;
	const char *arg = a->n_pos > 1 ? a->pos[1] : NULL;
	if (!what) {
		if (cx->json) {
			print_json(json_incref(catalog_json()));
			return EXIT_OK;
		}
		return overview(cx);
	}
	if (strcmp(what, "step") == 0) {
		if (!arg || strlen(arg) != 1 || arg[0] < '1' || arg[0] > '4') {
			cli_error(cx, "%s", tr(cx, "STEP は 1〜4 で指定します", "STEP must be 1 to 4"));
			return EXIT_USAGE;
		}
		return show_step(cx, arg[0] - '0');
	}
	if (strcmp(what, "case") == 0 && arg)
		return show_case(cx, arg);
	if (strcmp(what, "exam") == 0 || strcmp(what, "exams") == 0)
		return show_exam(cx, arg);
	if (strcmp(what, "glossary") == 0)
		return show_glossary(cx, arg);
	if (strcmp(what, "selfcheck") == 0 && !arg)
		return show_selfcheck(cx);
	cli_error(cx, "%s \"%s\"", tr(cx, "不明な項目:", "unknown part"), what);
	return EXIT_USAGE;
}

const cli_cmd catalog_cmds[] = {
	{"catalog", NULL, cmd_catalog, "", 0, 2,
	 "[step N | case ID | exam [ID] | glossary [TERM] | selfcheck]",
	 "ガイドブックの内容（STEP・事例・試験・用語集・自社診断）を表示",
	 "show the guidebook's content (STEPs, cases, exams, glossary, self-check)",
	 {"（なし）\tSTEP1〜4 の一覧\n"
	  "step N\tSTEP N（1〜4）のチェックポイント・タスク・人・外部の力・試験\n"
	  "case ID\t事例（case-a〜case-d）\n"
	  "exam [ID]\t試験の一覧、または一つの試験（ip sg fe ap au sc）\n"
	  "glossary [TERM]\t用語集、または一つの用語\n"
	  "selfcheck\t「5分でできる！情報セキュリティ自社診断」の25項目",
	  "(none)\tthe list of STEP1-4\n"
	  "step N\tSTEP N (1-4): checkpoints, tasks, people, outside help, exams\n"
	  "case ID\ta case study (case-a … case-d)\n"
	  "exam [ID]\tthe exams, or one exam (ip sg fe ap au sc)\n"
	  "glossary [TERM]\tthe glossary, or one term\n"
	  "selfcheck\tthe 25 items of the 5-minute self-check",
	  NULL, NULL,
	  "secstep catalog step 1\nsecstep --lang en catalog exam sg\nsecstep --json catalog"}},
	HA_END,
};

