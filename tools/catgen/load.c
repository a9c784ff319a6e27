/* load.c — reads the catalog's JSON files into typed tables, then runs the
 * checks (validate.c).  See catload.h. */
#include <jansson.h>
#include <stdlib.h>
#include <string.h>

#include "base/arena.h"
#include "base/util.h"
#include "catload.h"
#include "read.h"

static int lookup(const char *const *ids, int n, const char *s)
{
	for (int i = 0; s && i < n; i++)
		if (strcmp(ids[i], s) == 0)
			return i;
	return -1;
}

static const char *const side_names[] = {"inside", "outside"};

static void load_questions(lctx *L, json_t *cpj, const char *path, cat_checkpoint *cp)
{
	json_t *arr = rd_array(L, cpj, "questions", path);
	if (!arr)
		return;
	const char *p = sub(L, path, "questions");
	cat_question *qs = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *qs);
	cp->questions = qs;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *q = json_array_get(arr, i);
		const char *qp = idx(L, p, i);
		cat_question *cq = &qs[cp->n_questions++];
		cq->id = rd_str(L, q, "id", qp, true);
		cq->text = rd_text(L, q, "text", qp);
		cq->help = rd_text(L, q, "help", qp);
	}
}

static void load_measure(lctx *L, json_t *m, const char *mp, int step, cat_measure *cm)
{
	cm->id = rd_str(L, m, "id", mp, true);
	cm->step = step;
	const char *side = rd_str(L, m, "side", mp, true);
	const char *kind = rd_str(L, m, "kind", mp, true);
	int si = lookup(side_names, 2, side), ki = -1;
	for (int k = 0; kind && k < KIND__COUNT; k++)
		if (str_eq(measure_kind_id((measure_kind_t)k), kind))
			ki = k;
	if (side && si < 0)
		errs_add(L->errs, sub(L, mp, "side"), "unknown side \"%s\" (inside or outside)", side);
	if (kind && ki < 0)
		errs_add(L->errs, sub(L, mp, "kind"), "unknown kind \"%s\"", kind);
	cm->side = si < 0 ? SIDE_INSIDE : (side_t)si;
	cm->kind = ki < 0 ? KIND_ACQUIRE : (measure_kind_t)ki;
	cm->title = rd_text(L, m, "title", mp);
	cm->summary = rd_text(L, m, "summary", mp);
	cm->suits = rd_text(L, m, "suits", mp);
	cm->source = rd_str(L, m, "source", mp, true);
	cm->audiences = rd_strs(L, m, "audiences", mp, &cm->n_audiences);
	cm->resources = rd_strs(L, m, "resources", mp, &cm->n_resources);
	cm->exam = rd_str(L, m, "exam", mp, false);
	cm->dedicated_alt = rd_str(L, m, "dedicated_alternative", mp, false);
}

static void load_steps(lctx *L, json_t *root, catalog *c)
{
	json_t *arr = rd_array(L, root, "steps", "");
	if (!arr)
		return;
	if (json_array_size(arr) != CAT_STEPS)
		errs_add(L->errs, "steps", "must list exactly %d STEPs, found %zu", CAT_STEPS,
			 json_array_size(arr));
	size_t ncp = 0, ntask = 0, nmeasure = 0;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *m = json_object_get(json_array_get(arr, i), "measures");
		nmeasure += json_is_array(m) ? json_array_size(m) : 0;
	}
	cat_measure *ms = arena_alloc(L->arena, (nmeasure + 1) * sizeof *ms);
	c->measures = ms;
	for (size_t i = 0; i < json_array_size(arr) && i < CAT_STEPS; i++) {
		json_t *s = json_array_get(arr, i);
		const char *sp = idx(L, "steps", i);
		cat_step *st = &c->steps[i];
		st->id = rd_int(L, s, "id", sp, 1, 4, true);
		if (st->id != (int)i + 1)
			errs_add(L->errs, sub(L, sp, "id"), "STEPs must be numbered 1 to 4 in order");
		st->title = rd_text(L, s, "title", sp);
		st->aim = rd_text(L, s, "aim", sp);
		st->staffing = rd_text(L, s, "staffing", sp);
		st->outside_help = rd_text(L, s, "outside_help", sp);
		st->learning = rd_text(L, s, "learning", sp);
		st->guideline_pages = rd_str(L, s, "guideline_pages", sp, true);
		st->exam = rd_str(L, s, "exam", sp, true);
		st->source = rd_str(L, s, "source", sp, true);

		json_t *cps = rd_array(L, s, "checkpoints", sp);
		st->checkpoints = &c->checkpoints[ncp < CAT_CHECKPOINTS ? ncp : 0];
		for (size_t k = 0; cps && k < json_array_size(cps); k++) {
			const char *cpath = idx(L, sub(L, sp, "checkpoints"), k);
			if (ncp >= CAT_CHECKPOINTS) {
				errs_add(L->errs, cpath, "more than %d checkpoints", CAT_CHECKPOINTS);
				break;
			}
			json_t *cj = json_array_get(cps, k);
			cat_checkpoint *cp = &c->checkpoints[ncp];
			cp->index = (int)ncp++;
			cp->step = (int)i + 1;
			cp->id = rd_str(L, cj, "id", cpath, true);
			cp->title = rd_text(L, cj, "title", cpath);
			cp->summary = rd_text(L, cj, "summary", cpath);
			cp->source = rd_str(L, cj, "source", cpath, true);
			cp->sd = rd_strs(L, cj, "self_diagnosis", cpath, &cp->n_sd);
			load_questions(L, cj, cpath, cp);
			st->n_checkpoints++;
		}

		json_t *tasks = rd_array(L, s, "tasks", sp);
		st->tasks = &c->tasks[ntask < CAT_TASKS ? ntask : 0];
		for (size_t k = 0; tasks && k < json_array_size(tasks); k++) {
			const char *tpath = idx(L, sub(L, sp, "tasks"), k);
			if (ntask >= CAT_TASKS) {
				errs_add(L->errs, tpath, "more than %d tasks", CAT_TASKS);
				break;
			}
			json_t *tj = json_array_get(tasks, k);
			cat_task *t = &c->tasks[ntask];
			t->index = (int)ntask++;
			t->step = (int)i + 1;
			t->id = rd_str(L, tj, "id", tpath, true);
			t->title = rd_text(L, tj, "title", tpath);
			t->summary = rd_text(L, tj, "summary", tpath);
			t->source = rd_str(L, tj, "source", tpath, true);
			t->checkpoints = rd_strs(L, tj, "checkpoints", tpath, &t->n_checkpoints);
			t->default_days = rd_int(L, tj, "default_days", tpath, 1, 730, true);
			st->n_tasks++;
		}

		json_t *mj = rd_array(L, s, "measures", sp);
		st->measures = &ms[c->n_measures];
		for (size_t k = 0; mj && k < json_array_size(mj); k++) {
			load_measure(L, json_array_get(mj, k), idx(L, sub(L, sp, "measures"), k), (int)i + 1,
				     &ms[c->n_measures++]);
			st->n_measures++;
		}
	}
}

static void load_resources(lctx *L, json_t *root, catalog *c)
{
	json_t *arr = rd_array(L, root, "resources", "");
	if (!arr)
		return;
	cat_resource *rs = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *rs);
	c->resources = rs;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *r = json_array_get(arr, i);
		const char *p = idx(L, "resources", i);
		cat_resource *cr = &rs[c->n_resources++];
		cr->id = rd_str(L, r, "id", p, true);
		cr->name = rd_text(L, r, "name", p);
		cr->what = rd_text(L, r, "what", p);
		cr->kind = rd_str(L, r, "kind", p, true);
		cr->audiences = rd_strs(L, r, "audiences", p, &cr->n_audiences);
		cr->url = rd_str(L, r, "url", p, false);
		cr->source = rd_str(L, r, "source", p, true);
		json_t *steps = json_object_get(r, "steps");
		size_t k;
		json_t *e;
		if (steps && !json_is_array(steps))
			errs_add(L->errs, sub(L, p, "steps"), "must be a list of STEP numbers");
		json_array_foreach(steps, k, e) {
			if (!json_is_integer(e) || json_integer_value(e) < 1 || json_integer_value(e) > 4)
				errs_add(L->errs, idx(L, sub(L, p, "steps"), k), "must be a STEP number 1-4");
			else
				cr->steps[json_integer_value(e) - 1] = 1;
		}
	}
}

static void load_exams(lctx *L, json_t *root, catalog *c)
{
	json_t *arr = rd_array(L, root, "exams", "");
	if (!arr)
		return;
	cat_exam *es = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *es);
	c->exams = es;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		const char *p = idx(L, "exams", i);
		cat_exam *e = &es[c->n_exams++];
		e->id = rd_str(L, x, "id", p, true);
		e->name = rd_text(L, x, "name", p);
		e->audience = rd_text(L, x, "audience", p);
		e->format = rd_text(L, x, "format", p);
		e->fee_note = rd_text(L, x, "fee_note", p);
		e->level = rd_int(L, x, "level", p, 1, 4, true);
		e->fee_yen = rd_int(L, x, "fee_yen", p, 0, 1000000, true);
		e->step = rd_int(L, x, "step", p, 1, 4, false);
		e->url = rd_str(L, x, "url", p, false);
		e->source = rd_str(L, x, "source", p, true);
	}
}

static void load_cases(lctx *L, json_t *root, catalog *c)
{
	json_t *arr = rd_array(L, root, "cases", "");
	if (!arr)
		return;
	cat_case *cs = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *cs);
	c->cases = cs;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		const char *p = idx(L, "cases", i);
		cat_case *k = &cs[c->n_cases++];
		k->id = rd_str(L, x, "id", p, true);
		k->name = rd_text(L, x, "name", p);
		k->title = rd_text(L, x, "title", p);
		k->it_summary = rd_text(L, x, "it_summary", p);
		k->trigger = rd_text(L, x, "trigger", p);
		k->problem = rd_text(L, x, "problem", p);
		k->results = rd_text(L, x, "results", p);
		k->industry = rd_str(L, x, "industry", p, true);
		k->employees = rd_int(L, x, "employees", p, 1, 1000000, true);
		k->step = rd_int(L, x, "step", p, 1, 4, true);
		k->it_uses = rd_strs(L, x, "it_uses", p, &k->n_it_uses);
		k->actions = rd_texts(L, x, "actions", p, &k->n_actions);
		k->points = rd_texts(L, x, "points", p, &k->n_points);
		k->source = rd_str(L, x, "source", p, true);
	}
}

static void load_self_diagnosis(lctx *L, json_t *root, catalog *c)
{
	json_t *parts = rd_array(L, root, "self_diagnosis_parts", "");
	if (parts) {
		cat_sd_part *ps = arena_alloc(L->arena, (json_array_size(parts) + 1) * sizeof *ps);
		c->sd_parts = ps;
		for (size_t i = 0; i < json_array_size(parts); i++) {
			json_t *x = json_array_get(parts, i);
			const char *p = idx(L, "self_diagnosis_parts", i);
			cat_sd_part *sp = &ps[c->n_sd_parts++];
			sp->id = rd_str(L, x, "id", p, true);
			sp->title = rd_text(L, x, "title", p);
			sp->from = rd_int(L, x, "from", p, 1, 25, true);
			sp->to = rd_int(L, x, "to", p, 1, 25, true);
		}
	}
	json_t *items = rd_array(L, root, "self_diagnosis", "");
	if (items) {
		if (json_array_size(items) != CAT_SD_ITEMS)
			errs_add(L->errs, "self_diagnosis", "must list exactly %d items, found %zu",
				 CAT_SD_ITEMS, json_array_size(items));
		for (size_t i = 0; i < json_array_size(items) && i < CAT_SD_ITEMS; i++) {
			json_t *x = json_array_get(items, i);
			const char *p = idx(L, "self_diagnosis", i);
			cat_sd_item *it = &c->sd[i];
			it->id = rd_str(L, x, "id", p, true);
			it->no = rd_int(L, x, "no", p, 1, 25, true);
			it->part = rd_str(L, x, "part", p, true);
			it->title = rd_text(L, x, "title", p);
			it->question = rd_text(L, x, "question", p);
			it->help = rd_text(L, x, "help", p);
			it->source = rd_str(L, x, "source", p, true);
		}
	}
	json_t *bands = rd_array(L, root, "self_diagnosis_bands", "");
	if (bands) {
		cat_sd_band *bs = arena_alloc(L->arena, (json_array_size(bands) + 1) * sizeof *bs);
		c->sd_bands = bs;
		for (size_t i = 0; i < json_array_size(bands); i++) {
			json_t *x = json_array_get(bands, i);
			const char *p = idx(L, "self_diagnosis_bands", i);
			cat_sd_band *b = &bs[c->n_sd_bands++];
			b->id = rd_str(L, x, "id", p, true);
			b->min = rd_int(L, x, "min", p, -25, 100, true);
			b->max = rd_int(L, x, "max", p, -25, 100, true);
			b->meaning = rd_text(L, x, "meaning", p);
			b->next = rd_text(L, x, "next", p);
		}
	}
}

static void load_glossary(lctx *L, json_t *root, catalog *c)
{
	json_t *arr = rd_array(L, root, "glossary", "");
	if (!arr)
		return;
	cat_term *ts = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *ts);
	c->glossary = ts;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		const char *p = idx(L, "glossary", i);
		cat_term *t = &ts[c->n_glossary++];
		t->id = rd_str(L, x, "id", p, true);
		t->term = rd_text(L, x, "term", p);
		t->definition = rd_text(L, x, "definition", p);
		t->reading = rd_str(L, x, "reading", p, false);
		t->in_guidebook = rd_bool(L, x, "in_guidebook", p);
		t->source = rd_str(L, x, "source", p, true);
	}
}

static void load_phases(lctx *L, json_t *root, catalog *c)
{
	json_t *arr = rd_array(L, root, "incident_phases", "");
	if (!arr)
		return;
	cat_phase *ps = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *ps);
	c->phases = ps;
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		const char *p = idx(L, "incident_phases", i);
		cat_phase *ph = &ps[c->n_phases++];
		ph->id = rd_str(L, x, "id", p, true);
		ph->title = rd_text(L, x, "title", p);
		ph->steps = rd_texts(L, x, "steps", p, &ph->n_steps);
		ph->source = rd_str(L, x, "source", p, true);
	}
}

static void load_guidebook(lctx *L, json_t *root, catalog *c)
{
	json_t *g = json_object_get(root, "guidebook");
	if (!json_is_object(g)) {
		errs_add(L->errs, "guidebook", "missing");
		return;
	}
	cat_guidebook *gb = &c->guidebook;
	gb->title = rd_text(L, g, "title", "guidebook");
	gb->publisher = rd_text(L, g, "publisher", "guidebook");
	gb->purpose = rd_text(L, g, "purpose", "guidebook");
	gb->published = rd_str(L, g, "published", "guidebook", true);
	gb->how_to_use = rd_texts(L, g, "how_to_use", "guidebook", &gb->n_how_to_use);
	gb->source = rd_str(L, g, "source", "guidebook", true);
	json_t *ct = json_object_get(g, "contact");
	if (!json_is_object(ct)) {
		errs_add(L->errs, "guidebook.contact", "missing");
		return;
	}
	gb->address = rd_text(L, ct, "address", "guidebook.contact");
	gb->phone = rd_str(L, ct, "phone", "guidebook.contact", true);
	gb->email = rd_str(L, ct, "email", "guidebook.contact", true);
	gb->url = rd_str(L, ct, "url", "guidebook.contact", true);
}

/* Which fields a list of tags has besides id and name. */
enum { TAG_SOURCE = 1, TAG_SUMMARY = 2, TAG_SIDES = 4 };

/* Reads a list of named tags (industries, roles, enum labels …). */
static const cat_tag *load_tags(lctx *L, json_t *root, const char *key, size_t *n, unsigned fields)
{
	*n = 0;
	json_t *arr = rd_array(L, root, key, "");
	if (!arr)
		return NULL;
	cat_tag *out = arena_alloc(L->arena, (json_array_size(arr) + 1) * sizeof *out);
	for (size_t i = 0; i < json_array_size(arr); i++) {
		json_t *x = json_array_get(arr, i);
		const char *p = idx(L, key, i);
		cat_tag *t = &out[(*n)++];
		t->id = rd_str(L, x, "id", p, true);
		t->name = rd_text(L, x, "name", p);
		if (fields & TAG_SUMMARY)
			t->summary = rd_text(L, x, "summary", p);
		t->adjacent = rd_bool(L, x, "adjacent", p);
		if (fields & TAG_SOURCE)
			rd_str(L, x, "source", p, true);
		if (fields & TAG_SIDES) {
			size_t ns;
			const char *const *sides = rd_strs(L, x, "sides", p, &ns);
			if (!ns)
				errs_add(L->errs, sub(L, p, "sides"), "missing list of sides (inside, outside)");
			for (size_t k = 0; k < ns; k++) {
				int si = lookup(side_names, 2, sides[k]);
				if (si < 0)
					errs_add(L->errs, idx(L, sub(L, p, "sides"), k),
						 "unknown side \"%s\" (inside or outside)", sides[k]);
				else
					t->sides |= 1u << si;
			}
		}
	}
	return out;
}

static void load_reference(lctx *L, json_t *root, catalog *c)
{
	c->industries = load_tags(L, root, "industries", &c->n_industries, 0);
	c->it_uses = load_tags(L, root, "it_uses", &c->n_it_uses, 0);
	c->audiences = load_tags(L, root, "audiences", &c->n_audiences, 0);
	c->answers = load_tags(L, root, "answers", &c->n_answers, 0);
	c->task_statuses = load_tags(L, root, "task_statuses", &c->n_task_statuses, 0);
	c->exam_statuses = load_tags(L, root, "exam_statuses", &c->n_exam_statuses, 0);
	c->role_times = load_tags(L, root, "role_times", &c->n_role_times, 0);
	c->kinds = load_tags(L, root, "measure_kinds", &c->n_kinds, TAG_SIDES);
	c->roles = load_tags(L, root, "security_roles", &c->n_roles, TAG_SOURCE | TAG_SUMMARY);
	c->experience = load_tags(L, root, "experience_tags", &c->n_experience, TAG_SOURCE);
	c->security_action = load_tags(L, root, "security_action", &c->n_security_action, TAG_SOURCE);

	json_t *om = json_object_get(root, "owner_message");
	if (!json_is_object(om)) {
		errs_add(L->errs, "owner_message", "missing");
		return;
	}
	size_t n;
	rd_texts(L, om, "why", "owner_message", &n);
	rd_text(L, om, "duty", "owner_message");
	rd_str(L, om, "source", "owner_message", true);
	json_t *ex = json_object_get(om, "example");
	if (!json_is_object(ex)) {
		errs_add(L->errs, "owner_message.example", "missing");
		return;
	}
	rd_text(L, ex, "title", "owner_message.example");
	rd_int(L, ex, "amount_yen", "owner_message.example", 1, 2000000000, true);
	rd_texts(L, ex, "steps", "owner_message.example", &n);
	json_t *sa;
	size_t i;
	json_array_foreach(json_object_get(root, "security_action"), i, sa) {
		rd_texts(L, sa, "conditions", idx(L, "security_action", i), &n);
		rd_text(L, sa, "note", idx(L, "security_action", i));
	}
}

/* Parses every file and merges the top-level keys into one object. */
static json_t *merge_files(const catload_file *files, errs_t *errs)
{
	json_t *root = json_object();
	for (const catload_file *f = files; f->name; f++) {
		json_error_t jerr;
		if (!utf8_valid(f->data, f->len)) {
			errs_add(errs, f->name, "is not valid UTF-8");
			continue;
		}
		json_t *doc = json_loadb(f->data, f->len, JSON_REJECT_DUPLICATES, &jerr);
		if (!doc) {
			errs_add(errs, f->name, "line %d: %s", jerr.line, jerr.text);
			continue;
		}
		if (!json_is_object(doc)) {
			errs_add(errs, f->name, "must hold a JSON object");
			json_decref(doc);
			continue;
		}
		const char *key;
		json_t *v;
		json_object_foreach(doc, key, v) {
			if (json_object_get(root, key))
				errs_add(errs, f->name, "top-level key \"%s\" is defined twice", key);
			else
				json_object_set(root, key, v);
		}
		json_decref(doc);
	}
	return root;
}

catload *catload_read(const catload_file *files, errs_t *errs)
{
	size_t before = errs_count(errs);
	catload *cl = xcalloc(1, sizeof *cl);
	arena_t *arena = xcalloc(1, sizeof *arena);
	cl->mem = arena;
	cl->root = merge_files(files, errs);
	if (errs_count(errs) > before) {
		catload_free(cl);
		return NULL;
	}
	catalog *c = &cl->cat;
	lctx L = {arena, errs};
	json_t *root = cl->root;
	load_steps(&L, root, c);
	load_resources(&L, root, c);
	load_exams(&L, root, c);
	load_cases(&L, root, c);
	load_self_diagnosis(&L, root, c);
	load_glossary(&L, root, c);
	load_reference(&L, root, c);
	load_phases(&L, root, c);
	load_guidebook(&L, root, c);
	if (errs_count(errs) == before)
		catalog_check(c, errs);
	if (errs_count(errs) > before) {
		catload_free(cl);
		return NULL;
	}
	return cl;
}

void catload_free(catload *cl)
{
	if (!cl)
		return;
	json_decref(cl->root);
	arena_free(cl->mem);
	free(cl->mem);
	free(cl);
}
