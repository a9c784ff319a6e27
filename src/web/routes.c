/* routes.c — the one route table of the web face: every page and API
 * call, the method, what access it needs and its flags.  router.c enforces
 * the columns before any handler runs. */
#include "web/pages.h"

#define C RF_COMPANY
#define API (RF_API | RF_COMPANY)

const route_t routes[] = {
	{"GET", "/setup", ACC_PUBLIC, 0, h_setup},
	{"POST", "/setup", ACC_PUBLIC, RF_NO_CSRF, h_setup_post},
	{"GET", "/login", ACC_PUBLIC, 0, h_login},
	{"POST", "/login", ACC_PUBLIC, RF_NO_CSRF, h_login_post},
	{"POST", "/logout", ACC_USER, 0, h_logout},
	{"GET", "/", ACC_USER, 0, h_home},
	{"GET", "/c/new", ACC_USER, 0, h_company_new},
	{"POST", "/c/new", ACC_USER, 0, h_company_new_post},

	{"GET", "/c/:company", ACC_READ, C, h_dashboard},
	{"GET", "/c/:company/profile", ACC_READ, C, h_profile},
	{"POST", "/c/:company/profile", ACC_WRITE, C, h_profile_post},
	{"GET", "/c/:company/onboard/people", ACC_WRITE, C, h_onboard_people},
	{"POST", "/c/:company/onboard/people", ACC_WRITE, C, h_onboard_people_post},
	{"GET", "/c/:company/onboard/diagnosis", ACC_WRITE, C, h_onboard_diagnosis},
	{"POST", "/c/:company/onboard/diagnosis", ACC_WRITE, C, h_onboard_diagnosis_post},
	{"GET", "/c/:company/onboard/result", ACC_READ, C, h_result},
	{"GET", "/c/:company/diagnosis", ACC_READ, C, h_diagnosis},
	{"POST", "/c/:company/diagnosis", ACC_WRITE, C, h_diagnosis_post},
	{"GET", "/c/:company/plan", ACC_READ, C, h_plan},
	{"POST", "/c/:company/tasks/:task", ACC_WRITE, C, h_task_post},
	{"POST", "/c/:company/appoint", ACC_WRITE, C, h_appoint_post},
	{"GET", "/c/:company/people", ACC_READ, C, h_people},
	{"POST", "/c/:company/people", ACC_WRITE, C, h_people_post},
	{"GET", "/c/:company/people/:person", ACC_READ, C, h_person},
	{"POST", "/c/:company/people/:person", ACC_WRITE, C, h_person_post},
	{"POST", "/c/:company/people/:person/role", ACC_WRITE, C, h_person_role_post},
	{"POST", "/c/:company/people/:person/exam", ACC_WRITE, C, h_person_exam_post},
	{"POST", "/c/:company/people/:person/learning", ACC_WRITE, C, h_person_learning_post},
	{"POST", "/c/:company/people/:person/remove", ACC_WRITE, C, h_person_remove_post},
	{"GET", "/c/:company/learning", ACC_READ, C, h_learning},
	{"GET", "/c/:company/help", ACC_READ, C, h_help},
	{"POST", "/c/:company/help", ACC_READ, C, h_help_post},
	{"GET", "/c/:company/help/brief", ACC_READ, C, h_brief},
	{"GET", "/c/:company/reference", ACC_READ, C, h_reference},
	{"GET", "/c/:company/me", ACC_MEMBER, C, h_me},
	{"POST", "/c/:company/me/learning", ACC_MEMBER, C, h_me_learning_post},
	{"GET", "/c/:company/export", ACC_READ, C, h_export},
	{"GET", "/c/:company/export/:file", ACC_READ, C, h_export_file},
	{"POST", "/c/:company/export/feeds", ACC_WRITE, C, h_feed_add_post},
	{"POST", "/c/:company/export/feeds/:feed/revoke", ACC_WRITE, C, h_feed_revoke_post},
	{"GET", "/ics/:token", ACC_PUBLIC, 0, h_ics},
	{"GET", "/backup", ACC_ADMIN, 0, h_backup},
	{"GET", "/c/:company/members", ACC_OWNER, C, h_members},
	{"POST", "/c/:company/members", ACC_OWNER, C, h_members_post},

	{"GET", "/api/v1/catalog", ACC_USER, RF_API, api_catalog},
	{"GET", "/api/v1/companies", ACC_USER, RF_API, api_companies},
	{"GET", "/api/v1/companies/:company", ACC_READ, API, api_company},
	{"GET", "/api/v1/companies/:company/status", ACC_READ, API, api_status},
	{"GET", "/api/v1/companies/:company/plan", ACC_READ, API, api_plan},
	{"POST", "/api/v1/companies/:company/tasks/:task", ACC_WRITE, API, api_task},
	{"POST", "/api/v1/companies/:company/diagnosis", ACC_WRITE, API, api_diagnosis},
	{NULL, NULL, ACC_PUBLIC, 0, NULL},
};
