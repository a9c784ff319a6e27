/* cmd_risks.c — `secstep risks ID`: the information-asset register with
 * the computed importance, likelihood, risk value and band. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/width.h"
#include "cli/cli.h"
#include "core/risk.h"

static bool read_threshold(cli_t *cx, const args_t *a, const char *name, int *out)
{
	const char *v = opt(a, name);
	if (!v)
		return true;
	char *end;
	long n = strtol(v, &end, 10);
	if (!*v || *end || n < 1 || n > 9) {
		cli_error(cx, "--%s: %s \"%s\"", name, tr(cx, "1〜9 の整数です。指定値:", "must be a whole number 1-9; got"), v);
		return false;
	}
	*out = (int)n;
	return true;
}

static int cmd_risks(cli_t *cx, args_t *a)
{
	risk_thresholds t = RISK_DEFAULTS;
	if (!read_threshold(cx, a, "high-from", &t.high_from) || !read_threshold(cx, a, "medium-from", &t.medium_from))
		return EXIT_USAGE;
	if (!risk_thresholds_valid(t)) {
		cli_error(cx, "%s", tr(cx, "しきい値は 1 < --medium-from ≦ --high-from ≦ 9 にしてください",
				       "thresholds must satisfy 1 < --medium-from <= --high-from <= 9"));
		return EXIT_USAGE;
	}
	m_company *co = cli_company(cx, a->pos[0]);
	if (!co)
		return EXIT_FAIL;
	if (cx->json) {
		json_t *arr = json_array();
		for (size_t i = 0; i < co->n_assets; i++) {
			const m_asset *x = &co->assets[i];
			int v = risk_value(x);
			json_array_append_new(arr, json_pack("{s:s, s:s, s:i, s:i, s:i, s:b, s:i, s:i, s:i, s:i, s:i, s:s}",
							     "id", x->key, "name", x->name, "c", x->c, "i", x->i, "a", x->a,
							     "personal", x->personal, "threat", x->threat, "vulnerability",
							     x->vulnerability, "importance", risk_importance(x), "likelihood",
							     risk_likelihood(x), "value", v, "band", risk_band_id(risk_band(v, t))));
		}
		print_json(json_pack("{s:I, s:o, s:{s:i, s:i}}", "company", (json_int_t)co->id, "assets", arr,
				     "thresholds", "high_from", t.high_from, "medium_from", t.medium_from));
	} else {
		static const char *const band_ja[] = {"小", "中", "大"};
		printf("%s — %s (%zu)\n", co->name, tr(cx, "情報資産とリスク", "information assets and risks"), co->n_assets);
		if (!co->n_assets)
			printf("%s\n", tr(cx, "まだ情報資産が登録されていません（会社ドキュメントの assets）。",
					  "No information assets registered yet (the document's \"assets\")."));
		for (int want = BAND_HIGH; want >= BAND_LOW; want--)
			for (size_t i = 0; i < co->n_assets; i++) {
				const m_asset *x = &co->assets[i];
				int v = risk_value(x);
				if ((int)risk_band(v, t) != want)
					continue;
				fputs("  ", stdout);
				fput_col(stdout, x->key, 6);
				fputc(' ', stdout);
				fput_col(stdout, cx->lang == LANG_EN ? risk_band_id((risk_band_t)want) : band_ja[want], 6);
				printf(" %s=%d %s=%d %s=%d  %s%s\n",
				       tr(cx, "リスク値", "value"), v, tr(cx, "重要度", "importance"), risk_importance(x),
				       tr(cx, "起こりやすさ", "likelihood"), risk_likelihood(x), x->name,
				       x->personal ? tr(cx, "（個人情報）", " (personal data)") : "");
			}
	}
	company_free(co);
	return EXIT_OK;
}

const cli_cmd risk_cmds[] = {
	{"risks", NULL, cmd_risks, "high-from= medium-from=", 1, 1, "ID [--high-from 6] [--medium-from 4]",
	 "情報資産のリスク値（重要度×被害の起こりやすさ）", "the asset register with risk values",
	 {HA_ID_JA, HA_ID_EN,
	  "--high-from N\tリスク値がこれ以上なら「大」（既定 6）\n--medium-from N\tこれ以上なら「中」（既定 4）",
	  "--high-from N\ta risk value from N up is high (default 6)\n--medium-from N\tfrom N up is medium (default 4)",
	  "secstep risks 1\nsecstep --json risks 1 --high-from 5"}},
	HA_END,
};

