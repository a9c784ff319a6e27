/* catalog.h — the guidebook as data: the JSON files of catalog/, validated
 * and compiled into typed C tables at build time by tools/catgen (a broken
 * catalog fails the build, naming the item), and looked up by id.
 *
 * The built-in catalog is one constant object (catalog_builtin()); nothing
 * is parsed or allocated at start-up, nothing is freed, and it is safe to
 * share between threads.  Every string is a constant of the program. */
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
	const char *const *sd;   /* related self-diagnosis ids */
	size_t n_sd;
	const cat_question *questions;
	size_t n_questions;
} cat_checkpoint;

typedef struct {
	const char *id;
	int step;
	int index;               /* 0..15 */
	text_t title, summary;
	const char *source;
	const char *const *checkpoints;
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
	const char *const *audiences;
	size_t n_audiences;
	const char *const *resources;
	size_t n_resources;
	const char *exam;        /* kind exam only, else NULL */
	/* "hire" or "outsource" when the measure is a way, from outside, to
	 * fill the dedicated officer STEP3 needs; else NULL. */
	const char *dedicated_alt;
} cat_measure;

typedef struct {
	const char *id;
	text_t name, what;
	const char *kind;
	const char *const *audiences;
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
	const char *const *it_uses;
	size_t n_it_uses;
	const text_t *actions;
	size_t n_actions;
	const text_t *points;
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
	unsigned sides;          /* measure kinds: bit (1u << side_t) per side it is used on */
} cat_tag;

typedef struct {
	int id;
	text_t title, aim, staffing, outside_help, learning;
	const char *guideline_pages, *exam, *source;
	const cat_checkpoint *checkpoints;   /* points into catalog.checkpoints */
	size_t n_checkpoints;
	const cat_task *tasks;               /* points into catalog.tasks */
	size_t n_tasks;
	const cat_measure *measures;         /* points into catalog.measures */
	size_t n_measures;
} cat_step;

/* The guidebook itself (guidebook.json): what it is, whom it is for and
 * how to use it, who publishes it. */
typedef struct {
	text_t title, publisher, purpose, address;
	const char *published;   /* "2026-03" */
	const char *phone, *email, *url, *source;
	const text_t *how_to_use;
	size_t n_how_to_use;
} cat_guidebook;

/* One of the three phases of incident response (incident.json). */
typedef struct {
	const char *id;          /* detect, report, recover */
	text_t title;
	const text_t *steps;     /* what to do, in order */
	size_t n_steps;
	const char *source;
} cat_phase;

#define CAT_STEPS 4
#define CAT_CHECKPOINTS 14
#define CAT_TASKS 16
#define CAT_SD_ITEMS 25

typedef struct catalog {
	cat_guidebook guidebook;
	cat_step steps[CAT_STEPS];
	cat_checkpoint checkpoints[CAT_CHECKPOINTS];
	cat_task tasks[CAT_TASKS];
	const cat_measure *measures;
	size_t n_measures;
	const cat_resource *resources;
	size_t n_resources;
	const cat_exam *exams;
	size_t n_exams;
	const cat_case *cases;
	size_t n_cases;
	cat_sd_item sd[CAT_SD_ITEMS];
	const cat_sd_part *sd_parts;
	size_t n_sd_parts;
	const cat_sd_band *sd_bands;
	size_t n_sd_bands;
	const cat_term *glossary;
	size_t n_glossary;
	const cat_tag *industries, *it_uses, *roles, *audiences, *experience, *answers, *kinds;
	size_t n_industries, n_it_uses, n_roles, n_audiences, n_experience, n_answers, n_kinds;
	const cat_tag *security_action;
	size_t n_security_action;
	/* Labels of the company document's enums, one table each (ids as in
	 * core/model.h): task status, exam status, role time. */
	const cat_tag *task_statuses, *exam_statuses, *role_times;
	size_t n_task_statuses, n_exam_statuses, n_role_times;
	const cat_phase *phases;       /* incident response, in order */
	size_t n_phases;
	const char *json;              /* the merged document, compact JSON text */
	size_t json_len;
} catalog;

/* The built-in catalog (generated from the catalog/ JSON files by tools/catgen). */
const catalog *catalog_builtin(void);
extern const catalog catalog_data;

/* The built-in catalog as one JSON document (`secstep catalog --json`):
 * parsed on first use, then kept; a borrowed reference, never NULL. */
json_t *catalog_json(void);

/* The label of an enum value from one of the catalog's tag tables, in lang;
 * the id itself when the table has no such value. */
const char *cat_label(const cat_tag *tags, size_t n, const char *id, lang_t lang);

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
