/* policy.c — see policy.h.  The wording is ours; the five headings follow
 * the structure of IPA's sample basic policy. */
#include <stdio.h>
#include <string.h>

#include "base/util.h"
#include "core/policy.h"

static bool uses(const m_company *co, const char *tag)
{
	for (size_t i = 0; i < co->n_it_uses; i++)
		if (str_eq(co->it_uses[i], tag))
			return true;
	return false;
}

static const m_person *holder(const m_company *co, const char *role)
{
	for (size_t i = 0; i < co->n_people; i++)
		if (person_has_role(&co->people[i], role, NULL))
			return &co->people[i];
	return NULL;
}

void policy_draft(const catalog *cat, const m_company *co, lang_t lang, date_t today, buf_t *out)
{
	(void)cat;
	bool en = lang == LANG_EN;
	bool personal = uses(co, "personal_data") || uses(co, "ec");
	bool cloud = uses(co, "cloud") || uses(co, "cloud_ops") || uses(co, "online_system");
	const m_person *lead = holder(co, "security_lead");
	char day[11];
	date_format(today, day);
	if (!en) {
		buf_printf(out, "情報セキュリティ基本方針\n\n");
		buf_printf(out, "%sは、お客様からお預かりした情報と、当社の事業を支える情報を、事故・災害・犯罪などの脅威から守ることを、"
				"経営の大切な務めと考えます。お客様と社会の信頼にこたえるため、全社で次のことに取り組みます。\n\n", co->name);
		buf_printf(out, "1. 経営者の責任\n経営者が先頭に立って情報セキュリティに取り組み、だれが・何を・いつまでに行うかを決め、"
				"必要な人と予算を用意します。取り組みは定期的に見直し、改善を続けます。\n\n");
		buf_printf(out, "2. 社内体制の整備\n情報セキュリティの責任者と担当者を置き、役割と権限をはっきりさせます。"
				"守るべきことを社内のルールとして定め、全員に知らせます。\n\n");
		buf_printf(out, "3. 従業員の取組み\n従業員は、情報セキュリティに必要な知識と技能を身につけ、ルールを守って仕事をします。"
				"会社は学ぶ機会を用意します。\n\n");
		buf_printf(out, "4. 法令及び契約上の要求事項の遵守\n情報セキュリティに関わる法令、規範、お客様との契約を守ります%s。\n\n",
			   personal ? "。とくに個人情報は、個人情報保護法にしたがって大切に扱います" : "");
		buf_printf(out, "5. 違反及び事故への対応\n違反や事故が起きたときは、すぐに報告を受けて適切に対応し、原因を調べて再発を防ぎます%s。\n\n",
			   cloud ? "。クラウドサービスなど外部に預けている情報も、委託先と協力して対応します" : "");
		buf_printf(out, "制定日: %s\n%s\n代表者: %s\n", day, co->name, lead ? lead->name : "");
	} else {
		buf_printf(out, "Basic Information Security Policy\n\n");
		buf_printf(out, "%s regards protecting the information our customers entrust to us, and the information our "
				"business runs on, from accidents, disasters and crime as a core duty of management. To keep the trust "
				"of our customers and of society, the whole company commits to the following.\n\n", co->name);
		buf_printf(out, "1. Management's responsibility\nManagement leads the work on information security, decides who does "
				"what by when, and provides the people and budget it needs. We review the work regularly and keep "
				"improving it.\n\n");
		buf_printf(out, "2. Internal structure\nWe appoint a person responsible for information security and officers to "
				"carry it out, with clear roles and authority. What must be protected is set down as company rules and "
				"made known to everyone.\n\n");
		buf_printf(out, "3. Employees' efforts\nEmployees gain the knowledge and skills information security requires and "
				"follow the rules in their work. The company gives them the chance to learn.\n\n");
		buf_printf(out, "4. Compliance with laws and contracts\nWe comply with the laws, norms and customer contracts that "
				"concern information security%s.\n\n",
			   personal ? ", and handle personal information with care under the Act on the Protection of Personal Information" : "");
		buf_printf(out, "5. Handling violations and incidents\nWhen a violation or an incident happens, it is reported at once "
				"and handled properly; we find the cause and prevent it from happening again%s.\n\n",
			   cloud ? ", working with our suppliers for information held in cloud services and other outside services" : "");
		buf_printf(out, "Established: %s\n%s\nRepresentative: %s\n", day, co->name, lead ? lead->name : "");
	}
}
