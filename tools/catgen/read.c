/* read.c — typed readers over the catalog's JSON (see read.h). */
#include "read.h"

#include <string.h>

#include "base/util.h"

char *sub(lctx *L, const char *path, const char *key)
{
	return *path ? arena_printf(L->arena, "%s.%s", path, key) : arena_strdup(L->arena, key);
}

char *idx(lctx *L, const char *path, size_t i)
{
	return arena_printf(L->arena, "%s[%zu]", path, i);
}

static bool check_string(lctx *L, json_t *v, const char *path)
{
	if (!json_is_string(v)) {
		errs_add(L->errs, path, "must be a string");
		return false;
	}
	if (!utf8_valid(json_string_value(v), json_string_length(v))) {
		errs_add(L->errs, path, "is not valid UTF-8");
		return false;
	}
	return true;
}

text_t rd_text(lctx *L, json_t *obj, const char *key, const char *path)
{
	return rd_text_at(L, json_object_get(obj, key), sub(L, path, key));
}

text_t rd_text_at(lctx *L, json_t *v, const char *p)
{
	text_t t = {"", ""};
	if (!json_is_object(v)) {
		errs_add(L->errs, p, "missing text (an object with \"ja\" and \"en\")");
		return t;
	}
	static const char *langs[] = {"ja", "en"};
	for (int i = 0; i < 2; i++) {
		json_t *s = json_object_get(v, langs[i]);
		const char *lp = sub(L, p, langs[i]);
		if (!s) {
			errs_add(L->errs, lp, "missing language");
			continue;
		}
		if (!check_string(L, s, lp))
			continue;
		const char *str = json_string_value(s);
		const char *q = str;
		while (*q == ' ' || *q == '\n' || *q == '\t')
			q++;
		if (!*q)
			errs_add(L->errs, lp, "empty text");
		if (i == 0)
			t.ja = str;
		else
			t.en = str;
	}
	return t;
}

const char *rd_str(lctx *L, json_t *obj, const char *key, const char *path, bool required)
{
	json_t *v = json_object_get(obj, key);
	const char *p = sub(L, path, key);
	if (!v || json_is_null(v)) {
		if (required)
			errs_add(L->errs, p, "missing");
		return NULL;
	}
	if (!check_string(L, v, p))
		return NULL;
	if (required && json_string_length(v) == 0)
		errs_add(L->errs, p, "empty");
	return json_string_value(v);
}

int rd_int(lctx *L, json_t *obj, const char *key, const char *path, int lo, int hi, bool required)
{
	json_t *v = json_object_get(obj, key);
	const char *p = sub(L, path, key);
	if (!v || json_is_null(v)) {
		if (required)
			errs_add(L->errs, p, "missing");
		return 0;
	}
	if (!json_is_integer(v)) {
		errs_add(L->errs, p, "must be an integer");
		return 0;
	}
	json_int_t n = json_integer_value(v);
	if (n < lo || n > hi) {
		errs_add(L->errs, p, "must be between %d and %d", lo, hi);
		return 0;
	}
	return (int)n;
}

bool rd_bool(lctx *L, json_t *obj, const char *key, const char *path)
{
	json_t *v = json_object_get(obj, key);
	if (!v)
		return false;
	if (!json_is_boolean(v)) {
		errs_add(L->errs, sub(L, path, key), "must be true or false");
		return false;
	}
	return json_is_true(v);
}

json_t *rd_array(lctx *L, json_t *obj, const char *key, const char *path)
{
	json_t *v = json_object_get(obj, key);
	if (!json_is_array(v)) {
		errs_add(L->errs, sub(L, path, key), "missing list");
		return NULL;
	}
	return v;
}

const char *const *rd_strs(lctx *L, json_t *obj, const char *key, const char *path, size_t *n)
{
	*n = 0;
	json_t *v = json_object_get(obj, key);
	if (!v)
		return NULL;
	const char *p = sub(L, path, key);
	if (!json_is_array(v)) {
		errs_add(L->errs, p, "must be a list of strings");
		return NULL;
	}
	const char **out = arena_alloc(L->arena, (json_array_size(v) + 1) * sizeof *out);
	size_t i;
	json_t *e;
	json_array_foreach(v, i, e) {
		if (check_string(L, e, idx(L, p, i)))
			out[(*n)++] = json_string_value(e);
	}
	return out;
}

const text_t *rd_texts(lctx *L, json_t *obj, const char *key, const char *path, size_t *n)
{
	*n = 0;
	json_t *arr = rd_array(L, obj, key, path);
	if (!arr)
		return NULL;
	const char *p = sub(L, path, key);
	text_t *out = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *out);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		out[(*n)++] = rd_text_at(L, json_array_get(arr, i), idx(L, p, i));
	}
	return out;
}
