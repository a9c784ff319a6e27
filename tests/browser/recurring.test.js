'use strict';
// Issue 14: recurring work, done in the browser.  A monthly task that is
// overdue is completed on the plan page: the completion is recorded and the
// next round is there with its due date (one month after the old one), in
// the plan, in the calendar feed, and in the next weekly digest as it will
// be sent (the digest page); its schedule is set on that page.  The plan
// is one form: the task's fields are named by the task (status-task-1-1).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const h = require('./helpers');

let server, browser, page, seen, base;

const DOC = {
  format: 'secstep-company/1',
  company: { name: '山田製作所', industry: 'E', employees: 20 },
  people: [
    { id: 'p1', name: '山田 太郎', email: 'taro@example.jp', roles: [{ role: 'officer', time: 'concurrent' }] },
    { id: 'p2', name: '佐藤 花子' },
  ],
  checkpoints: { 'cp-1-1': 'no' },
  tasks: [
    { id: 'task-1-1', owner: 'p1', due: '2026-10-30', status: 'doing', recur: 'monthly' },
    { id: 'task-1-2', owner: 'p2', due: '2026-12-20', status: 'todo' },
  ],
};

function importDoc(db, env) {
  const file = path.join(os.tmpdir(), `secstep-recurring-${process.pid}.json`);
  fs.writeFileSync(file, JSON.stringify(DOC));
  try {
    // company 1: the document above; company 2: sample D (STEP4 at work,
    // its yearly drill of STEP3 marked done before it recurred)
    return h.cli(db, env, ['import', file, 'samples/company-d.json']);
  } finally {
    fs.rmSync(file, { force: true });
  }
}

before(async () => {
  server = await h.startServer({ prepare: importDoc });
  base = `${server.base}/c/1`;
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

test('a recurring task completed in the browser comes back with its next due date in the plan, the calendar and the next digest', async () => {
  await h.goto(page, `${base}/plan`);
  const row = page.locator('#task-1-1');
  assert.match(await row.innerText(), /毎月/, 'the plan shows that the task repeats monthly');
  assert.equal(await row.locator('select[name=recur-task-1-1]').inputValue(), 'monthly');
  assert.equal(await page.locator('select[name=recur-task-1-4]').inputValue(), 'yearly',
    'learning (task-1-4) repeats yearly by default (the guidebook\'s learning renewal)');

  // The default schedule, Monday 08:00, has passed this week (today is
  // Wednesday 2026-11-25) and nothing was sent: it goes today, shortly.
  await h.goto(page, `${base}/digest`);
  assert.match(await h.mainText(page), /次のお知らせ: 2026-11-25 水曜日 まもなく/, 'the next digest names the right weekday');
  // The schedule: Friday 09:00; the page shows the digest of that day.
  await page.selectOption('select[name=day]', '5');
  await page.selectOption('select[name=hour]', '9');
  await h.submit(page, page.locator('form[action$="/digest/schedule"] button'));
  let text = await h.mainText(page);
  assert.match(text, /保存しました/);
  assert.match(text, /2026-11-27 金曜日 09:00/, 'the next digest is on Friday 2026-11-27 at 09:00');
  const before = await page.locator('#preview').innerText();
  assert.match(before, /taro@example\.jp/);
  assert.match(before, /期限切れのタスク \(1\)\s*・OSやソフトウェアの更新（期限 2026-10-30）［毎月］/, `before: ${before}`);

  // Complete it on the plan page.
  await h.goto(page, `${base}/plan`);
  await page.locator('select[name=status-task-1-1]').selectOption('done');
  await h.submit(page, page.locator('.savebar button[type=submit]'));
  text = await h.mainText(page);
  assert.match(text, /完了を記録しました/, 'the page says the completion was recorded and the next round made');
  const after = page.locator('#task-1-1');
  assert.equal(await after.locator('input[name=due-task-1-1]').inputValue(), '2026-11-30', 'the next round is due a month after the old due date');
  assert.equal(await after.locator('select[name=status-task-1-1]').inputValue(), 'todo', 'the next round is to do');
  assert.match(await after.innerText(), /前回の完了: 2026-11-25/, 'the day it was done is shown');

  // The calendar feed has the next round.
  await h.goto(page, `${base}/export`);
  await h.submit(page, page.locator('form[action$="/export/feeds"] button'));
  const link = (await page.content()).match(/\/ics\/[0-9a-f]{48}\.ics/);
  assert.ok(link, 'a calendar link was made');
  const ics = await (await page.request.get(`${server.base}${link[0]}`)).text();
  const event = ics.split('BEGIN:VEVENT').find((v) => v.includes('UID:task-1-1-c1@secstep'));
  assert.ok(event, `the feed has the task: ${ics}`);
  assert.match(event, /DTSTART;VALUE=DATE:20261130/, 'on its new due date');
  assert.match(event.replace(/\r\n /g, ''), /SUMMARY:期限: OSやソフトウェアの更新 — 山田 太郎 \(毎月\)/);

  // The next digest has it as due soon, no longer overdue.
  await h.goto(page, `${base}/digest`);
  const later = await page.locator('#preview').innerText();
  assert.match(later, /2週間以内が期限のタスク \(1\)\s*・OSやソフトウェアの更新（期限 2026-11-30）［毎月］/, `after: ${later}`);
  assert.doesNotMatch(later, /期限切れのタスク/);

  h.noProblems(seen, 'recurring task pages');
});

test('the schedule form refuses a day out of range, naming the field', async () => {
  const token = await h.csrfToken(page);
  const res = await page.request.post(`${base}/digest/schedule`, { form: { csrf: token, day: '8', hour: '9', lang: 'ja' } });
  assert.equal(res.status(), 400);
  assert.match(await res.text(), /曜日/);
});

test('recurring work of an earlier STEP shows on the plan; one already done offers nothing to complete', async () => {
  await h.goto(page, `${server.base}/c/2/plan`);
  const card = page.locator('#recurring');
  assert.match(await card.innerText(), /定期的な作業[\s\S]*インシデントの対応手順・体制等の整備[\s\S]*毎年[\s\S]*期限: 2025-12-19[\s\S]*完了/);
  assert.equal(await card.locator('form').count(), 0, 'no "mark this round done" button for a task already done');
});

test('the dashboard\'s history table has each diagnosis with its STEP (the chart\'s figures)', async () => {
  await h.goto(page, `${server.base}/c/2`);
  // what changed since the diagnosis before, in words (not the answers' ids)
  const since = await page.locator('#since').innerText();
  assert.match(since, /STEP2 → STEP3/);
  assert.match(since, /セキュリティ対策の実行と見直し: 一部 → はい/, since);
  assert.match(since, /資産ベースのリスク分析: 未回答 → 一部/, since);
  assert.doesNotMatch(since, /partial|yes|unknown|→ -/, since);
  const rows = await page.locator('details.data', { hasText: '診断の推移' }).locator('tbody tr').allTextContents();
  assert.equal(rows.length, 2, `two diagnoses: ${rows}`);
  assert.match(rows[0], /2025-10-01\s*STEP2/);
  assert.match(rows[1], /2026-06-01\s*STEP3/);
});

// The dashboard's pieces are kept per version of the company; the
// re-diagnosis reminder counts the change log, which also grows without a
// new version (a download is logged), so it must be read each time.
test('the re-diagnosis reminder counts changes since the last diagnosis, downloads included, on every visit', async () => {
  const count = async () => {
    await h.goto(page, `${server.base}/c/2`);
    const box = await page.locator('#rediagnose').innerText();
    assert.match(box, /前回の診断（2026年6月1日|前回の診断（2026-06-01/, box);
    return Number(box.match(/その後の変更: (\d+) 件/)[1]);
  };
  const first = await count();
  assert.equal(await count(), first, 'a visit is not a change');
  const res = await page.request.get(`${server.base}/c/2/export/company.json`);
  assert.equal(res.status(), 200);
  assert.equal(await count(), first + 1, 'the download is in the count at once');
  const overdue = async () => page.locator('section.card', { hasText: '期限切れのタスク' }).last().innerText();
  assert.doesNotMatch(await overdue(), /2026-11-01/);
  // a change makes a new version: the pieces kept for the old one go
  await h.goto(page, `${server.base}/c/2/plan`);
  await page.fill('input[name=due-task-4-1]', '2026-11-01');
  await h.submit(page, page.locator('.savebar button[type=submit]'));
  assert.match(await h.mainText(page), /保存しました/);
  assert.ok(await count() > first + 1, 'the save is counted');
  assert.match(await overdue(), /2026年11月1日|2026-11-01/, 'the dashboard lists the task now overdue');
});
