/* cmd_report.c — `secstep report ID --kind management|brief|policy|contacts -o FILE`
 * (FILE "-" = standard output):
 * a PDF for the owner (management report) or for an outside adviser
 * (one-page consultation brief), in the --lang language.  The file is
 * written beside FILE as FILE.tmp and renamed into place. */
#include <stdio.h>

#include "base/buf.h"
#include "cli/cli.h"
#include "report/report.h"

static bool buf_sink(void *closure, const unsigned char *data, size_t len)
{
	buf_add(closure, data, len);
	return true;
}

static int cmd_report(cli_t *cx, args_t *a)
{
	const char *kind_s = opt(a, "kind"), *out = opt(a, "output");
	report_kind_t kind;
	if (!kind_s || !report_kind_parse(kind_s, &kind)) {
		if (kind_s)
			cli_error(cx, "--kind: %s: %s", kind_s,
				  tr(cx, "management / brief / policy / contacts のどれかを指定してください", "must be management, brief, policy or contacts"));
		else
			cli_error(cx, "--kind: %s", tr(cx, "management / brief / policy / contacts のどれかを指定してください", "must be management, brief, policy or contacts"));
		return EXIT_USAGE;
	}
	if (!out || !*out) {
		cli_error(cx, "-o: %s", tr(cx, "書き出すファイルを指定してください", "an output FILE is required"));
		return EXIT_USAGE;
	}
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	errs_t e = ERRS_INIT;
	int pages = 0;
	bool ok;
	if (cli_is_stdout(out)) {
		/* -o -: the PDF is the only thing on stdout; made whole in memory
		 * first, so a failed render writes nothing. */
		buf_t pdf = BUF_INIT;
		ok = report_render(cx->cat, co, kind, cx->lang, cx->today, buf_sink, &pdf, &pages, &e) &&
		     cli_write_out(cx, out, pdf.p, pdf.len) == EXIT_OK;
		buf_free(&pdf);
		if (!ok)
			cli_errors(cx, &e);
		errs_free(&e);
		company_free(co);
		report_shutdown();
		return ok ? EXIT_OK : EXIT_FAIL;
	}
	ok = report_write_file(cx->cat, co, kind, cx->lang, cx->today, out, &pages, &e);
	if (!ok) {
		cli_errors(cx, &e);
	} else if (cx->json) {
		json_t *j = json_pack("{s:I, s:s, s:s, s:s, s:i}", "company", (json_int_t)co->id, "kind", report_kind_id(kind),
				      "lang", cx->lang == LANG_EN ? "en" : "ja", "file", out, "pages", pages);
		print_json(j);
	} else if (cx->lang == LANG_EN) {
		printf("wrote %s (%s, %d page%s)\n", out, report_kind_name(kind, cx->lang), pages, pages == 1 ? "" : "s");
	} else {
		printf("書き出しました: %s（%s、%d ページ）\n", out, report_kind_name(kind, cx->lang), pages);
	}
	errs_free(&e);
	company_free(co);
	/* The command is the process's last use of cairo and fontconfig:
	 * drop their global caches so the leak checker sees only real leaks. */
	report_shutdown();
	return ok ? EXIT_OK : EXIT_FAIL;
}

const cli_cmd report_cmds[] = {
	{"report", NULL, cmd_report, "kind= output=", 1, 1, "ID --kind management|brief|policy|contacts -o FILE",
	 "PDF の文書（経営者向け報告書・相談用メモ・基本方針・インシデント連絡先）",
	 "a PDF document (management report, consultation brief, basic policy, incident contact sheet)",
	 {HA_ID_JA, HA_ID_EN,
	  "--kind K\tmanagement（経営者向け報告書、2〜4ページ）、brief（相談用メモ、1枚）、policy（情報セキュリティ基本方針）、"
	  "contacts（インシデント発生時の連絡先、貼り出す1枚）\n"
	  "-o FILE\t書き出す PDF（- は標準出力）。同じ場所の FILE.tmp に書いてから置き換えます",
	  "--kind K\tmanagement (the report for the owner, 2-4 pages), brief (the one-page consultation brief), policy (the basic "
	  "security policy), contacts (the incident contact sheet to pin up)\n"
	  "-o FILE\tthe PDF to write (- writes standard output); written as FILE.tmp, then renamed",
	  "secstep report 1 --kind management -o report.pdf\nsecstep --lang en report 1 --kind brief -o brief.pdf"}},
	HA_END,
};

