/* dedicated.c — the plan's "dedicated_officer" field (views.h): from STEP3
 * on, when nobody holds the officer role as a dedicated one, who inside
 * could take it and the ways to fill it from outside. */
#include "base/util.h"
#include "view/views.h"

json_t *dedicated_json(const plan_t *p)
{
	if (!p->dedicated_short)
		return json_null();
	json_t *inside = json_array();
	for (size_t i = 0; i < p->n_dedicated; i++) {
		const plan_inside *in = &p->dedicated[i];
		json_array_append_new(inside, json_pack("{s:s, s:o, s:i, s:o, s:b, s:I}",
							"person", in->person->key,
							"passed", in->passed ? json_string(in->passed->id) : json_null(),
							"level", in->passed ? in->passed->level : 0,
							"share", in->share ? json_integer(in->share) : json_null(),
							"security_work", in->security_work,
							"adjacent", (json_int_t)in->n_adjacent));
	}
	json_t *outside = json_array();
	for (size_t i = 0; i < p->n_dedicated_outside; i++)
		json_array_append_new(outside, json_pack("{s:s, s:s}", "route", p->dedicated_outside[i]->dedicated_alt,
							 "measure", p->dedicated_outside[i]->id));
	return json_pack("{s:i, s:o, s:o}", "step", p->step, "from_inside", inside, "outside", outside);
}
