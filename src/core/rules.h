/* rules.h — the guidebook's rules as pure functions over the catalog and a
 * company snapshot (CONTRACT.md "Answers and rules").  No SQL, no files, no
 * clock: today is passed in. */
#ifndef SECSTEP_RULES_H
#define SECSTEP_RULES_H

#include "catalog/catalog.h"
#include "core/model.h"

/* Staffing keys, in CONTRACT.md order. */
typedef enum { ST_OFFICER, ST_DEDICATED, ST_LEAD, ST_CISO, ST__COUNT } staff_key_t;
const char *staff_key_id(staff_key_t k);

typedef struct {
	int step;
	int needs[ST__COUNT];      /* 0 = not needed at this STEP */
	int has[ST__COUNT];
	bool is_short[ST__COUNT];
	bool any_short;
} staffing_t;

typedef struct {
	int current_step, working_step;
	answer_t cp[CAT_CHECKPOINTS];     /* effective answer per checkpoint */
	bool evidence[CAT_CHECKPOINTS];    /* answered by the company's records */
	bool met[CAT_CHECKPOINTS];
	int unmet[CAT_CHECKPOINTS];        /* checkpoint indexes */
	size_t n_unmet;
	/* 25-item self-diagnosis */
	size_t sd_answered;
	bool sd_complete;
	int sd_score;                      /* valid when sd_complete */
	const cat_sd_band *band;           /* NULL until complete */
	int sd_unknown[CAT_SD_ITEMS];
	size_t n_sd_unknown;
	int part_score[3], part_max[3];    /* per part, over answered items */
	staffing_t staffing;
	bool one_star, two_star;
} status_t;

/* The effective answer of a checkpoint in a diagnosis: its own answer when
 * given, else the roll-up of its questions once all are answered. */
answer_t checkpoint_answer(const catalog *cat, const m_diagnosis *d, const cat_checkpoint *cp);
/* Roll-up of question answers: all na → na; all yes/na → yes; all no/na →
 * no; any yes or partial → partial; otherwise (no and unknown) unknown.
 * ANS_NONE if any is missing. */
answer_t rollup(const answer_t *a, size_t n);
int sd_points(answer_t a);

/* Computes the status from a diagnosis (NULL = nothing answered yet). */
void status_compute(const catalog *cat, const m_company *co, const m_diagnosis *d, status_t *out);
/* Needs of one STEP (1–4) and who there is. */
void staffing_compute(const m_company *co, int step, staffing_t *out);

/* ---- plan ---- */

enum {
	WHY_SHORT = 1 << 0,          /* the STEP's staffing is short */
	WHY_CANDIDATES = 1 << 1,     /* people with adjacent experience exist */
	WHY_NO_CANDIDATES = 1 << 2,  /* nobody with adjacent experience */
	WHY_TO_TRAIN = 1 << 3,       /* officers or candidates to train */
	WHY_AFTER_APPOINT = 1 << 4,  /* useful once someone is appointed */
	WHY_KNOWLEDGE = 1 << 5,      /* nobody has the STEP's knowledge yet */
	WHY_SMALL = 1 << 6,          /* few employees: hands are short */
	WHY_STEP = 1 << 7,           /* the STEP asks for it */
};
#define WHY__COUNT 8
const char *why_id(int bit_index);

typedef struct {
	const cat_task *task;
	const char *owner;           /* person key or NULL */
	date_t due;                  /* DATE_NONE when not set */
	date_t suggested_due;        /* default schedule from today */
	task_status_t status;
	bool overdue;
} plan_task;

typedef struct {
	const cat_measure *measure;
	unsigned why;
	int priority;                /* 1 now, 2 next */
} plan_measure;

typedef struct {
	const m_person *person;
	const char *because[8];      /* experience tags, or "volunteer" */
	size_t n_because;
	int score;
	const cat_exam *exam;        /* their exam once appointed (exam_next), or NULL */
} plan_candidate;

typedef struct {
	const m_person *person;
	const cat_exam *exam;
	const m_exam *record;        /* planned/studying record, or NULL */
} plan_exam;

/* A concurrent officer who could become the dedicated officer STEP3 needs
 * (see plan_t.dedicated). */
typedef struct {
	const m_person *person;
	const cat_exam *passed;      /* their highest-level exam passed, or NULL */
	int share;                   /* percent of working time on the role, 0 = not given */
	bool security_work;          /* has done security work (experience tag security_work) */
	size_t n_adjacent;           /* adjacent experience tags (配置転換) */
} plan_inside;

typedef struct {
	const cat_tag *audience;
	const cat_resource *resources[32];
	size_t n_resources;
	const cat_measure *measures[16];
	size_t n_measures;
} plan_learning;

typedef struct {
	const cat_case *c;
	int score;
	const char *because[4];      /* "step", "industry", "size", "it_uses" */
	size_t n_because;
} plan_case;

typedef struct {
	status_t status;
	int step;
	const cat_step *cstep;
	date_t today;
	plan_task tasks[4];
	size_t n_tasks;
	size_t n_overdue, n_done;
	plan_measure *measures;
	size_t n_measures;
	plan_candidate *candidates;
	size_t n_candidates;
	plan_exam *exams;
	size_t n_exams;
	plan_learning *learning;
	size_t n_learning;
	plan_case cases[8];
	size_t n_cases;              /* sorted, closest first */
	const m_person *single_owner;   /* set when one part-time person holds every task */
	bool inside_capacity, knowledge_short;
	bool has_adjacent;           /* people with adjacent experience or volunteers exist */
	/* From STEP3 on, when the dedicated officer is short: who could become
	 * one (the concurrent officers, most experienced first: highest IPA
	 * level passed, then security work done, then the larger share of
	 * their time already on the role, then more adjacent experience, then
	 * person id), and the ways from outside (the catalog's measures of
	 * STEP3 up to the working STEP marked dedicated_alternative: hire
	 * first, then outsource). */
	bool dedicated_short;
	plan_inside *dedicated;
	size_t n_dedicated;
	const cat_measure *dedicated_outside[16];
	size_t n_dedicated_outside;
	arena_t arena;
} plan_t;

/* The next exam on the guidebook's ladder for one person working on STEP
 * `step` (CONTRACT.md "Exams for officers climb the guidebook's ladder"):
 * of the ladder exams of STEP1…step (ip → sg → au → sc, the STEPs' own
 * exams in the catalog) that the person has not passed, the highest one
 * they have planned or are studying; else the first, in ladder order,
 * whose IPA level is above the highest level they have passed (fe and ap
 * count by level); else NULL.  *record (when record is not NULL) is set to
 * their planned/studying record of the exam returned, or NULL. */
const cat_exam *exam_next(const catalog *cat, const m_person *ps, int step, const m_exam **record);

/* Builds the plan for the company's working STEP.  Free with plan_free. */
plan_t *plan_compute(const catalog *cat, const m_company *co, date_t today);
void plan_free(plan_t *p);

/* People compare (by key, byte order — CONTRACT.md "by person id"). */
int person_key_cmp(const char *a, const char *b);

#endif
