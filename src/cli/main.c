/* main.c — secstep's entry point: global options, the one command table,
 * usage and help.  Exit status: 0 success, 1 failure, 2 usage error. */
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "cli/cli.h"

#ifndef SECSTEP_VERSION
#define SECSTEP_VERSION "0.1.0"
#endif

static const cli_cmd *const tables[] = {catalog_cmds, company_cmds, person_cmds, diagnose_cmds,
					plan_cmds, task_cmds, policy_cmds, register_cmds, risk_cmds, report_cmds, data_cmds, serve_cmds,
					user_cmds, member_cmds, body_cmds, audit_cmds, digest_cmds};
const cli_cmd *const *const cli_tables = tables;
const size_t cli_n_tables = ARRAY_LEN(tables);

const char *tr(const cli_t *cx, const char *ja, const char *en)
{
	return cx->lang == LANG_EN ? en : ja;
}

void cli_error(const cli_t *cx, const char *fmt, ...)
{
	va_list ap;
	fprintf(stderr, "secstep: %s: ", cx->cmd ? cx->cmd : "secstep");
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
}

void cli_errors(const cli_t *cx, const errs_t *e)
{
	for (size_t i = 0; i < e->n; i++)
		fprintf(stderr, "secstep: %s: %s: %s\n", cx->cmd ? cx->cmd : "secstep", e->where[i],
			e->what[i]);
	if (e->n >= ERRS_MAX)
		fprintf(stderr, "secstep: %s: %s\n", cx->cmd ? cx->cmd : "secstep",
			tr(cx, "（ほかのエラーは省略しました）", "(more errors not shown)"));
}

const char *opt(const args_t *a, const char *name)
{
	for (int i = a->n_opt - 1; i >= 0; i--)
		if (strcmp(a->opt_name[i], name) == 0)
			return a->opt_val[i] ? a->opt_val[i] : "";
	return NULL;
}

bool flag(const args_t *a, const char *name)
{
	return opt(a, name) != NULL;
}

const char *opt_next(const args_t *a, const char *name, int *i)
{
	for (; *i < a->n_opt; (*i)++)
		if (strcmp(a->opt_name[*i], name) == 0)
			return a->opt_val[(*i)++];
	return NULL;
}

static void print_cmd_usage(FILE *f, const cli_cmd *c, lang_t lang)
{
	fprintf(f, "%s: secstep %s%s%s %s\n  %s\n  %s secstep %s%s%s --help\n", lang == LANG_EN ? "Usage" : "使い方", c->name,
		c->sub ? " " : "", c->sub ? c->sub : "", c->usage, lang == LANG_EN ? c->help_en : c->help_ja,
		lang == LANG_EN ? "More:" : "説明:", c->name, c->sub ? " " : "", c->sub ? c->sub : "");
}

/* Whether name is accepted by spec ("name= flag other="); *takes_value set. */
static bool spec_has(const char *spec, const char *name, bool *takes_value)
{
	size_t n = strlen(name);
	const char *p = spec;
	while (p && *p) {
		while (*p == ' ')
			p++;
		const char *end = p;
		while (*end && *end != ' ')
			end++;
		size_t len = (size_t)(end - p);
		bool val = len && p[len - 1] == '=';
		if ((val ? len - 1 : len) == n && strncmp(p, name, n) == 0) {
			*takes_value = val;
			return true;
		}
		p = end;
	}
	return false;
}

/* Splits argv into positionals and options for command c.  Returns false
 * (message printed) on a usage error. */
static bool parse_args(cli_t *cx, const cli_cmd *c, int argc, char **argv, args_t *a)
{
	memset(a, 0, sizeof *a);
	bool only_pos = false;
	for (int i = 0; i < argc; i++) {
		const char *s = argv[i];
		if (!only_pos && strcmp(s, "--") == 0) {
			only_pos = true;
			continue;
		}
		if (!only_pos && strcmp(s, "-o") == 0)
			s = "--output";   /* the one short option (CONTRACT.md: -o FILE) */
		if (!only_pos && s[0] == '-' && s[1] == '-' && s[2]) {
			char name[64];
			const char *eq = strchr(s + 2, '=');
			size_t n = eq ? (size_t)(eq - s - 2) : strlen(s + 2);
			if (n >= sizeof name)
				n = sizeof name - 1;
			memcpy(name, s + 2, n);
			name[n] = '\0';
			bool takes;
			if (!spec_has(c->opts, name, &takes)) {
				cli_error(cx, "%s --%s", tr(cx, "不明なオプション:", "unknown option"), name);
				return false;
			}
			if (a->n_opt >= (int)ARRAY_LEN(a->opt_name)) {
				cli_error(cx, "%s", tr(cx, "オプションが多すぎます", "too many options"));
				return false;
			}
			const char *val = NULL;
			if (takes) {
				if (eq) {
					val = eq + 1;
				} else if (i + 1 < argc) {
					val = argv[++i];
				} else {
					cli_error(cx, "--%s %s", name, tr(cx, "には値が必要です", "needs a value"));
					return false;
				}
			} else if (eq) {
				cli_error(cx, "--%s %s", name, tr(cx, "は値をとりません", "takes no value"));
				return false;
			}
			a->opt_name[a->n_opt] = xstrdup(name);
			a->opt_val[a->n_opt++] = val;
			continue;
		}
		a->pos = xgrow(a->pos, (size_t)a->n_pos, &a->cap_pos, sizeof *a->pos);
		a->pos[a->n_pos++] = s;
	}
	/* A few empty slots after the last, as commands with optional
	 * positionals read them as NULL. */
	a->pos = xrealloc(a->pos, ((size_t)a->n_pos + 8) * sizeof *a->pos);
	memset(a->pos + a->n_pos, 0, 8 * sizeof *a->pos);
	a->cap_pos = (size_t)a->n_pos + 8;
	if (a->n_pos < c->min_pos || a->n_pos > c->max_pos) {
		cli_error(cx, "%s", a->n_pos < c->min_pos ? tr(cx, "引数が足りません", "missing arguments")
							  : tr(cx, "引数が多すぎます", "too many arguments"));
		print_cmd_usage(stderr, c, cx->lang);
		return false;
	}
	return true;
}

/* Bad input, named: an argument holding a control character other than
 * newline and tab (those two are for multi-line text; the fields that are
 * one line refuse them in their own checks). */
static bool args_clean(const cli_t *cx, const args_t *a)
{
	bool ok = true;
	for (int i = 0; i < a->n_opt; i++)
		if (a->opt_val[i] && text_control(a->opt_val[i], true)) {
			cli_error(cx, "--%s: %s", a->opt_name[i],
				  tr(cx, "制御文字は使えません", "must not contain control characters"));
			ok = false;
		}
	for (int i = 0; i < a->n_pos; i++)
		if (text_control(a->pos[i], true)) {
			cli_error(cx, "%s %d: %s", tr(cx, "引数", "argument"), i + 1,
				  tr(cx, "制御文字は使えません", "must not contain control characters"));
			ok = false;
		}
	return ok;
}

static void free_args(args_t *a)
{
	for (int i = 0; i < a->n_opt; i++)
		free((char *)(uintptr_t)a->opt_name[i]);
	free(a->pos);
	a->pos = NULL;
}

static int run(cli_t *cx, int argc, char **argv)
{
	cx->db_path = getenv("SECSTEP_DB") && *getenv("SECSTEP_DB") ? getenv("SECSTEP_DB") : "secstep.db";
	cx->lang = LANG_JA;
	const char *lang_env = getenv("SECSTEP_LANG");
	if (lang_env && strcmp(lang_env, "en") == 0)
		cx->lang = LANG_EN;

	/* Global options may stand anywhere; take them out of argv first. */
	char **rest = xcalloc((size_t)argc + 1, sizeof *rest);
	int nrest = 0;
	bool help = false, version = false;
	for (int i = 1; i < argc; i++) {
		const char *s = argv[i];
		const char *val = NULL;
		if (strcmp(s, "--") == 0) {
			while (i < argc)
				rest[nrest++] = argv[i++];
			break;
		}
		if (strncmp(s, "--db", 4) == 0 && (s[4] == '\0' || s[4] == '=')) {
			val = s[4] == '=' ? s + 5 : (i + 1 < argc ? argv[++i] : NULL);
			if (!val || !*val) {
				fprintf(stderr, "secstep: --db needs a PATH\n");
				free(rest);
				return EXIT_USAGE;
			}
			cx->db_path = val;
		} else if (strncmp(s, "--lang", 6) == 0 && (s[6] == '\0' || s[6] == '=')) {
			val = s[6] == '=' ? s + 7 : (i + 1 < argc ? argv[++i] : NULL);
			if (!val || (strcmp(val, "ja") != 0 && strcmp(val, "en") != 0)) {
				fprintf(stderr, "secstep: --lang: must be ja or en\n");
				free(rest);
				return EXIT_USAGE;
			}
			cx->lang = strcmp(val, "en") == 0 ? LANG_EN : LANG_JA;
		} else if (strcmp(s, "--json") == 0) {
			cx->json = true;
		} else if (strcmp(s, "--help") == 0 || strcmp(s, "-h") == 0) {
			help = true;
		} else if (strcmp(s, "--version") == 0) {
			version = true;
		} else {
			rest[nrest++] = argv[i];
		}
	}
	if (version) {
		printf("secstep %s\n", SECSTEP_VERSION);
		free(rest);
		return EXIT_OK;
	}
	if (nrest == 0) {
		help_overview(help ? stdout : stderr, cx->lang);
		free(rest);
		return help ? EXIT_OK : EXIT_USAGE;
	}
	if (strcmp(rest[0], "help") == 0) {
		int rc = help_main(nrest - 1, rest + 1, cx->lang);
		free(rest);
		return rc;
	}
	cx->today = date_today();
	if (cx->today == DATE_NONE) {
		fprintf(stderr, "secstep: SECSTEP_TODAY: must be a date YYYY-MM-DD\n");
		free(rest);
		return EXIT_USAGE;
	}

	/* Find the command: "name sub" first, then "name". */
	const cli_cmd *cmd = NULL, *any_named = NULL;
	int used = 1;
	for (size_t t = 0; t < ARRAY_LEN(tables) && !cmd; t++)
		for (const cli_cmd *c = tables[t]; c->name && !cmd; c++) {
			if (strcmp(c->name, rest[0]) != 0)
				continue;
			any_named = c;
			if (c->sub && nrest > 1 && strcmp(c->sub, rest[1]) == 0) {
				cmd = c;
				used = 2;
			} else if (!c->sub) {
				cmd = c;
			}
		}
	if (!cmd && any_named && help && (nrest == 1 || rest[1][0] == '-')) {
		help_group(stdout, rest[0], cx->lang);   /* secstep company --help */
		free(rest);
		return EXIT_OK;
	}
	if (!cmd) {
		if (any_named && nrest == 1) {
			fprintf(stderr, "secstep: %s: %s\n", rest[0],
				cx->lang == LANG_EN ? "a subcommand is needed" : "サブコマンドを指定してください");
			help_group(stderr, rest[0], cx->lang);
		} else if (any_named) {
			fprintf(stderr, "secstep: %s: %s\n", rest[0],
				cx->lang == LANG_EN ? "unknown or missing subcommand" : "サブコマンドがないか、不明です");
			for (size_t t = 0; t < ARRAY_LEN(tables); t++)
				for (const cli_cmd *c = tables[t]; c->name; c++)
					if (strcmp(c->name, rest[0]) == 0)
						print_cmd_usage(stderr, c, cx->lang);
		} else {
			fprintf(stderr, "secstep: %s: %s\n", rest[0],
				cx->lang == LANG_EN ? "unknown command (see secstep --help)"
						   : "不明なコマンドです（secstep --help を参照）");
		}
		free(rest);
		return EXIT_USAGE;
	}
	char cmdname[64];
	snprintf(cmdname, sizeof cmdname, "%s%s%s", cmd->name, used == 2 ? " " : "",
		 used == 2 ? cmd->sub : "");
	cx->cmd = cmdname;
	if (help) {
		help_command(stdout, cmd, cx->lang);
		free(rest);
		return EXIT_OK;
	}
	args_t a;
	int rc;
	if (!parse_args(cx, cmd, nrest - used, rest + used, &a)) {
		rc = EXIT_USAGE;
	} else if (!args_clean(cx, &a)) {
		rc = EXIT_FAIL;
	} else {
		cx->cat = catalog_builtin();
		rc = cmd->fn(cx, &a);
	}
	free_args(&a);
	store_close(cx->store);
	free(rest);
	return rc;
}

int main(int argc, char **argv)
{
	tty_guard();
	cli_t cx = {0};
	int rc = run(&cx, argc, argv);
	return tty_finish(&cx, rc);
}
