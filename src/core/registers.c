/* registers.c — the register specs and the one validator (registers.h). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "core/registers.h"

#define TX2(ja, en) {ja, en}

static const char *const contact_roles[] = {"internal", "it_vendor", "ipa", "police", "ppc", "customer", "other", NULL};
static const text_t contact_role_labels[] = {
	TX2("社内の連絡網", "Internal chain"), TX2("ITベンダー", "IT vendor"),
	TX2("IPA 企業組織向けサイバーセキュリティ相談窓口", "IPA cybersecurity consultation desk"),
	TX2("警察（サイバー犯罪相談窓口）", "Police cybercrime desk"), TX2("個人情報保護委員会", "Personal Information Protection Commission"),
	TX2("主要な取引先・顧客", "Key customer"), TX2("その他", "Other")};
static const char *const incident_phases[] = {"detect", "report", "recover", "closed", NULL};
static const text_t incident_phase_labels[] = {
	TX2("検知・初動対応", "Detection and first response"), TX2("報告・公表", "Reporting and disclosure"),
	TX2("復旧・再発防止", "Recovery and prevention"), TX2("完了", "Closed")};
static const char *const raci[] = {"responsible", "accountable", "consulted", "informed", NULL};
static const text_t raci_labels[] = {
	TX2("実行する人（R）", "Responsible (R)"), TX2("最終責任者（A）", "Accountable (A)"),
	TX2("相談される人（C）", "Consulted (C)"), TX2("報告を受ける人（I）", "Informed (I)")};

#define TEXT(n, req, ja, en) {n, F_TEXT, req, 0, 0, NULL, NULL, TX2(ja, en)}
#define LONG(n, ja, en) {n, F_LONGTEXT, false, 0, 0, NULL, NULL, TX2(ja, en)}
#define DATE(n, req, ja, en) {n, F_DATE, req, 0, 0, NULL, NULL, TX2(ja, en)}
#define BOOL(n, ja, en) {n, F_BOOL, false, 0, 0, NULL, NULL, TX2(ja, en)}
#define INT(n, lo, hi, ja, en) {n, F_INT, false, lo, hi, NULL, NULL, TX2(ja, en)}
#define ENUM(n, req, v, l, ja, en) {n, F_ENUM, req, 0, 0, v, l, TX2(ja, en)}

static const field_spec supplier_fields[] = {
	TEXT("name", true, "取引先・サービス名", "Supplier or service"),
	TEXT("service", false, "何をしてもらっているか", "What they do for us"),
	LONG("information", "預けている当社の情報", "Our information they hold"),
	BOOL("cloud", "クラウドサービス（外部情報サービス）", "A cloud (external information) service"),
	BOOL("confidentiality", "契約に秘密保持の条項がある", "The contract has a confidentiality clause"),
	LONG("security_check", "セキュリティをどう確かめたか", "How we checked their security"),
	DATE("checked_on", false, "確かめた日", "Checked on"),
	DATE("next_review", false, "次に見直す日", "Next review"),
	LONG("notes", "メモ", "Notes"),
};
static const field_spec contact_fields[] = {
	ENUM("role", true, contact_roles, contact_role_labels, "連絡先の種類", "Kind of contact"),
	TEXT("name", true, "名前・窓口", "Name or desk"),
	TEXT("organisation", false, "組織", "Organisation"),
	TEXT("phone", false, "電話", "Phone"),
	TEXT("email", false, "メール", "E-mail"),
	INT("order", 1, 99, "連絡する順番", "Order to call"),
	LONG("notes", "メモ（いつ連絡するか）", "Notes (when to call)"),
};
static const field_spec system_fields[] = {
	TEXT("name", true, "システム・データ", "System or data"),
	INT("rto_hours", 0, 100000, "目標復旧時間（時間）", "Recovery time objective (hours)"),
	INT("rpo_hours", 0, 100000, "目標復旧時点（何時間前のデータまで戻せればよいか）", "Recovery point objective (hours of data you may lose)"),
	LONG("backup", "バックアップの取り方（取得・保管場所・世代）", "How it is backed up (what, where, generations)"),
	LONG("restore", "戻す手順", "How to restore it"),
	DATE("restore_tested", false, "最後に戻す練習をした日", "Restore last tested"),
};
static const field_spec drill_fields[] = {
	DATE("date", true, "実施日", "Date"),
	TEXT("scenario", true, "想定した事故", "Scenario"),
	TEXT("participants", false, "参加者", "Participants"),
	LONG("findings", "わかったこと・直すこと", "Findings and fixes"),
};
static const field_spec incident_fields[] = {
	DATE("detected", true, "気づいた日", "Detected on"),
	TEXT("title", true, "何が起きたか（一言で）", "What happened (in a line)"),
	ENUM("phase", true, incident_phases, incident_phase_labels, "いまの段階", "Current phase"),
	LONG("timeline", "経過（日時と対応）", "Timeline (when, what was done)"),
	LONG("reported_to", "報告・届出した先", "Reported to"),
	DATE("closed_on", false, "完了日", "Closed on"),
};
static const field_spec org_fields[] = {
	{"task", F_TASK, true, 0, 0, NULL, NULL, TX2("タスク", "Task")},
	{"person", F_PERSON, true, 0, 0, NULL, NULL, TX2("人", "Person")},
	ENUM("raci", true, raci, raci_labels, "役割（RACI）", "Role (RACI)"),
	{"deputy", F_PERSON, false, 0, 0, NULL, NULL, TX2("代わりの人（副担当）", "Deputy")},
	LONG("authority", "任せる権限", "Authority given"),
};

#define SPEC(kind, prefix, step, tja, ten, lja, len, f) \
	{kind, prefix, step, TX2(tja, ten), TX2(lja, len), f, ARRAY_LEN(f)}

const reg_spec reg_specs[] = {
	SPEC("organisation", "o", 3, "体制（だれが・どのタスクを）", "Organisation (who does which task)",
	     "タスクごとに、実行する人・最終責任者・相談先・報告先と、代わりの人を決めます。",
	     "For each task, name who does it, who is accountable, who is consulted and informed, and a deputy.", org_fields),
	SPEC("suppliers", "s", 3, "取引先・外部サービス", "Suppliers and external services",
	     "当社の情報を預けている取引先やクラウドサービスと、その安全性の確かめ方を記録します。",
	     "Record the suppliers and cloud services that hold our information, and how we checked them.", supplier_fields),
	SPEC("contacts", "k", 3, "インシデントの連絡先", "Incident contacts",
	     "事故のときに連絡する先（社内の連絡網、ITベンダー、IPA、警察、個人情報保護委員会、主要な取引先）です。",
	     "Whom to call in an incident: the internal chain, IT vendor, IPA, police, the PPC, key customers.", contact_fields),
	SPEC("systems", "y", 3, "システムの復旧目標とバックアップ", "Systems: recovery objectives and backups",
	     "止まると困るシステムやデータごとに、何時間で戻すか・どの時点まで戻すか、バックアップと戻し方を決めます。",
	     "For each system or data set that matters: how fast and to which point to recover, and how to back up and restore it.",
	     system_fields),
	SPEC("drills", "d", 3, "訓練の記録", "Drills", "インシデント対応の訓練をした記録です。", "A log of incident-response drills.",
	     drill_fields),
	SPEC("incidents", "i", 4, "インシデントの記録", "Incident log", "起きた事故と、その経過を記録します。",
	     "Incidents that happened, with their timeline.", incident_fields),
};
const size_t reg_n_specs = ARRAY_LEN(reg_specs);

const reg_spec *reg_find(const char *kind)
{
	for (size_t i = 0; kind && i < reg_n_specs; i++)
		if (!strcmp(reg_specs[i].kind, kind))
			return &reg_specs[i];
	return NULL;
}

const field_spec *reg_column(const reg_spec *sp, const char *heading)
{
	for (size_t f = 0; f < sp->n_fields; f++)
		if (!strcmp(heading, sp->fields[f].name) || !strcmp(heading, sp->fields[f].label.ja) ||
		    !strcmp(heading, sp->fields[f].label.en))
			return &sp->fields[f];
	return NULL;
}

json_t *reg_cell_json(const field_spec *f, const char *v)
{
	if (f->type == F_INT && *v) {
		char *end;
		errno = 0;
		long long x = strtoll(v, &end, 10);
		return *end || errno ? json_string(v) : json_integer((json_int_t)x);
	}
	if (f->type == F_BOOL) {
		if (!strcmp(v, "true") || !strcmp(v, "yes") || !strcmp(v, "はい"))
			return json_true();
		if (!strcmp(v, "false") || !strcmp(v, "no") || !strcmp(v, "いいえ"))
			return json_false();
	}
	return json_string(v);
}

const field_spec *reg_field(const reg_spec *sp, const char *name)
{
	for (size_t i = 0; i < sp->n_fields; i++)
		if (!strcmp(sp->fields[i].name, name))
			return &sp->fields[i];
	return NULL;
}

static bool in_list(const char *const *v, const char *s)
{
	for (; *v; v++)
		if (!strcmp(*v, s))
			return true;
	return false;
}

/* Messages in both languages; the document and the CLI name the field by
 * its path (the same in both languages), forms by its label. */
enum { M_OBJECT, M_UNKNOWN, M_MISSING, M_TEXT, M_LONG, M_DATE, M_INT, M_BOOL, M_ENUM, M_PERSON, M_TASK, M_CONTROL };
static const char *const msg_en[] = {"must be an object", "unknown field", "missing", "must be text",
				     "is too long", "must be a date YYYY-MM-DD",
				     "must be a whole number", "must be true or false", "is not one of the allowed values",
				     "no such person in people", "unknown task (task-1-1 … task-4-4)",
				     "must not contain control characters"};
static const char *const msg_ja[] = {"オブジェクトにしてください", "不明な項目です", "入力してください", "文字で入力してください",
				     "長すぎます", "日付が正しくありません（YYYY-MM-DD）",
				     "整数で入力してください", "はい・いいえで選んでください", "一覧から選んでください",
				     "登録されていない人です", "一覧にないタスクです",
				     "制御文字は使えません"};

static json_t *check(const catalog *cat, const m_company *co, const reg_spec *sp, json_t *in, const char *path,
		     bool form, lang_t lang, errs_t *errs);

json_t *reg_check(const catalog *cat, const m_company *co, const reg_spec *sp, json_t *in, const char *path,
		  lang_t lang, errs_t *errs)
{
	return check(cat, co, sp, in, path, false, lang, errs);
}

json_t *reg_check_form(const catalog *cat, const m_company *co, const reg_spec *sp, json_t *in, lang_t lang,
		       errs_t *errs)
{
	return check(cat, co, sp, in, "", true, lang, errs);
}

static json_t *check(const catalog *cat, const m_company *co, const reg_spec *sp, json_t *in, const char *path,
		     bool form, lang_t lang, errs_t *errs)
{
	const char *const *M = lang == LANG_JA ? msg_ja : msg_en;
	size_t before = errs_count(errs);
	char where[320];
	if (!json_is_object(in)) {
		errs_add(errs, path, "%s", M[M_OBJECT]);
		return NULL;
	}
	const char *key;
	json_t *v;
	json_object_foreach(in, key, v) {
		if (strcmp(key, "id") && !reg_field(sp, key)) {
			snprintf(where, sizeof where, "%s%s%s", path, *path ? "." : "", key);
			errs_add(errs, where, "%s", M[M_UNKNOWN]);
		}
	}
	json_t *out = json_object();
	for (size_t i = 0; i < sp->n_fields; i++) {
		const field_spec *f = &sp->fields[i];
		if (form)
			snprintf(where, sizeof where, "%s", tx(f->label, lang));
		else
			snprintf(where, sizeof where, "%s.%s", path, f->name);
		v = json_object_get(in, f->name);
		bool empty = !v || json_is_null(v) || (json_is_string(v) && !*json_string_value(v));
		if (empty) {
			if (f->required)
				errs_add(errs, where, "%s", M[M_MISSING]);
			continue;
		}
		switch (f->type) {
		case F_TEXT:
		case F_LONGTEXT: {
			size_t max = f->type == F_TEXT ? 200 : 4000;
			if (!json_is_string(v) || strlen(json_string_value(v)) != json_string_length(v))
				errs_add(errs, where, "%s", M[M_TEXT]);
			else if (text_control(json_string_value(v), f->type == F_LONGTEXT))
				errs_add(errs, where, "%s", M[M_CONTROL]);
			else if (utf8_len(json_string_value(v)) <= max)
				json_object_set(out, f->name, v);
			else if (M == msg_ja)
				errs_add(errs, where, "長すぎます（%zu文字まで）", max);
			else
				errs_add(errs, where, "is too long (at most %zu characters)", max);
			break;
		}
		case F_DATE: {
			date_t d;
			if (!json_is_string(v) || !date_parse(json_string_value(v), &d))
				errs_add(errs, where, "%s", M[M_DATE]);
			else
				json_object_set(out, f->name, v);
			break;
		}
		case F_INT:
			if (json_is_integer(v) && json_integer_value(v) >= f->lo && json_integer_value(v) <= f->hi)
				json_object_set(out, f->name, v);
			else if (M == msg_ja)
				errs_add(errs, where, "%d〜%d の整数で入力してください", f->lo, f->hi);
			else
				errs_add(errs, where, "must be a whole number %d-%d", f->lo, f->hi);
			break;
		case F_BOOL:
			if (!json_is_boolean(v))
				errs_add(errs, where, "%s", M[M_BOOL]);
			else
				json_object_set(out, f->name, v);
			break;
		case F_ENUM:
			if (!json_is_string(v) || !in_list(f->values, json_string_value(v)))
				errs_add(errs, where, "%s", M[M_ENUM]);
			else
				json_object_set(out, f->name, v);
			break;
		case F_PERSON:
			if (!json_is_string(v) || !company_person(co, json_string_value(v)))
				errs_add(errs, where, "%s", M[M_PERSON]);
			else
				json_object_set(out, f->name, v);
			break;
		case F_TASK:
			if (!json_is_string(v) || !cat_task_find(cat, json_string_value(v)))
				errs_add(errs, where, "%s", M[M_TASK]);
			else
				json_object_set(out, f->name, v);
			break;
		}
	}
	if (errs_count(errs) > before) {
		json_decref(out);
		return NULL;
	}
	return out;
}

size_t reg_records(const m_company *co, const char *kind, const m_record ***out, arena_t *a)
{
	size_t n = 0;
	for (size_t i = 0; i < co->n_records; i++)
		n += !strcmp(co->records[i].kind, kind);
	*out = arena_alloc(a, (n + 1) * sizeof **out);
	n = 0;
	for (size_t i = 0; i < co->n_records; i++)
		if (!strcmp(co->records[i].kind, kind))
			(*out)[n++] = &co->records[i];
	return n;
}

const char *reg_value(const m_record *r, const char *field, arena_t *a)
{
	json_t *o = json_loads(r->json, 0, NULL);
	const char *s = reg_text(o, field, a);
	json_decref(o);
	return s;
}

json_t *reg_parse(const m_record *r)
{
	return json_loads(r->json, 0, NULL);
}

const char *reg_text(json_t *o, const char *field, arena_t *a)
{
	json_t *v = json_object_get(o, field);
	const char *s = "";
	if (json_is_string(v))
		s = arena_strdup(a, json_string_value(v));
	else if (json_is_integer(v))
		s = arena_printf(a, "%lld", (long long)json_integer_value(v));
	else if (json_is_boolean(v))
		s = json_is_true(v) ? "true" : "false";
	return s;
}

m_record *reg_add(m_company *co, const reg_spec *sp, json_t *obj)
{
	int n = 1;
	char key[40];
	for (;; n++) {
		snprintf(key, sizeof key, "%s%d", sp->key_prefix, n);
		bool used = false;
		for (size_t i = 0; i < co->n_records; i++)
			used |= !strcmp(co->records[i].kind, sp->kind) && !strcmp(co->records[i].key, key);
		if (!used)
			break;
	}
	m_record *r = arena_push(&co->arena, (void **)&co->records, &co->n_records, &co->cap_records, sizeof *r);
	char *text = json_dumps(obj, JSON_COMPACT | JSON_PRESERVE_ORDER);
	*r = (m_record){sp->kind, arena_strdup(&co->arena, key), arena_strdup(&co->arena, text ? text : "{}")};
	free(text);
	return r;
}

bool reg_remove(m_company *co, const char *kind, const char *key)
{
	for (size_t i = 0; i < co->n_records; i++)
		if (!strcmp(co->records[i].kind, kind) && !strcmp(co->records[i].key, key)) {
			memmove(&co->records[i], &co->records[i + 1], (co->n_records - i - 1) * sizeof *co->records);
			co->n_records--;
			return true;
		}
	return false;
}

/* Parses r's JSON; the caller decrefs. */
static json_t *rec(const m_record *r)
{
	return json_loads(r->json, 0, NULL);
}

bool reg_evidence_suppliers(const m_company *co)
{
	size_t n = 0;
	bool all = true;
	for (size_t i = 0; i < co->n_records; i++) {
		if (strcmp(co->records[i].kind, "suppliers"))
			continue;
		json_t *o = rec(&co->records[i]);
		n++;
		all &= json_is_true(json_object_get(o, "confidentiality")) && json_object_get(o, "security_check") != NULL;
		json_decref(o);
	}
	return n > 0 && all;
}

bool reg_evidence_incident(const m_company *co)
{
	bool inside = false, outside = false, drill = false;
	for (size_t i = 0; i < co->n_records; i++) {
		const m_record *r = &co->records[i];
		if (!strcmp(r->kind, "drills")) {
			drill = true;
		} else if (!strcmp(r->kind, "contacts")) {
			json_t *o = rec(r);
			const char *role = json_string_value(json_object_get(o, "role"));
			if (role && !strcmp(role, "internal"))
				inside = true;
			else if (role)
				outside = true;
			json_decref(o);
		}
	}
	return inside && outside && drill;
}

void reg_org_flags(const catalog *cat, const m_company *co, int step, int flags[CAT_TASKS])
{
	int people[CAT_TASKS] = {0};        /* 0, 1 or 2 (two or more) distinct people */
	bool deputy[CAT_TASKS] = {false};
	char first[CAT_TASKS][64];
	for (size_t i = 0; i < co->n_records; i++) {
		if (strcmp(co->records[i].kind, "organisation"))
			continue;
		json_t *o = rec(&co->records[i]);
		const cat_task *t = cat_task_find(cat, json_string_value(json_object_get(o, "task")));
		const char *role = json_string_value(json_object_get(o, "raci"));
		const char *who = json_string_value(json_object_get(o, "person"));
		if (t && t->step == step && role && who && (!strcmp(role, "responsible") || !strcmp(role, "accountable"))) {
			int k = t->index;
			if (!people[k]) {
				snprintf(first[k], sizeof first[k], "%s", who);
				people[k] = 1;
			} else if (strcmp(first[k], who) != 0) {
				people[k] = 2;
			}
			deputy[k] |= json_object_get(o, "deputy") != NULL;
		}
		json_decref(o);
	}
	for (int t = 0; t < CAT_TASKS; t++) {
		flags[t] = 0;
		if (cat->tasks[t].step != step)
			continue;
		/* The task's owner in the plan counts as responsible too. */
		const m_task *mt = company_task(co, cat->tasks[t].id);
		if (people[t] == 0 && mt && mt->owner)
			people[t] = 1;
		flags[t] = people[t] == 0 ? 1 : people[t] == 1 && !deputy[t] ? 2 : 0;
	}
}

void reg_forget_person(m_company *co, const char *key)
{
	size_t w = 0;
	for (size_t i = 0; i < co->n_records; i++) {
		m_record *r = &co->records[i];
		if (!strcmp(r->kind, "organisation")) {
			json_t *o = rec(r);
			const char *p = json_string_value(json_object_get(o, "person"));
			if (p && !strcmp(p, key)) {
				json_decref(o);
				continue;   /* their line goes */
			}
			const char *dep = json_string_value(json_object_get(o, "deputy"));
			if (dep && !strcmp(dep, key)) {
				json_object_del(o, "deputy");
				char *text = json_dumps(o, JSON_COMPACT);
				r->json = arena_strdup(&co->arena, text);
				free(text);
			}
			json_decref(o);
		}
		co->records[w++] = *r;
	}
	co->n_records = w;
}
