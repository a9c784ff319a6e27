'use strict';
// Script injection: payloads typed into every text field a user can reach
// come back as text on every page that shows them, and never run.  The
// CSP would block inline script anyway, so the check is on the DOM too: no
// injected element exists, and the payload is readable as typed.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

const P = [
  '<script>window.__x=1</script>',
  '"><img src=x onerror=window.__x=1>',
  "'><svg onload=window.__x=1>",
  '<img src=x onerror=alert(1)>',
];
const LOGIN = '"><img/src=x/onerror=window.__x=1>';
const F = {
  owner: P[1],                         // account name (setup)
  company: `A社${P[0]}`,
  notes: `${P[2]} ${P[3]}`,
  company2: `B社${P[1]}`,
  quickName: `${P[2]}Q`,               // quick entry, with web experience: a candidate
  quickDept: `${P[0]}QD`,
  name: `${P[1]}N`,                    // the full person form
  dept: `${P[0]}D`,
  position: `${P[2]}P`,
  email: P[1],
  phone: P[1],
  pnotes: `${P[3]}${P[0]}`,
  partner: `${P[0]}W`,
  topic: `${P[1]}T`,
  cnotes: `${P[2]}C`,
  adviser: `${P[2]}A`,
};

let server, browser, page, seen, id, id2;

before(async () => {
  server = await h.startServer();
  browser = await h.launchBrowser();
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  page = await ctx.newPage();
  seen = h.watch(page);
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

async function send(button) {
  // type="email" must not stop the payload from reaching the server
  await page.$$eval('form', (fs) => fs.forEach((f) => { f.noValidate = true; }));
  const r = await h.submit(page, button);
  assert.ok(r.status() < 400, `${page.url()} answered ${r.status()}: ${await h.mainText(page)}`);
  return r;
}

test('payloads go into every text field', { timeout: h.TIMEOUT }, async () => {
  await h.setupOwner(page, server.setupUrl, { name: F.owner, login: 'owner@example.jp' });
  id = await h.createCompany(page, server.base, { name: F.company, notes: F.notes });
  const base = `${server.base}/c/${id}`;
  await h.quickPeople(page, [{ name: F.quickName, dept: F.quickDept, exp: ['web'] }]);
  await h.answerAll(page, h.typicalAnswer);
  await send(page.getByRole('button', { name: '答えを保存して結果を見る' }));

  await h.goto(page, `${base}/people`);
  const form = page.locator(`form[action="/c/${id}/people"]`);
  await form.locator('#name').fill(F.name);
  await form.locator('#department').fill(F.dept);
  await form.locator('#position').fill(F.position);
  await form.locator('#email').fill(F.email);
  await form.locator('#phone').fill(F.phone);
  await form.locator('#notes').fill(F.pnotes);
  await send(form.getByRole('button', { name: '追加する' }));
  assert.equal(page.url(), `${base}/people?saved=1`);

  // appoint the new person (p2) so they show on the learning page too
  await h.goto(page, `${base}/people/p2`);
  await page.selectOption('#role', 'officer');
  await send(page.getByRole('button', { name: '任命する' }));
  // and give them a task
  await h.goto(page, `${base}/plan`);
  await page.locator('#owner-task-1-1').selectOption('p2');
  await page.locator('#due-task-1-1').fill('2026-11-01');   // overdue: on the dashboard
  await send(page.locator('form[action$="/tasks"] .savebar button[type=submit]'));

  await h.goto(page, `${base}/help`);
  await page.fill('#partner', F.partner);
  await page.fill('#topic', F.topic);
  await page.fill('#notes', F.cnotes);
  await send(page.getByRole('button', { name: '記録する' }));

  // an officer and an employee join by invitation; the payloads are the
  // invitation's name, the account name and the login
  const l1 = await h.invite(page, base, { note: F.adviser, role: 'officer' });
  (await h.acceptNew(browser, l1, { name: F.adviser, login: LOGIN })).context().close();
  const l2 = await h.invite(page, base, { note: 'Employee', role: 'employee', person: 'p2' });
  (await h.acceptNew(browser, l2, { name: 'Employee', login: 'emp@example.jp' })).context().close();
  await h.invite(page, base, { note: F.name, role: 'employee' });   // pending: listed with its name

  id2 = await h.createCompany(page, server.base, { name: F.company2 });
  assert.deepEqual(seen.dialogs, [], 'no dialog while typing');
});

// What the page shows as text: visible text, the title, form values and
// the options of selects.
function shownText() {
  const parts = [document.title, document.body.innerText];
  for (const el of document.querySelectorAll('input, textarea'))
    parts.push(el.value);
  for (const el of document.querySelectorAll('option'))
    parts.push(el.textContent);
  return parts.join('\n');
}

function injected() {
  return [...document.querySelectorAll('script:not([src]), img[onerror], img[src="x"], svg[onload], [onload], [onerror]')]
    .map((e) => e.outerHTML.slice(0, 120));
}

test('every page shows the payloads as text and runs none of them', { timeout: h.TIMEOUT }, async () => {
  const c = `/c/${id}`;
  const pages = [
    ['/', [F.company, F.company2, F.owner]],
    [c, [F.company, F.name]],
    [`${c}/profile`, [F.company, F.notes]],
    [`${c}/onboard/people`, [F.quickName, F.name]],
    [`${c}/plan`, [F.quickName, F.name]],
    [`${c}/people`, [F.quickName, F.quickDept, F.name, F.dept, F.position]],
    [`${c}/people/p1`, [F.quickName, F.quickDept]],
    [`${c}/people/p2`, [F.name, F.dept, F.position, F.email, F.phone, F.pnotes]],
    [`${c}/learning`, [F.name]],
    [`${c}/help`, [F.partner, F.topic, F.cnotes, F.owner]],
    [`${c}/help/brief`, [F.company, F.notes]],
    [`${c}/members`, [F.owner, F.adviser, LOGIN, F.name]],
    [`/c/${id2}`, [F.company2]],
  ];
  const problems = [];
  for (const [path, want] of pages) {
    const r = await h.goto(page, server.base + path);
    if (r.status() !== 200) {
      problems.push(`${path}: status ${r.status()}`);
      continue;
    }
    const ran = await page.evaluate(() => window.__x);
    if (ran !== undefined)
      problems.push(`${path}: a payload ran (window.__x = ${ran})`);
    const els = await page.evaluate(injected);
    if (els.length)
      problems.push(`${path}: injected elements ${JSON.stringify(els)}`);
    const text = await page.evaluate(shownText);
    for (const w of want)
      if (!text.includes(w))
        problems.push(`${path}: does not show ${JSON.stringify(w)} as text`);
  }
  const blocked = seen.console.filter((m) => /Refused to (execute|load)/.test(m));
  h.noProblems(problems, 'payloads not shown as text, or run');
  assert.deepEqual(seen.dialogs, [], 'no dialog fired');
  assert.deepEqual(blocked, [], 'no injected script even reached the CSP');
  assert.deepEqual(seen.errors, [], 'no script errors');
});

test('the employee page shows the payloads as text', { timeout: h.TIMEOUT }, async () => {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  const p = await ctx.newPage();
  const s = h.watch(p);
  await h.login(p, server.base, 'emp@example.jp');
  assert.equal(p.url(), `${server.base}/c/${id}/me`);
  assert.equal(await p.evaluate(() => window.__x), undefined);
  assert.deepEqual(await p.evaluate(injected), []);
  assert.ok((await p.locator('header .company').innerText()).includes(F.company), 'the company name as text');
  assert.deepEqual(s.dialogs, []);
  await ctx.close();
});

test('xss: the server stops gracefully on SIGTERM (exit 0)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.hung, undefined, 'stopped within 15 s');
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
});
