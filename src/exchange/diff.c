/* diff.c — what changed between two snapshots of a company, for the audit
 * log.  Both are exported as company documents and compared as JSON:
 * objects key by key, lists of records by their identity ("id", a policy
 * "version", an exam, a role, …), everything else as whole values.  Each
 * changed item of the document (a person, a task, an asset, a register
 * record, the profile, the diagnosis, the policy) becomes one entry with
 * its field changes, "before → after". */
#include <jansson.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/util.h"
#include "exchange/doc.h"

/* The identity of a record in a list, or NULL when it has none. */
static char *record_key(const json_t *o)
{
	static const char *const keys[] = {"id", "exam", "role", "version"};
	if (!json_is_object(o))
		return NULL;
	const char *person = json_string_value(json_object_get(o, "person"));
	const json_t *version = json_object_get(o, "version");
	if (person && json_is_integer(version)) {
		char *k = xmalloc(strlen(person) + 24);
		sprintf(k, "%s@v%lld", person, (long long)json_integer_value(version));
		return k;
	}
	const char *resource = json_string_value(json_object_get(o, "resource"));
	if (resource) {
		const char *date = json_string_value(json_object_get(o, "date"));
		char *k = xmalloc(strlen(resource) + (date ? strlen(date) : 0) + 2);
		sprintf(k, "%s@%s", resource, date ? date : "");
		return k;
	}
	for (size_t i = 0; i < ARRAY_LEN(keys); i++) {
		const json_t *v = json_object_get(o, keys[i]);
		if (json_is_string(v))
			return xstrdup(json_string_value(v));
		if (json_is_integer(v)) {
			char *k = xmalloc(24);
			sprintf(k, "%lld", (long long)json_integer_value(v));
			return k;
		}
	}
	const char *date = json_string_value(json_object_get(o, "date"));
	return date ? xstrdup(date) : NULL;
}

static bool keyed_list(const json_t *a)
{
	if (!json_is_array(a) || json_array_size(a) == 0)
		return false;
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		char *k = record_key(v);
		if (!k)
			return false;
		free(k);
	}
	return true;
}

static json_t *find_by_key(const json_t *a, const char *key)
{
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		char *k = record_key(v);
		bool same = k && strcmp(k, key) == 0;
		free(k);
		if (same)
			return v;
	}
	return NULL;
}

static void add_change(json_t *changes, const char *path, const json_t *before, const json_t *after)
{
	json_t *c = json_object();
	json_object_set_new(c, "field", json_string(path));
	json_object_set_new(c, "before", before ? json_deep_copy(before) : json_null());
	json_object_set_new(c, "after", after ? json_deep_copy(after) : json_null());
	json_array_append_new(changes, c);
}

static void diff_value(json_t *changes, const char *path, const json_t *a, const json_t *b);

static char *child_path(const char *path, const char *key, bool index)
{
	size_t n = strlen(path) + strlen(key) + 4;
	char *p = xmalloc(n);
	if (index)
		snprintf(p, n, "%s[%s]", path, key);
	else
		snprintf(p, n, "%s%s%s", path, *path ? "." : "", key);
	return p;
}

static void diff_object(json_t *changes, const char *path, const json_t *a, const json_t *b)
{
	const char *k;
	json_t *v;
	json_object_foreach((json_t *)(uintptr_t)a, k, v) {
		char *p = child_path(path, k, false);
		diff_value(changes, p, v, json_object_get(b, k));
		free(p);
	}
	json_object_foreach((json_t *)(uintptr_t)b, k, v) {
		if (json_object_get(a, k))
			continue;
		char *p = child_path(path, k, false);
		diff_value(changes, p, NULL, v);
		free(p);
	}
}

static void diff_keyed(json_t *changes, const char *path, const json_t *a, const json_t *b)
{
	size_t i;
	json_t *v;
	json_array_foreach(a, i, v) {
		char *k = record_key(v);
		char *p = child_path(path, k, true);
		diff_value(changes, p, v, find_by_key(b, k));
		free(p);
		free(k);
	}
	json_array_foreach(b, i, v) {
		char *k = record_key(v);
		if (!find_by_key(a, k)) {
			char *p = child_path(path, k, true);
			diff_value(changes, p, NULL, v);
			free(p);
		}
		free(k);
	}
}

/* Nothing, as far as a reader of the log is concerned. */
static bool blank(const json_t *v)
{
	return !v || json_is_null(v) || (json_is_array(v) && !json_array_size(v)) || (json_is_object(v) && !json_object_size(v));
}

static void diff_value(json_t *changes, const char *path, const json_t *a, const json_t *b)
{
	if (a && b && json_equal((json_t *)(uintptr_t)a, (json_t *)(uintptr_t)b))
		return;
	if (blank(a) && blank(b))
		return;
	if (json_is_object(a) && json_is_object(b)) {
		diff_object(changes, path, a, b);
	} else if ((keyed_list(a) || blank(a)) && (keyed_list(b) || blank(b))) {
		/* Lists of records (one side may be empty or absent): one entry
		 * per record added, changed or removed. */
		json_t *empty = json_array();
		diff_keyed(changes, path, json_is_array(a) ? a : empty, json_is_array(b) ? b : empty);
		json_decref(empty);
	} else {
		add_change(changes, path, a, b);
	}
}

/* The audit entry an item path belongs to: its action stem and target. */
static void classify(const char *field, buf_t *group, const char **stem)
{
	static const struct {
		const char *prefix, *stem;
	} sections[] = {
		{"company", "company"}, {"people", "person"}, {"tasks", "task"}, {"assets", "asset"},
		{"policy", "policy"},   {"diagnosed_on", "diagnosis"}, {"checkpoints", "diagnosis"},
		{"questions", "diagnosis"}, {"self_diagnosis", "diagnosis"}, {"history", "diagnosis"},
	};
	buf_reset(group);
	for (size_t i = 0; i < ARRAY_LEN(sections); i++) {
		size_t n = strlen(sections[i].prefix);
		if (strncmp(field, sections[i].prefix, n) != 0 || (field[n] && field[n] != '.' && field[n] != '['))
			continue;
		*stem = sections[i].stem;
		if (!strcmp(*stem, "person") || !strcmp(*stem, "task") || !strcmp(*stem, "asset")) {
			/* people[p3].name → p3 */
			const char *close = field[n] == '[' ? strchr(field + n, ']') : NULL;
			if (close)
				buf_add(group, field + n + 1, (size_t)(close - field - n - 1));
		} else {
			buf_puts(group, *stem);
		}
		return;
	}
	/* A register: suppliers[s1].name → register, target "suppliers/s1". */
	*stem = "register";
	const char *open = strchr(field, '['), *close = open ? strchr(open, ']') : NULL;
	if (open && close) {
		buf_add(group, field, (size_t)(open - field));
		buf_puts(group, "/");
		buf_add(group, open + 1, (size_t)(close - open - 1));
	} else {
		const char *dot = strchr(field, '.');
		buf_add(group, field, dot ? (size_t)(dot - field) : strlen(field));
	}
}

/* Whether the change makes the item appear or go as a whole. */
static const char *verb_of(const char *field, const char *target, const json_t *change, const char *stem)
{
	if (!strcmp(stem, "company") || !strcmp(stem, "policy") || !strcmp(stem, "diagnosis"))
		return "update";
	/* the item itself: "people[p3]" or "suppliers[s1]" (nothing after ']') */
	const char *close = strchr(field, ']');
	if (!close || close[1] != '\0' || !target)
		return "update";
	if (json_is_null(json_object_get(change, "before")))
		return "add";
	if (json_is_null(json_object_get(change, "after")))
		return "remove";
	return "update";
}

void doc_changes(const catalog *cat, const m_company *before, const m_company *after, doc_change_fn fn, void *ctx)
{
	json_t *a = before ? doc_export(cat, before) : json_object();
	json_t *b = after ? doc_export(cat, after) : json_object();
	json_object_del(a, "format");
	json_object_del(b, "format");
	json_t *changes = json_array();
	diff_value(changes, "", a, b);
	/* Group the field changes by item, in the order they were found. */
	buf_t group = BUF_INIT, prev = BUF_INIT;
	json_t *batch = NULL;
	const char *stem = NULL, *batch_stem = NULL, *verb = "update";
	size_t i;
	json_t *c;
	json_array_foreach(changes, i, c) {
		const char *field = json_string_value(json_object_get(c, "field"));
		classify(field, &group, &stem);
		if (batch && (strcmp(stem, batch_stem) || strcmp(buf_str(&group), buf_str(&prev)))) {
			fn(ctx, batch_stem, verb, buf_str(&prev), batch);
			json_decref(batch);
			batch = NULL;
		}
		if (!batch) {
			batch = json_array();
			batch_stem = stem;
			buf_reset(&prev);
			buf_puts(&prev, buf_str(&group));
			verb = verb_of(field, buf_str(&group), c, stem);
		}
		json_array_append(batch, c);
	}
	if (batch) {
		fn(ctx, batch_stem, verb, buf_str(&prev), batch);
		json_decref(batch);
	}
	buf_free(&group);
	buf_free(&prev);
	json_decref(changes);
	json_decref(a);
	json_decref(b);
}
