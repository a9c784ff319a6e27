/* pages.h — the handlers of the route table (router.c) and what pages
 * share. */
#ifndef SECSTEP_PAGES_H
#define SECSTEP_PAGES_H

#include "core/rules.h"
#include "app/summary.h"
#include "web/web.h"

/* pages_auth.c */
void h_setup(req_t *r);
void h_setup_post(req_t *r);
void h_login(req_t *r);
void h_login_post(req_t *r);
void h_logout(req_t *r);
void check_account_fields(req_t *r, errs_t *e, const char *login, const char *name, const char *pw,
			  const char *pw2);
/* pages_home.c */
void h_home(req_t *r);
void h_company_new(req_t *r);
void h_company_new_post(req_t *r);
void h_profile(req_t *r);
void h_profile_post(req_t *r);
void onboard_header(req_t *r, int at);   /* the five onboarding steps, "at" current */
/* pages_onboard.c */
void h_onboard_people(req_t *r);
void h_onboard_people_post(req_t *r);
void h_onboard_diagnosis(req_t *r);
void h_onboard_diagnosis_post(req_t *r);
void h_diagnosis(req_t *r);
void h_diagnosis_post(req_t *r);
void h_result(req_t *r);
/* The self-check item asked by the same checkpoint question, or NULL
 * (its answer is recorded for both). */
const char *sd_twin_of_question(const char *question);
/* pages_dashboard.c */
void h_dashboard(req_t *r);
/* pages_plan.c */
void h_plan(req_t *r);
void h_task_post(req_t *r);
void h_tasks_post(req_t *r);
void h_appoint_post(req_t *r);
/* The plan page, with input errors (NULL for none) above the tasks. */
void plan_page(req_t *r, const errs_t *e);
/* The appoint form (candidate pre-selected, "assign the open tasks" on);
 * back = "welcome" ends onboarding on the plan's "this week". */
void appoint_form(req_t *r, const plan_t *p, const char *back);
/* The diagnosis page part and anchor where a checkpoint is answered. */
const char *cp_diagnosis_link(req_t *r, const cat_checkpoint *cp);
void plan_dedicated_card(req_t *r, const plan_t *p);   /* plan_dedicated.c */
/* pages_people.c */
void h_people(req_t *r);
void h_people_post(req_t *r);
void h_person(req_t *r);
void h_person_post(req_t *r);
void h_person_role_post(req_t *r);
void h_person_exam_post(req_t *r);
void h_person_learning_post(req_t *r);
void h_person_remove_post(req_t *r);
/* pages_me.c */
void h_me(req_t *r);
void h_me_learning_post(req_t *r);
/* pages_members.c: the owner's members, invitations and support bodies */
void h_members(req_t *r);
void h_members_invite_post(req_t *r);
void h_member_role_post(req_t *r);
void h_member_remove_post(req_t *r);
void h_member_reset_post(req_t *r);
void h_member_invite_revoke_post(req_t *r);
void h_company_body_post(req_t *r);
void h_company_body_end_post(req_t *r);
/* pages_digest.c: the weekly digest as it will be sent; unsubscribing */
void h_digest(req_t *r);
void h_digest_schedule_post(req_t *r);
void h_unsubscribe(req_t *r);
void h_unsubscribe_post(req_t *r);
/* pages_invite.c: one-time links (invitations, password resets) */
void h_invite(req_t *r);
void h_invite_register_post(req_t *r);
void h_invite_accept_post(req_t *r);
void h_reset(req_t *r);
void h_reset_post(req_t *r);
/* The full link for a one-time secret ("/invite/…"), for copying. */
const char *link_url(req_t *r, const char *path);
/* Makes a one-time link: fills out_path ("/invite/HEX" or "/reset/HEX"). */
bool invite_make(req_t *r, invite_t *inv, char *out_path, size_t len, errs_t *e);
/* Mails a link (an invitation, or a password reset when reset) to to when
 * mail is set up and to is an address; for_whom names the addressee.
 * Returns a notice for the page ("Also mailed to …"), or NULL when
 * nothing was sent (the page shows the link to copy either way). */
const char *link_mail(req_t *r, const char *to, const char *url, bool reset, const char *for_whom);
const char *role_label(const req_t *r, member_role_t role);
/* A confirmation page for a destructive action: the same form again with
 * confirm=1.  Returns true when the request already carries confirm=1. */
bool confirmed(req_t *r, const char *question_ja, const char *question_en, const char *button_ja,
	       const char *button_en, const char *back);
/* pages_admin.c: the install administrator */
void h_admin(req_t *r);
void h_admin_audit(req_t *r);
void h_admin_disable_post(req_t *r);
void h_admin_enable_post(req_t *r);
void h_admin_reset_post(req_t *r);
void h_admin_flag_post(req_t *r);
void h_admin_body_post(req_t *r);
void h_admin_body(req_t *r);
void h_admin_body_invite_post(req_t *r);
void h_admin_adviser_remove_post(req_t *r);
void h_admin_owner_invite_post(req_t *r);
/* pages_body.c: a support body's advisers and their portfolio */
void h_body(req_t *r);
void h_body_export(req_t *r);
void h_body_invite_post(req_t *r);
void h_body_owner_invite_post(req_t *r);
void h_body_invite_revoke_post(req_t *r);
/* pages_audit.c: the change log, the adviser's advice */
void h_audit(req_t *r);
void h_advice(req_t *r);
void h_advice_post(req_t *r);
/* One audit entry shown as a table row (pages_audit.c). */
void audit_rows(req_t *r, const audit_row *rows, size_t n, bool with_company);
/* pages_learning.c, pages_help.c, pages_reference.c */
void h_learning(req_t *r);
void h_help(req_t *r);
void h_help_post(req_t *r);
void h_help_entry(req_t *r);
void h_help_entry_post(req_t *r);
void h_brief(req_t *r);
void h_reference(req_t *r);
/* pages_policy.c */
void h_policy(req_t *r);
void h_policy_post(req_t *r);
void h_policy_approve_post(req_t *r);
void h_policy_publish_post(req_t *r);
void h_me_ack_post(req_t *r);
/* pages_registers.c */
void h_registers(req_t *r);
void h_register(req_t *r);
void h_register_post(req_t *r);
void h_register_remove_post(req_t *r);
void h_record(req_t *r);
void h_record_post(req_t *r);
/* pages_assets.c */
void h_assets(req_t *r);
void h_assets_post(req_t *r);
void h_assets_remove_post(req_t *r);
void h_asset(req_t *r);
void h_asset_post(req_t *r);
/* pages_account.c */
void h_account(req_t *r);
void h_account_name_post(req_t *r);
void h_account_password_post(req_t *r);
void h_session_end_post(req_t *r);
void h_sessions_end_others_post(req_t *r);
void h_token_post(req_t *r);
void h_token_revoke_post(req_t *r);
/* pages_export.c */
void h_export(req_t *r);
void h_export_file(req_t *r);
void h_feed_add_post(req_t *r);
void h_feed_revoke_post(req_t *r);
void h_ics(req_t *r);
void h_backup(req_t *r);
/* api.c */
void api_companies(req_t *r);
void api_company(req_t *r);
void api_status(req_t *r);
void api_plan(req_t *r);
void api_task(req_t *r);
void api_diagnosis(req_t *r);
void api_catalog(req_t *r);
void api_audit(req_t *r);
void api_portfolio(req_t *r);

/* portfolio.c: the companies of a support body (body > 0) or of an account
 * (account > 0), from the kept summaries, with the query's filters
 * (?industry= ?step= ?stale ?after=ID) and at most limit rows (0: all).
 * Caller frees *out.  false after showing a failure. */
bool portfolio_load(req_t *r, int64_t body, int64_t account, int limit, summary_row **out, size_t *n, size_t *total);

/* Shared helpers (pages_common.c). */
/* Whether the signed-in account may change this company (owner, officer);
 * pages show forms only then (the router enforces it regardless). */
bool can_write(const req_t *r);
const char *answer_name(const req_t *r, answer_t a);
const char *role_name(const req_t *r, const char *role);
const char *exp_name(const req_t *r, const char *tag);
const char *status_name(const req_t *r, task_status_t s);
const char *exam_status_name(const req_t *r, exam_status_t s);
const char *date_str(req_t *r, date_t d);   /* "" for DATE_NONE */
/* Select options of the company's people, the current one selected. */
void people_options(req_t *r, const char *selected, bool allow_none);
/* Answer radios for one item (name = item id). */
void answer_radios(req_t *r, const char *name, answer_t cur, bool with_na);
/* A destructive action behind a second step, without script: "label"
 * opens a short warning with the real button (POST to action, with one
 * optional hidden field).  Every text names what is removed. */
void confirm_form(req_t *r, const char *action, const char *label, const char *warning, const char *button,
		  const char *name, const char *value);
/* Applies the posted answers of the items on the page to a new (or today's)
 * diagnosis.  Returns the number of answers read. */
int apply_posted_answers(req_t *r, bool checkpoints, bool selfcheck);

#endif
