/* cli.h — the command-line face: one command table (main.c), each command
 * in the file of its feature with its usage text beside it. */
#ifndef SECSTEP_CLI_H
#define SECSTEP_CLI_H

#include <stdbool.h>
#include <stdio.h>
#include <jansson.h>

#include "app/audit.h"
#include "base/errs.h"
#include "catalog/catalog.h"
#include "core/model.h"
#include "store/store.h"

enum { EXIT_OK = 0, EXIT_FAIL = 1, EXIT_USAGE = 2 };

/* Parsed arguments of one command: positionals and --options. */
typedef struct {
	const char **pos;          /* as many as given (bulk import takes thousands) */
	int n_pos;
	size_t cap_pos;
	const char *opt_name[32];
	const char *opt_val[32];   /* NULL for flags */
	int n_opt;
} args_t;

typedef struct cli {
	const char *db_path;
	lang_t lang;
	bool json;
	date_t today;
	const catalog *cat;
	const char *cmd;           /* "company add" — for error messages */
	store_t *store;            /* opened on demand by cli_store() */
} cli_t;

typedef int (*cmd_fn)(cli_t *cx, args_t *a);

/* A command's help beyond its one line, kept beside its table entry (help.c
 * prints it for --help and `secstep help`, and writes the man page from
 * it).  Each text is lines "NAME<TAB>what it is"; example is one or more
 * command lines (the same in both languages). */
typedef struct {
	const char *args_ja, *args_en;     /* "ID\t会社の番号\n…" (NULL: no arguments) */
	const char *opts_ja, *opts_en;     /* "--kind KIND\t…\n…" (NULL: no options) */
	const char *example;               /* "secstep report 1 --kind brief -o brief.pdf\n…" */
} cli_help;

typedef struct {
	const char *name;          /* "company" */
	const char *sub;           /* "add", or NULL */
	cmd_fn fn;
	const char *opts;          /* accepted options: "name= industry= volunteer" */
	int min_pos, max_pos;
	const char *usage;         /* one line: arguments */
	const char *help_ja, *help_en;
	cli_help help;
} cli_cmd;

/* Argument lines that many commands share (for cli_help texts). */
#define HA_ID_JA "ID\t会社の番号（secstep company list で確かめられます）"
#define HA_ID_EN "ID\tthe company's number (see secstep company list)"
#define HA_PID_JA "PID\t人の ID（p1 など。secstep company show で確かめられます）"
#define HA_PID_EN "PID\tthe person's id (p1 …; see secstep company show)"
#define HA_END {NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL, {NULL, NULL, NULL, NULL, NULL}}

/* The command table (main.c): arrays of cli_cmd, each ended by a NULL name. */
extern const cli_cmd *const *const cli_tables;
extern const size_t cli_n_tables;

/* help.c: the help texts.  Each prints to f in lang. */
void help_overview(FILE *f, lang_t lang);
/* A command group ("company": its subcommands); false when there is none. */
bool help_group(FILE *f, const char *name, lang_t lang);
void help_command(FILE *f, const cli_cmd *c, lang_t lang);
/* The man page (roff), every command, in lang. */
void help_man(FILE *f, lang_t lang);
/* `secstep help [--man] [COMMAND [SUB]]`: exit status. */
int help_main(int argc, char **argv, lang_t lang);

/* The text in the current language. */
const char *tr(const cli_t *cx, const char *ja, const char *en);
/* "secstep: CMD: WHAT" on stderr. */
void cli_error(const cli_t *cx, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void cli_errors(const cli_t *cx, const errs_t *e);   /* "secstep: CMD: WHERE: WHAT" */

/* Option access.  opt() returns the value or NULL; opt_all iterates a
 * repeatable option (*i starts at 0). */
const char *opt(const args_t *a, const char *name);
bool flag(const args_t *a, const char *name);
const char *opt_next(const args_t *a, const char *name, int *i);

store_t *cli_store(cli_t *cx);   /* NULL after printing an error */
/* The same for commands that only read, or change what must be there
 * already: a database that does not exist is an error, never created. */
store_t *cli_store_existing(cli_t *cx);
/* Parses a company id argument and loads it; NULL after printing an error. */
m_company *cli_company(cli_t *cx, const char *arg);
/* Saves a modified company (logged in the audit log as "cli"); prints
 * errors.  Returns an exit status. */
int cli_save(cli_t *cx, m_company *co);
/* Inserts a new company and logs it (action "company.add", "import"), in
 * one transaction.  cli_store() must have been opened. */
bool cli_insert(cli_t *cx, m_company *co, const char *action, errs_t *e);
/* Who the command line is in the audit log: "cli". */
extern const audit_who cli_who;
/* One audit entry by the command line; detail (may be NULL) taken over. */
void cli_audit(cli_t *cx, int64_t company, int64_t body, const char *action, const char *target, json_t *detail);
/* Prints a JSON value (pretty, UTF-8) to stdout and frees it. */
void print_json(json_t *v);
/* Reads a whole file ("-" = stdin), at most max bytes.  NULL on error
 * (printed).  Caller frees. */
char *read_all(cli_t *cx, const char *path, size_t max, size_t *len);

/* Output paths: "-" is standard output for every writer.  cli_write_out
 * writes data to path (through PATH.tmp and a rename) or to stdout;
 * cli_file_to_stdout copies a finished temporary file to stdout and
 * removes it.  Both print their error and return an exit status. */
bool cli_is_stdout(const char *path);
int cli_write_out(cli_t *cx, const char *path, const void *data, size_t len);
int cli_file_to_stdout(cli_t *cx, const char *tmp);

/* Splits "a,b,c" into arena strings. */
const char **split_list(arena_t *ar, const char *s, size_t *n);

/* Output (tty.c).  tty_guard: from now on, control characters written to
 * a terminal on stdout or stderr are shown in caret notation (^[).
 * tty_finish: flushes and closes stdout; a write error is reported as
 * "secstep: write: …" and turns rc into EXIT_FAIL.  tty_clean: the
 * filter itself (out needs 3 bytes per input byte); *lead_c2 carries a
 * split UTF-8 lead byte between calls (start with false). */
void tty_guard(void);
int tty_finish(const cli_t *cx, int rc);
size_t tty_clean(char *out, const char *in, size_t n, bool *lead_c2);

/* Commands (each file's). */
extern const cli_cmd catalog_cmds[], company_cmds[], person_cmds[], diagnose_cmds[],
	plan_cmds[], task_cmds[], serve_cmds[], risk_cmds[], report_cmds[], data_cmds[], policy_cmds[], register_cmds[],
	user_cmds[], member_cmds[], body_cmds[], audit_cmds[], digest_cmds[];

#endif
