'use strict';
// Issue 11's "done when": a new owner on a phone (390 px wide) goes from
// the setup link to a plan where every task has an owner and a due date —
// setup → profile → people → questions → result → plan — in at most six
// pages and forty fields, with minimal answers.  On the way: nothing
// scrolls sideways, the plan says what to do this week, and one save on the
// plan changes several tasks at once.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, page, seen;

before(async () => {
  server = await h.startServer();
  browser = await h.launchBrowser();
  const ctx = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });
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

async function noSidewaysScroll(what) {
  const w = await page.evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
  assert.ok(w[0] <= w[1], `${what} scrolls sideways at 390 px (${w[0]} > ${w[1]})`);
}

test('setup link to a plan with every task owned and dated: ≤ 6 pages, ≤ 40 fields, on a phone', { timeout: h.TIMEOUT }, async () => {
  let pages = 0;
  let fields = 0;
  page.on('framenavigated', (f) => { if (f === page.mainFrame()) pages++; });
  const fill = async (sel, v) => { fields++; await page.fill(sel, v); };
  const check = async (sel) => { fields++; await page.check(sel); };

  // 1. the setup link: the first account
  await h.goto(page, server.setupUrl);
  await noSidewaysScroll('the setup page');
  await fill('#name', '山田 太郎');
  await fill('#login', 'yamada@example.jp');
  await fill('#password', h.PASSWORD);
  await fill('#password2', h.PASSWORD);
  await h.submit(page, page.getByRole('button', { name: 'アカウントを作る' }));

  // 2. the profile
  assert.match(page.url(), /\/c\/new$/);
  await noSidewaysScroll('the profile');
  await fill('#name', '山田製作所');
  fields++;
  await page.selectOption('#industry', 'E');
  await fill('#employees', '25');
  await check('input[name=it_uses][value=email]');
  await h.submit(page, page.getByRole('button', { name: '次へ：社員を登録' }));
  const id = Number(page.url().match(/\/c\/(\d+)\/onboard\/people$/)[1]);

  // 3. people: three names, one with web experience
  await noSidewaysScroll('the people step');
  const nameBox = await page.locator('#name0').boundingBox();
  assert.ok(nameBox.width > 200, `the name box is usable on a phone (${Math.round(nameBox.width)} px wide)`);
  await fill('#name0', '佐藤 花子');
  await check('input[name=exp0][value=web]');
  await fill('#name1', '鈴木 一郎');
  await fill('#name2', '高橋 次郎');
  await h.submit(page, page.getByRole('button', { name: '登録して次へ：診断' }));

  // 4. questions: STEP1 only while STEP1 is not in place; "no" to each
  assert.ok(page.url().endsWith(`/c/${id}/onboard/diagnosis`), page.url());
  await noSidewaysScroll('the questions');
  const groups = await page.locator('div.question[role=group]').count();
  assert.equal(groups, 9, 'the first page of questions is STEP1 (3 checkpoints × 3 questions)');
  for (let i = 0; i < groups; i++) {
    fields++;
    await page.locator('div.question[role=group]').nth(i).getByText('いいえ', { exact: true }).click();
  }
  await h.submit(page, page.getByRole('button', { name: '答えを保存して結果を見る' }));

  // 5. the result: appoint the candidate, who takes the open tasks
  assert.ok(page.url().endsWith(`/c/${id}/onboard/result`), page.url());
  await noSidewaysScroll('the result');
  assert.equal(await page.locator('#appoint-person option:checked').innerText(), '佐藤 花子', 'the candidate is proposed');
  assert.ok(await page.locator('input[name=assign]').isChecked(), '"give them the open tasks" is on');
  await h.submit(page, page.getByRole('button', { name: '担当者に任命する' }));

  // 6. the plan: every task has an owner and a date; this week's actions
  assert.match(page.url(), new RegExp(`/c/${id}/plan\\?welcome=1`));
  await noSidewaysScroll('the plan');
  const tasks = page.locator('.tasks .task');
  const n = await tasks.count();
  assert.equal(n, 4, 'STEP1 has four tasks');
  for (let i = 0; i < n; i++) {
    const t = tasks.nth(i);
    const title = await t.locator('h3').innerText();
    assert.equal(await t.locator('select[name^=owner-] option:checked').innerText(), '佐藤 花子', `${title}: owned`);
    assert.match(await t.locator('input[type=date]').inputValue(), /^20\d\d-\d\d-\d\d$/, `${title}: dated`);
    assert.match(await t.locator('.task-facts').textContent(), /期限: 20\d\d-/, `${title}: the date is saved, not a suggestion`);
  }
  const week = await page.locator('#week').innerText();
  assert.match(week, /今週やること/);
  assert.match(week, /佐藤 花子 さんに担当のタスクと期限を伝え/, 'this week: tell the officer');
  assert.ok(pages <= 6, `at most six pages, not ${pages}`);
  assert.ok(fields <= 40, `at most forty fields, not ${fields}`);

  // the saved plan, as the API sees it: owner and due on every task
  const api = await page.context().request.get(`${server.base}/api/v1/companies/${id}/plan`);
  const plan = await api.json();
  for (const t of plan.tasks) {
    assert.equal(t.owner, 'p1', `${t.id} owned by p1`);
    assert.match(t.due || '', /^\d{4}-\d\d-\d\d$/, `${t.id} dated`);
  }

  // one save changes several tasks: two owners and one status at once
  await page.selectOption('#owner-task-1-2', { label: '鈴木 一郎' });
  await page.selectOption('#owner-task-1-3', { label: '高橋 次郎' });
  await page.selectOption('#status-task-1-1', 'doing');
  await h.submit(page, page.getByRole('button', { name: 'タスクをまとめて保存' }));
  const after = await (await page.context().request.get(`${server.base}/api/v1/companies/${id}/plan`)).json();
  const by = Object.fromEntries(after.tasks.map((t) => [t.id, t]));
  assert.equal(by['task-1-2'].owner, 'p2');
  assert.equal(by['task-1-3'].owner, 'p3');
  assert.equal(by['task-1-1'].status, 'doing');
  assert.equal(by['task-1-4'].owner, 'p1', 'the untouched task keeps its owner');

  // a bad date in one row: refused with the task named, nothing written
  await page.locator('#due-task-1-4').evaluate((el) => { el.type = 'text'; el.value = '2026-02-31'; });
  await page.selectOption('#owner-task-1-1', { label: '高橋 次郎' });
  const resp = await h.submit(page, page.getByRole('button', { name: 'タスクをまとめて保存' }));
  assert.equal(resp.status(), 400);
  assert.match(await page.locator('.errors').innerText(), /「.+」の期限/);
  const still = await (await page.context().request.get(`${server.base}/api/v1/companies/${id}/plan`)).json();
  assert.equal(still.tasks.find((t) => t.id === 'task-1-1').owner, 'p1', 'nothing written when one field is wrong');
  h.noProblems(seen.errors, 'script errors');
});

test('the plan says when a change is not saved yet (with script), and the page works without script', { timeout: h.TIMEOUT }, async () => {
  const id = 1;
  await h.goto(page, `${server.base}/c/${id}/plan`);
  const note = page.locator('.savebar [data-dirty]');
  assert.doesNotMatch(await note.innerText(), /保存していない/);
  await page.selectOption('#status-task-1-4', 'doing');
  assert.match(await note.innerText(), /まだ保存していない変更があります/);
  // without JavaScript: the same one form saves
  const ctx = await browser.newContext({ javaScriptEnabled: false, viewport: { width: 390, height: 844 } });
  try {
    const p2 = await ctx.newPage();
    await h.login(p2, server.base, 'yamada@example.jp');
    await h.goto(p2, `${server.base}/c/${id}/plan`);
    await p2.selectOption('#status-task-1-4', 'done');
    await h.submit(p2, p2.getByRole('button', { name: 'タスクをまとめて保存' }));
    // learning (task-1-4) comes back every year: done is recorded and the
    // next round opens, to do, a year on
    assert.match(p2.url(), /\/plan\?saved=next/);
    assert.match(await p2.locator('.notice').innerText(), /完了を記録しました/);
    assert.equal(await p2.locator('#status-task-1-4').inputValue(), 'todo');
    assert.match(await p2.locator('.task#task-1-4').innerText(), /前回の完了: 2026-11-25/);
  } finally {
    await ctx.close();
  }
});

test('an officer linked to a person sees their own tasks', { timeout: h.TIMEOUT }, async () => {
  const base = `${server.base}/c/1`;
  const link = await h.invite(page, base, { note: '佐藤 花子', role: 'officer', person: 'p1' });
  const off = await h.acceptNew(browser, link, { name: '佐藤 花子', login: 'sato@example.jp' });
  try {
    await h.goto(off, base);
    const mine = off.locator('main a[href$="/plan?mine=1#tasks"]');
    assert.match(await mine.innerText(), /あなたのタスク: 2 件/, 'the dashboard counts the officer\'s open tasks (task-1-1, and the next yearly round of task-1-4)');
    await h.submit(off, mine);
    assert.match(await off.locator('#tasks h2').innerText(), /自分のタスク/);
    const titles = await off.locator('.tasks .task h3').allInnerTexts();
    assert.equal(titles.length, 2, `only Sato's tasks: ${titles}`);
    for (const t of ['task-1-1', 'task-1-4'])
      assert.equal(await off.locator(`.task#${t}`).count(), 1, `${t} is Sato's`);
  } finally {
    await off.context().close();
  }
});
