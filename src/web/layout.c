/* layout.c — the page frame: head, header with navigation, language switch
 * and sign-out, and the footer.  Every page goes through page_begin/end. */
#include <string.h>

#include "base/util.h"
#include "web/web.h"

void csrf_field(req_t *r)
{
	hp(r, "<input type=\"hidden\" name=\"csrf\" value=\"%s\">", r->csrf);
}

void page_begin(req_t *r, const char *title, nav_t nav)
{
	HL(r, "<!DOCTYPE html>\n");
	hp(r, "<html lang=\"%s\"><head><meta charset=\"utf-8\">"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
	      "<title>%s — secstep</title><link rel=\"icon\" href=\"/static/favicon.svg\" type=\"image/svg+xml\">"
	      "<link rel=\"stylesheet\" href=\"/static/app.css\">"
	      "<script src=\"/static/app.js\" defer></script></head><body>",
	   r->lang == LANG_EN ? "en" : "ja", title);
	HL(r, "<a class=\"skip\" href=\"#main\">");
	hp(r, "%s</a><header class=\"top\"><div class=\"bar\">", T(r, "本文へ移動", "Skip to content"));
	hp(r, "<a class=\"brand\" href=\"/\">secstep<span>%s</span></a>",
	   T(r, "セキュリティ人材の計画", "security people plan"));
	HL(r, "<div class=\"tools\">");
	/* The language switch keeps the current page and its query (the setup
	 * link's token, the diagnosis part): a query-only link is relative to
	 * the page, so the request path is never written back (a path such as
	 * "//evil.example/x" would otherwise become a link off-site). */
	hp(r, "<a class=\"lang\" href=\"?lang=%s", r->lang == LANG_EN ? "ja" : "en");
	for (int i = 0; i < r->n_query; i++)
		if (strcmp(r->query_k[i], "lang") != 0 && strcmp(r->query_k[i], "saved") != 0)
			hp(r, "&amp;%s=%s", url_arg(r, r->query_k[i]), url_arg(r, r->query_v[i] ? r->query_v[i] : ""));
	hp(r, "\" lang=\"%s\">%s</a>", r->lang == LANG_EN ? "ja" : "en", r->lang == LANG_EN ? "日本語" : "English");
	if (r->account) {
		if (r->admin)
			hp(r, "<a class=\"admin\" href=\"/admin\">%s</a>", T(r, "管理", "Admin"));
		hp(r, "<a class=\"who\" href=\"/account\" title=\"%s\">%s</a>", T(r, "アカウント設定", "Account settings"),
		   r->account_name);
		HL(r, "<form method=\"post\" action=\"/logout\" class=\"inline\">");
		csrf_field(r);
		hp(r, "<button class=\"link\">%s</button></form>", T(r, "ログアウト", "Sign out"));
	}
	HL(r, "</div></div>");
	if (r->co) {
		hp(r, "<div class=\"company\"><div class=\"in\"><strong>%s</strong>", r->co->name);
		if (r->role == ROLE_EMPLOYEE) {
			HL(r, "</div></div>");
		} else {
			hp(r, "<nav aria-label=\"%s\">", T(r, "会社のメニュー", "Company menu"));
			struct { nav_t n; const char *href, *ja, *en; } items[] = {
				{NAV_DASH, "", "ダッシュボード", "Dashboard"},
				{NAV_PLAN, "/plan", "計画とタスク", "Plan & tasks"},
				{NAV_PEOPLE, "/people", "人", "People"},
				{NAV_LEARN, "/learning", "学びと試験", "Learning & exams"},
				{NAV_DIAG, "/diagnosis", "診断", "Diagnosis"},
				{NAV_POLICY, "/policy", "基本方針", "Policy"},
				{NAV_REG, "/registers", "体制と記録", "Registers"},
				{NAV_HELP, "/help", "外部の力", "Outside help"},
				{NAV_REF, "/reference", "ガイドブック", "Guidebook"},
				{NAV_EXPORT, "/export", "書き出し", "Export"},
			};
			for (size_t i = 0; i < ARRAY_LEN(items); i++) {
				hp(r, "<a href=\"/c/%lld%s", (long long)r->company_id, items[i].href);
				if (nav == items[i].n)
					hp(r, "\" aria-current=\"page\">%s</a>", T(r, items[i].ja, items[i].en));
				else
					hp(r, "\">%s</a>", T(r, items[i].ja, items[i].en));
			}
			struct { nav_t n; const char *href, *ja, *en; bool show; } more[] = {
				{NAV_ADVICE, "/advice", "支援者の助言", "Advice", true},
				{NAV_MEMBERS, "/members", "メンバー", "Members", r->role == ROLE_OWNER},
				{NAV_AUDIT, "/audit", "変更履歴", "Change log", r->role == ROLE_OWNER},
			};
			for (size_t i = 0; i < ARRAY_LEN(more); i++) {
				if (!more[i].show)
					continue;
				hp(r, "<a href=\"/c/%lld%s\"", (long long)r->company_id, more[i].href);
				if (nav == more[i].n)
					HL(r, " aria-current=\"page\"");
				hp(r, ">%s</a>", T(r, more[i].ja, more[i].en));
			}
			HL(r, "</nav></div></div>");
		}
	}
	HL(r, "</header><main id=\"main\">");
}

void page_end(req_t *r)
{
	hp(r, "</main><footer><p>%s</p></footer></body></html>\n",
	   T(r, "secstep — IPA「中小企業のためのセキュリティ人材確保・育成の実践ガイドブック」(2026年3月) にもとづく計画づくりの道具です。",
	     "secstep — a planning tool based on IPA's practical guidebook on security talent for SMEs (March 2026)."));
}

void show_errors(req_t *r, const errs_t *e)
{
	if (!e->n)
		return;
	hp(r, "<div class=\"errors\" role=\"alert\"><p>%s</p><ul>", T(r, "入力を確認してください:", "Please check:"));
	for (size_t i = 0; i < e->n; i++)
		hp(r, "<li><strong>%s</strong>: %s</li>", e->where[i], e->what[i]);
	HL(r, "</ul></div>");
}

void flash(req_t *r, const char *ja, const char *en)
{
	hp(r, "<div class=\"notice\" role=\"status\">%s</div>", T(r, ja, en));
}
