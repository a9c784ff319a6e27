/* help.c — the command line's help, made from the command table: the
 * overview (secstep --help), a command group (secstep company --help), a
 * command (secstep report --help: usage, arguments, options, example, exit
 * status) and the man page (secstep help --man), all from the same texts,
 * which live beside each command's table entry (cli_help in cli.h).
 * Japanese or English; columns line up by display width. */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "base/width.h"
#include "cli/cli.h"

#ifndef SECSTEP_VERSION
#define SECSTEP_VERSION "0.1.0"
#endif

#define L(ja, en) (lang == LANG_EN ? (en) : (ja))

static const char *one_line(const cli_cmd *c, lang_t lang)
{
	return L(c->help_ja, c->help_en);
}

static void cmd_name(char *out, size_t n, const cli_cmd *c)
{
	snprintf(out, n, "%s%s%s", c->name, c->sub ? " " : "", c->sub ? c->sub : "");
}

/* The length in bytes of the UTF-8 character at p. */
static size_t u8len(const char *p)
{
	unsigned char c = (unsigned char)*p;
	return c < 0x80 ? 1 : (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 1;
}

/* Writes n bytes of text wrapped to `cols` display columns, later lines
 * indented by `indent` spaces: English breaks at spaces, Japanese between
 * characters (never before 、。）」 or a space). */
static void wrap(FILE *f, const char *text, size_t n, size_t cols, size_t indent)
{
	if (cols < 20)
		cols = 20;
	const char *p = text, *end = text + n;
	while (p < end) {
		const char *q = p, *brk = NULL;
		size_t w = 0;
		while (q < end) {
			size_t k = u8len(q);
			char ch[5] = {0};
			memcpy(ch, q, k < 5 ? k : 4);
			size_t cw = str_width(ch);
			if (w + cw > cols && q > p)
				break;
			w += cw;
			q += k;
			if (*q == ' ' || (k == 3 && q < end && !strchr(" ", *q) && cw == 2 &&
					  strncmp(q, "、", 3) && strncmp(q, "。", 3) && strncmp(q, "）", 3) && strncmp(q, "」", 3)))
				brk = q;
		}
		if (q >= end) {
			fprintf(f, "%.*s\n", (int)(end - p), p);
			break;
		}
		if (!brk || brk == p)
			brk = q;
		fprintf(f, "%.*s\n", (int)(brk - p), p);
		p = brk;
		while (p < end && *p == ' ')
			p++;
		for (size_t i = 0; i < indent && p < end; i++)
			fputc(' ', f);
	}
}

/* Prints "  NAME   text" lines from a "NAME\ttext\n…" block, the texts
 * starting in one column. */
static void print_pairs(FILE *f, const char *block)
{
	size_t w = 0;
	for (const char *p = block; *p;) {
		const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		if (tab && (size_t)(tab - p) < len) {
			char name[128];
			snprintf(name, sizeof name, "%.*s", (int)(tab - p), p);
			if (str_width(name) > w)
				w = str_width(name);
		}
		p += len + (nl != NULL);
	}
	if (w > 24)
		w = 24;
	for (const char *p = block; *p;) {
		const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		char name[128];
		const char *text = "";
		size_t tlen = 0;
		if (tab && (size_t)(tab - p) < len) {
			snprintf(name, sizeof name, "%.*s", (int)(tab - p), p);
			text = tab + 1;
			tlen = len - (size_t)(tab - p) - 1;
		} else {
			snprintf(name, sizeof name, "%.*s", (int)len, p);
		}
		fputs("  ", f);
		if (str_width(name) > w) {   /* a long name: the text on the next line */
			fprintf(f, "%s\n  ", name);
			fput_col(f, "", w);
		} else {
			fput_col(f, name, w);
		}
		fputs("  ", f);
		wrap(f, text, tlen, 78 - 4 - w, 4 + w);
		p += len + (nl != NULL);
	}
}

static void exit_codes(FILE *f, lang_t lang)
{
	fprintf(f, "%s\n", L("終了コード:", "Exit status:"));
	fprintf(f, "  0  %s\n", L("成功", "success"));
	fprintf(f, "  1  %s\n", L("失敗（入力の誤り、見つからない、実行中のエラー。何も書き込みません）",
				   "failure: bad input, not found, or a runtime error (nothing is written)"));
	fprintf(f, "  2  %s\n", L("使い方の誤り（不明なオプション、引数の不足など）", "usage error: unknown option, missing argument …"));
}

void help_command(FILE *f, const cli_cmd *c, lang_t lang)
{
	char name[64];
	cmd_name(name, sizeof name, c);
	fprintf(f, "%s secstep %s%s%s\n\n%s\n", L("使い方:", "Usage:"), name, *c->usage ? " " : "", c->usage, one_line(c, lang));
	const char *args = L(c->help.args_ja, c->help.args_en), *opts = L(c->help.opts_ja, c->help.opts_en);
	if (args) {
		fprintf(f, "\n%s\n", L("引数:", "Arguments:"));
		print_pairs(f, args);
	}
	if (opts) {
		fprintf(f, "\n%s\n", L("オプション:", "Options:"));
		print_pairs(f, opts);
	}
	fprintf(f, "\n%s\n", L("共通オプション: --db PATH、--lang ja|en、--json（secstep --help を参照）",
			       "Global options: --db PATH, --lang ja|en, --json (see secstep --help)"));
	if (c->help.example) {
		fprintf(f, "\n%s\n", L("例:", "Example:"));
		for (const char *p = c->help.example; *p;) {
			const char *nl = strchr(p, '\n');
			size_t len = nl ? (size_t)(nl - p) : strlen(p);
			fprintf(f, "  %.*s\n", (int)len, p);
			p += len + (nl != NULL);
		}
	}
	fputc('\n', f);
	exit_codes(f, lang);
}

bool help_group(FILE *f, const char *group, lang_t lang)
{
	size_t w = 0, n = 0;
	for (size_t t = 0; t < cli_n_tables; t++)
		for (const cli_cmd *c = cli_tables[t]; c->name; c++)
			if (!strcmp(c->name, group) && c->sub) {
				n++;
				if (strlen(c->sub) > w)
					w = strlen(c->sub);
			}
	if (!n)
		return false;
	fprintf(f, "%s secstep %s %s\n\n%s\n", L("使い方:", "Usage:"), group, L("サブコマンド [引数]", "SUBCOMMAND [ARGS]"),
		L("サブコマンド:", "Subcommands:"));
	for (size_t t = 0; t < cli_n_tables; t++)
		for (const cli_cmd *c = cli_tables[t]; c->name; c++)
			if (!strcmp(c->name, group) && c->sub) {
				fputs("  ", f);
				fput_col(f, c->sub, w);
				fprintf(f, "  %s\n", one_line(c, lang));
			}
	fprintf(f, "\n%s secstep %s %s --help\n\n", L("各サブコマンドの説明:", "Each subcommand's arguments and options:"), group,
		L("サブコマンド", "SUBCOMMAND"));
	exit_codes(f, lang);
	return true;
}

void help_overview(FILE *f, lang_t lang)
{
	fprintf(f, "%s", L("使い方: secstep [--db PATH] [--lang ja|en] [--json] コマンド [引数]\n\n"
			   "secstep は IPA「中小企業のためのセキュリティ人材確保・育成の実践ガイドブック」を\n"
			   "自社の計画（だれが・何を・いつまでに）にするツールです。\n\nコマンド:\n",
			   "Usage: secstep [--db PATH] [--lang ja|en] [--json] COMMAND [ARGS]\n\n"
			   "secstep turns IPA's guidebook for security talent in small companies into\n"
			   "a plan: where your company stands, who does what by when.\n\nCommands:\n"));
	for (size_t t = 0; t < cli_n_tables; t++)
		for (const cli_cmd *c = cli_tables[t]; c->name; c++) {
			char head[64];
			cmd_name(head, sizeof head, c);
			fputs("  ", f);
			fput_col(f, head, 18);
			fprintf(f, " %s\n", one_line(c, lang));
		}
	fprintf(f, "%s", L("\n共通オプション（コマンドの前後どちらでも）:\n"
			   "  --db PATH       データベース（既定は $SECSTEP_DB、なければ ./secstep.db）\n"
			   "  --lang ja|en    表示の言語（既定は ja、または $SECSTEP_LANG）\n"
			   "  --json          機械向けの出力（JSON）\n"
			   "  --help          説明を表示（secstep コマンド --help、secstep help コマンド）\n"
			   "  --version       版を表示\n"
			   "SECSTEP_TODAY=YYYY-MM-DD で今日の日付を指定できます。\n"
			   "説明書: man secstep、docs/user-guide.md\n\n",
			   "\nGlobal options (before or after the command):\n"
			   "  --db PATH       the database (default $SECSTEP_DB, else ./secstep.db)\n"
			   "  --lang ja|en    the language (default ja, or $SECSTEP_LANG)\n"
			   "  --json          machine output (JSON)\n"
			   "  --help          help (secstep COMMAND --help, secstep help COMMAND)\n"
			   "  --version       the version\n"
			   "SECSTEP_TODAY=YYYY-MM-DD sets today's date.\n"
			   "Manual: man secstep, docs/user-guide.md\n\n"));
	exit_codes(f, lang);
}

/* ---- the man page ---- */

/* Text for roff: backslashes and hyphens escaped, a leading dot or quote
 * made literal. */
static void roff(FILE *f, const char *s, size_t n)
{
	if (n && (s[0] == '.' || s[0] == '\''))
		fputs("\\&", f);
	for (size_t i = 0; i < n && s[i];) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\\') {
			fputs("\\e", f);
		} else if (c == '-') {
			fputs("\\-", f);
		} else if (c >= 0x80) {
			/* Any other character as groff's \[uXXXX], so the page reads
			 * the same whatever the locale man runs in. */
			size_t k = u8len(s + i);
			unsigned cp = k == 2 ? c & 0x1F : k == 3 ? c & 0x0F : c & 0x07;
			for (size_t j = 1; j < k && i + j < n; j++)
				cp = (cp << 6) | ((unsigned char)s[i + j] & 0x3F);
			fprintf(f, "\\[u%04X]", cp);
			/* groff 1.22 does not break Japanese lines: allow a break
			 * after every wide character. */
			if (cp_width(cp) == 2)
				fputs("\\:", f);
			i += k;
			continue;
		} else {
			fputc(c, f);
		}
		i++;
	}
}

static void roff_s(FILE *f, const char *s)
{
	roff(f, s, strlen(s));
}

static void roff_pairs(FILE *f, const char *block)
{
	for (const char *p = block; *p;) {
		const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);
		fputs(".TP\n\\fB", f);
		if (tab && (size_t)(tab - p) < len) {
			roff(f, p, (size_t)(tab - p));
			fputs("\\fR\n", f);
			roff(f, tab + 1, len - (size_t)(tab - p) - 1);
		} else {
			roff(f, p, len);
			fputs("\\fR", f);
		}
		fputc('\n', f);
		p += len + (nl != NULL);
	}
}

/* A roff line: a request (".SH", or "" for text) and escaped text. */
static void roffln(FILE *f, const char *req, const char *text)
{
	if (*req)
		fprintf(f, "%s ", req);
	roff_s(f, text);
	fputc('\n', f);
}

void help_man(FILE *f, lang_t lang)
{
	fprintf(f, ".\\\" secstep(1), made by `secstep help --man%s` from the help texts in src/cli.\n",
		lang == LANG_EN ? " --lang en" : "");
	fprintf(f, ".TH SECSTEP 1 \"\" \"secstep %s\" \"", SECSTEP_VERSION);
	roff_s(f, L("ユーザーコマンド", "User Commands"));
	fputs("\"\n", f);
	if (lang == LANG_JA)
		fputs(".ad l\n", f);   /* no stretched spaces between Japanese words */
	roffln(f, ".SH", L("名前", "NAME"));
	fputs("secstep \\- ", f);
	roffln(f, "", L("IPA のガイドブックに沿ったセキュリティ人材の計画（中小企業向け）",
			"a security talent plan for small companies, along IPA's guidebook"));
	roffln(f, ".SH", L("書式", "SYNOPSIS"));
	fputs(".B secstep\n[\\fB\\-\\-db\\fR \\fIPATH\\fR] [\\fB\\-\\-lang\\fR ja|en] [\\fB\\-\\-json\\fR] \\fI", f);
	roff_s(f, L("コマンド", "COMMAND"));
	fputs("\\fR [\\fI", f);
	roff_s(f, L("引数", "ARGS"));
	fputs("\\fR]\n", f);
	roffln(f, ".SH", L("説明", "DESCRIPTION"));
	roffln(f, "", L("secstep は IPA「中小企業のためのセキュリティ人材確保・育成の実践ガイドブック」を、自社の計画（だれが・何を・いつまでに）にするツールです。コマンドラインとウェブアプリ（secstep serve）があり、データは SQLite のファイル1つに保存します。",
			"secstep turns IPA's guidebook for security talent in small companies into a plan: where the company stands, who does what by when. It has a command line and a web application (secstep serve); the data lives in one SQLite file."));
	roffln(f, ".SH", L("共通オプション", "GLOBAL OPTIONS"));
	roff_pairs(f, L("--db PATH\tデータベース（既定は $SECSTEP_DB、なければ ./secstep.db）\n"
			"--lang ja|en\t表示の言語（既定は ja）\n--json\t機械向けの出力（JSON）\n"
			"--help\tコマンドの説明\n--version\t版",
			"--db PATH\tthe database (default $SECSTEP_DB, else ./secstep.db)\n"
			"--lang ja|en\tthe language (default ja)\n--json\tmachine output (JSON)\n"
			"--help\ta command's help\n--version\tthe version"));
	roffln(f, ".SH", L("コマンド", "COMMANDS"));
	for (size_t t = 0; t < cli_n_tables; t++)
		for (const cli_cmd *c = cli_tables[t]; c->name; c++) {
			char head[64];
			cmd_name(head, sizeof head, c);
			fputs(".SS \"", f);
			roff_s(f, head);
			fputs("\"\n.B secstep ", f);
			roff_s(f, head);
			fputc(' ', f);
			roff_s(f, c->usage);
			fputs("\n.PP\n", f);
			roffln(f, "", one_line(c, lang));
			const char *args = L(c->help.args_ja, c->help.args_en), *opts = L(c->help.opts_ja, c->help.opts_en);
			if (args)
				roff_pairs(f, args);
			if (opts)
				roff_pairs(f, opts);
			if (c->help.example) {
				fputs(".PP\n", f);
				roffln(f, "", L("例:", "Example:"));
				fputs(".PP\n.RS\n.nf\n", f);
				roffln(f, "", c->help.example);
				fputs(".fi\n.RE\n", f);
			}
		}
	roffln(f, ".SH", L("終了コード", "EXIT STATUS"));
	roff_pairs(f, L("0\t成功\n1\t失敗（入力の誤り、見つからない、実行中のエラー。何も書き込みません）\n2\t使い方の誤り",
			"0\tsuccess\n1\tfailure: bad input, not found, or a runtime error (nothing is written)\n2\tusage error"));
	roffln(f, ".SH", L("環境変数", "ENVIRONMENT"));
	roff_pairs(f, L("SECSTEP_DB\t--db の既定\nSECSTEP_LANG\t--lang の既定（ja か en）\nSECSTEP_TODAY\t今日の日付（YYYY-MM-DD。テストや過去の報告書に）",
			"SECSTEP_DB\tthe default of --db\nSECSTEP_LANG\tthe default of --lang (ja or en)\nSECSTEP_TODAY\ttoday's date, YYYY-MM-DD (for tests or an old report)"));
	roffln(f, ".SH", L("関連項目", "SEE ALSO"));
	roffln(f, "", L("docs/user-guide.md（手順の説明）、docs/web.md、docs/company-document.md",
			"docs/user-guide.md (step by step), docs/web.md, docs/company-document.md"));
}

int help_main(int argc, char **argv, lang_t lang)
{
	bool man = false;
	const char *name = NULL, *sub = NULL;
	for (int i = 0; i < argc; i++) {
		if (!strcmp(argv[i], "--man"))
			man = true;
		else if (!name)
			name = argv[i];
		else if (!sub)
			sub = argv[i];
	}
	if (man) {
		help_man(stdout, lang);
		return EXIT_OK;
	}
	if (!name) {
		help_overview(stdout, lang);
		return EXIT_OK;
	}
	for (size_t t = 0; t < cli_n_tables; t++)
		for (const cli_cmd *c = cli_tables[t]; c->name; c++)
			if (!strcmp(c->name, name) && (sub ? c->sub && !strcmp(c->sub, sub) : !c->sub)) {
				help_command(stdout, c, lang);
				return EXIT_OK;
			}
	if (!sub && help_group(stdout, name, lang))
		return EXIT_OK;
	fprintf(stderr, "secstep: help: %s%s%s: %s\n", name, sub ? " " : "", sub ? sub : "",
		L("そのコマンドはありません（secstep --help を参照）", "no such command (see secstep --help)"));
	return EXIT_USAGE;
}
