'use strict';
// Issue 5's acceptance test: the guidebook's company C (samples/company-c.json,
// at STEP2 and working on STEP3) is taken from STEP2 to STEP3 using the web
// pages alone.  The company is imported with the CLI before the server
// starts; from then on everything is done in the browser by the install's
// administrator (the first account, who may open every company): the plan's
// links for the open STEP3 checkpoints, the person pages (a dedicated officer
// and a security lead), the registers (organisation, suppliers, contacts,
// drills, systems) and the diagnosis.  A second test posts bad input to the
// register and asset forms: refused, the field named, nothing written; a
// third asks the register forms to name the field as the form shows it.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, page, seen, base;
const CID = 1;   // the first company of a fresh database
const COMPANY = 'サンプル資源商事株式会社';

before(async () => {
  let imported = '';
  server = await h.startServer({ prepare: (db, env) => { imported = h.importSample(db, env, 'company-c.json'); } });
  assert.match(imported, /会社 ID 1 \(サンプル資源商事株式会社, 15 人\)/, `the import: ${imported}`);
  base = `${server.base}/c/${CID}`;
  browser = await h.launchBrowser();
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  page = await ctx.newPage();
  seen = h.watch(page);
  await h.setupOwner(page, server.setupUrl, { name: '管理 一郎', login: 'admin@example.jp' });
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

function card(heading) {
  return page.locator('section.card', { has: page.locator('h2', { hasText: heading }) });
}

// The plan's "this STEP's checkpoints": [{title, met, link, href}].
async function planCheckpoints() {
  return card('この段階のチェックポイント').locator('li').evaluateAll((lis) => lis.map((li) => {
    const a = li.querySelector('a');
    return {
      title: li.childNodes[1] ? li.childNodes[1].textContent.replace(/—\s*$/, '').trim() : '',
      met: li.querySelector('.badge').classList.contains('good'),
      badge: li.querySelector('.badge').textContent,
      link: a ? a.textContent : null,
      href: a ? a.getAttribute('href') : null,
    };
  }));
}

// The staffing chart as {label: {has, needs}}.
async function staffing() {
  const texts = await page.locator('svg[aria-label="必要な人数と現在の人数"] text').allTextContents();
  const out = {};
  for (let i = 0; i + 1 < texts.length; i += 2) {
    const m = texts[i + 1].match(/^(\d+) \/ (\d+)$/);
    assert.ok(m, `staffing chart: label then "has / needs", got ${JSON.stringify(texts)}`);
    out[texts[i]] = { has: Number(m[1]), needs: Number(m[2]) };
  }
  return out;
}

// The "checkpoints met by your records" card of /registers: {title: {good, label}}.
async function evidence() {
  const lis = await card('記録から満たされるチェックポイント').locator('li').evaluateAll((els) => els.map((li) => {
    const b = li.querySelector('.badge');
    return [li.childNodes[1].textContent.trim(), { good: b.classList.contains('good'), label: b.textContent }];
  }));
  return Object.fromEntries(lis);
}

// The organisation-gaps table of /registers: {heading, rows: [[task, flag]]}.
async function gaps() {
  const c = card('タスクの担当に空きがないか');
  const heading = (await c.locator('h2').innerText()).trim();
  const rows = await c.locator('table tr').evaluateAll((trs) => trs.map((tr) =>
    [tr.cells[0].textContent.trim(), tr.cells[1].textContent.trim()]));
  return { heading, rows };
}

// The body rows of the register's table, as text (the "Remove" column aside).
async function tableRows() {
  return page.locator('main table tbody tr').evaluateAll((trs) => trs.map((tr) =>
    [...tr.cells].map((td) => td.textContent.trim()).join(' | ')));
}

// Fills the add form of /registers/KIND; values by field name: strings are
// typed (text, number, date), {label} or {value} picks an option.
async function fillRegister(kind, fields) {
  const form = page.locator(`form[action="/c/${CID}/registers/${kind}"]`);
  for (const [name, v] of Object.entries(fields)) {
    const el = form.locator(`[name="${name}"]`);
    if (typeof v === 'object')
      await el.selectOption(v);
    else
      await el.fill(v);
  }
}

async function addRecord(kind, fields) {
  assert.equal(new URL(page.url()).pathname, `/c/${CID}/registers/${kind}`, `on the ${kind} register`);
  await fillRegister(kind, fields);
  const r = await h.submit(page, page.locator(`form[action="/c/${CID}/registers/${kind}"]`).getByRole('button', { name: '追加する' }));
  assert.equal(r.status(), 200, `${kind}: the add form is accepted: ${await h.mainText(page)}`);
  // a drill, a restore test or a supplier check completes a round of
  // recurring work: the notice says the next round has its date
  const round = (kind === 'drills' && fields.date) || (kind === 'systems' && fields.restore_tested) ||
    (kind === 'suppliers' && fields.checked_on);
  assert.equal(page.url(), `${base}/registers/${kind}?saved=${round ? 'next' : '1'}`, `${kind}: back on the register after adding`);
  assert.match(await page.locator('.notice').innerText(), round ? /保存しました。この記録で定期的な作業の今回の分が済んだので、次の回の期限を決めました/ : /保存しました/);
}

// Appoints a person on their own page: click their name on /people, then
// the role form.
async function appoint(name, role, time, badge) {
  await h.goto(page, `${base}/people`);
  await h.submit(page, page.locator('main table a', { hasText: name }));
  assert.match(page.url(), new RegExp(`/c/${CID}/people/p\\d+$`), `${name}'s page`);
  assert.equal(await page.locator('main h1').innerText(), name);
  const form = page.locator('form[action$="/role"]', { has: page.locator('select#role') });
  await form.locator('#role').selectOption(role);
  await form.locator('#time').selectOption(time);
  await h.submit(page, form.getByRole('button', { name: '任命する' }));
  assert.match(page.url(), /\?saved=1$/, `appointing ${name} is saved`);
  const roles = await card('セキュリティの役割').locator('.badge').allInnerTexts();
  assert.ok(roles.includes(badge), `${name} now shows "${badge}": ${JSON.stringify(roles)}`);
}

test('the guidebook\'s company C is taken from STEP2 to STEP3 using these pages alone', { timeout: h.TIMEOUT }, async () => {
  // The administrator's start page leads to the imported company.
  await h.goto(page, server.base + '/');
  assert.equal(page.url(), base, 'the only company opens from the start page');
  assert.match(await page.locator('header').innerText(), new RegExp(COMPANY), 'company C by name');

  // 1. The plan: STEP3, four open checkpoints, each with the page that closes it.
  let r = await h.goto(page, `${base}/plan`);
  assert.equal(r.status(), 200);
  assert.match(await page.locator('main h1').innerText(), /^計画: STEP3 /);
  let cps = await planCheckpoints();
  assert.deepEqual(cps.map((c) => [c.title, c.met, c.href]), [
    ['体制の整備', false, `/c/${CID}/registers/organisation`],
    ['セキュリティ対策の実行と見直し', false, `/c/${CID}/diagnosis?part=step3#cp-3-2`],
    ['取引先/外部情報サービスの管理', false, `/c/${CID}/registers/suppliers`],
    ['インシデントの対応手順・体制等の整備', false, `/c/${CID}/registers/contacts`],
  ], `the plan's open STEP3 checkpoints: ${JSON.stringify(cps)}`);

  // The dashboard: STEP2 reached, working on STEP3, short of a dedicated officer and a lead.
  await h.goto(page, base);
  assert.equal(await page.locator('svg.gauge').getAttribute('aria-label'), '到達した STEP 2 / 4');
  assert.match(await card('いまの段階').innerText(), /取り組み中: STEP3 /);
  let staff = await staffing();
  assert.deepEqual(staff, { '担当者': { has: 2, needs: 2 }, '専任の担当者': { has: 0, needs: 1 }, '責任者': { has: 0, needs: 1 } },
    'company C before: short of a dedicated officer and a lead');

  // 2. People: a dedicated officer (Ishii, IT department) and a security lead (Maeda, director).
  await appoint('石井 直人', 'officer', 'dedicated', 'セキュリティ担当者・専任');
  await appoint('前田 隆', 'security_lead', 'concurrent', '情報セキュリティ責任者・兼務');
  await h.goto(page, `${base}/people`);
  assert.match(await page.locator('main table tr', { hasText: '石井 直人' }).innerText(), /セキュリティ担当者・専任/);
  assert.match(await page.locator('main table tr', { hasText: '前田 隆' }).innerText(), /情報セキュリティ責任者・兼務/);

  // 3. cp-3-1 体制の整備 → the organisation register: who does each STEP3 task, with a deputy.
  await h.goto(page, `${base}/registers`);
  let g = await gaps();
  assert.equal(g.heading, 'タスクの担当に空きがないか STEP3');
  assert.deepEqual(g.rows.map((x) => x[1]), Array(4).fill('一人だけ・副担当なし'),
    `before: each STEP3 task has its plan owner only: ${JSON.stringify(g.rows)}`);
  await h.goto(page, `${base}/plan`);
  await h.submit(page, card('この段階のチェックポイント').locator('li', { hasText: '体制の整備' }).locator('a').first());
  const org = [
    ['task-3-1', '岡田 修', '前田 隆'],
    ['task-3-2', '石井 直人', '岡田 修'],
    ['task-3-3', '長谷川 彩', '坂本 久美'],
    ['task-3-4', '岡田 修', '石井 直人'],
  ];
  for (const [task, who, deputy] of org)
    await addRecord('organisation', {
      task: { value: task }, person: { label: who }, raci: { label: '実行する人（R）' }, deputy: { label: deputy },
      authority: task === 'task-3-1' ? '体制案を作り、取締役会に諮る' : '',
    });
  const orgRows = await tableRows();
  assert.equal(orgRows.length, 4, `four organisation lines: ${JSON.stringify(orgRows)}`);
  for (const [, who, deputy] of org)
    assert.ok(orgRows.some((row) => row.includes(who) && row.includes('実行する人（R）') && row.includes(deputy)),
      `a line "${who}" R, deputy "${deputy}": ${JSON.stringify(orgRows)}`);

  // 4. cp-3-3 → suppliers: a cloud service with a confidentiality clause and a security check.
  await h.goto(page, `${base}/plan`);
  await h.submit(page, card('この段階のチェックポイント').locator('li', { hasText: '取引先/外部情報サービスの管理' }).locator('a').first());
  await addRecord('suppliers', {
    name: 'サンプル会計クラウド', service: '会計と請求書の作成', information: '取引先の口座情報、請求書',
    cloud: { label: 'はい' }, confidentiality: { label: 'はい' },
    security_check: 'ISMAP 登録と利用規約の秘密保持条項を確認し、管理者アカウントに多要素認証を設定した',
    checked_on: '2026-11-10', next_review: '2027-11-10',
  });
  const sup = await tableRows();
  assert.equal(sup.length, 1);
  assert.match(sup[0], /サンプル会計クラウド \| 会計と請求書の作成 \| 取引先の口座情報、請求書 \| はい \| はい \| ISMAP/);

  // 5. cp-3-4 → contacts: the internal chain and IPA's desk.
  await h.goto(page, `${base}/plan`);
  await h.submit(page, card('この段階のチェックポイント').locator('li', { hasText: 'インシデントの対応手順・体制等の整備' }).locator('a').first());
  await addRecord('contacts', { role: { label: '社内の連絡網' }, name: '岡田 修（情報システム課）', phone: '内線 210', order: '1',
    notes: '気づいたらすぐ' });
  await addRecord('contacts', { role: { label: 'IPA 企業組織向けサイバーセキュリティ相談窓口' }, name: 'サイバーセキュリティ相談窓口',
    organisation: 'IPA', order: '2', notes: '被害が疑われるとき' });
  const con = await tableRows();
  assert.equal(con.length, 2, `two contacts: ${JSON.stringify(con)}`);

  // 6. The drills and systems registers, from the registers overview.
  await h.goto(page, `${base}/registers`);
  await h.submit(page, card(/^記録$/).getByRole('link', { name: '訓練の記録' }));
  await addRecord('drills', { date: '2026-11-20', scenario: 'ランサムウェアで販売管理システムが止まった', participants: '管理本部、物流センター',
    findings: '夜間の連絡先が古かった' });
  assert.equal((await tableRows()).length, 1);
  await h.goto(page, `${base}/plan`);
  const drill = page.locator('.task#task-3-4');
  assert.match(await drill.innerText(), /毎年[\s\S]*前回の完了: 2026-11-20/, 'the drill is the yearly round of task-3-4, done on its date');
  assert.equal(await drill.locator('#due-task-3-4').inputValue(), '2027-11-20', 'the next drill is due a year later');
  await h.goto(page, `${base}/registers`);
  await h.submit(page, card(/^記録$/).getByRole('link', { name: 'システムの復旧目標とバックアップ' }));
  await addRecord('systems', { name: '販売管理システム', rto_hours: '24', rpo_hours: '12', backup: '毎晩 NAS と外部クラウドへ、7世代',
    restore: '手順書 R-01', restore_tested: '2026-11-18' });
  const sys = await tableRows();
  assert.equal(sys.length, 1);
  assert.match(sys[0], /^販売管理システム \| 24 \| 12 \| /, `RTO and RPO shown: ${sys[0]}`);

  // 7. The registers page: cp-3-3 and cp-3-4 met by the records, no gaps in STEP3.
  r = await h.goto(page, `${base}/registers`);
  assert.equal(r.status(), 200);
  const ev = await evidence();
  for (const t of ['取引先/外部情報サービスの管理', 'インシデントの対応手順・体制等の整備'])
    assert.deepEqual(ev[t], { good: true, label: '記録で満たしています' }, `${t} is met by the records: ${JSON.stringify(ev)}`);
  g = await gaps();
  assert.equal(g.heading, 'タスクの担当に空きがないか STEP3');
  assert.equal(g.rows.length, 4, `the four STEP3 tasks: ${JSON.stringify(g.rows)}`);
  for (const [t, flag] of g.rows)
    assert.equal(flag, 'OK', `organisation gap for "${t}"`);
  assert.equal(await card('タスクの担当に空きがないか').locator('.badge.good', { hasText: 'OK' }).count(), 4);
  const counts = await card(/^記録$/).locator('li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.querySelector('a').textContent, li.querySelector('.badge').textContent])));
  assert.deepEqual(counts, {
    '体制（だれが・どのタスクを）': '4', '取引先・外部サービス': '1', 'インシデントの連絡先': '2',
    'システムの復旧目標とバックアップ': '1', '訓練の記録': '1', 'インシデントの記録': '0', '情報資産とリスク': '0',
  });

  // The plan now: cp-3-3 and cp-3-4 met; cp-3-1 and cp-3-2 wait for the diagnosis.
  await h.goto(page, `${base}/plan`);
  cps = await planCheckpoints();
  assert.deepEqual(cps.map((c) => [c.title, c.met]), [
    ['体制の整備', false], ['セキュリティ対策の実行と見直し', false],
    ['取引先/外部情報サービスの管理', true], ['インシデントの対応手順・体制等の整備', true],
  ], `the plan after the records: ${JSON.stringify(cps)}`);

  // 8. cp-3-2 → the diagnosis: the STEP3 questions of cp-3-1 and cp-3-2 answered "はい".
  await h.submit(page, card('この段階のチェックポイント').locator('li', { hasText: 'セキュリティ対策の実行と見直し' }).locator('a'));
  assert.equal(page.url(), `${base}/diagnosis?part=step3#cp-3-2`, 'the link goes to the checkpoint\'s own questions');
  assert.equal(await page.locator('nav .parts a[aria-current="step"] strong').innerText(), 'STEP3', 'on the STEP3 part');
  let answered = 0;
  for (const cp of ['cp-3-1', 'cp-3-2']) {
    const groups = page.locator(`div.question[role=group][aria-labelledby^="q-${cp}-"]`);
    const n = await groups.count();
    assert.ok(n >= 1, `the ${cp} questions are on the page`);
    for (let i = 0; i < n; i++)
      await groups.nth(i).getByRole('radio', { name: 'はい', exact: true }).check();
    answered += n;
  }
  assert.equal(answered, 6, 'three questions each');
  await h.submit(page, page.getByRole('button', { name: '保存する', exact: true }));
  assert.equal(page.url(), `${base}/diagnosis?part=step3&saved=1`);
  assert.match(await page.locator('.notice').innerText(), /診断を保存しました/);
  for (const cp of ['cp-3-1', 'cp-3-2'])
    for (const q of ['q1', 'q2', 'q3'])
      assert.equal(await page.locator(`input[type=radio][name="${cp}-${q}"]:checked`).getAttribute('value'), 'yes', `${cp}-${q} kept as yes`);

  // 9. The dashboard: STEP3 reached, working on STEP4; the STEP3 staffing is in place.
  await h.goto(page, base);
  const gauge = page.locator('svg.gauge');
  assert.equal(await gauge.getAttribute('aria-label'), '到達した STEP 3 / 4', 'the gauge: STEP3 reached');
  const here = await gauge.locator('text', { hasText: 'いまここ' }).getAttribute('x');
  const step4 = await gauge.locator('text', { hasText: 'STEP4' }).getAttribute('x');
  assert.equal(here, step4, '"▲ いまここ" stands under STEP4');
  assert.match(await card('いまの段階').innerText(), /取り組み中: STEP4 /);
  staff = await staffing();
  for (const k of ['担当者', '専任の担当者', '責任者']) {
    assert.ok(staff[k], `the staffing chart has "${k}": ${JSON.stringify(staff)}`);
    assert.ok(staff[k].needs >= 1 && staff[k].has >= staff[k].needs, `"${k}" met: ${JSON.stringify(staff)}`);
  }
  assert.deepEqual([staff['担当者'], staff['専任の担当者'], staff['責任者']],
    [{ has: 3, needs: 2 }, { has: 1, needs: 1 }, { has: 1, needs: 1 }]);
  // (STEP4 asks for a CISO too: that is the next STEP's work.)

  // 10. The plan page is STEP4's.
  await h.goto(page, `${base}/plan`);
  assert.match(await page.locator('main h1').innerText(), /^計画: STEP4 /);

  assert.deepEqual(seen.dialogs, [], 'no dialogs');
  assert.deepEqual(seen.errors, [], 'no script errors');
});

// The error list of the open page: [text of each item].
async function errorItems() {
  return page.locator('main .errors[role=alert] li').allInnerTexts();
}

// Posts a form that the browser would stop (required, date inputs): the
// checks are the server's.
async function noValidate(form) {
  await form.evaluate((f) => { f.noValidate = true; });
}

test('bad input on the register and asset forms is refused, the field named, nothing written', { timeout: h.TIMEOUT }, async () => {
  const problems = [];
  // Each error item names the field: by the label of the form or by its name.
  const names = (items, label, field, what) => {
    if (!items.some((t) => t.includes(label) || new RegExp(`\\b${field}\\b`).test(t)))
      problems.push(`${what}: no error naming "${label}" (${field}); the errors: ${JSON.stringify(items)}`);
  };

  // suppliers: an empty name and a date that is no date.
  await h.goto(page, `${base}/registers/suppliers`);
  const supBefore = await tableRows();
  let form = page.locator(`form[action="/c/${CID}/registers/suppliers"]`);
  await form.locator('[name=service]').fill('名前のない取引先');
  await form.locator('[name=confidentiality]').selectOption({ label: 'はい' });
  await form.locator('[name=security_check]').fill('確認した');
  // A date input keeps only valid dates: make it a text box to type a bad one.
  await form.locator('[name=checked_on]').evaluate((el) => { el.type = 'text'; el.value = '2026-02-30'; });
  await noValidate(form);
  let resp = await h.submit(page, form.getByRole('button', { name: '追加する' }));
  assert.equal(resp.status(), 400, 'suppliers: refused');
  let items = await errorItems();
  names(items, '取引先・サービス名', 'name', 'suppliers, empty name');
  names(items, '確かめた日', 'checked_on', 'suppliers, bad date');
  if (items.length !== 2)
    problems.push(`suppliers: two errors expected, got ${JSON.stringify(items)}`);
  assert.deepEqual(await tableRows(), supBefore, 'suppliers: the table on the error page is unchanged');
  await h.goto(page, `${base}/registers/suppliers`);
  assert.deepEqual(await tableRows(), supBefore, 'suppliers: nothing written');

  // contacts: no name.
  await h.goto(page, `${base}/registers/contacts`);
  const conBefore = await tableRows();
  form = page.locator(`form[action="/c/${CID}/registers/contacts"]`);
  await form.locator('[name=role]').selectOption({ label: 'ITベンダー' });
  await form.locator('[name=phone]').fill('03-0000-0000');
  await noValidate(form);
  resp = await h.submit(page, form.getByRole('button', { name: '追加する' }));
  assert.equal(resp.status(), 400, 'contacts: refused');
  items = await errorItems();
  names(items, '名前・窓口', 'name', 'contacts, no name');
  if (items.length !== 1)
    problems.push(`contacts: one error expected, got ${JSON.stringify(items)}`);
  assert.deepEqual(await tableRows(), conBefore, 'contacts: the table on the error page is unchanged');
  await h.goto(page, `${base}/registers/contacts`);
  assert.deepEqual(await tableRows(), conBefore, 'contacts: nothing written');

  // assets: an empty name (the input is required: the browser would stop it).
  await h.goto(page, `${base}/assets`);
  const assetsBefore = await tableRows();
  form = page.locator(`form[action="/c/${CID}/assets"]`);
  await form.locator('#business').fill('営業');
  await noValidate(form);
  resp = await h.submit(page, form.getByRole('button', { name: '追加する' }));
  assert.equal(resp.status(), 400, 'assets: refused');
  items = await errorItems();
  names(items, '情報資産の名前', 'name', 'assets, empty name');
  if (items.length !== 1)
    problems.push(`assets: one error expected, got ${JSON.stringify(items)}`);
  assert.deepEqual(await tableRows(), assetsBefore, 'assets: the table on the error page is unchanged');
  await h.goto(page, `${base}/assets`);
  assert.deepEqual(await tableRows(), assetsBefore, 'assets: nothing written');

  // The overview's counts are those the first test left.
  await h.goto(page, `${base}/registers`);
  const counts = await card(/^記録$/).locator('li').evaluateAll((lis) =>
    Object.fromEntries(lis.map((li) => [li.querySelector('a').getAttribute('href').split('/').pop(), li.querySelector('.badge').textContent])));
  assert.equal(counts.suppliers, String(supBefore.filter((t) => !t.includes('まだ記録がありません')).length));
  assert.equal(counts.contacts, String(conBefore.filter((t) => !t.includes('まだ記録がありません')).length));
  assert.equal(counts.assets, '0');
  h.noProblems(problems, 'errors not named');
  assert.deepEqual(seen.errors, [], 'no script errors');
});

// Every other form of the Japanese pages (people, tasks, roles, exams,
// assets) names a bad field by the label the form shows and says what is
// wrong in Japanese ("情報資産の名前: 1〜200文字で入力してください").  The
// register forms should too: a user cannot be expected to know that
// "checked_on" is 確かめた日, nor read "missing".
test('the register forms name a bad field by its label, in Japanese, like the other forms', { timeout: h.TIMEOUT }, async () => {
  const problems = [];
  const check = (what, items, labels) => {
    if (items.length !== labels.length)
      problems.push(`${what}: ${labels.length} error(s) expected, got ${JSON.stringify(items)}`);
    for (const label of labels) {
      const item = items.find((t) => t.startsWith(`${label}: `));
      if (!item)
        problems.push(`${what}: no error starting with the form's label "${label}: "; the errors: ${JSON.stringify(items)}`);
      else if (/[a-z]{3,}/.test(item))
        problems.push(`${what}: the error for "${label}" is (partly) English on a Japanese page: ${JSON.stringify(item)}`);
    }
  };
  await h.goto(page, `${base}/registers/suppliers`);
  let form = page.locator(`form[action="/c/${CID}/registers/suppliers"]`);
  await form.locator('[name=checked_on]').evaluate((el) => { el.type = 'text'; el.value = '2026-02-30'; });
  let resp = await h.submit(page, form.getByRole('button', { name: '追加する' }));
  assert.equal(resp.status(), 400);
  check('suppliers (empty name, checked_on 2026-02-30)', await errorItems(), ['取引先・サービス名', '確かめた日']);

  await h.goto(page, `${base}/registers/contacts`);
  form = page.locator(`form[action="/c/${CID}/registers/contacts"]`);
  await form.locator('[name=order]').evaluate((el) => { el.type = 'text'; el.value = '100'; });
  resp = await h.submit(page, form.getByRole('button', { name: '追加する' }));
  assert.equal(resp.status(), 400);
  check('contacts (no name, order 100)', await errorItems(), ['名前・窓口', '連絡する順番']);
  h.noProblems(problems, 'register form errors not as the other forms give them');
});

test('step3: the server stops cleanly (exit 0, no sanitizer report)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.hung, undefined, 'stopped within 15 s');
  assert.doesNotMatch(r.stderr, /AddressSanitizer|LeakSanitizer|runtime error:/, 'no sanitizer report');
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
});
