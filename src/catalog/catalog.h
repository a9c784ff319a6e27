/* catalog.h — the guidebook as data: loaded from the JSON files of catalog/
 * (compiled into the binary), validated, and looked up by id.
 *
 * Every string points into the parsed JSON tree the catalog owns; nothing
 * here is freed by callers.  One catalog is loaded at start-up and then only
 * read, so it is safe to share between threads. */
#ifndef SECSTEP_CATALOG_H
#define SECSTEP_CATALOG_H

#include <stdbool.h>
#include <stddef.h>

#include "base/embed.h"
#include "base/errs.h"

typedef struct json_t json_t;

typedef struct {
	const char *ja;
	const char *en;
} text_t;

typedef enum { LANG_JA = 0, LANG_EN = 1 } lang_t;

/* The text in lang (never NULL; "" when the catalog has none). */
const char *tx(text_t t, lang_t lang);

typedef enum { SIDE_INSIDE, SIDE_OUTSIDE } side_t;
typedef enum {
	KIND_ACQUIRE, KIND_DEVELOP, KIND_EXAM, KIND_COMMUNITY,
	KIND_CONSULT, KIND_EXPERT, KIND_SERVICE, KIND__COUNT
} measure_kind_t;

const char *side_id(side_t s);
const char *measure_kind_id(measure_kind_t k);

typedef struct {
	const char *id;
	text_t text, help;
} cat_question;

typedef struct {
	const char *id;
	int step;
	int index;               /* 0..13 in guidebook order */
	text_t title, summary;
	const char *source;
	const char **sd;         /* related self-diagnosis ids */
	size_t n_sd;
	cat_question *questions;
	size_t n_questions;
} cat_checkpoint;

typedef struct {
	const char *id;
	int step;
	int index;               /* 0..15 */
	text_t title, summary;
	const char *source;
	const char **checkpoints;
	size_t n_checkpoints;
	int default_days;
} cat_task;

typedef struct {
	const char *id;
	int step;
	side_t side;
	measure_kind_t kind;
	text_t title, summary, suits;
	const char *source;
	const char **audiences;
	size_t n_audiences;
	const char **resources;
	size_t n_resources;
	const char *exam;        /* kind exam only, else NULL */
} cat_measure;

typedef struct {
	const char *id;
	text_t name, what;
	const char *kind;
	const char **audiences;
	size_t n_audiences;
	int steps[4];            /* 1 when the STEP names it */
	const char *url;
	const char *source;
} cat_resource;

typedef struct {
	const char *id;
	text_t name, audience, format, fee_note;
	int level;
	int fee_yen;
	int step;                /* 0 when no STEP recommends it */
	const char *url, *source;
} cat_exam;

typedef struct {
	const char *id;
	text_t name, title, it_summary, trigger, problem, results;
	const char *industry;
	int employees, step;
	const char **it_uses;
	size_t n_it_uses;
	text_t *actions;
	size_t n_actions;
	text_t *points;
	size_t n_points;
	const char *source;
} cat_case;

typedef struct {
	const char *id;
	int no;
	const char *part;
	text_t title, question, help;
	const char *source;
} cat_sd_item;

typedef struct {
	const char *id;
	text_t title;
	int from, to;
} cat_sd_part;

typedef struct {
	const char *id;
	int min, max;
	text_t meaning, next;
} cat_sd_band;

typedef struct {
	const char *id;
	text_t term, definition;
	const char *reading;
	bool in_guidebook;
	const char *source;
} cat_term;

/* A plain named tag (industries, IT uses, roles, audiences, experience). */
typedef struct {
	const char *id;
	text_t name, summary;
	bool adjacent;           /* experience tags: counts for 配置転換 */
} cat_tag;

typedef struct {
	int id;
	text_t title, aim, staffing, outside_help, learning;
	const char *guideline_pages, *exam, *source;
	cat_checkpoint *checkpoints;   /* points into catalog.checkpoints */
	size_t n_checkpoints;
	cat_task *tasks;
	size_t n_tasks;
	cat_measure *measures;
	size_t n_measures;
} cat_step;

#define CAT_STEPS 4
#define CAT_CHECKPOINTS 14
#define CAT_TASKS 16
#define CAT_SD_ITEMS 25

typedef struct catalog {
	json_t *root;                  /* merged document (catalog --json) */
	cat_step steps[CAT_STEPS];
	cat_checkpoint checkpoints[CAT_CHECKPOINTS];
	cat_task tasks[CAT_TASKS];
	cat_measure *measures;
	size_t n_measures;
	cat_resource *resources;
	size_t n_resources;
	cat_exam *exams;
	size_t n_exams;
	cat_case *cases;
	size_t n_cases;
	cat_sd_item sd[CAT_SD_ITEMS];
	cat_sd_part *sd_parts;
	size_t n_sd_parts;
	cat_sd_band *sd_bands;
	size_t n_sd_bands;
	cat_term *glossary;
	size_t n_glossary;
	cat_tag *industries, *it_uses, *roles, *audiences, *experience, *answers, *kinds;
	size_t n_industries, n_it_uses, n_roles, n_audiences, n_experience, n_answers, n_kinds;
	cat_tag *security_action;
	size_t n_security_action;
	void *mem;                     /* owned allocations */
} catalog;

/* Loads and validates a catalog from a table of JSON files (the embedded
 * table in production; test fixtures in tests).  Returns NULL and fills errs
 * with every problem found when the data is broken. */
catalog *catalog_load(const struct embedded_file *files, errs_t *errs);
void catalog_free(catalog *c);

/* The built-in catalog, loaded once (aborts with the validator's messages
 * when the compiled-in data is broken — a build bug). */
const catalog *catalog_builtin(void);
extern const struct embedded_file catalog_files[];

/* Lookups by id; NULL when unknown. */
const cat_checkpoint *cat_checkpoint_find(const catalog *c, const char *id);
const cat_question *cat_question_find(const catalog *c, const char *id, const cat_checkpoint **cp);
const cat_task *cat_task_find(const catalog *c, const char *id);
const cat_measure *cat_measure_find(const catalog *c, const char *id);
const cat_resource *cat_resource_find(const catalog *c, const char *id);
const cat_exam *cat_exam_find(const catalog *c, const char *id);
const cat_case *cat_case_find(const catalog *c, const char *id);
const cat_sd_item *cat_sd_find(const catalog *c, const char *id);
const cat_term *cat_term_find(const catalog *c, const char *id_or_term);
const cat_tag *cat_tag_find(const cat_tag *tags, size_t n, const char *id);
const cat_sd_band *cat_band_for(const catalog *c, int score);

#endif
