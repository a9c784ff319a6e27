/* pages_digest.c — the weekly digest as it will be sent (with the
 * company's schedule), and the public unsubscribe links of mails. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "app/digest.h"
#include "app/mail.h"
#include "app/schedule.h"
#include "base/util.h"
#include "store/mail.h"
#include "web/pages.h"

static const char *const day_ja[] = {"月曜日", "火曜日", "水曜日", "木曜日", "金曜日", "土曜日", "日曜日"};
static const char *const day_en[] = {"Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"};

static const char *day_name(const req_t *r, int day)
{
	return r->lang == LANG_EN ? day_en[day - 1] : day_ja[day - 1];
}

void h_digest(req_t *r)
{
	long long id = (long long)r->company_id;
	errs_t e = ERRS_INIT;
	digest_schedule sc;
	if (!store_schedule_get(r->store, r->company_id, &sc, &e)) {
		fail_db(r, &e);
		errs_free(&e);
		return;
	}
	date_t now_date;
	int hour;
	sched_now(&now_date, &hour);
	char week[9], job[40], ran[16];
	date_iso_week(now_date, week);
	snprintf(job, sizeof job, "company:%lld", id);
	if (!store_job_week(r->store, job, ran, &e)) {
		fail_db(r, &e);
		errs_free(&e);
		return;
	}
	bool sent = !strcmp(ran, week);
	date_t next = sched_next(&sc, now_date, hour, sent);
	/* this week's time has passed and nothing went out yet: it goes at
	 * the server's next check, today */
	bool now = !sent && next == now_date && sched_due(&sc, now_date, hour);
	page_begin(r, T(r, "週のお知らせ", "Weekly digest"), NAV_PLAN);
	hp(r, "<h1>%s</h1>", T(r, "週のお知らせ（メール）", "Weekly digest (e-mail)"));
	if (qarg(r, "saved"))
		flash(r, "保存しました。", "Saved.");
	hp(r, "<p class=\"lead\">%s</p>",
	   T(r, "期限切れか2週間以内が期限のタスクを持つ人に、毎週1回メールでお知らせします（メールアドレスを登録した人だけ）。",
	     "Once a week, everyone who owns a task that is overdue or due within two weeks gets a mail (people with an e-mail address)."));
	char hh[16];
	snprintf(hh, sizeof hh, "%02d:00", sc.hour);
	hp(r, "<section class=\"card\"><h2>%s</h2><p>%s <strong>%s %s %s</strong> %s</p>", T(r, "送る日時", "When it is sent"),
	   T(r, "次のお知らせ:", "Next digest:"), date_str(r, next), day_name(r, date_weekday(next)),
	   now ? T(r, "まもなく", "shortly") : hh,
	   now ? T(r, "（今週の時刻を過ぎたので、サーバーが次に確かめるとき）", "(this week's time has passed: at the server's next check)")
	       : T(r, "（日本時間）", "(Japan time)"));
	if (!mail_configured())
		hp(r, "<p class=\"warnbox\">%s</p>",
		   T(r, "このサーバーではメールの送信が設定されていません。管理者が SECSTEP_SMTP_URL を設定すると送られます。",
		     "Mail is not set up on this server. It is sent once the operator sets SECSTEP_SMTP_URL."));
	if (can_write(r)) {
		hp(r, "<form method=\"post\" action=\"/c/%lld/digest/schedule\" class=\"row\">", id);
		csrf_field(r);
		hp(r, "<label class=\"small\">%s<br><select name=\"day\">", T(r, "曜日", "Day"));
		for (int d = 1; d <= 7; d++)
			hp(r, "<option value=\"%d\"%s>%s</option>", d, d == sc.day ? " selected" : "", day_name(r, d));
		hp(r, "</select></label><label class=\"small\">%s<br><select name=\"hour\">", T(r, "時刻（日本時間）", "Hour (Japan time)"));
		for (int h = 0; h < 24; h++) {
			snprintf(hh, sizeof hh, "%02d:00", h);
			hp(r, "<option value=\"%d\"%s>%s</option>", h, h == sc.hour ? " selected" : "", hh);
		}
		hp(r, "</select></label><label class=\"small\">%s<br><select name=\"lang\">", T(r, "メールの言語", "Language of the mails"));
		hp(r, "<option value=\"ja\"%s>日本語</option><option value=\"en\"%s>English</option></select></label>",
		   strcmp(sc.lang, "en") ? " selected" : "", strcmp(sc.lang, "en") ? "" : " selected");
		hp(r, "<button type=\"submit\" class=\"small\">%s</button></form>", T(r, "保存", "Save"));
	}
	HL(r, "</section>");

	arena_t ar = {0};
	digest_t *list;
	size_t n = digest_build(r->cat, r->co, next, r->store, &ar, &list);
	hp(r, "<section class=\"card\" id=\"preview\"><h2>%s %s</h2>", T(r, "送られる内容", "What will be sent on"), date_str(r, next));
	if (!n)
		hp(r, "<p class=\"muted\">%s</p>",
		   T(r, "この日に送るお知らせはありません（期限が近いタスクを持ち、メールアドレスを登録した人がいません）。",
		     "No digest would be sent that day (nobody with an e-mail address owns a task that is overdue or due soon)."));
	char base[512];
	mail_base_url(base);
	for (size_t i = 0; i < n; i++) {
		char *subject, *text, *html;
		digest_render(r->cat, r->co, &list[i], next, strcmp(sc.lang, "en") ? LANG_JA : LANG_EN, base, NULL, &subject, &text,
			      &html);
		hp(r, "<div class=\"question digest\"><p><strong>%s</strong> %s<br><span class=\"small\">%s %s</span></p><pre class=\"mail\">%s</pre></div>",
		   list[i].person->name, list[i].person->email, T(r, "件名:", "Subject:"), subject, text);
		free(subject);
		free(text);
		free(html);
	}
	HL(r, "</section>");
	free(list);
	arena_free(&ar);
	errs_free(&e);
	page_end(r);
}

void h_digest_schedule_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	digest_schedule sc;
	const char *day = form(r, "day"), *hour = form(r, "hour"), *lang = form(r, "lang");
	char *end;
	long d = day ? strtol(day, &end, 10) : 0;
	if (!day || !*day || *end || d < 1 || d > 7)
		errs_add(&e, T(r, "曜日", "Day"), "%s", T(r, "一覧から選んでください", "choose one from the list"));
	long h = hour ? strtol(hour, &end, 10) : -1;
	if (!hour || !*hour || *end || h < 0 || h > 23)
		errs_add(&e, T(r, "時刻（日本時間）", "Hour (Japan time)"), "%s", T(r, "0〜23 時から選んでください", "choose an hour from 0 to 23"));
	if (!lang || (strcmp(lang, "ja") && strcmp(lang, "en")))
		errs_add(&e, T(r, "メールの言語", "Language of the mails"), "%s", T(r, "日本語か English を選んでください", "choose 日本語 or English"));
	if (e.n) {
		r->status = 400;
		page_begin(r, T(r, "週のお知らせ", "Weekly digest"), NAV_PLAN);
		show_errors(r, &e);
		hp(r, "<p><a href=\"/c/%lld/digest\">%s</a></p>", (long long)r->company_id, T(r, "戻る", "Back"));
		page_end(r);
		errs_free(&e);
		return;
	}
	sc.day = (int)d;
	sc.hour = (int)h;
	memcpy(sc.lang, lang, 3);
	if (!store_schedule_set(r->store, r->company_id, &sc, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	web_audit(r, r->company_id, 0, "digest.schedule", NULL, json_pack("{s:i, s:i, s:s}", "day", sc.day, "hour", sc.hour, "lang", sc.lang));
	redirect(r, "/c/%lld/digest?saved=1", (long long)r->company_id);
}

/* The token of the path, when it names a stored link. */
static bool load_token(req_t *r, char addr[256], char kind[16])
{
	const char *tok = param(r, "token");
	errs_t e = ERRS_INIT;
	char hash[65];
	bool ok = false;
	if (tok && strlen(tok) == 48) {
		mail_token_hash(tok, hash);
		ok = store_mail_token_find(r->store, hash, addr, kind, &e);
	}
	if (e.n)
		web_fail_errs(r, 500, &e);
	else if (!ok)
		fail_page(r, 404, "このリンクは使えません。", "This link is not valid.");
	errs_free(&e);
	return ok;
}

static const char *kind_name(const req_t *r, const char *kind)
{
	return !strcmp(kind, "adviser") ? T(r, "支援者向けの週のお知らせ", "the advisers' weekly digest")
					: T(r, "週のお知らせ（期限が近いタスク）", "the weekly digest (tasks due soon)");
}

void h_unsubscribe(req_t *r)
{
	char addr[256], kind[16];
	if (!load_token(r, addr, kind))
		return;
	page_begin(r, T(r, "メールの停止", "Stop mails"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1><p>%s <strong>%s</strong> %s <strong>%s</strong>%s</p>",
	   T(r, "メールの停止", "Stop mails"), T(r, "宛先", "Stop sending"), addr, T(r, "への", ""), kind_name(r, kind),
	   T(r, " を止めますか。", " to this address?"));
	hp(r, "<form method=\"post\" action=\"/unsubscribe/%s\"><button type=\"submit\">%s</button></form></section>", param(r, "token"),
	   T(r, "止める", "Stop them"));
	page_end(r);
}

void h_unsubscribe_post(req_t *r)
{
	char addr[256], kind[16];
	if (!load_token(r, addr, kind))
		return;
	errs_t e = ERRS_INIT;
	if (!store_mail_optout(r->store, addr, kind, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	web_audit(r, 0, 0, "mail.unsubscribe", addr, json_pack("{s:s}", "kind", kind));
	page_begin(r, T(r, "メールの停止", "Stop mails"), NAV_NONE);
	hp(r, "<section class=\"card narrow\"><h1>%s</h1><p>%s <strong>%s</strong> %s</p></section>", T(r, "止めました", "Stopped"), addr,
	   T(r, "には、もう送りません:", "will no longer receive"), kind_name(r, kind));
	page_end(r);
}
