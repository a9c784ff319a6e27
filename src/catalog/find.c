/* find.c — lookups in the catalog by id, and the names of its enums.
 * Tables are small (tens of rows), so a linear scan is the simplest thing
 * that is fast enough.  Shared by secstep and the generator (tools/catgen). */
#include <string.h>
#include <strings.h>

#include "base/util.h"
#include "catalog/catalog.h"

const char *tx(text_t t, lang_t lang)
{
	const char *s = lang == LANG_EN ? t.en : t.ja;
	return s ? s : "";
}

static const char *const side_ids[] = {"inside", "outside"};
static const char *const kind_ids[] = {"acquire", "develop", "exam", "community",
				       "consult", "expert", "service"};

const char *side_id(side_t s) { return side_ids[s]; }
const char *measure_kind_id(measure_kind_t k) { return kind_ids[k]; }

const char *cat_label(const cat_tag *tags, size_t n, const char *id, lang_t lang)
{
	const cat_tag *t = cat_tag_find(tags, n, id);
	return t ? tx(t->name, lang) : id ? id : "";
}

const cat_checkpoint *cat_checkpoint_find(const catalog *c, const char *id)
{
	for (int i = 0; id && i < CAT_CHECKPOINTS; i++)
		if (str_eq(c->checkpoints[i].id, id))
			return &c->checkpoints[i];
	return NULL;
}

const cat_question *cat_question_find(const catalog *c, const char *id, const cat_checkpoint **cpp)
{
	for (int i = 0; id && i < CAT_CHECKPOINTS; i++)
		for (size_t q = 0; q < c->checkpoints[i].n_questions; q++)
			if (str_eq(c->checkpoints[i].questions[q].id, id)) {
				if (cpp)
					*cpp = &c->checkpoints[i];
				return &c->checkpoints[i].questions[q];
			}
	return NULL;
}

const cat_task *cat_task_find(const catalog *c, const char *id)
{
	for (int i = 0; id && i < CAT_TASKS; i++)
		if (str_eq(c->tasks[i].id, id))
			return &c->tasks[i];
	return NULL;
}

#define FIND_IN(arr, n, field, key)                                 \
	do {                                                        \
		for (size_t i_ = 0; (key) && i_ < (n); i_++)        \
			if (str_eq((arr)[i_].field, (key)))         \
				return &(arr)[i_];                  \
		return NULL;                                        \
	} while (0)

const cat_measure *cat_measure_find(const catalog *c, const char *id)
{
	FIND_IN(c->measures, c->n_measures, id, id);
}

const cat_resource *cat_resource_find(const catalog *c, const char *id)
{
	FIND_IN(c->resources, c->n_resources, id, id);
}

const cat_exam *cat_exam_find(const catalog *c, const char *id)
{
	FIND_IN(c->exams, c->n_exams, id, id);
}

const cat_case *cat_case_find(const catalog *c, const char *id)
{
	FIND_IN(c->cases, c->n_cases, id, id);
}

const cat_sd_item *cat_sd_find(const catalog *c, const char *id)
{
	FIND_IN(c->sd, (size_t)CAT_SD_ITEMS, id, id);
}

const cat_tag *cat_tag_find(const cat_tag *tags, size_t n, const char *id)
{
	FIND_IN(tags, n, id, id);
}

/* Whether term starts with key and the rest is a bracketed gloss
 * ("CISO（最高…）" matches "CISO"). */
static bool term_match(const char *term, const char *key)
{
	size_t n = strlen(key);
	if (!term || strncasecmp(term, key, n) != 0)
		return false;
	return term[n] == '\0' || term[n] == ' ' || term[n] == '(' || strncmp(term + n, "（", 3) == 0;
}

/* Finds a term by id, reading, or its Japanese or English form. */
const cat_term *cat_term_find(const catalog *c, const char *key)
{
	if (!key || !*key)
		return NULL;
	for (size_t i = 0; i < c->n_glossary; i++) {
		const cat_term *t = &c->glossary[i];
		if (strcasecmp(t->id, key) == 0 || str_eq(t->reading, key) || term_match(t->term.ja, key) ||
		    term_match(t->term.en, key))
			return t;
	}
	return NULL;
}

const cat_sd_band *cat_band_for(const catalog *c, int score)
{
	if (score < 0)
		score = 0;   /* CONTRACT.md: scores below 0 are in 0-49 */
	for (size_t i = 0; i < c->n_sd_bands; i++)
		if (score >= c->sd_bands[i].min && score <= c->sd_bands[i].max)
			return &c->sd_bands[i];
	return NULL;
}
