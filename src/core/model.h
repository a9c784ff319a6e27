/* model.h — one company as the rules see it: a snapshot read from the store
 * (or built from a company document), owned by an arena.  Ids of catalog
 * items are the catalog's strings; people are named by their key ("p1"). */
#ifndef SECSTEP_MODEL_H
#define SECSTEP_MODEL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/arena.h"
#include "base/date.h"

typedef enum { ANS_NONE = 0, ANS_YES, ANS_PARTIAL, ANS_NO, ANS_UNKNOWN, ANS_NA } answer_t;
typedef enum { TIME_CONCURRENT = 0, TIME_DEDICATED } role_time_t;
typedef enum { EXAM_PLANNED = 0, EXAM_STUDYING, EXAM_PASSED } exam_status_t;
typedef enum { TASK_TODO = 0, TASK_DOING, TASK_DONE } task_status_t;

const char *answer_id(answer_t a);           /* "yes" …; NULL for ANS_NONE */
bool answer_parse(const char *s, answer_t *out);
const char *role_time_id(role_time_t t);
bool role_time_parse(const char *s, role_time_t *out);
const char *exam_status_id(exam_status_t s);
bool exam_status_parse(const char *s, exam_status_t *out);
const char *task_status_id(task_status_t s);
bool task_status_parse(const char *s, task_status_t *out);

typedef struct {
	const char *role;        /* catalog security role id */
	role_time_t time;
	int share;               /* percent of working time, 0 = not given */
} m_role;

typedef struct {
	const char *exam;        /* catalog exam id */
	exam_status_t status;
	date_t date;             /* DATE_NONE when not given */
} m_exam;

typedef struct {
	const char *resource;    /* catalog resource id */
	date_t date;
	const char *note;
} m_learning;

typedef struct {
	int64_t rowid;           /* store id; 0 when not stored */
	const char *key;         /* "p1": unique in the company */
	const char *name, *department, *position, *email, *phone, *notes;
	const char **experience;
	size_t n_experience, cap_experience;
	bool volunteer;
	m_role *roles;
	size_t n_roles, cap_roles;
	m_exam *exams;
	size_t n_exams, cap_exams;
	m_learning *learning;
	size_t n_learning, cap_learning;
} m_person;

typedef struct {
	const char *task;        /* catalog task id */
	const char *owner;       /* person key or NULL */
	date_t due;
	task_status_t status;
	const char *note;
} m_task;

typedef struct {
	const char *key;         /* "a1" */
	const char *name, *business, *department, *medium, *owner, *notes;
	int c, i, a;             /* 1–3 */
	bool personal;
	int threat, vulnerability;   /* 1–3 */
	const char *treatment;       /* reduce | avoid | transfer | accept, or NULL */
	const char *action;          /* what will be done */
	const char *treat_owner;     /* person key */
	date_t treat_due;
} m_asset;

/* One version of the basic policy (情報セキュリティ基本方針). */
typedef struct {
	int version;             /* 1, 2, … */
	const char *body;
	date_t created;
	const char *author;
	date_t approved;         /* DATE_NONE until the owner approves */
	const char *approver;
} m_policy;

/* An employee's acknowledgement of a policy version. */
typedef struct {
	const char *person;      /* person key */
	int version;
	date_t date;
} m_ack;

/* A record of one of the STEP3/4 registers (core/registers.h): its
 * fields as a canonical JSON object, in text. */
typedef struct {
	const char *kind;        /* "suppliers", "contacts", … */
	const char *key;         /* "s1": unique within the kind */
	const char *json;
} m_record;

/* One dated diagnosis: answers by catalog id (checkpoints, questions,
 * self-diagnosis items). */
typedef struct {
	date_t date;
	const char **items;
	answer_t *answers;
	size_t n, cap;
} m_diagnosis;

typedef struct {
	int64_t id;
	int64_t version;             /* the stored version it was read at (0: not stored) */
	const char *name, *industry, *notes;
	int employees;
	const char **it_uses;
	size_t n_it_uses, cap_it_uses;
	m_person *people;
	size_t n_people, cap_people;
	m_task *tasks;
	size_t n_tasks, cap_tasks;
	m_asset *assets;
	size_t n_assets, cap_assets;
	/* diagnoses[n_diagnoses-1] is the latest; older ones are history. */
	m_diagnosis *diagnoses;
	size_t n_diagnoses, cap_diagnoses;
	date_t policy_published;     /* DATE_NONE when no published basic policy */
	const char *policy_where;
	m_policy *policies;          /* in version order; the last is current */
	size_t n_policies, cap_policies;
	m_ack *acks;
	size_t n_acks, cap_acks;
	m_record *records;           /* every register, kinds interleaved in order */
	size_t n_records, cap_records;
	arena_t arena;
} m_company;

m_company *company_new(void);
void company_free(m_company *c);

/* Lookups; NULL when absent. */
m_person *company_person(const m_company *c, const char *key);
const m_task *company_task(const m_company *c, const char *task_id);
const m_diagnosis *company_latest(const m_company *c);
/* The answer to a catalog item in a diagnosis (ANS_NONE when unanswered). */
answer_t diag_answer(const m_diagnosis *d, const char *item);
/* Sets (or replaces) an answer; ANS_NONE removes it. */
void diag_set(m_company *c, m_diagnosis *d, const char *item, answer_t a);
m_diagnosis *company_add_diagnosis(m_company *c, date_t date);
/* The diagnosis of that date to write into: the latest when it has that
 * date, else a new one that starts from the latest's answers (a diagnosis
 * is a whole picture).  Pointers into c->diagnoses stay valid until the
 * next call that adds one. */
m_diagnosis *company_diagnosis_on(m_company *c, date_t date);

/* Removes a person: their tasks go back to nobody, their policy
 * acknowledgements go. */
void company_remove_person(m_company *c, const char *key);
/* The current (latest) policy version, or NULL. */
const m_policy *company_policy(const m_company *c);
/* An approved policy that is published: the evidence for cp-2-1. */
bool company_policy_in_force(const m_company *c);

/* The next free person key: p1, p2, … (in the company's arena). */
const char *company_next_person_key(m_company *c);
/* The company's record of a catalog task, made (to do, no owner) when
 * there is none.  task_id must outlive c (a catalog id). */
m_task *company_task_slot(m_company *c, const char *task_id);
/* Records that person read policy version (once per person and version). */
void company_ack(m_company *c, const char *person, int version, date_t date);
/* Sets a person's record of an exam, replacing an earlier one. */
void person_set_exam(m_company *c, m_person *p, const char *exam, exam_status_t status, date_t date);

bool person_has_role(const m_person *p, const char *role, const m_role **out);
bool person_passed(const m_person *p, const char *exam);

#endif
