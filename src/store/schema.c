/* schema.c — numbered, forward-only migrations.  Migration N moves the
 * database from user_version N-1 to N; each runs in its own transaction.
 * Every table carries company_id: every row belongs to one company. */
#include <stddef.h>

#include "store/schema.h"

static const char *const migrations[] = {
	/* 1: companies, people, diagnoses, tasks, assets */
	"CREATE TABLE company ("
	"  id INTEGER PRIMARY KEY,"
	"  name TEXT NOT NULL,"
	"  industry TEXT NOT NULL,"
	"  employees INTEGER NOT NULL CHECK (employees > 0),"
	"  notes TEXT,"
	"  policy_published TEXT,"
	"  policy_where TEXT,"
	"  created_at TEXT NOT NULL DEFAULT (datetime('now')),"
	"  updated_at TEXT NOT NULL DEFAULT (datetime('now')));"
	"CREATE TABLE company_it_use ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  it_use TEXT NOT NULL,"
	"  PRIMARY KEY (company_id, it_use));"
	"CREATE TABLE person ("
	"  id INTEGER PRIMARY KEY,"
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  department TEXT, position TEXT, email TEXT, phone TEXT, notes TEXT,"
	"  volunteer INTEGER NOT NULL DEFAULT 0,"
	"  UNIQUE (company_id, key));"
	"CREATE TABLE person_experience ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL, tag TEXT NOT NULL,"
	"  PRIMARY KEY (person_id, tag));"
	"CREATE TABLE person_role ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL, role TEXT NOT NULL,"
	"  time TEXT NOT NULL CHECK (time IN ('concurrent','dedicated')),"
	"  share INTEGER NOT NULL DEFAULT 0,"
	"  PRIMARY KEY (person_id, role));"
	"CREATE TABLE person_exam ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL, exam TEXT NOT NULL,"
	"  status TEXT NOT NULL CHECK (status IN ('planned','studying','passed')),"
	"  date TEXT,"
	"  PRIMARY KEY (person_id, exam));"
	"CREATE TABLE person_learning ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  person_id INTEGER NOT NULL REFERENCES person(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL, resource TEXT NOT NULL, date TEXT NOT NULL, note TEXT);"
	"CREATE TABLE diagnosis ("
	"  id INTEGER PRIMARY KEY,"
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  pos INTEGER NOT NULL,"
	"  taken_on TEXT NOT NULL);"
	"CREATE TABLE diagnosis_answer ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  diagnosis_id INTEGER NOT NULL REFERENCES diagnosis(id) ON DELETE CASCADE,"
	"  item TEXT NOT NULL,"
	"  answer TEXT NOT NULL CHECK (answer IN ('yes','partial','no','unknown','na')),"
	"  PRIMARY KEY (diagnosis_id, item));"
	"CREATE TABLE task ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  task TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  owner TEXT, due TEXT,"
	"  status TEXT NOT NULL CHECK (status IN ('todo','doing','done')),"
	"  note TEXT,"
	"  PRIMARY KEY (company_id, task));"
	"CREATE TABLE asset ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  key TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  name TEXT NOT NULL,"
	"  business TEXT, department TEXT, medium TEXT, owner TEXT, notes TEXT,"
	"  c INTEGER NOT NULL CHECK (c BETWEEN 1 AND 3),"
	"  i INTEGER NOT NULL CHECK (i BETWEEN 1 AND 3),"
	"  a INTEGER NOT NULL CHECK (a BETWEEN 1 AND 3),"
	"  personal INTEGER NOT NULL DEFAULT 0,"
	"  threat INTEGER NOT NULL CHECK (threat BETWEEN 1 AND 3),"
	"  vulnerability INTEGER NOT NULL CHECK (vulnerability BETWEEN 1 AND 3),"
	"  PRIMARY KEY (company_id, key));"
	"CREATE INDEX person_company ON person(company_id, pos);"
	"CREATE INDEX person_experience_company ON person_experience(company_id);"
	"CREATE INDEX person_role_company ON person_role(company_id);"
	"CREATE INDEX person_exam_company ON person_exam(company_id);"
	"CREATE INDEX person_learning_company ON person_learning(company_id, person_id);"
	"CREATE INDEX diagnosis_company ON diagnosis(company_id, pos);"
	"CREATE INDEX diagnosis_answer_company ON diagnosis_answer(company_id);",

	/* 2: web accounts, memberships, sessions, consultation log */
	"CREATE TABLE account ("
	"  id INTEGER PRIMARY KEY,"
	"  login TEXT NOT NULL UNIQUE COLLATE NOCASE,"
	"  name TEXT NOT NULL,"
	"  pw_hash TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (datetime('now')));"
	"CREATE TABLE membership ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  role TEXT NOT NULL CHECK (role IN ('owner','officer','employee','adviser')),"
	"  person_key TEXT,"
	"  PRIMARY KEY (company_id, account_id));"
	"CREATE INDEX membership_account ON membership(account_id);"
	"CREATE TABLE session ("
	"  token_hash BLOB PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL);"
	"CREATE TABLE consultation ("
	"  id INTEGER PRIMARY KEY,"
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  date TEXT NOT NULL,"
	"  partner TEXT NOT NULL,"
	"  topic TEXT NOT NULL,"
	"  notes TEXT,"
	"  author TEXT);"
	"CREATE INDEX consultation_company ON consultation(company_id, date);",

	/* 3: a version per company, bumped by every save (snapshot caches) */
	"ALTER TABLE company ADD COLUMN version INTEGER NOT NULL DEFAULT 0;",

	/* 4: secret calendar feed links (only a hash of the secret is kept) */
	"CREATE TABLE calendar_feed ("
	"  id INTEGER PRIMARY KEY,"
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  token_hash BLOB NOT NULL UNIQUE,"
	"  person_key TEXT,"
	"  label TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (datetime('now')));",

	/* 5: the basic policy: versions and employees' acknowledgements */
	"CREATE TABLE policy_version ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL,"
	"  body TEXT NOT NULL,"
	"  created TEXT NOT NULL,"
	"  author TEXT,"
	"  approved TEXT,"
	"  approver TEXT,"
	"  PRIMARY KEY (company_id, version));"
	"CREATE TABLE policy_ack ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  person_key TEXT NOT NULL,"
	"  version INTEGER NOT NULL,"
	"  date TEXT NOT NULL,"
	"  PRIMARY KEY (company_id, person_key, version));",

	/* 6: the STEP3/4 registers (suppliers, contacts, systems, drills,
	 * incidents, organisation), one row per record */
	"CREATE TABLE record ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  kind TEXT NOT NULL,"
	"  key TEXT NOT NULL,"
	"  pos INTEGER NOT NULL,"
	"  data TEXT NOT NULL,"
	"  PRIMARY KEY (company_id, kind, key));",

	/* 7: risk treatment on each asset (becomes dated work with an owner) */
	"ALTER TABLE asset ADD COLUMN treatment TEXT;"
	"ALTER TABLE asset ADD COLUMN action TEXT;"
	"ALTER TABLE asset ADD COLUMN treat_owner TEXT;"
	"ALTER TABLE asset ADD COLUMN treat_due TEXT;",

	/* 8: API tokens (only a hash of each token is kept) */
	"CREATE TABLE api_token ("
	"  id INTEGER PRIMARY KEY,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  token_hash BLOB NOT NULL UNIQUE,"
	"  label TEXT NOT NULL,"
	"  created_at TEXT NOT NULL DEFAULT (datetime('now')));",

	/* 9: sharing safely.  The install administrator is a stored flag (the
	 * first account was the administrator before); companies without an
	 * owner get the first account as owner, which opened them before.
	 * Company ids and versions come from counters that never go back, so a
	 * deleted company's id is never reused and a cached snapshot is never
	 * taken for another company's.  Advisers reach companies through
	 * support bodies: each adviser membership becomes a body of its own.
	 * Sessions are recreated with an id, address and browser (everyone
	 * signs in again once).  Invitations, the audit log and sign-in
	 * throttling shared by every server process. */
	"ALTER TABLE account ADD COLUMN admin INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE account ADD COLUMN disabled INTEGER NOT NULL DEFAULT 0;"
	"ALTER TABLE account ADD COLUMN email TEXT;"
	"ALTER TABLE account ADD COLUMN lang TEXT;"
	"ALTER TABLE account ADD COLUMN last_login TEXT;"
	"ALTER TABLE account ADD COLUMN login_key TEXT;"
	"UPDATE account SET login_key = lower(login);"
	"CREATE UNIQUE INDEX account_by_login_key ON account(login_key);"
	"UPDATE account SET admin = 1 WHERE id = (SELECT min(id) FROM account);"
	"INSERT INTO membership (company_id, account_id, role) "
	"  SELECT c.id, (SELECT min(id) FROM account), 'owner' FROM company c "
	"  WHERE EXISTS (SELECT 1 FROM account) "
	"    AND NOT EXISTS (SELECT 1 FROM membership m WHERE m.company_id = c.id AND m.role = 'owner') "
	"  ON CONFLICT (company_id, account_id) DO UPDATE SET role = 'owner';"
	"CREATE TABLE meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL);"
	"INSERT INTO meta (key, value) VALUES ('company_id', (SELECT coalesce(max(id), 0) FROM company));"
	"INSERT INTO meta (key, value) VALUES ('change', (SELECT coalesce(max(version), 0) + 1 FROM company));"
	"UPDATE company SET version = (SELECT value FROM meta WHERE key = 'change');"
	"CREATE TABLE body ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  name TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE body_adviser ("
	"  body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  since TEXT NOT NULL,"
	"  PRIMARY KEY (body_id, account_id));"
	"CREATE INDEX body_adviser_account ON body_adviser(account_id);"
	"CREATE TABLE body_company ("
	"  body_id INTEGER NOT NULL REFERENCES body(id) ON DELETE CASCADE,"
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  since TEXT NOT NULL,"
	"  PRIMARY KEY (body_id, company_id));"
	"CREATE INDEX body_company_company ON body_company(company_id);"
	"INSERT INTO body (id, name, created_at) "
	"  SELECT DISTINCT a.id, a.name, CURRENT_TIMESTAMP FROM account a "
	"  JOIN membership m ON m.account_id = a.id WHERE m.role = 'adviser';"
	"INSERT INTO body_adviser (body_id, account_id, since) SELECT id, id, created_at FROM body;"
	"INSERT INTO body_company (body_id, company_id, since) "
	"  SELECT m.account_id, m.company_id, CURRENT_TIMESTAMP FROM membership m WHERE m.role = 'adviser';"
	"DELETE FROM membership WHERE role = 'adviser';"
	"DROP TABLE session;"
	"CREATE TABLE session ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  token_hash BLOB NOT NULL UNIQUE,"
	"  account_id INTEGER NOT NULL REFERENCES account(id) ON DELETE CASCADE,"
	"  csrf TEXT NOT NULL,"
	"  created_at INTEGER NOT NULL,"
	"  last_seen INTEGER NOT NULL,"
	"  ip TEXT,"
	"  agent TEXT);"
	"CREATE INDEX session_account ON session(account_id);"
	"CREATE TABLE invitation ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  token_hash BLOB NOT NULL UNIQUE,"
	"  kind TEXT NOT NULL CHECK (kind IN ('member','adviser','client','reset')),"
	"  company_id INTEGER REFERENCES company(id) ON DELETE CASCADE,"
	"  body_id INTEGER REFERENCES body(id) ON DELETE CASCADE,"
	"  account_id INTEGER REFERENCES account(id) ON DELETE CASCADE,"
	"  role TEXT,"
	"  person_key TEXT,"
	"  note TEXT,"
	"  created_by INTEGER REFERENCES account(id) ON DELETE SET NULL,"
	"  created_at TEXT NOT NULL,"
	"  expires INTEGER NOT NULL,"
	"  used_at TEXT,"
	"  used_by INTEGER REFERENCES account(id) ON DELETE SET NULL,"
	"  revoked INTEGER NOT NULL DEFAULT 0);"
	"CREATE INDEX invitation_company ON invitation(company_id);"
	"CREATE INDEX invitation_body ON invitation(body_id);"
	"CREATE TABLE audit ("
	"  id INTEGER PRIMARY KEY AUTOINCREMENT,"
	"  at TEXT NOT NULL,"
	"  actor TEXT NOT NULL,"
	"  account_id INTEGER,"
	"  company_id INTEGER,"
	"  body_id INTEGER,"
	"  action TEXT NOT NULL,"
	"  target TEXT,"
	"  detail TEXT,"
	"  ip TEXT);"
	"CREATE INDEX audit_company ON audit(company_id, id);"
	"CREATE TABLE throttle ("
	"  key TEXT PRIMARY KEY,"
	"  failures INTEGER NOT NULL,"
	"  last_fail INTEGER NOT NULL,"
	"  locked_until INTEGER NOT NULL DEFAULT 0);"
	"ALTER TABLE consultation ADD COLUMN advice INTEGER NOT NULL DEFAULT 0;",

	/* 10: what lists and portfolios show of a company, kept when it is
	 * saved (and recomputed when read if its version is older than the
	 * company's), so that a list of thousands of companies reads one table.
	 * Overdue depends on the day: the working STEP's open due dates are
	 * kept and counted against today when read. */
	"CREATE TABLE company_summary ("
	"  company_id INTEGER PRIMARY KEY REFERENCES company(id) ON DELETE CASCADE,"
	"  version INTEGER NOT NULL,"
	"  current_step INTEGER NOT NULL,"
	"  working_step INTEGER NOT NULL,"
	"  score INTEGER,"
	"  unmet INTEGER NOT NULL,"
	"  officers INTEGER NOT NULL,"
	"  officers_needed INTEGER NOT NULL,"
	"  open_dues TEXT NOT NULL,"
	"  diagnosed_on TEXT,"
	"  step_since TEXT);",

	/* 11: recurring tasks, and mail: what was sent (so nothing is sent
	 * twice, also after a restart or from several servers), unsubscribe
	 * links and opt-outs, each company's digest schedule and the claims
	 * that let one server of many run a weekly job.  Times are UTC ISO
	 * 8601 text computed in C; weeks are ISO weeks ("2026-W48"). */
	"CREATE TABLE task_recur ("
	"  company_id INTEGER NOT NULL REFERENCES company(id) ON DELETE CASCADE,"
	"  task TEXT NOT NULL,"
	"  recur TEXT,"
	"  last_done TEXT,"
	"  PRIMARY KEY (company_id, task));"
	"CREATE TABLE mail_sent ("
	"  key TEXT PRIMARY KEY,"
	"  kind TEXT NOT NULL,"
	"  company_id INTEGER,"
	"  body_id INTEGER,"
	"  person_key TEXT,"
	"  rcpt TEXT NOT NULL,"
	"  week TEXT NOT NULL,"
	"  state TEXT NOT NULL CHECK (state IN ('sending','sent','failed')),"
	"  attempts INTEGER NOT NULL DEFAULT 0,"
	"  claimed_at TEXT NOT NULL,"
	"  sent_at TEXT,"
	"  audit_upto INTEGER NOT NULL DEFAULT 0,"
	"  error TEXT);"
	"CREATE INDEX mail_sent_person ON mail_sent(company_id, person_key);"
	"CREATE TABLE mail_token ("
	"  token_hash TEXT PRIMARY KEY,"
	"  addr TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  created_at TEXT NOT NULL);"
	"CREATE TABLE mail_optout ("
	"  addr TEXT NOT NULL,"
	"  kind TEXT NOT NULL,"
	"  at TEXT NOT NULL,"
	"  PRIMARY KEY (addr, kind));"
	"CREATE TABLE digest_schedule ("
	"  company_id INTEGER PRIMARY KEY REFERENCES company(id) ON DELETE CASCADE,"
	"  day INTEGER NOT NULL CHECK (day BETWEEN 1 AND 7),"
	"  hour INTEGER NOT NULL CHECK (hour BETWEEN 0 AND 23),"
	"  lang TEXT NOT NULL);"
	"CREATE TABLE mail_job ("
	"  job TEXT PRIMARY KEY,"
	"  week TEXT NOT NULL,"
	"  claimed_at TEXT NOT NULL);",
};

const char *const schema_tables[] = {
	"company", "company_it_use", "person", "person_experience", "person_role", "person_exam", "person_learning",
	"diagnosis", "diagnosis_answer", "task", "asset", "account", "membership", "session", "consultation",
	"calendar_feed", "policy_version", "policy_ack", "record", "api_token", "meta", "body", "body_adviser",
	"body_company", "invitation", "audit", "throttle", "company_summary", "task_recur", "mail_sent", "mail_token",
	"mail_optout", "digest_schedule", "mail_job", NULL,
};

const char *schema_migration(int n)
{
	if (n < 1 || n > schema_latest())
		return 0;
	return migrations[n - 1];
}

int schema_latest(void)
{
	return (int)(sizeof migrations / sizeof migrations[0]);
}
