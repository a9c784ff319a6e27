/* pages_audit.c — the change log an owner reads (who changed what, when,
 * from what to what), and the advice a support body's advisers write for
 * a company (kept in its consultation log). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "base/buf.h"
#include "base/util.h"
#include "core/registers.h"
#include "exchange/doc.h"
#include "web/pages.h"

/* An id recorded in the log and its words. */
typedef struct {
	const char *id, *ja, *en;
} log_word;

/* The words for id in table, or id itself when it is not there. */
static const char *log_words(const req_t *r, const log_word *table, size_t n, const char *id)
{
	for (size_t i = 0; i < n; i++)
		if (str_eq(table[i].id, id))
			return T(r, table[i].ja, table[i].en);
	return id;
}

static const log_word action_names[] = {
	{"company.add", "会社を登録", "Company added"},
	{"company.update", "会社の情報を変更", "Company profile changed"},
	{"company.remove", "会社を削除", "Company deleted"},
	{"person.add", "人を追加", "Person added"},
	{"person.update", "人の情報を変更", "Person changed"},
	{"person.remove", "人を削除", "Person removed"},
	{"task.add", "タスクを記録", "Task recorded"},
	{"task.update", "タスクを変更", "Task changed"},
	{"task.remove", "タスクの記録を削除", "Task record removed"},
	{"asset.add", "情報資産を追加", "Asset added"},
	{"asset.update", "情報資産を変更", "Asset changed"},
	{"asset.remove", "情報資産を削除", "Asset removed"},
	{"register.add", "記録を追加", "Record added"},
	{"register.update", "記録を変更", "Record changed"},
	{"register.remove", "記録を削除", "Record removed"},
	{"diagnosis.update", "診断の回答", "Diagnosis answered"},
	{"policy.update", "基本方針を変更", "Basic policy changed"},
	{"member.add", "メンバーを追加", "Member added"},
	{"member.join", "招待を受けて参加", "Joined by invitation"},
	{"member.role", "役割を変更", "Role changed"},
	{"member.remove", "メンバーを外す", "Member removed"},
	{"invite.create", "招待のリンクを作成", "Invitation link made"},
	{"invite.revoke", "招待を取り消し", "Invitation revoked"},
	{"body.add", "支援機関の支援を開始", "Support body added"},
	{"body.end", "支援機関の支援を終了", "Support body ended"},
	{"body.create", "支援機関を作成", "Support body created"},
	{"adviser.join", "支援者として参加", "Adviser joined"},
	{"adviser.add", "支援者を追加", "Adviser added"},
	{"adviser.remove", "支援者を外す", "Adviser removed"},
	{"advice.add", "支援者の助言", "Advice written"},
	{"consultation.add", "相談の記録", "Consultation logged"},
	{"account.create", "アカウントを作成", "Account created"},
	{"account.disable", "アカウントを停止", "Account disabled"},
	{"account.enable", "アカウントを再開", "Account enabled"},
	{"account.admin", "管理者にする", "Made administrator"},
	{"account.unadmin", "管理者から外す", "Administrator removed"},
	{"account.name", "名前を変更", "Name changed"},
	{"password.change", "パスワードを変更", "Password changed"},
	{"password.reset", "パスワードを再設定", "Password reset"},
	{"password.reset_link", "再設定のリンクを作成", "Password reset link made"},
	{"signin", "ログイン", "Signed in"},
	{"signin.failed", "ログインに失敗", "Failed sign-in"},
	{"signin.refused", "停止中のためログイン不可", "Sign-in refused (disabled)"},
	{"signout", "ログアウト", "Signed out"},
	{"session.end", "ログインを終了", "Session ended"},
	{"session.end_others", "ほかのログインを終了", "Other sessions ended"},
	{"token.create", "API トークンを作成", "API token made"},
	{"token.revoke", "API トークンを無効化", "API token revoked"},
	{"export", "書き出し", "Export"},
	{"backup", "バックアップ", "Backup"},
	{"restore", "復元", "Restore"},
	{"import", "取り込み", "Import"},
	{"feed.add", "カレンダーのリンクを作成", "Calendar link made"},
	{"feed.revoke", "カレンダーのリンクを無効化", "Calendar link revoked"},
};

static const char *action_name(const req_t *r, const char *id)
{
	return log_words(r, action_names, ARRAY_LEN(action_names), id);
}

/* "2026-11-30T16:01:06Z" in Japan time: "2026-12-01 01:01". */
static const char *local_time(req_t *r, const char *iso)
{
	struct tm tm;
	memset(&tm, 0, sizeof tm);
	if (!iso || sscanf(iso, "%4d-%2d-%2dT%2d:%2d", &tm.tm_year, &tm.tm_mon, &tm.tm_mday, &tm.tm_hour, &tm.tm_min) != 5)
		return iso ? iso : "";
	tm.tm_year -= 1900;
	tm.tm_mon -= 1;
	time_t t = timegm(&tm) + 9 * 3600;
	struct tm jst;
	gmtime_r(&t, &jst);
	char buf[24];
	strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", &jst);
	return arena_strdup(&r->arena, buf);
}

/* A value for reading: strings bare, nothing as a dash. */
static const char *value_text(req_t *r, const json_t *v)
{
	if (!v || json_is_null(v))
		return T(r, "（なし）", "(none)");
	if (json_is_string(v))
		return arena_strdup(&r->arena, json_string_value(v));
	char *s = json_dumps(v, JSON_COMPACT | JSON_ENCODE_ANY);
	const char *out = arena_strdup(&r->arena, s ? s : "");
	free(s);
	return out;
}

/* The details recorded with an entry, in words. */
static const log_word detail_names[] = {
	{"role", "役割", "Role"},
	{"admin", "管理者", "Administrator"},
	{"kind", "種類", "Kind"},
	{"why", "理由", "Why"},
	{"day", "曜日（0＝日曜）", "Weekday (0 = Sunday)"},
	{"hour", "時", "Hour"},
	{"lang", "言語", "Language"},
	{"date", "日付", "Date"},
	{"partner", "相談先", "With"},
	{"people", "人数", "People"},
	{"sent", "送信", "Sent"},
	{"failed", "失敗", "Failed"},
	{"account", "アカウント", "Account"},
	{"adviser", "支援者", "Adviser"},
	{"client", "支援先の会社", "Client company"},
	{"person", "人の記録", "Person record"},
	{"disabled", "アカウントが停止中", "account disabled"},
};

static const char *detail_name(const req_t *r, const char *id)
{
	return log_words(r, detail_names, ARRAY_LEN(detail_names), id);
}

static const char *detail_value(req_t *r, const char *key, const json_t *v)
{
	member_role_t role;
	if (json_is_boolean(v))
		return json_is_true(v) ? T(r, "はい", "yes") : T(r, "いいえ", "no");
	if (json_is_string(v) && str_eq(key, "role") && member_role_parse(json_string_value(v), &role))
		return role_label(r, role);
	if (json_is_string(v) && (str_eq(key, "kind") || str_eq(key, "why")))
		return detail_name(r, json_string_value(v));
	return value_text(r, v);
}

/* The fields of the company document, in words (docs/company-document.md). */
static const log_word field_names[] = {
	{"people", "人", "Person"},
	{"tasks", "タスク", "Task"},
	{"assets", "情報資産", "Information asset"},
	{"name", "名前", "Name"},
	{"industry", "業種", "Industry"},
	{"employees", "従業員数", "Employees"},
	{"it_uses", "ITの使い方", "Uses of IT"},
	{"notes", "メモ", "Notes"},
	{"note", "メモ", "Note"},
	{"department", "部署", "Department"},
	{"position", "役職", "Position"},
	{"email", "メール", "Email"},
	{"phone", "電話", "Phone"},
	{"volunteer", "自分から手を挙げた", "Volunteered"},
	{"experience", "経験", "Experience"},
	{"roles", "役割", "Roles"},
	{"role", "役割", "Role"},
	{"time", "時間の割き方", "Time"},
	{"share", "割合（%）", "Share (%)"},
	{"exams", "試験", "Exams"},
	{"exam", "試験", "Exam"},
	{"learning", "学習", "Learning"},
	{"resource", "教材", "Resource"},
	{"date", "日付", "Date"},
	{"owner", "担当者", "Owner"},
	{"due", "期限", "Due"},
	{"status", "状況", "Status"},
	{"recur", "くり返し", "Repeats"},
	{"last_done", "前回の実施", "Last done"},
	{"business", "業務", "Business"},
	{"medium", "保存先・媒体", "Medium"},
	{"c", "機密性", "Confidentiality"},
	{"i", "完全性", "Integrity"},
	{"a", "可用性", "Availability"},
	{"personal", "個人情報を含む", "Personal data"},
	{"threat", "脅威", "Threat"},
	{"vulnerability", "脆弱性", "Vulnerability"},
	{"treatment", "対応の方針", "Treatment"},
	{"action", "対策", "Action"},
	{"treat_owner", "対策の担当者", "Action owner"},
	{"treat_due", "対策の期限", "Action due"},
	{"published", "公表日", "Published"},
	{"where", "公表先", "Where published"},
	{"versions", "版", "Versions"},
	{"version", "版", "Version"},
	{"body", "本文", "Text"},
	{"created", "作成日", "Created"},
	{"author", "作成者", "Author"},
	{"approved", "承認日", "Approved"},
	{"approver", "承認者", "Approver"},
	{"acks", "確認", "Acknowledgements"},
	{"person", "人", "Person"},
	{"diagnosed_on", "診断日", "Diagnosed on"},
	{"checkpoints", "チェックポイント", "Checkpoints"},
	{"questions", "設問", "Questions"},
	{"self_diagnosis", "自社診断（25項目）", "Self-diagnosis (25 items)"},
	{"history", "これまでの診断", "Earlier diagnoses"},
	{"policy", "基本方針", "Basic policy"},
};

/* A catalog id (checkpoint, question, self-diagnosis item, task, exam,
 * resource) by its title, or NULL. */
static const char *catalog_words(const req_t *r, const char *id)
{
	const catalog *c = r->cat;
	lang_t l = r->lang;
	const cat_checkpoint *cp;
	const cat_question *q;
	const cat_sd_item *sd;
	const cat_task *t;
	const cat_exam *x;
	const cat_resource *res;
	if ((cp = cat_checkpoint_find(c, id)))
		return tx(cp->title, l);
	if ((q = cat_question_find(c, id, NULL)))
		return tx(q->text, l);
	if ((sd = cat_sd_find(c, id)))
		return tx(sd->title, l);
	if ((t = cat_task_find(c, id)))
		return tx(t->title, l);
	if ((x = cat_exam_find(c, id)))
		return tx(x->name, l);
	if ((res = cat_resource_find(c, id)))
		return tx(res->name, l);
	return NULL;
}

/* The next part of a changed field's path ("people[p3].exams[sg]":
 * "people", then "p3" in brackets, …) into part; false at the end. */
static bool path_part(const char **pp, char *part, size_t n, bool *bracket)
{
	const char *p = *pp;
	if (!*p)
		return false;
	*bracket = *p == '[';
	if (*bracket || *p == '.')
		p++;
	size_t k = *bracket ? strcspn(p, "]") : strcspn(p, ".[");
	snprintf(part, n, "%.*s", (int)(k < n ? k : n - 1), p);
	p += k;
	if (*bracket && *p == ']')
		p++;
	*pp = p;
	return true;
}

/* A changed field's path in words: "people[p3].exams[sg].status" under
 * the entry for p3 reads "試験 › 情報セキュリティマネジメント試験 ›
 * 状況".  The record the entry is about (its first part) is already named
 * in the "What" column and left out; a register's fields by their labels. */
static const char *field_words(req_t *r, const char *path)
{
	buf_t b = BUF_INIT;
	const reg_spec *reg = NULL;
	const char *p = path;
	size_t n = strcspn(p, ".[");
	char first[64];
	snprintf(first, sizeof first, "%.*s", (int)(n < sizeof first ? n : sizeof first - 1), p);
	if (p[n] == '[' || str_eq(first, "company") || str_eq(first, "policy")) {
		/* the record itself: skip its name and its [id] */
		reg = p[n] == '[' ? reg_find(first) : NULL;
		p += n;
		if (*p == '[') {
			const char *close = strchr(p, ']');
			p = close ? close + 1 : p + strlen(p);
		}
		if (*p == '.')
			p++;
		if (!*p) {   /* the whole record, added or removed: its kind */
			buf_free(&b);
			return reg ? tx(reg->title, r->lang) : log_words(r, field_names, ARRAY_LEN(field_names), first);
		}
	}
	char part[128];
	bool bracket;
	while (path_part(&p, part, sizeof part, &bracket)) {
		const char *w = catalog_words(r, part);
		const field_spec *f = reg && !bracket ? reg_field(reg, part) : NULL;
		if (f)
			w = tx(f->label, r->lang);
		else if (!w && !bracket)
			w = log_words(r, field_names, ARRAY_LEN(field_names), part);
		if (b.len)
			buf_puts(&b, " › ");
		buf_puts(&b, w ? w : part);
	}
	const char *out = arena_strdup(&r->arena, buf_str(&b));
	buf_free(&b);
	return out;
}

/* The first part of a path ("people") and its last field ("status"). */
static void path_ends(const char *path, char *section, size_t ns, char *key, size_t nk)
{
	size_t n = strcspn(path, ".[");
	snprintf(section, ns, "%.*s", (int)(n < ns ? n : ns - 1), path);
	key[0] = 0;
	char part[128];
	bool bracket;
	while (path_part(&path, part, sizeof part, &bracket))
		if (!bracket)
			snprintf(key, nk, "%s", part);
}

#define VALUE_MAX 400   /* bytes of a record's value shown */

/* A value as the pages show it: answers, statuses, roles, exams and
 * resources by their names, records as "field: value" lists. */
static const char *value_words(req_t *r, const char *section, const char *key, bool answers, const json_t *v)
{
	if (json_is_boolean(v))
		return json_is_true(v) ? T(r, "はい", "yes") : T(r, "いいえ", "no");
	if (json_is_string(v)) {
		const char *s = json_string_value(v), *w;
		task_status_t ts;
		exam_status_t es;
		answer_t an;
		if (answers && answer_parse(s, &an))
			return answer_name(r, an);
		if (str_eq(key, "status") && str_eq(section, "tasks") && task_status_parse(s, &ts))
			return status_name(r, ts);
		if (str_eq(key, "status") && exam_status_parse(s, &es))
			return exam_status_name(r, es);
		if (str_eq(key, "role"))
			return role_name(r, s);
		if (str_eq(key, "experience"))
			return exp_name(r, s);
		if ((str_eq(key, "exam") || str_eq(key, "resource")) && (w = catalog_words(r, s)))
			return w;
		return arena_strdup(&r->arena, s);
	}
	if (json_is_array(v) || json_is_object(v)) {
		buf_t b = BUF_INIT;
		size_t i;
		const char *k;
		json_t *x;
		if (json_is_array(v)) {
			json_array_foreach((json_t *)(uintptr_t)v, i, x) {
				buf_puts(&b, i ? "、" : "");
				buf_puts(&b, value_words(r, section, key, answers, x));
			}
		} else {
			i = 0;
			json_object_foreach((json_t *)(uintptr_t)v, k, x) {
				if (str_eq(k, "id"))
					continue;
				const reg_spec *reg = reg_find(section);
				const field_spec *f = reg ? reg_field(reg, k) : NULL;
				const char *w = f ? tx(f->label, r->lang) : catalog_words(r, k);
				bool sub = answers || str_eq(k, "checkpoints") || str_eq(k, "questions") || str_eq(k, "self_diagnosis");
				buf_puts(&b, i++ ? "; " : "");
				buf_puts(&b, w ? w : log_words(r, field_names, ARRAY_LEN(field_names), k));
				buf_puts(&b, ": ");
				buf_puts(&b, value_words(r, section, k, sub, x));
			}
		}
		if (b.len > VALUE_MAX) {   /* a whole diagnosis: its start */
			b.len = VALUE_MAX;
			b.p[b.len] = 0;
			utf8_trim_partial(b.p);
			b.len = strlen(b.p);
			buf_puts(&b, "…");
		}
		const char *out = arena_strdup(&r->arena, buf_str(&b));
		buf_free(&b);
		return *out ? out : value_text(r, NULL);
	}
	return value_text(r, v);
}

static void changes_list(req_t *r, const char *detail)
{
	json_t *d = detail ? json_loads(detail, 0, NULL) : NULL;
	json_t *cs = json_object_get(d, "changes");
	if (json_is_array(cs) && json_array_size(cs)) {
		HL(r, "<ul class=\"changes\">");
		size_t i;
		json_t *c;
		json_array_foreach(cs, i, c) {
			if (i == 20) {
				hp(r, "<li>%s %zu</li>", T(r, "ほかの変更:", "more changes:"), json_array_size(cs) - 20);
				break;
			}
			const char *field = json_string_value(json_object_get(c, "field"));
			char section[32], key[128];
			path_ends(field ? field : "", section, sizeof section, key, sizeof key);
			bool answers = field && (strstr(field, "checkpoints.") || strstr(field, "questions.") ||
						 strstr(field, "self_diagnosis."));
			hp(r, "<li><span title=\"%s\">%s</span>: %s → %s</li>", field ? field : "", field_words(r, field ? field : ""),
			   value_words(r, section, key, answers, json_object_get(c, "before")),
			   value_words(r, section, key, answers, json_object_get(c, "after")));
		}
		HL(r, "</ul>");
	} else if (json_is_object(d) && json_object_size(d)) {
		const char *k;
		json_t *v;
		HL(r, "<ul class=\"changes\">");
		json_object_foreach(d, k, v)
			hp(r, "<li>%s: %s</li>", detail_name(r, k), detail_value(r, k, v));
		HL(r, "</ul>");
	}
	json_decref(d);
}

/* What an entry is about, in words where the company read for the page
 * still has it: a person's or an asset's name, a task's title, a register
 * record's kind and name; otherwise its id. */
static bool starts(const char *s, const char *prefix)
{
	return s && !strncmp(s, prefix, strlen(prefix));
}

static const char *target_words(req_t *r, const char *action, const char *target)
{
	if (!target || !*target || str_eq(target, "company") || str_eq(target, "diagnosis") || str_eq(target, "policy"))
		return "";   /* the action says it all */
	const m_company *co = r->co;   /* NULL on the install-wide log */
	const char *w;
	if (starts(action, "person.") && co) {
		const m_person *p = company_person(co, target);
		if (p && p->name)
			return p->name;
	} else if (starts(action, "asset.") && co) {
		for (size_t i = 0; i < co->n_assets; i++)
			if (str_eq(co->assets[i].key, target) && co->assets[i].name)
				return co->assets[i].name;
	} else if (starts(action, "task.") && (w = catalog_words(r, target))) {
		return w;
	} else if (starts(action, "register.")) {
		const char *slash = strchr(target, '/');
		char kind[32];
		size_t nk = slash ? (size_t)(slash - target) : 0;
		snprintf(kind, sizeof kind, "%.*s", (int)(nk < sizeof kind ? nk : 0), target);
		const reg_spec *reg = slash ? reg_find(kind) : NULL;
		if (reg) {
			const char *name = NULL;
			for (size_t i = 0; co && i < co->n_records; i++)
				if (str_eq(co->records[i].kind, kind) && str_eq(co->records[i].key, slash + 1))
					name = reg_field(reg, "name") ? reg_value(&co->records[i], "name", &r->arena) : NULL;
			return arena_printf(&r->arena, "%s: %s", tx(reg->title, r->lang), name && *name ? name : slash + 1);
		}
	}
	return target;
}

void audit_rows(req_t *r, const audit_row *rows, size_t n, bool with_company)
{
	if (!n) {
		hp(r, "<p class=\"muted\">%s</p>", T(r, "まだ記録はありません。", "Nothing recorded yet."));
		return;
	}
	/* hp escapes %s: the optional column is its own call */
	hp(r, "<table class=\"cards audit\"><thead><tr><th>%s</th><th>%s</th>", T(r, "日時（日本時間）", "When (Japan time)"),
	   T(r, "だれが", "Who"));
	if (with_company)
		hp(r, "<th>%s</th>", T(r, "会社", "Company"));
	hp(r, "<th>%s</th><th>%s</th></tr></thead><tbody>", T(r, "何を", "What"), T(r, "内容", "Details"));
	for (size_t i = 0; i < n; i++) {
		const audit_row *a = &rows[i];
		hp(r, "<tr><td data-label=\"%s\">%s</td><td data-label=\"%s\">%s</td>", T(r, "日時", "When"), local_time(r, a->at),
		   T(r, "だれが", "Who"), str_eq(a->actor, "cli") ? T(r, "コマンド（サーバーの運用者）", "command line (operator)") : a->actor);
		if (with_company) {
			if (a->company_id)
				hp(r, "<td data-label=\"%s\">#%lld</td>", T(r, "会社", "Company"), (long long)a->company_id);
			else
				hp(r, "<td data-label=\"%s\"></td>", T(r, "会社", "Company"));
		}
		hp(r, "<td data-label=\"%s\">%s <span class=\"small muted\">%s</span></td><td data-label=\"%s\">", T(r, "何を", "What"),
		   action_name(r, a->action), target_words(r, a->action, a->target), T(r, "内容", "Details"));
		changes_list(r, a->detail);
		HL(r, "</td></tr>");
	}
	HL(r, "</tbody></table>");
}

void h_audit(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *after = qarg(r, "after");
	int64_t after_id = after ? strtoll(after, NULL, 10) : 0;
	audit_row *rows = NULL;
	size_t n = 0;
	if (!store_audit_list(r->store, r->company_id, after_id > 0 ? after_id : 0, 200, &r->arena, &rows, &n, &e)) {
		web_fail_errs(r, 500, &e);
		errs_free(&e);
		return;
	}
	page_begin(r, T(r, "変更履歴", "Change log"), NAV_AUDIT);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "変更履歴", "Change log"),
	   T(r, "この会社のデータを、だれが・いつ・どう変えたかの記録です（古い順）。画面・API・コマンドからの変更がすべて残ります。",
	     "Who changed this company's data, when and how (oldest first). Changes from the pages, the API and the command line are all kept."));
	audit_rows(r, rows, n, false);
	if (n == 200)
		hp(r, "<p><a href=\"/c/%lld/audit?after=%lld\">%s</a></p>", (long long)r->company_id, (long long)rows[n - 1].id,
		   T(r, "続きを見る", "Show more"));
	page_end(r);
	free(rows);
	errs_free(&e);
}

static void advice_page(req_t *r, const errs_t *e)
{
	errs_t le = ERRS_INIT;
	consult_row *rows = NULL;
	size_t n = 0;
	store_consult_list(r->store, r->company_id, &r->arena, &rows, &n, &le);
	page_begin(r, T(r, "支援者の助言", "Advice"), NAV_ADVICE);
	hp(r, "<h1>%s</h1><p class=\"lead\">%s</p>", T(r, "支援者からの助言", "Advice from support bodies"),
	   T(r, "この会社を支援している支援機関（商工会議所・ITベンダーなど）の支援者が書いた助言です。相談の記録にも残ります。",
	     "Advice written by the advisers of the support bodies looking after this company (chamber of commerce, IT vendor, …). It is kept in the consultation log too."));
	if (qarg(r, "saved"))
		flash(r, "助言を記録しました。", "Advice saved.");
	show_errors(r, e);
	if (r->role == ROLE_ADVISER) {
		hp(r, "<section class=\"card\"><h2>%s</h2><form method=\"post\" action=\"/c/%lld/advice\" class=\"stack\">",
		   T(r, "助言を書く", "Write advice"), (long long)r->company_id);
		csrf_field(r);
		hp(r, "<label for=\"topic\">%s</label><input id=\"topic\" name=\"topic\" type=\"text\" maxlength=\"300\" required value=\"%s\">",
		   T(r, "件名", "Subject"), form(r, "topic") ? form(r, "topic") : "");
		hp(r, "<label for=\"notes\">%s</label><textarea id=\"notes\" name=\"notes\" rows=\"6\" maxlength=\"4000\" required>%s</textarea>",
		   T(r, "助言の内容", "Advice"), form(r, "notes") ? form(r, "notes") : "");
		hp(r, "<p><button type=\"submit\">%s</button></p></form></section>", T(r, "助言を記録する", "Save the advice"));
	}
	size_t shown = 0;
	HL(r, "<section class=\"card\">");
	for (size_t i = 0; i < n; i++) {
		if (!rows[i].advice)
			continue;
		shown++;
		hp(r, "<article class=\"advice\"><h2>%s</h2><p class=\"small muted\">%s · %s · %s</p><p class=\"pre\">%s</p></article>", rows[i].topic,
		   rows[i].date, rows[i].partner, rows[i].author, rows[i].notes);
	}
	if (!shown)
		hp(r, "<p class=\"muted\">%s</p>", T(r, "まだ助言はありません。", "No advice yet."));
	HL(r, "</section>");
	page_end(r);
	free(rows);
	errs_free(&le);
}

void h_advice(req_t *r)
{
	errs_t e = ERRS_INIT;
	advice_page(r, &e);
}

void h_advice_post(req_t *r)
{
	errs_t e = ERRS_INIT;
	const char *topic = form(r, "topic"), *notes = form(r, "notes");
	if (!topic || !*topic || !valid_short_text(topic, 300))
		errs_add(&e, T(r, "件名", "Subject"), "%s", T(r, "1〜300文字で入力してください", "enter 1-300 characters"));
	if (!notes || !*notes || !valid_short_text(notes, DOC_MAX_NOTE))
		errs_add(&e, T(r, "助言の内容", "Advice"), "%s", T(r, "1〜4000文字で入力してください", "enter 1-4000 characters"));
	/* The body through which this adviser looks after the company. */
	body_row *bodies = NULL, *mine = NULL;
	size_t nb = 0, nm = 0;
	const char *partner = NULL;
	int64_t body = 0;
	if (!e.n && store_company_bodies(r->store, r->company_id, &bodies, &nb, &e) && store_bodies_of(r->store, r->account, &mine, &nm, &e))
		for (size_t i = 0; i < nb && !partner; i++)
			for (size_t k = 0; k < nm; k++)
				if (bodies[i].id == mine[k].id) {
					partner = arena_strdup(&r->arena, bodies[i].name);
					body = bodies[i].id;
				}
	free(bodies);
	free(mine);
	if (!e.n && !partner)
		errs_add(&e, T(r, "支援機関", "Support body"), "%s", T(r, "見つかりません", "not found"));
	if (!e.n) {
		char *date = arena_alloc(&r->arena, 11);
		date_format(r->today, date);
		if (store_consult_add(r->store, r->company_id, date, partner, topic, notes, r->account_name, true, &e)) {
			web_audit(r, r->company_id, body, "advice.add", topic, NULL);
			redirect(r, "/c/%lld/advice?saved=1", (long long)r->company_id);
			errs_free(&e);
			return;
		}
	}
	r->status = 400;
	advice_page(r, &e);
	errs_free(&e);
}
