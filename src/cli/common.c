/* common.c — helpers shared by the CLI commands. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "app/audit.h"
#include "app/summary.h"
#include "base/util.h"
#include "cli/cli.h"
#include "exchange/doc.h"

store_t *cli_store(cli_t *cx)
{
	if (cx->store)
		return cx->store;
	errs_t e = ERRS_INIT;
	cx->store = store_open(cx->db_path, &e);
	if (!cx->store)
		cli_errors(cx, &e);
	errs_free(&e);
	return cx->store;
}

store_t *cli_store_existing(cli_t *cx)
{
	if (cx->store)
		return cx->store;
	/* A mistyped --db must not leave a new, empty database behind.
	 * (A database URL names a server: it is checked by opening it.) */
	bool url = strstr(cx->db_path, "://") != NULL;
	if (!url && access(cx->db_path, F_OK) != 0) {
		cli_error(cx, "%s: %s", cx->db_path,
			  tr(cx, "データベースがありません（--db か SECSTEP_DB を確かめてください）",
			     "no such database (check --db or SECSTEP_DB)"));
		return NULL;
	}
	return cli_store(cx);
}

m_company *cli_company(cli_t *cx, const char *arg)
{
	char *end;
	errno = 0;
	long long id = strtoll(arg, &end, 10);
	if (errno || *end || end == arg || id <= 0) {
		cli_error(cx, "%s \"%s\"", tr(cx, "会社IDは正の整数です:", "company ID must be a positive integer:"), arg);
		return NULL;
	}
	store_t *s = cli_store_existing(cx);
	if (!s)
		return NULL;
	errs_t e = ERRS_INIT;
	m_company *co = store_company_load(s, id, &e);
	if (!co) {
		if (e.n)
			cli_errors(cx, &e);
		else
			cli_error(cx, "%s %lld", tr(cx, "会社が見つかりません: ID", "no company with ID"), id);
	}
	errs_free(&e);
	return co;
}

const audit_who cli_who = {"cli", 0, NULL};

int cli_save(cli_t *cx, m_company *co)
{
	errs_t e = ERRS_INIT;
	bool ok = audit_save(cli_store(cx), cx->cat, &cli_who, co, &e);
	if (!ok)
		cli_errors(cx, &e);
	errs_free(&e);
	return ok ? EXIT_OK : EXIT_FAIL;
}

bool cli_insert(cli_t *cx, m_company *co, const char *action, errs_t *e)
{
	store_t *s = cx->store;
	if (!store_begin(s, e))
		return false;
	if (store_company_insert(s, co, e) && summary_update(s, cx->cat, co, e) &&
	    audit_record(s, &cli_who, co->id, 0, action, co->name, json_pack("{s:i}", "people", (int)co->n_people), e))
		return store_commit(s, e);
	store_rollback(s);
	return false;
}

void cli_audit(cli_t *cx, int64_t company, int64_t body, const char *action, const char *target, json_t *detail)
{
	errs_t e = ERRS_INIT;
	if (!cx->store || !audit_record(cx->store, &cli_who, company, body, action, target, detail, &e))
		cli_errors(cx, &e);
	errs_free(&e);
}

void print_json(json_t *v)
{
	char *s = json_dumps(v, JSON_INDENT(2));
	if (s) {
		fputs(s, stdout);
		fputc('\n', stdout);
		free(s);
	}
	json_decref(v);
}

char *read_all(cli_t *cx, const char *path, size_t max, size_t *len)
{
	FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
	if (!f) {
		cli_error(cx, "%s: %s", path, strerror(errno));
		return NULL;
	}
	size_t cap = 65536, n = 0;
	char *buf = xmalloc(cap + 1);
	for (;;) {
		if (n == cap) {
			if (cap >= max + 1)
				break;
			cap *= 2;
			buf = xrealloc(buf, cap + 1);
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	bool err = ferror(f);
	if (f != stdin)
		fclose(f);
	if (err) {
		cli_error(cx, "%s: %s", path, tr(cx, "読み込めません", "read error"));
		free(buf);
		return NULL;
	}
	if (n > max) {
		cli_error(cx, "%s: %s (%zu MiB)", path, tr(cx, "大きすぎます", "too large"), max >> 20);
		free(buf);
		return NULL;
	}
	buf[n] = '\0';
	*len = n;
	return buf;
}

const char **split_list(arena_t *ar, const char *s, size_t *n)
{
	*n = 0;
	size_t cap = 1;
	for (const char *p = s; *p; p++)
		cap += *p == ',';
	const char **out = arena_alloc(ar, (cap + 1) * sizeof *out);
	const char *p = s;
	while (*p) {
		const char *e = strchr(p, ',');
		size_t len = e ? (size_t)(e - p) : strlen(p);
		while (len && *p == ' ')
			p++, len--;
		while (len && p[len - 1] == ' ')
			len--;
		if (len)
			out[(*n)++] = arena_strndup(ar, p, len);
		if (!e)
			break;
		p = e + 1;
	}
	return out;
}

bool cli_is_stdout(const char *path)
{
	return path && strcmp(path, "-") == 0;
}

int cli_write_out(cli_t *cx, const char *path, const void *data, size_t len)
{
	if (cli_is_stdout(path)) {
		if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
			cli_error(cx, "-o -: %s", tr(cx, "標準出力に書き込めません", "cannot write to standard output"));
			return EXIT_FAIL;
		}
		return EXIT_OK;
	}
	char tmp[4200];
	snprintf(tmp, sizeof tmp, "%s.tmp", path);
	FILE *f = fopen(tmp, "wb");
	bool ok = f && fwrite(data, 1, len, f) == len;
	if (f && fclose(f) != 0)
		ok = false;
	if (!ok || rename(tmp, path) != 0) {
		remove(tmp);
		cli_error(cx, "%s: %s", path, tr(cx, "書き込めません", "cannot write"));
		return EXIT_FAIL;
	}
	return EXIT_OK;
}

int cli_file_to_stdout(cli_t *cx, const char *tmp)
{
	FILE *f = fopen(tmp, "rb");
	char buf[65536];
	size_t n;
	bool ok = f != NULL;
	while (ok && (n = fread(buf, 1, sizeof buf, f)) > 0)
		ok = fwrite(buf, 1, n, stdout) == n;
	if (f) {
		ok = ok && !ferror(f);
		fclose(f);
	}
	if (fflush(stdout) != 0)
		ok = false;
	remove(tmp);
	if (!ok)
		cli_error(cx, "-o -: %s", tr(cx, "標準出力に書き込めません", "cannot write to standard output"));
	return ok ? EXIT_OK : EXIT_FAIL;
}
