/* doc_import.c — strict reader of the company document (see doc.h).
 *
 * Every field is checked and every problem is reported with its path; the
 * snapshot is returned only when there were none.  Unknown fields are
 * refused too: a misspelt key would otherwise be dropped without a word. */
#include <jansson.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/recur.h"
#include "core/registers.h"
#include "core/risk.h"
#include "exchange/doc.h"
#include "exchange/json_scan.h"

typedef struct {
	const catalog *cat;
	m_company *co;
	errs_t *errs;
	char path[256];
	lang_t lang;           /* of the messages; paths are the same in both */
} ictx;

/* The message in the document's reading language (a literal pair, so
 * printf formats are still checked). */
#define L(ja, en) (x->lang == LANG_EN ? (en) : (ja))

/* Path helpers: push a key or an index onto the current path, pop after. */
static size_t push_key(ictx *x, const char *key)
{
	size_t n = strlen(x->path);
	snprintf(x->path + n, sizeof x->path - n, "%s%s", n ? "." : "", key);
	return n;
}

static size_t push_idx(ictx *x, size_t i)
{
	size_t n = strlen(x->path);
	snprintf(x->path + n, sizeof x->path - n, "[%zu]", i);
	return n;
}

static void pop(ictx *x, size_t n) { x->path[n] = '\0'; }

static void err(ictx *x, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void err(ictx *x, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	errs_add(x->errs, x->path[0] ? x->path : "document", "%s", msg);
}

static const char *type_name_in(lang_t lang, const json_t *v)
{
	bool en = lang == LANG_EN;
	switch (json_typeof(v)) {
	case JSON_OBJECT: return en ? "an object" : "オブジェクト";
	case JSON_ARRAY: return en ? "a list" : "リスト";
	case JSON_STRING: return en ? "a string" : "文字列";
	case JSON_INTEGER: return en ? "an integer" : "整数";
	case JSON_REAL: return en ? "a number" : "小数";
	case JSON_TRUE:
	case JSON_FALSE: return "true/false";
	default: return "null";
	}
}
#define type_name(v) type_name_in(x->lang, (v))

/* Refuses keys of obj not in allowed (NULL-terminated). */
static void only_keys(ictx *x, json_t *obj, const char *const *allowed)
{
	const char *key;
	json_t *v;
	json_object_foreach(obj, key, v) {
		bool ok = false;
		for (const char *const *a = allowed; *a; a++)
			ok |= strcmp(*a, key) == 0;
		if (!ok) {
			size_t n = push_key(x, key);
			err(x, "%s", L("不明な項目です", "unknown field"));
			pop(x, n);
		}
	}
}

static bool want_type(ictx *x, json_t *v, json_type t, const char *what)
{
	if (v && json_typeof(v) == t)
		return true;
	if (!v)
		errs_add(x->errs, x->path, L("ありません（%sが必要です）", "missing (%s expected)"), what);
	else
		errs_add(x->errs, x->path, L("%sにしてください（%sになっています）", "must be %s, not %s"), what, type_name(v));
	return false;
}

bool valid_short_text(const char *s, size_t max_cp)
{
	return s && utf8_valid(s, strlen(s)) && utf8_len(s) <= max_cp && !text_control(s, false);
}

bool valid_long_text(const char *s, size_t max_cp)
{
	return s && utf8_valid(s, strlen(s)) && utf8_len(s) <= max_cp && !text_control(s, true);
}

bool valid_person_key(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n == 0 || n > 32)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
		      c == '-' || c == '_'))
			return false;
	}
	return true;
}

/* A string field.  required: must be present and not blank.  Returns an
 * arena copy or NULL. */
static const char *get_str(ictx *x, json_t *obj, const char *key, bool required, size_t max_cp)
{
	json_t *v = json_object_get(obj, key);
	size_t n = push_key(x, key);
	const char *out = NULL;
	if (!v || json_is_null(v)) {
		if (required)
			err(x, "%s", L("ありません（必須です）", "missing"));
	} else if (!json_is_string(v)) {
		errs_add(x->errs, x->path, L("文字列にしてください（%sになっています）", "must be a string, not %s"), type_name(v));
	} else {
		const char *s = json_string_value(v);
		const char *t = s;
		while (*t == ' ' || *t == '\t' || *t == '\n' || *t == '\r')
			t++;
		if (strlen(s) != json_string_length(v))
			err(x, "%s", L("NUL 文字を含められません", "must not contain NUL characters"));
		else if (text_control(s, max_cp > DOC_MAX_NAME))   /* notes are multi-line */
			err(x, "%s", max_cp > DOC_MAX_NAME
					 ? L("制御文字（改行とタブ以外）は使えません", "must not contain control characters (other than newline and tab)")
					 : L("制御文字は使えません", "must not contain control characters"));
		else if (utf8_len(s) > max_cp)
			errs_add(x->errs, x->path, L("長すぎます（%zu文字まで）", "is too long (at most %zu characters)"), max_cp);
		else if (required && !*t)
			err(x, "%s", L("空にできません", "must not be empty"));
		else if (*s)
			out = arena_strdup(&x->co->arena, s);
	}
	pop(x, n);
	return out;
}

static int get_int(ictx *x, json_t *obj, const char *key, int lo, int hi, bool required, int dflt)
{
	json_t *v = json_object_get(obj, key);
	size_t n = push_key(x, key);
	int out = dflt;
	if (!v || json_is_null(v)) {
		if (required)
			err(x, "%s", L("ありません（必須です）", "missing"));
	} else if (!json_is_integer(v)) {
		errs_add(x->errs, x->path, L("整数にしてください（%sになっています）", "must be an integer, not %s"), type_name(v));
	} else if (json_integer_value(v) < lo || json_integer_value(v) > hi) {
		errs_add(x->errs, x->path, L("%d〜%d にしてください", "must be between %d and %d"), lo, hi);
	} else {
		out = (int)json_integer_value(v);
	}
	pop(x, n);
	return out;
}

static bool get_bool(ictx *x, json_t *obj, const char *key)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return false;
	size_t n = push_key(x, key);
	if (!json_is_boolean(v))
		errs_add(x->errs, x->path, L("true か false にしてください（%sになっています）", "must be true or false, not %s"), type_name(v));
	pop(x, n);
	return json_is_true(v);
}

static date_t get_date(ictx *x, json_t *obj, const char *key, bool required)
{
	json_t *v = json_object_get(obj, key);
	size_t n = push_key(x, key);
	date_t d = DATE_NONE;
	if (!v || json_is_null(v)) {
		if (required)
			err(x, "%s", L("ありません（必須です）", "missing"));
	} else if (!json_is_string(v)) {
		errs_add(x->errs, x->path, L("日付の文字列 YYYY-MM-DD にしてください（%sになっています）", "must be a date string YYYY-MM-DD, not %s"), type_name(v));
	} else if (!date_parse(json_string_value(v), &d)) {
		err(x, L("「%s」は正しい日付ではありません（YYYY-MM-DD）", "\"%s\" is not a valid date (YYYY-MM-DD)"), json_string_value(v));
		d = DATE_NONE;
	}
	pop(x, n);
	return d;
}

/* A list of distinct catalog tag ids. */
static const char **get_tags(ictx *x, json_t *obj, const char *key, const cat_tag *tags, size_t ntags,
			     const char *what, size_t *count)
{
	*count = 0;
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return NULL;
	size_t n = push_key(x, key);
	const char **out = NULL;
	if (want_type(x, v, JSON_ARRAY, L("ID のリスト", "a list of ids"))) {
		out = arena_alloc(&x->co->arena, (json_array_size(v) + 1) * sizeof *out);
		size_t i;
		json_t *e;
		json_array_foreach(v, i, e) {
			size_t m = push_idx(x, i);
			if (!json_is_string(e)) {
				errs_add(x->errs, x->path, L("文字列にしてください（%sになっています）", "must be a string, not %s"), type_name(e));
			} else if (!cat_tag_find(tags, ntags, json_string_value(e))) {
				errs_add(x->errs, x->path, L("不明な%s「%.60s」", "unknown %s \"%.60s\""), what, json_string_value(e));
			} else {
				bool dup = false;
				for (size_t k = 0; k < *count; k++)
					dup |= str_eq(out[k], json_string_value(e));
				if (dup)
					errs_add(x->errs, x->path, L("「%s」が二度あります", "\"%s\" is listed twice"), json_string_value(e));
				else
					out[(*count)++] = arena_strdup(&x->co->arena, json_string_value(e));
			}
			pop(x, m);
		}
	}
	pop(x, n);
	return out;
}

/* obj[key], when present, is a list of at most max objects: each is read
 * by item() with the path at "key[i]". */
typedef void (*item_fn)(ictx *x, json_t *e, void *ctx);

static void read_list(ictx *x, json_t *obj, const char *key, size_t max, item_fn item, void *ctx)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return;
	size_t n = push_key(x, key);
	if (want_type(x, v, JSON_ARRAY, L("リスト", "a list"))) {
		if (json_array_size(v) > max) {
			err(x, L("多すぎます（%zu件まで）", "too many entries (at most %zu)"), max);
		} else {
			size_t i;
			json_t *e;
			json_array_foreach(v, i, e) {
				size_t m = push_idx(x, i);
				if (want_type(x, e, JSON_OBJECT, L("オブジェクト", "an object")))
					item(x, e, ctx);
				pop(x, m);
			}
		}
	}
	pop(x, n);
}

static void read_company(ictx *x, json_t *root)
{
	json_t *c = json_object_get(root, "company");
	size_t n = push_key(x, "company");
	if (want_type(x, c, JSON_OBJECT, L("オブジェクト", "an object"))) {
		static const char *const keys[] = {"name", "industry", "employees", "it_uses", "notes", NULL};
		only_keys(x, c, keys);
		x->co->name = get_str(x, c, "name", true, DOC_MAX_NAME);
		const char *ind = get_str(x, c, "industry", true, 2);
		size_t m = push_key(x, "industry");
		if (ind && !cat_tag_find(x->cat->industries, x->cat->n_industries, ind))
			err(x, L("不明な業種「%s」（日本標準産業分類の大分類 A〜T）", "unknown industry \"%s\" (JSIC major group A-T)"), ind);
		pop(x, m);
		x->co->industry = ind;
		x->co->employees = get_int(x, c, "employees", 1, 1000000, true, 0);
		x->co->it_uses = get_tags(x, c, "it_uses", x->cat->it_uses, x->cat->n_it_uses, L("ITの使い方", "IT use"),
					  &x->co->n_it_uses);
		x->co->notes = get_str(x, c, "notes", false, DOC_MAX_NOTE);
	}
	pop(x, n);
}

static void read_roles_item(ictx *x, json_t *e, void *ctx)
{
	m_person *p = ctx;
	static const char *const keys[] = {"role", "time", "share", NULL};
	only_keys(x, e, keys);
	const char *role = get_str(x, e, "role", true, 40);
	size_t k = push_key(x, "role");
	if (role && !cat_tag_find(x->cat->roles, x->cat->n_roles, role))
		err(x, L("不明な役割「%s」", "unknown security role \"%s\""), role);
	else if (role && person_has_role(p, role, NULL))
		err(x, L("役割「%s」が二度あります", "role \"%s\" is listed twice"), role);
	pop(x, k);
	role_time_t t = TIME_CONCURRENT;
	const char *ts = get_str(x, e, "time", false, 20);
	k = push_key(x, "time");
	if (ts && !role_time_parse(ts, &t))
		err(x, L("concurrent（兼務）か dedicated（専任）にしてください（「%s」になっています）", "must be \"concurrent\" or \"dedicated\", not \"%s\""), ts);
	pop(x, k);
	int share = get_int(x, e, "share", 0, 100, false, 0);
	if (role) {
		m_role *r = arena_push(&x->co->arena, (void **)&p->roles, &p->n_roles,
				       &p->cap_roles, sizeof *r);
		*r = (m_role){role, t, share};
	}
}

static void read_roles(ictx *x, json_t *pj, m_person *p)
{
	read_list(x, pj, "roles", DOC_MAX_LIST, read_roles_item, p);
}

static void read_exams_item(ictx *x, json_t *e, void *ctx)
{
	m_person *p = ctx;
	static const char *const keys[] = {"exam", "status", "date", NULL};
	only_keys(x, e, keys);
	const char *exam = get_str(x, e, "exam", true, 10);
	size_t k = push_key(x, "exam");
	bool dup = false;
	for (size_t j = 0; exam && j < p->n_exams; j++)
		dup |= str_eq(p->exams[j].exam, exam);
	if (exam && !cat_exam_find(x->cat, exam))
		err(x, L("不明な試験「%s」（ip, sg, fe, ap, au, sc）", "unknown exam \"%s\" (ip, sg, fe, ap, au, sc)"), exam);
	else if (dup)
		err(x, L("試験「%s」が二度あります", "exam \"%s\" is listed twice"), exam);
	pop(x, k);
	exam_status_t st = EXAM_PLANNED;
	const char *ss = get_str(x, e, "status", true, 20);
	k = push_key(x, "status");
	if (ss && !exam_status_parse(ss, &st))
		err(x, L("planned・studying・passed のどれかにしてください（「%s」になっています）", "must be planned, studying or passed, not \"%s\""), ss);
	pop(x, k);
	date_t d = get_date(x, e, "date", false);
	if (exam) {
		m_exam *r = arena_push(&x->co->arena, (void **)&p->exams, &p->n_exams,
				       &p->cap_exams, sizeof *r);
		*r = (m_exam){exam, st, d};
	}
}

static void read_exams(ictx *x, json_t *pj, m_person *p)
{
	read_list(x, pj, "exams", DOC_MAX_LIST, read_exams_item, p);
}

static void read_learning_item(ictx *x, json_t *e, void *ctx)
{
	m_person *p = ctx;
	static const char *const keys[] = {"resource", "date", "note", NULL};
	only_keys(x, e, keys);
	const char *res = get_str(x, e, "resource", true, 80);
	size_t k = push_key(x, "resource");
	if (res && !cat_resource_find(x->cat, res))
		err(x, L("不明な教材「%s」（secstep catalog を参照）", "unknown resource \"%s\" (see secstep catalog)"), res);
	pop(x, k);
	date_t d = get_date(x, e, "date", true);
	const char *note = get_str(x, e, "note", false, DOC_MAX_NOTE);
	if (res) {
		m_learning *l = arena_push(&x->co->arena, (void **)&p->learning,
					   &p->n_learning, &p->cap_learning, sizeof *l);
		*l = (m_learning){res, d, note};
	}
}

static void read_learning(ictx *x, json_t *pj, m_person *p)
{
	read_list(x, pj, "learning", DOC_MAX_LIST, read_learning_item, p);
}

static void read_people(ictx *x, json_t *root)
{
	json_t *v = json_object_get(root, "people");
	if (!v || json_is_null(v))
		return;
	size_t n = push_key(x, "people");
	if (!want_type(x, v, JSON_ARRAY, L("リスト", "a list")) || json_array_size(v) > DOC_MAX_PEOPLE) {
		if (json_is_array(v))
			errs_add(x->errs, x->path, L("人が多すぎます（%d人まで）", "too many people (at most %d)"), DOC_MAX_PEOPLE);
		pop(x, n);
		return;
	}
	size_t i;
	json_t *pj;
	json_array_foreach(v, i, pj) {
		size_t m = push_idx(x, i);
		if (want_type(x, pj, JSON_OBJECT, L("オブジェクト", "an object"))) {
			static const char *const keys[] = {"id", "name", "department", "position", "email",
							   "phone", "notes", "experience", "volunteer",
							   "roles", "exams", "learning", NULL};
			only_keys(x, pj, keys);
			m_person *p = arena_push(&x->co->arena, (void **)&x->co->people, &x->co->n_people,
						 &x->co->cap_people, sizeof *p);
			p->key = get_str(x, pj, "id", true, 32);
			size_t k = push_key(x, "id");
			if (p->key && !valid_person_key(p->key))
				err(x, L("「%s」: 英数字と - _ の1〜32文字にしてください", "\"%s\" must be 1-32 letters, digits, - or _"), p->key);
			for (size_t j = 0; p->key && j + 1 < x->co->n_people; j++)
				if (str_eq(x->co->people[j].key, p->key))
					err(x, L("「%s」はほかの人が使っています", "\"%s\" is used by another person"), p->key);
			pop(x, k);
			p->name = get_str(x, pj, "name", true, DOC_MAX_NAME);
			p->department = get_str(x, pj, "department", false, DOC_MAX_NAME);
			p->position = get_str(x, pj, "position", false, DOC_MAX_NAME);
			p->email = get_str(x, pj, "email", false, DOC_MAX_NAME);
			p->phone = get_str(x, pj, "phone", false, 40);
			p->notes = get_str(x, pj, "notes", false, DOC_MAX_NOTE);
			p->experience = get_tags(x, pj, "experience", x->cat->experience,
						 x->cat->n_experience, L("経験", "experience tag"), &p->n_experience);
			p->volunteer = get_bool(x, pj, "volunteer");
			read_roles(x, pj, p);
			read_exams(x, pj, p);
			read_learning(x, pj, p);
		}
		pop(x, m);
	}
	pop(x, n);
}

/* Which catalog items a map may hold. */
typedef enum { MAP_CHECKPOINTS, MAP_QUESTIONS, MAP_SD } map_kind;

static void read_answers(ictx *x, json_t *obj, const char *key, map_kind kind, m_diagnosis *d)
{
	json_t *v = json_object_get(obj, key);
	if (!v || json_is_null(v))
		return;
	size_t n = push_key(x, key);
	if (want_type(x, v, JSON_OBJECT, L("「ID: 回答」のオブジェクト", "an object of id: answer"))) {
		const char *id;
		json_t *a;
		json_object_foreach(v, id, a) {
			size_t m = push_key(x, id);
			bool known = kind == MAP_CHECKPOINTS ? cat_checkpoint_find(x->cat, id) != NULL
				   : kind == MAP_QUESTIONS ? cat_question_find(x->cat, id, NULL) != NULL
							   : cat_sd_find(x->cat, id) != NULL;
			answer_t ans;
			if (!known)
				err(x, "%s", kind == MAP_CHECKPOINTS ? L("不明なチェックポイントの ID です", "unknown checkpoint id")
					     : kind == MAP_QUESTIONS ? L("不明な質問の ID です", "unknown question id")
								     : L("不明な自社診断の項目 ID です", "unknown self-diagnosis item id"));
			else if (!json_is_string(a))
				errs_add(x->errs, x->path, L("回答の文字列にしてください（%sになっています）", "must be an answer string, not %s"), type_name(a));
			else if (!answer_parse(json_string_value(a), &ans))
				err(x, L("「%.40s」は回答ではありません（yes, partial, no, unknown, na）", "\"%.40s\" is not an answer (yes, partial, no, unknown, na)"),
				    json_string_value(a));
			else if (d)
				diag_set(x->co, d, id, ans);
			pop(x, m);
		}
	}
	pop(x, n);
}

static bool has_answers(json_t *obj)
{
	static const char *const keys[] = {"checkpoints", "questions", "self_diagnosis"};
	for (size_t i = 0; i < 3; i++) {
		json_t *v = json_object_get(obj, keys[i]);
		if (v && !json_is_null(v))
			return true;
	}
	return false;
}

static void read_diagnoses(ictx *x, json_t *root, date_t today)
{
	json_t *h = json_object_get(root, "history");
	date_t last = DATE_NONE;
	if (h && !json_is_null(h)) {
		size_t n = push_key(x, "history");
		if (want_type(x, h, JSON_ARRAY, L("リスト", "a list")) && json_array_size(h) <= DOC_MAX_LIST) {
			size_t i;
			json_t *e;
			json_array_foreach(h, i, e) {
				size_t m = push_idx(x, i);
				if (want_type(x, e, JSON_OBJECT, L("オブジェクト", "an object"))) {
					static const char *const keys[] = {"date", "checkpoints", "questions",
									   "self_diagnosis", NULL};
					only_keys(x, e, keys);
					date_t d = get_date(x, e, "date", true);
					if (d != DATE_NONE && last != DATE_NONE && d < last) {
						size_t k = push_key(x, "date");
						err(x, "%s", L("history は日付の順にしてください", "history must be in date order"));
						pop(x, k);
					}
					if (d != DATE_NONE)
						last = d;
					m_diagnosis *dg = company_add_diagnosis(x->co, d);
					read_answers(x, e, "checkpoints", MAP_CHECKPOINTS, dg);
					read_answers(x, e, "questions", MAP_QUESTIONS, dg);
					read_answers(x, e, "self_diagnosis", MAP_SD, dg);
				}
				pop(x, m);
			}
		}
		pop(x, n);
	}
	date_t on = get_date(x, root, "diagnosed_on", false);
	if (!has_answers(root) && on == DATE_NONE)
		return;
	if (on == DATE_NONE)
		on = today;
	if (last != DATE_NONE && on < last) {
		size_t k = push_key(x, "diagnosed_on");
		err(x, "%s", L("history の最後の日付より前です", "is earlier than the last history entry"));
		pop(x, k);
	}
	m_diagnosis *d = company_add_diagnosis(x->co, on);
	read_answers(x, root, "checkpoints", MAP_CHECKPOINTS, d);
	read_answers(x, root, "questions", MAP_QUESTIONS, d);
	read_answers(x, root, "self_diagnosis", MAP_SD, d);
}

static void read_tasks_item(ictx *x, json_t *e, void *ctx)
{
	(void)ctx;
	static const char *const keys[] = {"id", "owner", "due", "status", "note", "recur", "last_done", NULL};
	only_keys(x, e, keys);
	const char *id = get_str(x, e, "id", true, 20);
	size_t k = push_key(x, "id");
	if (id && !cat_task_find(x->cat, id))
		err(x, L("不明なタスク「%s」", "unknown task \"%s\""), id);
	else if (id && company_task(x->co, id))
		err(x, L("タスク「%s」が二度あります", "task \"%s\" is listed twice"), id);
	pop(x, k);
	const char *owner = get_str(x, e, "owner", false, 32);
	k = push_key(x, "owner");
	if (owner && !company_person(x->co, owner))
		err(x, L("people に ID「%s」の人がいません", "no person with id \"%s\" in people"), owner);
	pop(x, k);
	date_t due = get_date(x, e, "due", false);
	task_status_t st = TASK_TODO;
	const char *ss = get_str(x, e, "status", false, 20);
	k = push_key(x, "status");
	if (ss && !task_status_parse(ss, &st))
		err(x, L("todo・doing・done のどれかにしてください（「%s」になっています）", "must be todo, doing or done, not \"%s\""), ss);
	pop(x, k);
	const char *note = get_str(x, e, "note", false, DOC_MAX_NOTE);
	recur_t recur = RECUR_DEFAULT;
	const char *rs = get_str(x, e, "recur", false, 20);
	k = push_key(x, "recur");
	if (rs && !recur_parse(rs, &recur))
		err(x, "must be none, monthly, quarterly or yearly, not \"%s\"", rs);
	pop(x, k);
	date_t last_done = get_date(x, e, "last_done", false);
	if (id && cat_task_find(x->cat, id) && !company_task(x->co, id)) {
		m_task *t = arena_push(&x->co->arena, (void **)&x->co->tasks,
				       &x->co->n_tasks, &x->co->cap_tasks, sizeof *t);
		*t = (m_task){cat_task_find(x->cat, id)->id, owner, due, st, note, recur, last_done};
	}
}

static void read_tasks(ictx *x, json_t *root)
{
	read_list(x, root, "tasks", DOC_MAX_LIST, read_tasks_item, NULL);
}

static void read_assets_item(ictx *x, json_t *e, void *ctx)
{
	(void)ctx;
	static const char *const keys[] = {"id", "name", "c", "i", "a", "personal",
					   "threat", "vulnerability", "business",
					   "department", "medium", "owner", "notes", "treatment",
					   "action", "treatment_owner", "treatment_due", NULL};
	only_keys(x, e, keys);
	m_asset *a = arena_push(&x->co->arena, (void **)&x->co->assets,
				&x->co->n_assets, &x->co->cap_assets, sizeof *a);
	a->key = get_str(x, e, "id", true, 32);
	size_t k = push_key(x, "id");
	if (a->key && !valid_person_key(a->key))
		err(x, L("「%s」: 英数字と - _ の1〜32文字にしてください", "\"%s\" must be 1-32 letters, digits, - or _"), a->key);
	for (size_t j = 0; a->key && j + 1 < x->co->n_assets; j++)
		if (str_eq(x->co->assets[j].key, a->key))
			err(x, L("「%s」はほかの情報資産が使っています", "\"%s\" is used by another asset"), a->key);
	pop(x, k);
	a->name = get_str(x, e, "name", true, DOC_MAX_NAME);
	a->c = get_int(x, e, "c", 1, 3, true, 1);
	a->i = get_int(x, e, "i", 1, 3, true, 1);
	a->a = get_int(x, e, "a", 1, 3, true, 1);
	a->personal = get_bool(x, e, "personal");
	a->threat = get_int(x, e, "threat", 1, 3, true, 1);
	a->vulnerability = get_int(x, e, "vulnerability", 1, 3, true, 1);
	a->business = get_str(x, e, "business", false, DOC_MAX_NAME);
	a->department = get_str(x, e, "department", false, DOC_MAX_NAME);
	a->medium = get_str(x, e, "medium", false, DOC_MAX_NAME);
	a->owner = get_str(x, e, "owner", false, DOC_MAX_NAME);
	a->notes = get_str(x, e, "notes", false, DOC_MAX_NOTE);
	a->treatment = get_str(x, e, "treatment", false, 20);
	size_t q = push_key(x, "treatment");
	if (a->treatment && !risk_treatment_valid(a->treatment))
		err(x, L("reduce・avoid・transfer・accept のどれかにしてください（「%s」になっています）", "must be reduce, avoid, transfer or accept, not \"%s\""), a->treatment);
	pop(x, q);
	a->action = get_str(x, e, "action", false, DOC_MAX_NOTE);
	a->treat_owner = get_str(x, e, "treatment_owner", false, 32);
	q = push_key(x, "treatment_owner");
	if (a->treat_owner && !company_person(x->co, a->treat_owner))
		err(x, L("people に ID「%s」の人がいません", "no person with id \"%s\" in people"), a->treat_owner);
	pop(x, q);
	a->treat_due = get_date(x, e, "treatment_due", false);
}

static void read_assets(ictx *x, json_t *root)
{
	read_list(x, root, "assets", 10 * DOC_MAX_LIST, read_assets_item, NULL);
}

static void read_policy(ictx *x, json_t *root)
{
	json_t *v = json_object_get(root, "policy");
	if (!v || json_is_null(v))
		return;
	size_t n = push_key(x, "policy");
	if (want_type(x, v, JSON_OBJECT, L("オブジェクト", "an object"))) {
		static const char *const keys[] = {"published", "where", "versions", "acknowledgements", NULL};
		only_keys(x, v, keys);
		x->co->policy_published = get_date(x, v, "published", false);
		x->co->policy_where = get_str(x, v, "where", false, DOC_MAX_NAME);
		json_t *vs = json_object_get(v, "versions");
		if (vs && !json_is_null(vs)) {
			size_t m = push_key(x, "versions");
			if (want_type(x, vs, JSON_ARRAY, L("リスト", "a list")) && json_array_size(vs) <= DOC_MAX_LIST) {
				size_t i;
				json_t *e;
				json_array_foreach(vs, i, e) {
					size_t k = push_idx(x, i);
					if (want_type(x, e, JSON_OBJECT, L("オブジェクト", "an object"))) {
						static const char *const vkeys[] = {"version", "body", "created", "author",
										    "approved", "approver", NULL};
						only_keys(x, e, vkeys);
						m_policy *pv = arena_push(&x->co->arena, (void **)&x->co->policies,
									  &x->co->n_policies, &x->co->cap_policies, sizeof *pv);
						pv->version = get_int(x, e, "version", 1, 100000, true, 1);
						if (pv->version != (int)i + 1) {
							size_t q = push_key(x, "version");
							err(x, "%s", L("版は 1, 2, 3 … の順に番号を付けてください", "versions must be numbered 1, 2, 3 … in order"));
							pop(x, q);
						}
						pv->body = get_str(x, e, "body", true, 20000);
						pv->created = get_date(x, e, "created", true);
						pv->author = get_str(x, e, "author", false, DOC_MAX_NAME);
						pv->approved = get_date(x, e, "approved", false);
						pv->approver = get_str(x, e, "approver", false, DOC_MAX_NAME);
					}
					pop(x, k);
				}
			}
			pop(x, m);
		}
		json_t *as = json_object_get(v, "acknowledgements");
		if (as && !json_is_null(as)) {
			size_t m = push_key(x, "acknowledgements");
			if (want_type(x, as, JSON_ARRAY, L("リスト", "a list")) && json_array_size(as) <= DOC_MAX_PEOPLE) {
				size_t i;
				json_t *e;
				json_array_foreach(as, i, e) {
					size_t k = push_idx(x, i);
					if (want_type(x, e, JSON_OBJECT, L("オブジェクト", "an object"))) {
						static const char *const akeys[] = {"person", "version", "date", NULL};
						only_keys(x, e, akeys);
						m_ack *ak = arena_push(&x->co->arena, (void **)&x->co->acks, &x->co->n_acks,
								       &x->co->cap_acks, sizeof *ak);
						ak->person = get_str(x, e, "person", true, 32);
						ak->version = get_int(x, e, "version", 1, 100000, true, 1);
						ak->date = get_date(x, e, "date", true);
						size_t q = push_key(x, "person");
						if (ak->person && !company_person(x->co, ak->person))
							err(x, L("people に ID「%s」の人がいません", "no person with id \"%s\" in people"), ak->person);
						pop(x, q);
						q = push_key(x, "version");
						if (ak->version > (int)x->co->n_policies)
							err(x, L("方針の第%d版はありません", "there is no policy version %d"), ak->version);
						for (size_t j = 0; ak->person && j + 1 < x->co->n_acks; j++)
							if (str_eq(x->co->acks[j].person, ak->person) && x->co->acks[j].version == ak->version)
								err(x, "%s", L("この確認が二度あります", "this acknowledgement is listed twice"));
						pop(x, q);
					}
					pop(x, k);
				}
			}
			pop(x, m);
		}
	}
	pop(x, n);
}

/* The STEP3/4 registers: a list per kind, each record checked by its spec
 * (core/registers.c); ids are kept. */
static void read_registers(ictx *x, json_t *root)
{
	for (size_t k = 0; k < reg_n_specs; k++) {
		const reg_spec *sp = &reg_specs[k];
		json_t *v = json_object_get(root, sp->kind);
		if (!v || json_is_null(v))
			continue;
		size_t n = push_key(x, sp->kind);
		if (want_type(x, v, JSON_ARRAY, L("リスト", "a list")) && json_array_size(v) <= 10 * DOC_MAX_LIST) {
			size_t i;
			json_t *e;
			json_array_foreach(v, i, e) {
				size_t m = push_idx(x, i);
				const char *id = json_is_object(e) ? json_string_value(json_object_get(e, "id")) : NULL;
				size_t q = push_key(x, "id");
				bool dup = false;   /* against every earlier entry, valid or not */
				for (size_t j = 0; id && j < i; j++) {
					const char *other = json_string_value(json_object_get(json_array_get(v, j), "id"));
					dup |= other && !strcmp(other, id);
				}
				if (json_is_object(e) && (!id || !valid_person_key(id)))
					err(x, "%s", L("英数字と - _ の1〜32文字にしてください", "must be 1-32 letters, digits, - or _"));
				else if (dup)
					err(x, L("「%s」はほかの記録が使っています", "\"%s\" is used by another record"), id);
				pop(x, q);
				json_t *ok = reg_check(x->cat, x->co, sp, e, x->path, x->lang, x->errs);
				if (ok && id && !dup) {
					char *text = json_dumps(ok, JSON_COMPACT);
					m_record *r = arena_push(&x->co->arena, (void **)&x->co->records, &x->co->n_records,
								 &x->co->cap_records, sizeof *r);
					*r = (m_record){sp->kind, arena_strdup(&x->co->arena, id), arena_strdup(&x->co->arena, text)};
					free(text);
				}
				json_decref(ok);
				pop(x, m);
			}
		} else if (json_is_array(v)) {
			err(x, L("多すぎます（%d件まで）", "too many entries (at most %d)"), 10 * DOC_MAX_LIST);
		}
		pop(x, n);
	}
}

m_company *doc_import(const catalog *cat, const char *data, size_t len, date_t today, lang_t lang, errs_t *errs)
{
	bool en = lang == LANG_EN;
	size_t before = errs_count(errs);
	if (len > DOC_MAX_BYTES) {
		errs_add(errs, "document", en ? "is too large (at most %u MiB)" : "大きすぎます（%u MiB まで）", DOC_MAX_BYTES >> 20);
		return NULL;
	}
	if (!utf8_valid(data, len)) {
		errs_add(errs, "document", "%s", en ? "is not valid UTF-8 text" : "UTF-8 のテキストではありません");
		return NULL;
	}
	if (json_scan(data, len, en, errs))
		return NULL;
	json_error_t jerr;
	json_t *root = json_loadb(data, len, JSON_REJECT_DUPLICATES | JSON_ALLOW_NUL, &jerr);
	if (!root) {
		errs_add(errs, "document", en ? "line %d, column %d: %s" : "%d行 %d文字目: %s", jerr.line, jerr.column, jerr.text);
		return NULL;
	}
	ictx x = {cat, company_new(), errs, "", lang};
	if (!json_is_object(root)) {
		errs_add(errs, "document", en ? "must be a JSON object, not %s" : "JSON のオブジェクトにしてください（%sになっています）", type_name_in(lang, root));
	} else {
		static const char *const keys[] = {"format", "company", "people", "diagnosed_on",
						   "checkpoints", "questions", "self_diagnosis",
						   "history", "tasks", "assets", "policy", "organisation",
						   "suppliers", "contacts", "systems", "drills", "incidents", NULL};
		json_t *fmt = json_object_get(root, "format");
		if (!json_is_string(fmt) || strcmp(json_string_value(fmt), DOC_FORMAT) != 0)
			errs_add(errs, "format", en ? "must be \"%s\"" : "「%s」にしてください", DOC_FORMAT);
		only_keys(&x, root, keys);
		read_company(&x, root);
		read_people(&x, root);
		read_diagnoses(&x, root, today);
		read_tasks(&x, root);
		read_assets(&x, root);
		read_policy(&x, root);
		read_registers(&x, root);
	}
	json_decref(root);
	if (errs_count(errs) > before) {
		company_free(x.co);
		return NULL;
	}
	return x.co;
}
