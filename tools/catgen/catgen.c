/* catgen.c — the catalog generator: validates the catalog/ JSON files and writes
 * them out as constant, typed C tables (in the spirit of Redis's
 * commands.def), so that secstep parses no JSON at start-up and a broken
 * catalog fails the build.
 *
 *   catgen OUT.c FILE.json...
 *
 * Every problem is printed as "catgen: FILE: PATH (ITEM): WHAT", ITEM being
 * the id of the innermost catalog item on the path, and the exit status is
 * 1.  OUT.c is written through OUT.c.tmp and renamed only when complete, so
 * a failed run never leaves a file that make would take as up to date.
 *
 * OUT.c defines `const catalog catalog_data` (catalog/catalog.h): every
 * table of the loaded catalog, with strings as C literals (UTF-8), and the
 * merged document as compact JSON text for `secstep catalog --json`. */
#include <errno.h>
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "catload.h"

/* ---- reading the input ---- */

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 65536, n = 0;
	char *data = xmalloc(cap);
	size_t got;
	while ((got = fread(data + n, 1, cap - n, f)) > 0) {
		n += got;
		if (n == cap)
			data = xrealloc(data, cap *= 2);
	}
	bool bad = ferror(f);
	fclose(f);
	if (bad) {
		free(data);
		return NULL;
	}
	*len = n;
	return data;
}

/* ---- naming the item of an error ---- */

/* The file (of files) whose top level holds key[0..n). */
static const char *file_of_key(const catload_file *files, const char *key, size_t n)
{
	for (const catload_file *f = files; f->name; f++) {
		json_t *doc = json_loadb(f->data, f->len, 0, NULL);
		const char *k;
		json_t *v;
		bool found = false;
		json_object_foreach(doc, k, v) {
			if (strlen(k) == n && strncmp(k, key, n) == 0)
				found = true;
		}
		json_decref(doc);
		if (found)
			return f->name;
	}
	return NULL;
}

/* Follows a JSON path (a.b[2].c) from the top of the file that holds its
 * first key; writes the id of the innermost object on the way that has
 * one ("cp-2-2", or "STEP2" for a STEP) to item. */
static void item_of_path(const catload_file *files, const char *file, const char *path, char *item,
			 size_t size)
{
	*item = '\0';
	const catload_file *f = files;
	while (f->name && strcmp(f->name, file) != 0)
		f++;
	if (!f->name)
		return;
	json_t *doc = json_loadb(f->data, f->len, 0, NULL), *v = doc;
	const char *p = path;
	while (v && *p) {
		if (*p == '.') {
			p++;
			continue;
		}
		if (*p == '[') {
			char *end;
			long i = strtol(p + 1, &end, 10);
			if (end == p + 1 || *end != ']')
				break;
			v = json_array_get(v, (size_t)i);
			p = end + 1;
		} else {
			size_t n = strcspn(p, ".[");
			char key[128];
			if (n >= sizeof key)
				break;
			memcpy(key, p, n);
			key[n] = '\0';
			v = json_object_get(v, key);
			p += n;
		}
		json_t *id = json_object_get(v, "id");
		if (json_is_string(id))
			snprintf(item, size, "%s", json_string_value(id));
		else if (json_is_integer(id))
			snprintf(item, size, "STEP%lld", (long long)json_integer_value(id));
	}
	json_decref(doc);
}

static void print_errors(const catload_file *files, const errs_t *e)
{
	for (size_t i = 0; i < e->n; i++) {
		const char *where = e->where[i];
		const catload_file *f = files;
		while (f->name && strcmp(f->name, where) != 0)
			f++;
		if (f->name) {   /* the file itself: it does not parse */
			fprintf(stderr, "catgen: %s: %s\n", where, e->what[i]);
			continue;
		}
		const char *file = file_of_key(files, where, strcspn(where, ".["));
		char item[128] = "";
		if (file)
			item_of_path(files, file, where, item, sizeof item);
		fprintf(stderr, "catgen: %s: %s%s%s%s: %s\n", file ? file : "catalog", where, *item ? " (" : "",
			item, *item ? ")" : "", e->what[i]);
	}
}

/* ---- writing C ---- */

static FILE *defs;   /* arrays, written before the catalog */
static int nsym;

/* A C string literal for s (UTF-8 kept as is), or NULL. */
static void put_str(FILE *out, const char *s)
{
	if (!s) {
		fputs("NULL", out);
		return;
	}
	fputc('"', out);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': fputs("\\\"", out); break;
		case '\\': fputs("\\\\", out); break;
		case '\n': fputs("\\n", out); break;
		case '\t': fputs("\\t", out); break;
		case '?': fputs("\\?", out); break;   /* no trigraphs */
		default:
			if (*p < 0x20 || *p == 0x7f)
				fprintf(out, "\\%03o", *p);
			else
				fputc(*p, out);
		}
	}
	fputc('"', out);
}

static void put_text(FILE *out, text_t t)
{
	fputs("{", out);
	put_str(out, t.ja);
	fputs(", ", out);
	put_str(out, t.en);
	fputs("}", out);
}

/* Defines an array of strings; writes its name (or NULL when empty). */
static void put_strs(FILE *out, const char *const *v, size_t n)
{
	if (!n) {
		fputs("NULL", out);
		return;
	}
	int id = nsym++;
	fprintf(defs, "static const char *const g%d[] = {", id);
	for (size_t i = 0; i < n; i++) {
		fputs(i ? ", " : "", defs);
		put_str(defs, v[i]);
	}
	fputs("};\n", defs);
	fprintf(out, "g%d", id);
}

static void put_texts(FILE *out, const text_t *v, size_t n)
{
	if (!n) {
		fputs("NULL", out);
		return;
	}
	int id = nsym++;
	fprintf(defs, "static const text_t g%d[] = {\n", id);
	for (size_t i = 0; i < n; i++) {
		fputc('\t', defs);
		put_text(defs, v[i]);
		fputs(",\n", defs);
	}
	fputs("};\n", defs);
	fprintf(out, "g%d", id);
}

static void put_questions(FILE *out, const cat_question *q, size_t n)
{
	if (!n) {
		fputs("NULL", out);
		return;
	}
	int id = nsym++;
	fprintf(defs, "static const cat_question g%d[] = {\n", id);
	for (size_t i = 0; i < n; i++) {
		fputs("\t{.id = ", defs);
		put_str(defs, q[i].id);
		fputs(", .text = ", defs);
		put_text(defs, q[i].text);
		fputs(",\n\t .help = ", defs);
		put_text(defs, q[i].help);
		fputs("},\n", defs);
	}
	fputs("};\n", defs);
	fprintf(out, "g%d", id);
}

static void put_checkpoint(FILE *out, const cat_checkpoint *cp)
{
	fprintf(out, "\t{.id = ");
	put_str(out, cp->id);
	fprintf(out, ", .step = %d, .index = %d,\n\t .title = ", cp->step, cp->index);
	put_text(out, cp->title);
	fputs(",\n\t .summary = ", out);
	put_text(out, cp->summary);
	fputs(",\n\t .source = ", out);
	put_str(out, cp->source);
	fputs(", .sd = ", out);
	put_strs(out, cp->sd, cp->n_sd);
	fprintf(out, ", .n_sd = %zu, .questions = ", cp->n_sd);
	put_questions(out, cp->questions, cp->n_questions);
	fprintf(out, ", .n_questions = %zu},\n", cp->n_questions);
}

static void put_task(FILE *out, const cat_task *t)
{
	fputs("\t{.id = ", out);
	put_str(out, t->id);
	fprintf(out, ", .step = %d, .index = %d, .default_days = %d,\n\t .title = ", t->step, t->index,
		t->default_days);
	put_text(out, t->title);
	fputs(",\n\t .summary = ", out);
	put_text(out, t->summary);
	fputs(",\n\t .source = ", out);
	put_str(out, t->source);
	fputs(", .checkpoints = ", out);
	put_strs(out, t->checkpoints, t->n_checkpoints);
	fprintf(out, ", .n_checkpoints = %zu},\n", t->n_checkpoints);
}

static void put_measure(FILE *out, const cat_measure *m)
{
	fputs("\t{.id = ", out);
	put_str(out, m->id);
	static const char *const kinds[KIND__COUNT] = {"KIND_ACQUIRE", "KIND_DEVELOP", "KIND_EXAM",
						       "KIND_COMMUNITY", "KIND_CONSULT", "KIND_EXPERT",
						       "KIND_SERVICE"};
	fprintf(out, ", .step = %d, .side = %s, .kind = %s,\n\t .title = ", m->step,
		m->side == SIDE_INSIDE ? "SIDE_INSIDE" : "SIDE_OUTSIDE", kinds[m->kind]);
	put_text(out, m->title);
	fputs(",\n\t .summary = ", out);
	put_text(out, m->summary);
	fputs(",\n\t .suits = ", out);
	put_text(out, m->suits);
	fputs(",\n\t .source = ", out);
	put_str(out, m->source);
	fputs(", .audiences = ", out);
	put_strs(out, m->audiences, m->n_audiences);
	fprintf(out, ", .n_audiences = %zu, .resources = ", m->n_audiences);
	put_strs(out, m->resources, m->n_resources);
	fprintf(out, ", .n_resources = %zu, .exam = ", m->n_resources);
	put_str(out, m->exam);
	fputs(", .dedicated_alt = ", out);
	put_str(out, m->dedicated_alt);
	fputs("},\n", out);
}

static void put_resource(FILE *out, const cat_resource *r)
{
	fputs("\t{.id = ", out);
	put_str(out, r->id);
	fputs(", .name = ", out);
	put_text(out, r->name);
	fputs(",\n\t .what = ", out);
	put_text(out, r->what);
	fputs(",\n\t .kind = ", out);
	put_str(out, r->kind);
	fputs(", .audiences = ", out);
	put_strs(out, r->audiences, r->n_audiences);
	fprintf(out, ", .n_audiences = %zu, .steps = {%d, %d, %d, %d},\n\t .url = ", r->n_audiences, r->steps[0],
		r->steps[1], r->steps[2], r->steps[3]);
	put_str(out, r->url);
	fputs(", .source = ", out);
	put_str(out, r->source);
	fputs("},\n", out);
}

static void put_exam(FILE *out, const cat_exam *e)
{
	fputs("\t{.id = ", out);
	put_str(out, e->id);
	fputs(", .name = ", out);
	put_text(out, e->name);
	fputs(",\n\t .audience = ", out);
	put_text(out, e->audience);
	fputs(",\n\t .format = ", out);
	put_text(out, e->format);
	fputs(",\n\t .fee_note = ", out);
	put_text(out, e->fee_note);
	fprintf(out, ",\n\t .level = %d, .fee_yen = %d, .step = %d, .url = ", e->level, e->fee_yen, e->step);
	put_str(out, e->url);
	fputs(", .source = ", out);
	put_str(out, e->source);
	fputs("},\n", out);
}

static void put_case(FILE *out, const cat_case *k)
{
	fputs("\t{.id = ", out);
	put_str(out, k->id);
	static const char *const names[] = {"name", "title", "it_summary", "trigger", "problem", "results"};
	const text_t *texts[] = {&k->name, &k->title, &k->it_summary, &k->trigger, &k->problem, &k->results};
	for (size_t i = 0; i < ARRAY_LEN(names); i++) {
		fprintf(out, ",\n\t .%s = ", names[i]);
		put_text(out, *texts[i]);
	}
	fputs(",\n\t .industry = ", out);
	put_str(out, k->industry);
	fprintf(out, ", .employees = %d, .step = %d, .it_uses = ", k->employees, k->step);
	put_strs(out, k->it_uses, k->n_it_uses);
	fprintf(out, ", .n_it_uses = %zu,\n\t .actions = ", k->n_it_uses);
	put_texts(out, k->actions, k->n_actions);
	fprintf(out, ", .n_actions = %zu, .points = ", k->n_actions);
	put_texts(out, k->points, k->n_points);
	fprintf(out, ", .n_points = %zu, .source = ", k->n_points);
	put_str(out, k->source);
	fputs("},\n", out);
}

static void put_sd_item(FILE *out, const cat_sd_item *it)
{
	fputs("\t{.id = ", out);
	put_str(out, it->id);
	fprintf(out, ", .no = %d, .part = ", it->no);
	put_str(out, it->part);
	fputs(",\n\t .title = ", out);
	put_text(out, it->title);
	fputs(",\n\t .question = ", out);
	put_text(out, it->question);
	fputs(",\n\t .help = ", out);
	put_text(out, it->help);
	fputs(",\n\t .source = ", out);
	put_str(out, it->source);
	fputs("},\n", out);
}

static void put_term(FILE *out, const cat_term *t)
{
	fputs("\t{.id = ", out);
	put_str(out, t->id);
	fputs(", .term = ", out);
	put_text(out, t->term);
	fputs(",\n\t .definition = ", out);
	put_text(out, t->definition);
	fputs(",\n\t .reading = ", out);
	put_str(out, t->reading);
	fprintf(out, ", .in_guidebook = %s, .source = ", t->in_guidebook ? "true" : "false");
	put_str(out, t->source);
	fputs("},\n", out);
}

/* Defines a table of tags; writes its name and count fields. */
static void put_tags(FILE *out, const char *field, const cat_tag *t, size_t n)
{
	if (!n) {
		fprintf(out, "\t.%s = NULL, .n_%s = 0,\n", field, field);
		return;
	}
	int id = nsym++;
	fprintf(defs, "static const cat_tag g%d[] = {\n", id);
	for (size_t i = 0; i < n; i++) {
		fputs("\t{.id = ", defs);
		put_str(defs, t[i].id);
		fputs(", .name = ", defs);
		put_text(defs, t[i].name);
		if (t[i].summary.ja || t[i].summary.en) {
			fputs(",\n\t .summary = ", defs);
			put_text(defs, t[i].summary);
		}
		fprintf(defs, ", .adjacent = %s, .sides = %uu},\n", t[i].adjacent ? "true" : "false", t[i].sides);
	}
	fputs("};\n", defs);
	fprintf(out, "\t.%s = g%d, .n_%s = %zu,\n", field, id, field, n);
}

/* The document as a run of string literals, cut between UTF-8 characters. */
static void put_json(FILE *out, const char *s)
{
	size_t len = strlen(s), i = 0;
	while (i < len) {
		size_t end = i + 100 < len ? i + 100 : len;
		while (end < len && ((unsigned char)s[end] & 0xC0) == 0x80)
			end++;
		char *chunk = xstrndup(s + i, end - i);
		fputs("\t", out);
		put_str(out, chunk);
		fputs("\n", out);
		free(chunk);
		i = end;
	}
}

/* C has no empty initialiser list: an empty table gets one zero row (its
 * count stays 0). */
static void empty_guard(FILE *out, size_t n)
{
	if (n == 0)
		fputs("\t{0},\n", out);
}

/* Writes the whole C file for catalog c (document root) to out. */
static void emit(FILE *out, const catalog *c, json_t *root)
{
	char *body_text = NULL, *defs_text = NULL;
	size_t body_len = 0, defs_len = 0;
	FILE *body = open_memstream(&body_text, &body_len);
	defs = open_memstream(&defs_text, &defs_len);
	if (!body || !defs)
		panic("open_memstream: %s", strerror(errno));

	fputs("static const cat_measure measures[] = {\n", body);
	for (size_t i = 0; i < c->n_measures; i++)
		put_measure(body, &c->measures[i]);
	empty_guard(body, c->n_measures);
	fputs("};\nstatic const cat_resource resources[] = {\n", body);
	for (size_t i = 0; i < c->n_resources; i++)
		put_resource(body, &c->resources[i]);
	empty_guard(body, c->n_resources);
	fputs("};\nstatic const cat_exam exams[] = {\n", body);
	for (size_t i = 0; i < c->n_exams; i++)
		put_exam(body, &c->exams[i]);
	empty_guard(body, c->n_exams);
	fputs("};\nstatic const cat_case cases[] = {\n", body);
	for (size_t i = 0; i < c->n_cases; i++)
		put_case(body, &c->cases[i]);
	empty_guard(body, c->n_cases);
	fputs("};\nstatic const cat_sd_part sd_parts[] = {\n", body);
	for (size_t i = 0; i < c->n_sd_parts; i++) {
		fputs("\t{.id = ", body);
		put_str(body, c->sd_parts[i].id);
		fputs(", .title = ", body);
		put_text(body, c->sd_parts[i].title);
		fprintf(body, ", .from = %d, .to = %d},\n", c->sd_parts[i].from, c->sd_parts[i].to);
	}
	empty_guard(body, c->n_sd_parts);
	fputs("};\nstatic const cat_sd_band sd_bands[] = {\n", body);
	for (size_t i = 0; i < c->n_sd_bands; i++) {
		const cat_sd_band *b = &c->sd_bands[i];
		fputs("\t{.id = ", body);
		put_str(body, b->id);
		fprintf(body, ", .min = %d, .max = %d,\n\t .meaning = ", b->min, b->max);
		put_text(body, b->meaning);
		fputs(",\n\t .next = ", body);
		put_text(body, b->next);
		fputs("},\n", body);
	}
	empty_guard(body, c->n_sd_bands);
	fputs("};\nstatic const cat_term glossary[] = {\n", body);
	for (size_t i = 0; i < c->n_glossary; i++)
		put_term(body, &c->glossary[i]);
	empty_guard(body, c->n_glossary);
	fputs("};\nstatic const cat_phase phases[] = {\n", body);
	for (size_t i = 0; i < c->n_phases; i++) {
		const cat_phase *ph = &c->phases[i];
		fputs("\t{.id = ", body);
		put_str(body, ph->id);
		fputs(", .title = ", body);
		put_text(body, ph->title);
		fputs(",\n\t .steps = ", body);
		put_texts(body, ph->steps, ph->n_steps);
		fprintf(body, ", .n_steps = %zu, .source = ", ph->n_steps);
		put_str(body, ph->source);
		fputs("},\n", body);
	}
	empty_guard(body, c->n_phases);
	fputs("};\n\n", body);

	const cat_guidebook *g = &c->guidebook;
	fputs("const catalog catalog_data = {\n\t.guidebook = {.title = ", body);
	put_text(body, g->title);
	fputs(",\n\t .publisher = ", body);
	put_text(body, g->publisher);
	fputs(",\n\t .purpose = ", body);
	put_text(body, g->purpose);
	fputs(",\n\t .address = ", body);
	put_text(body, g->address);
	fputs(",\n\t .published = ", body);
	put_str(body, g->published);
	fputs(", .phone = ", body);
	put_str(body, g->phone);
	fputs(", .email = ", body);
	put_str(body, g->email);
	fputs(", .url = ", body);
	put_str(body, g->url);
	fputs(",\n\t .source = ", body);
	put_str(body, g->source);
	fputs(",\n\t .how_to_use = ", body);
	put_texts(body, g->how_to_use, g->n_how_to_use);
	fprintf(body, ", .n_how_to_use = %zu},\n\t.steps = {\n", g->n_how_to_use);
	size_t cp = 0, task = 0, measure = 0;
	for (int s = 0; s < CAT_STEPS; s++) {
		const cat_step *st = &c->steps[s];
		fprintf(body, "\t{.id = %d,\n\t .title = ", st->id);
		put_text(body, st->title);
		static const char *const names[] = {"aim", "staffing", "outside_help", "learning"};
		const text_t *texts[] = {&st->aim, &st->staffing, &st->outside_help, &st->learning};
		for (size_t i = 0; i < ARRAY_LEN(names); i++) {
			fprintf(body, ",\n\t .%s = ", names[i]);
			put_text(body, *texts[i]);
		}
		fputs(",\n\t .guideline_pages = ", body);
		put_str(body, st->guideline_pages);
		fputs(", .exam = ", body);
		put_str(body, st->exam);
		fputs(", .source = ", body);
		put_str(body, st->source);
		fprintf(body, ",\n\t .checkpoints = &catalog_data.checkpoints[%zu], .n_checkpoints = %zu,"
			      "\n\t .tasks = &catalog_data.tasks[%zu], .n_tasks = %zu,"
			      "\n\t .measures = &measures[%zu], .n_measures = %zu},\n",
			cp, st->n_checkpoints, task, st->n_tasks, measure, st->n_measures);
		cp += st->n_checkpoints;
		task += st->n_tasks;
		measure += st->n_measures;
	}
	fputs("\t},\n\t.checkpoints = {\n", body);
	for (int i = 0; i < CAT_CHECKPOINTS; i++)
		put_checkpoint(body, &c->checkpoints[i]);
	fputs("\t},\n\t.tasks = {\n", body);
	for (int i = 0; i < CAT_TASKS; i++)
		put_task(body, &c->tasks[i]);
	fputs("\t},\n\t.sd = {\n", body);
	for (int i = 0; i < CAT_SD_ITEMS; i++)
		put_sd_item(body, &c->sd[i]);
	fputs("\t},\n", body);
	fprintf(body, "\t.measures = measures, .n_measures = %zu,\n", c->n_measures);
	fprintf(body, "\t.resources = resources, .n_resources = %zu,\n", c->n_resources);
	fprintf(body, "\t.exams = exams, .n_exams = %zu,\n", c->n_exams);
	fprintf(body, "\t.cases = cases, .n_cases = %zu,\n", c->n_cases);
	fprintf(body, "\t.sd_parts = sd_parts, .n_sd_parts = %zu,\n", c->n_sd_parts);
	fprintf(body, "\t.sd_bands = sd_bands, .n_sd_bands = %zu,\n", c->n_sd_bands);
	fprintf(body, "\t.glossary = glossary, .n_glossary = %zu,\n", c->n_glossary);
	fprintf(body, "\t.phases = phases, .n_phases = %zu,\n", c->n_phases);
	put_tags(body, "industries", c->industries, c->n_industries);
	put_tags(body, "it_uses", c->it_uses, c->n_it_uses);
	put_tags(body, "roles", c->roles, c->n_roles);
	put_tags(body, "audiences", c->audiences, c->n_audiences);
	put_tags(body, "experience", c->experience, c->n_experience);
	put_tags(body, "answers", c->answers, c->n_answers);
	put_tags(body, "kinds", c->kinds, c->n_kinds);
	put_tags(body, "security_action", c->security_action, c->n_security_action);
	put_tags(body, "task_statuses", c->task_statuses, c->n_task_statuses);
	put_tags(body, "exam_statuses", c->exam_statuses, c->n_exam_statuses);
	put_tags(body, "role_times", c->role_times, c->n_role_times);
	char *json = json_dumps(root, JSON_COMPACT);
	if (!json)
		panic("json_dumps failed");
	fputs("\t.json =\n", body);
	put_json(body, json);
	fprintf(body, "\t,\n\t.json_len = %zu,\n};\n", strlen(json));
	free(json);

	if (fclose(body) != 0 || fclose(defs) != 0)
		panic("open_memstream: %s", strerror(errno));
	fputs("/* generated by tools/catgen from the catalog/ JSON files — do not edit */\n"
	      "#include <stdbool.h>\n#include <stddef.h>\n\n#include \"catalog/catalog.h\"\n\n",
	      out);
	fwrite(defs_text, 1, defs_len, out);
	fputc('\n', out);
	fwrite(body_text, 1, body_len, out);
	free(body_text);
	free(defs_text);
	defs = NULL;
}

int main(int argc, char **argv)
{
	if (argc < 3) {
		fprintf(stderr, "usage: catgen OUT.c FILE.json...\n");
		return 2;
	}
	const char *out_path = argv[1];
	size_t n = (size_t)argc - 2;
	catload_file *files = xcalloc(n + 1, sizeof *files);
	char **data = xcalloc(n + 1, sizeof *data);
	int rc = 1;
	for (size_t i = 0; i < n; i++) {
		files[i].name = argv[i + 2];
		data[i] = read_file(argv[i + 2], &files[i].len);
		if (!data[i]) {
			fprintf(stderr, "catgen: %s: %s\n", argv[i + 2], strerror(errno));
			goto done;
		}
		files[i].data = data[i];
	}
	errs_t errs = ERRS_INIT;
	catload *cl = catload_read(files, &errs);
	if (!cl) {
		print_errors(files, &errs);
		fprintf(stderr, "catgen: the catalog is broken (%zu problem%s); nothing written\n", errs.n,
			errs.n == 1 ? "" : "s");
		errs_free(&errs);
		goto done;
	}
	char *tmp = xmalloc(strlen(out_path) + 5);
	sprintf(tmp, "%s.tmp", out_path);
	FILE *out = fopen(tmp, "w");
	if (!out) {
		fprintf(stderr, "catgen: %s: %s\n", tmp, strerror(errno));
	} else {
		emit(out, &cl->cat, cl->root);
		bool bad = ferror(out) != 0;
		if (fclose(out) != 0 || bad)
			fprintf(stderr, "catgen: %s: %s\n", tmp, strerror(errno ? errno : EIO));
		else if (rename(tmp, out_path) != 0)
			fprintf(stderr, "catgen: %s: %s\n", out_path, strerror(errno));
		else
			rc = 0;
		if (rc != 0)
			unlink(tmp);
	}
	free(tmp);
	catload_free(cl);
done:
	for (size_t i = 0; i < n; i++)
		free(data[i]);
	free(data);
	free(files);
	return rc;
}
