/* fuzz_api_body.c — the JSON request bodies of the API writes, through the
 * whole router (token sign-in, company access, the write transaction, the
 * handler): the first byte picks the call (a task, or the diagnosis), the
 * rest is the body.  Oracles (fuzz_web.h and here): never a 500, always a
 * JSON answer; 200 only for a JSON object, and a 400 names the fields. */
#include "fuzz_web.h"

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
	(void)argc;
	(void)argv;
	fuzz_web_init();
	return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size < 1)
		return 0;
	static const char *const paths[] = {
		"/api/v1/companies/1/diagnosis", "/api/v1/companies/1/tasks/task-1-1", "/api/v1/companies/1/tasks/task-2-3",
		"/api/v1/companies/1/tasks/task-4-4", "/api/v1/companies/1/tasks/task-9-9",
	};
	req_t *r = calloc(1, sizeof *r);
	fuzz_req(r, "POST", paths[data[0] % 5]);
	r->hdr_auth = "Bearer " FUZZ_TOKEN;
	r->hdr_ctype = "application/json";
	char *body = malloc(size);
	memcpy(body, data + 1, size - 1);
	body[size - 1] = '\0';
	r->body = body;
	r->body_len = size - 1;
	fuzz_route(r);
	json_error_t jerr;
	json_t *in = json_loadb(body, size - 1, JSON_REJECT_DUPLICATES, &jerr);
	if (r->status == 200)
		FUZZ_CHECK(json_is_object(in), "200 for a body that is not a JSON object");
	json_decref(in);
	free(body);
	free(r);
	return 0;
}
