'use strict';
// CSRF: with a valid session cookie but without the form's csrf field (or
// the API's X-CSRF-Token header), every state change is refused with 403
// and nothing changes; with the token it goes through.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, page, id, base, token;

before(async () => {
  server = await h.startServer();
  browser = await h.launchBrowser();
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  page = await ctx.newPage();
  id = await h.onboard(page, server.base, {
    setupUrl: server.setupUrl,
    company: { name: '山田製作所' },
    people: [{ name: '佐藤 花子', exp: ['web'] }, { name: '鈴木 一郎' }],
  });
  base = `${server.base}/c/${id}`;
  token = await h.csrfToken(page);
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

async function peopleNames() {
  await h.goto(page, `${base}/people`);
  return page.locator('main table tbody tr td:first-child a').allInnerTexts();
}

async function apiPlan() {
  const r = await page.request.get(`${server.base}/api/v1/companies/${id}/plan`);
  assert.equal(r.status(), 200);
  return r.json();
}

test('form posts without the csrf field are refused with 403 and change nothing', { timeout: h.TIMEOUT }, async () => {
  assert.match(token, /^[0-9a-f]{16,}$/, 'pages carry a csrf token');
  const before = await peopleNames();
  assert.deepEqual(before, ['佐藤 花子', '鈴木 一郎']);
  const membersBefore = await (async () => {
    await h.goto(page, `${base}/members`);
    return page.locator('main table tbody').innerText();
  })();

  const attempts = [
    [`${base}/people`, { name: '侵入者', department: 'x' }],
    [`${base}/people`, { name: '侵入者', csrf: 'deadbeef'.repeat(6) }],
    [`${base}/people?csrf=${token}`, { name: '侵入者' }],      // never from the query string
    [`${base}/tasks/task-1-1`, { owner: 'p1', due: '2026-12-01', status: 'doing' }],
    [`${base}/members/invite`, { note: '侵入者', role: 'owner' }],
    [`${base}/people/p1/remove`, {}],
    [`${base}/appoint`, { person: 'p2' }],
    [`${base}/profile`, { name: '乗っ取り', industry: 'E', employees: '1' }],
  ];
  for (const [url, form] of attempts) {
    const r = await page.request.post(url, { form, maxRedirects: 0 });
    assert.equal(r.status(), 403, `POST ${url} ${JSON.stringify(form)} without a valid csrf field`);
    assert.match(await r.text(), /CSRF/, 'the refusal says why');
  }

  assert.deepEqual(await peopleNames(), before, 'the people list is unchanged');
  const t = (await apiPlan()).tasks.find((x) => x.id === 'task-1-1');
  assert.equal(t.owner, null, 'task-1-1 still has no owner');
  assert.equal(t.status, 'todo');
  await h.goto(page, `${base}/members`);
  assert.equal(await page.locator('main table tbody').innerText(), membersBefore, 'no account was added');
  assert.ok(!(await h.mainText(page)).includes('侵入者'), 'no invitation was made');
  assert.ok(!(await page.locator('header .company').innerText()).includes('乗っ取り'), 'the profile is unchanged');

  // the same post with the token goes through (so the 403s above were the csrf check)
  const ok = await page.request.post(`${base}/people`, { form: { name: '田中 三郎', csrf: token }, maxRedirects: 0 });
  assert.equal(ok.status(), 303);
  assert.deepEqual(await peopleNames(), [...before, '田中 三郎']);
});

test('sign-out without the csrf field is refused', { timeout: h.TIMEOUT }, async () => {
  const r = await page.request.post(`${server.base}/logout`, { form: {}, maxRedirects: 0 });
  assert.equal(r.status(), 403);
  const still = await h.goto(page, base);
  assert.equal(still.status(), 200);
  assert.equal(page.url(), base, 'still signed in');
});

test('API writes need X-CSRF-Token; with it the plan comes back with the new owner', { timeout: h.TIMEOUT }, async () => {
  const url = `${server.base}/api/v1/companies/${id}/tasks/task-1-1`;
  const data = { owner: 'p1', due: '2026-12-01', status: 'doing' };
  let r = await page.request.post(url, { data });
  assert.equal(r.status(), 403, 'no X-CSRF-Token header');
  assert.match((await r.json()).error, /CSRF/);
  r = await page.request.post(url, { data, headers: { 'X-CSRF-Token': 'deadbeef'.repeat(6) } });
  assert.equal(r.status(), 403, 'a wrong X-CSRF-Token header');
  assert.equal((await apiPlan()).tasks.find((x) => x.id === 'task-1-1').owner, null, 'nothing changed');

  r = await page.request.post(url, { data, headers: { 'X-CSRF-Token': token } });
  assert.equal(r.status(), 200, await r.text());
  assert.match(r.headers()['content-type'], /^application\/json/);
  const plan = await r.json();
  const t = plan.tasks.find((x) => x.id === 'task-1-1');
  assert.deepEqual({ owner: t.owner, due: t.due, status: t.status }, data, 'the plan JSON has the new owner, due date and status');

  await h.goto(page, `${base}/plan`);
  assert.equal(await page.locator('#owner-task-1-1 option:checked').innerText(), '佐藤 花子', 'the plan page shows it');
  assert.equal(await page.locator('#status-task-1-1 option:checked').innerText(), '進行中');
});

test('csrf: the server stops gracefully on SIGTERM (exit 0)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.hung, undefined, 'stopped within 15 s');
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
});
