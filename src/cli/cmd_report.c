/* cmd_report.c — `secstep report` (placeholder until the report layer
 * lands: it says so plainly). */
#include "cli/cli.h"

static int cmd_report(cli_t *cx, args_t *a)
{
	(void)a;
	cli_error(cx, "%s", tr(cx, "この版ではまだ PDF を作れません", "this version cannot write PDF reports yet"));
	return EXIT_FAIL;
}

const cli_cmd report_cmds[] = {
	{"report", NULL, cmd_report, "kind= output=", 1, 1, "ID --kind management|brief -o FILE",
	 "PDF の報告書（経営者向け報告・相談用メモ）", "a PDF report (management report, consultation brief)"},
	{NULL, NULL, NULL, NULL, 0, 0, NULL, NULL, NULL},
};
