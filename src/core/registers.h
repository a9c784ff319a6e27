/* registers.h — the STEP3/4 registers as one mechanism: suppliers and
 * external services, incident contacts, systems with RTO/RPO, drills,
 * incidents, and the organisation (who is responsible for which task).
 *
 * Each kind is a field list (its "spec"); a record is stored as a small
 * JSON object holding exactly the spec's fields.  Import, the CLI, the web
 * forms and the CSV export all validate through reg_check(), so a rule is
 * written once. */
#ifndef SECSTEP_REGISTERS_H
#define SECSTEP_REGISTERS_H

#include <jansson.h>

#include "base/errs.h"
#include "catalog/catalog.h"
#include "core/model.h"

typedef enum { F_TEXT, F_LONGTEXT, F_DATE, F_INT, F_BOOL, F_ENUM, F_PERSON, F_TASK } field_type;

typedef struct {
	const char *name;            /* JSON field */
	field_type type;
	bool required;
	int lo, hi;                  /* F_INT range */
	const char *const *values;   /* F_ENUM values, NULL-terminated */
	const text_t *value_labels;  /* F_ENUM: a label per value */
	text_t label;
} field_spec;

typedef struct {
	const char *kind;            /* "suppliers": the document's key */
	const char *key_prefix;      /* "s": keys s1, s2 … */
	int step;                    /* the STEP it belongs to */
	text_t title, lead;
	const field_spec *fields;
	size_t n_fields;
} reg_spec;

extern const reg_spec reg_specs[];
extern const size_t reg_n_specs;
const reg_spec *reg_find(const char *kind);
const field_spec *reg_field(const reg_spec *sp, const char *name);

/* Checks one record (a JSON object) against its spec in the company's
 * context (person and task references).  Errors go to errs under
 * "PATH.field", the messages in lang.  On success returns a new object holding exactly the
 * spec's fields that were given, in spec order; NULL on any error. */
json_t *reg_check(const catalog *cat, const m_company *co, const reg_spec *sp, json_t *in, const char *path,
		  lang_t lang, errs_t *errs);
/* The same for a form: errors name the field by its label, in lang. */
json_t *reg_check_form(const catalog *cat, const m_company *co, const reg_spec *sp, json_t *in, lang_t lang,
		       errs_t *errs);

/* Records of one kind in a company, in order (arena array of pointers). */
size_t reg_records(const m_company *co, const char *kind, const m_record ***out, arena_t *a);
/* A record's field as text for display ("" when absent). */
const char *reg_value(const m_record *r, const char *field, arena_t *a);
/* For many fields of one record: parse once (caller decrefs), then read. */
json_t *reg_parse(const m_record *r);
const char *reg_text(json_t *o, const char *field, arena_t *a);
/* Appends a record (canonical JSON text); assigns the next key. */
m_record *reg_add(m_company *co, const reg_spec *sp, json_t *obj);
bool reg_remove(m_company *co, const char *kind, const char *key);

/* Drops a removed person's organisation lines and deputy mentions. */
void reg_forget_person(m_company *co, const char *key);

/* Evidence from the registers (see status.c):
 * cp-3-3 — at least one supplier, each with a confidentiality clause and a
 *          recorded security check;
 * cp-3-4 — incident contacts inside and outside the company, and a drill. */
bool reg_evidence_suppliers(const m_company *co);
bool reg_evidence_incident(const m_company *co);

/* Organisation: tasks of a STEP with nobody responsible, or with one
 * person and no deputy.  Fills flags[task index] with 0 ok, 1 nobody,
 * 2 one person without a deputy. */
void reg_org_flags(const catalog *cat, const m_company *co, int step, int flags[CAT_TASKS]);

/* Reading a register from a table (CSV): the field a column's heading
 * names (its field name, or its label in Japanese or English; NULL for
 * none), and one cell as the JSON that field wants (whole numbers for
 * number fields, yes/no/はい/いいえ/true/false for yes-or-no fields; a
 * value of the wrong shape stays text, and reg_check names it). */
const field_spec *reg_column(const reg_spec *sp, const char *heading);
json_t *reg_cell_json(const field_spec *f, const char *v);

#endif
