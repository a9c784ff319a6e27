'use strict';
// Who sees what: the owner invites an employee (linked to a person); a
// support body's adviser offers support and the owner agrees; the employee
// sees only their own page, the adviser reads the company their body looks
// after and nothing of another company.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, owner, id1, id2;
const titles = {};

async function newPage() {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  return ctx.newPage();
}

before(async () => {
  server = await h.startServer();
  browser = await h.launchBrowser();
  owner = await newPage();
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

async function setTask(page, base, task, label, due) {
  await h.goto(page, `${base}/plan`);
  titles[task] = (await page.locator(`.task#${task} h3`).innerText()).trim();
  await h.setTask(page, task, { owner: label, due });
  assert.equal(await page.locator(`#owner-${task} option:checked`).innerText(), label);
}

test('the owner sets up a company, two accounts and a second company', { timeout: h.TIMEOUT }, async () => {
  id1 = await h.onboard(owner, server.base, {
    setupUrl: server.setupUrl,
    owner: { name: '山田 太郎', login: 'yamada@example.jp' },
    company: { name: '山田製作所' },
    people: [{ name: '佐藤 花子', dept: '総務部', exp: ['web'] }, { name: '鈴木 一郎', dept: '営業部' }, { name: '高橋 次郎', dept: '製造部' }],
  });
  const base = `${server.base}/c/${id1}`;
  await setTask(owner, base, 'task-1-1', '鈴木 一郎', '2026-12-15');
  await setTask(owner, base, 'task-1-2', '佐藤 花子', '2026-11-01');

  // the employee joins by an invitation linked to their person record
  const link = await h.invite(owner, base, { note: '鈴木 一郎', role: 'employee', person: 'p2' });
  assert.match(link, /^http:\/\/127\.0\.0\.1:\d+\/invite\/[0-9a-f]{48}$/, 'a link to copy');
  const emp = await h.acceptNew(browser, link, { name: '鈴木 一郎', login: 'suzuki@example.jp' });
  assert.equal(emp.url(), `${base}/me`, 'the new employee lands on their own page');
  await emp.context().close();

  // the first account administers the install: a support body, its adviser
  await h.goto(owner, `${server.base}/admin`);
  await owner.fill('#name', '中央商工会議所');
  await h.submit(owner, owner.getByRole('button', { name: '支援機関を作る' }));
  await owner.fill('#note', '商工会議所 田中');
  await h.submit(owner, owner.getByRole('button', { name: '支援者の招待リンクを作る' }));
  const advLink = (await owner.locator('.notice code').innerText()).trim();
  const adv = await h.acceptNew(browser, advLink, { name: '商工会議所 田中', login: 'tanaka@cci.example.jp' });
  assert.match(adv.url(), /\/b\/\d+$/, 'the adviser lands on the body\'s portfolio');
  // the adviser offers support; the owner agrees for company 1
  await adv.fill('#note', '山田製作所');
  await h.submit(adv, adv.getByRole('button', { name: '支援の申し出のリンクを作る' }));
  const offer = (await adv.locator('.notice code').innerText()).trim();
  await adv.context().close();
  await h.goto(owner, offer);
  await owner.selectOption('#company', String(id1));
  await h.submit(owner, owner.getByRole('button', { name: 'このアカウントで受ける' }));
  assert.equal(owner.url(), `${base}/members?saved=1`);

  const rows = owner.locator('main table tbody tr');
  const empRow = await rows.filter({ hasText: 'suzuki@example.jp' }).locator('td').allInnerTexts();
  assert.equal(empRow[0], '鈴木 一郎');
  assert.equal(empRow[1], 'suzuki@example.jp');
  assert.equal(empRow[3], '鈴木 一郎', 'the employee, linked to the person');
  assert.equal(await rows.filter({ hasText: 'suzuki@example.jp' }).locator('select[name=role] option:checked').innerText(), '従業員');
  assert.match(await h.mainText(owner), /中央商工会議所/, 'the support body is listed');

  // a second company of the same owner; the adviser is not a member of it
  id2 = await h.createCompany(owner, server.base, { name: '秘密商事', industry: 'I', employees: 8 });
  assert.notEqual(id2, id1);
  await h.quickPeople(owner, [{ name: '秘密 太郎', exp: ['it_dept'] }]);
});

test('an employee lands on their own page and sees nobody else', { timeout: h.TIMEOUT }, async () => {
  const page = await newPage();
  await h.login(page, server.base, 'suzuki@example.jp');
  assert.equal(page.url(), `${server.base}/c/${id1}/me`, 'the employee lands on /me');
  assert.equal(await page.locator('h1').innerText(), 'わたしのページ');
  const mine = await page.locator('section.card', { has: page.locator('h2', { hasText: 'わたしのタスク' }) }).innerText();
  assert.ok(mine.includes(titles['task-1-1']), `their own task is listed: ${mine}`);
  assert.ok(mine.includes('2026-12-15'), 'with its due date');
  assert.ok(!mine.includes(titles['task-1-2']), 'not a colleague\'s task');
  assert.equal(await page.locator('header nav').count(), 0, 'no company navigation for employees');

  for (const path of ['', '/plan', '/people', '/people/p1', '/learning', '/diagnosis', '/help', '/help/brief', '/reference', '/members', '/profile']) {
    const r = await h.goto(page, `${server.base}/c/${id1}${path}`);
    assert.equal(page.url(), `${server.base}/c/${id1}/me`, `/c/${id1}${path} sends the employee to /me`);
    assert.equal(r.status(), 200);
    const text = await page.locator('body').innerText();
    for (const other of ['佐藤', '高橋', '秘密'])
      assert.ok(!text.includes(other), `/c/${id1}${path}: the employee sees "${other}"`);
  }
  for (const path of [`/c/${id2}`, `/c/${id2}/me`, `/c/${id2}/plan`]) {
    const r = await h.goto(page, server.base + path);
    assert.equal(r.status(), 404, `${path} does not exist for the employee`);
    assert.ok(!(await page.locator('body').innerText()).includes('秘密'), `${path} shows nothing of company 2`);
  }
  for (const path of [`/api/v1/companies/${id1}`, `/api/v1/companies/${id1}/status`, `/api/v1/companies/${id1}/plan`]) {
    const r = await page.request.get(server.base + path);
    assert.equal(r.status(), 403, `${path}: employees may not read the company data`);
    assert.ok(!(await r.text()).includes('佐藤'));
  }
  // the employee can record their own learning
  await h.goto(page, `${server.base}/c/${id1}/me`);
  await page.selectOption('#resource', { index: 0 });
  await h.submit(page, page.getByRole('button', { name: '記録する' }));
  assert.equal(page.url(), `${server.base}/c/${id1}/me?saved=1`);
  assert.match(await page.locator('.notice').innerText(), /記録しました/);
  await page.context().close();
});

test('an adviser reads their company and gets 404 for another one', { timeout: h.TIMEOUT }, async () => {
  const page = await newPage();
  await h.login(page, server.base, 'tanaka@cci.example.jp');
  assert.equal(new URL(page.url()).pathname, '/', 'an adviser lands on the list of companies');
  const list = await page.locator('main table#companies').innerText();
  assert.ok(list.includes('山田製作所'), 'company 1 is listed');
  assert.ok(!list.includes('秘密商事'), 'company 2 is not listed');

  for (const path of ['', '/plan', '/people', '/learning', '/diagnosis', '/help', '/help/brief', '/reference']) {
    const r = await h.goto(page, `${server.base}/c/${id1}${path}`);
    assert.equal(r.status(), 200, `the adviser reads /c/${id1}${path}`);
    assert.equal(page.url(), `${server.base}/c/${id1}${path}`);
  }
  const api = await page.request.get(`${server.base}/api/v1/companies/${id1}/status`);
  assert.equal(api.status(), 200, 'the adviser reads the status through the API');

  const members = await h.goto(page, `${server.base}/c/${id1}/members`);
  assert.equal(members.status(), 403, 'members are for the owner only');

  // the diagnosis reads as answers, not as a form that cannot be saved
  await h.goto(page, `${server.base}/c/${id1}/diagnosis?part=step1`);
  assert.equal(await page.locator('main input[type=radio]').count(), 0, 'an adviser sees no answer buttons');
  assert.equal(await page.locator('main form[action$="/diagnosis"]').count(), 0, 'and no diagnosis form');
  assert.match(await page.locator('.question#cp-1-1-q1').innerText(), /答え: /, 'each question shows its answer');

  // reading is not writing: the plan's task form is refused
  await h.goto(page, `${server.base}/c/${id1}/plan`);
  assert.equal(await page.locator('#owner-task-1-3').count(), 0, 'an adviser sees no task form');
  assert.match(await page.locator('.task#task-1-3 .task-facts').innerText(), /担当: 未定/, 'but reads who holds the task');
  const csrf = await h.csrfToken(page);
  const denied = await page.request.post(`${server.base}/c/${id1}/tasks`, { form: { 'owner-task-1-3': 'p1', csrf }, maxRedirects: 0 });
  assert.equal(denied.status(), 403, 'an adviser cannot change the plan');
  const plan = await (await page.request.get(`${server.base}/api/v1/companies/${id1}/plan`)).json();
  assert.equal(plan.tasks.find((t) => t.id === 'task-1-3').owner, null, 'task-1-3 still has no owner');

  for (const path of [`/c/${id2}`, `/c/${id2}/plan`, `/c/${id2}/people`, `/api/v1/companies/${id2}/status`, `/api/v1/companies/${id2}`]) {
    const r = await page.request.get(server.base + path, { maxRedirects: 0 });
    assert.equal(r.status(), 404, `${path} is 404 for an adviser of company ${id1} only`);
    assert.ok(!(await r.text()).includes('秘密'), `${path} reveals nothing of company 2`);
  }
  const r = await h.goto(page, `${server.base}/c/${id2}`);
  assert.equal(r.status(), 404);
  assert.match(await h.mainText(page), /見つからないか、あなたの担当ではありません/);
  await page.context().close();
});

test('the owner\'s list of companies shows each one\'s overdue count', { timeout: h.TIMEOUT }, async () => {
  await h.goto(owner, `${server.base}/`);
  assert.equal(new URL(owner.url()).pathname, '/', 'two companies: the owner gets the list');
  const rows = owner.locator('main table#companies tbody tr');
  assert.equal(await rows.count(), 2);
  const r1 = await rows.filter({ hasText: '山田製作所' }).locator('td').allInnerTexts();
  const r2 = await rows.filter({ hasText: '秘密商事' }).locator('td').allInnerTexts();
  // columns: company, your role, STEP, officers, overdue, unmet
  assert.equal(r1[1], '経営者');
  assert.equal(r1[4], '1', `company 1 has one overdue task; the cell shows ${JSON.stringify(r1[4])}`);
  assert.equal(r2[4], '0', `company 2 has none; the cell shows ${JSON.stringify(r2[4])}`);
});

test('roles: the server stops gracefully on SIGTERM (exit 0)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.hung, undefined, 'stopped within 15 s');
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
});
