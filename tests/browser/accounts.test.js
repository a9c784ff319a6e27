'use strict';
// An account's life: the one-time setup link cannot be spent twice (even by
// requests sent at once); sign-in locks by the login as compared (any
// case); state changes from another site are refused; a password change
// needs the old one and ends the other sessions; sessions can be listed
// and ended; the owner changes a member's role, removes a member after
// confirming (never the last owner) and makes a password reset link that
// works once; a method the page does not take answers 405 with Allow.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const h = require('./helpers');

let server, browser, owner, id, dbPath;
const NEWPW = 'a quite different phrase';

async function newPage() {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  return ctx.newPage();
}

before(async () => {
  server = await h.startServer({ prepare: async (db) => { dbPath = db; } });
  browser = await h.launchBrowser();
  owner = await newPage();
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

test('the setup link works once, even for requests sent at the same moment', { timeout: h.TIMEOUT }, async () => {
  const token = new URL(server.setupUrl).searchParams.get('token');
  const posts = [];
  for (let i = 0; i < 8; i++) {
    posts.push(fetch(`${server.base}/setup`, {
      method: 'POST', redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token, name: `管理者${i}`, login: `admin${i}@example.jp`, password: h.PASSWORD, password2: h.PASSWORD }),
    }).then((r) => r.status));
  }
  const statuses = await Promise.all(posts);
  assert.equal(statuses.filter((s) => s === 303).length, 1, `exactly one account is made: ${statuses}`);
  assert.equal(statuses.filter((s) => s === 403).length, 7, `the others are refused: ${statuses}`);
  const users = JSON.parse(execFileSync(h.BIN, ['--db', dbPath, '--json', 'user', 'list'], { encoding: 'utf8' }));
  assert.equal(users.length, 1);
  assert.equal(users[0].admin, true, 'the first account is the administrator');
  const again = await fetch(server.setupUrl);
  assert.equal(again.status, 404, 'the link is spent');
});

test('the first owner and a company; an officer joins by invitation', { timeout: h.TIMEOUT }, async () => {
  const users = JSON.parse(execFileSync(h.BIN, ['--db', dbPath, '--json', 'user', 'list'], { encoding: 'utf8' }));
  await h.login(owner, server.base, users[0].login);
  id = await h.createCompany(owner, server.base, { name: '鈴木精機' });
  await h.quickPeople(owner, [{ name: '鈴木 一郎' }, { name: '田中 花子' }]);
  const link = await h.invite(owner, `${server.base}/c/${id}`, { note: '田中 花子', role: 'officer', person: 'p2' });
  const officer = await h.acceptNew(browser, link, { name: '田中 花子', login: 'Tanaka@Example.jp' });
  assert.equal(officer.url(), `${server.base}/c/${id}`, 'the officer lands on the dashboard');
  await officer.context().close();
});

test('sign-in is locked by the login as compared, whatever its case', { timeout: h.TIMEOUT }, async () => {
  const page = await newPage();
  for (const login of ['tanaka@example.jp', 'TANAKA@example.jp', 'Tanaka@Example.JP', 'tanaka@EXAMPLE.jp', 'TANAKA@EXAMPLE.JP']) {
    const r = await h.login(page, server.base, login, 'not the password');
    assert.equal(r.status(), 401);
  }
  const r = await h.login(page, server.base, 'tAnAkA@example.jp');
  assert.equal(r.status(), 429, 'the right password in yet another case is refused while locked');
  await page.context().close();
});

test('a state change sent from another site is refused', { timeout: h.TIMEOUT }, async () => {
  const csrf = await h.csrfToken(owner);
  const cookies = await owner.context().cookies();
  const sid = cookies.find((c) => c.name === 'sid').value;
  const r = await fetch(`${server.base}/c/${id}/people`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `sid=${sid}`, origin: 'http://evil.example' },
    body: new URLSearchParams({ csrf, name: '侵入者' }),
  });
  assert.equal(r.status, 403);
  const same = await fetch(`${server.base}/c/${id}/people`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `sid=${sid}`, origin: server.base },
    body: new URLSearchParams({ csrf, name: '山本 三郎' }),
  });
  assert.equal(same.status, 303, 'from our own pages it goes through');
});

test('changing the password needs the old one and ends the other sessions', { timeout: h.TIMEOUT }, async () => {
  const users = JSON.parse(execFileSync(h.BIN, ['--db', dbPath, '--json', 'user', 'list'], { encoding: 'utf8' }));
  const other = await newPage();
  await h.login(other, server.base, users[0].login);
  await h.goto(owner, `${server.base}/account`);
  assert.match(await h.mainText(owner), /このブラウザ.*ほかの場所/, 'both sessions are listed');
  await owner.fill('#old', 'wrong old password');
  await owner.fill('#password', NEWPW);
  await owner.fill('#password2', NEWPW);
  const bad = await h.submit(owner, owner.getByRole('button', { name: 'パスワードを変える' }));
  assert.equal(bad.status(), 400);
  assert.match(await h.mainText(owner), /いまのパスワード: 違います/);
  await owner.fill('#old', h.PASSWORD);
  await owner.fill('#password', users[0].login);
  await owner.fill('#password2', users[0].login);
  const same = await h.submit(owner, owner.getByRole('button', { name: 'パスワードを変える' }));
  assert.equal(same.status(), 400, 'the login as password is refused');
  await owner.fill('#old', h.PASSWORD);
  await owner.fill('#password', NEWPW);
  await owner.fill('#password2', NEWPW);
  const ok = await h.submit(owner, owner.getByRole('button', { name: 'パスワードを変える' }));
  assert.equal(ok.status(), 200);
  assert.match(await h.mainText(owner), /パスワードを変えました/);
  const r = await h.goto(other, `${server.base}/c/${id}`);
  assert.match(other.url(), /\/login/, 'the other session ended');
  assert.equal(r.status(), 200);
  const again = await h.login(other, server.base, users[0].login, NEWPW);
  assert.equal(again.status(), 200, 'the new password works');
  // end that session from the first browser
  await h.goto(owner, `${server.base}/account`);
  await h.submit(owner, owner.locator('form[action$="/end"] button').first());
  await h.goto(other, `${server.base}/account`);
  assert.match(other.url(), /\/login/, 'the session ended from the list');
  await other.context().close();
});

test('the owner changes a role, removes a member after confirming, never the last owner', { timeout: h.TIMEOUT }, async () => {
  const base = `${server.base}/c/${id}`;
  await h.goto(owner, `${base}/members`);
  const row = owner.locator('main table tbody tr', { hasText: 'Tanaka@Example.jp' });
  await row.locator('select[name=role]').selectOption('employee');
  await h.submit(owner, row.getByRole('button', { name: /変える/ }));
  assert.equal(owner.url(), `${base}/members?saved=1`);
  assert.equal(await owner.locator('main table tbody tr', { hasText: 'Tanaka@Example.jp' }).locator('select[name=role] option:checked').innerText(), '従業員');
  // the only owner cannot step down or leave
  const me = owner.locator('main table tbody tr').first();
  await me.locator('select[name=role]').selectOption('officer');
  const down = await h.submit(owner, me.getByRole('button', { name: /変える/ }));
  assert.equal(down.status(), 400);
  assert.match(await h.mainText(owner), /経営者が少なくとも一人必要/);
  const leave = await h.submit(owner, owner.locator('main table tbody tr').first().getByRole('button', { name: /外す/ }));
  assert.equal(leave.status(), 400);
  // a password reset link for the member (who has no other relation)
  await h.goto(owner, `${base}/members`);
  await h.submit(owner, owner.locator('main table tbody tr', { hasText: 'Tanaka@Example.jp' }).getByRole('button', { name: /パスワード再設定/ }));
  const link = (await owner.locator('.notice code').innerText()).trim();
  assert.match(link, /\/reset\/[0-9a-f]{48}$/);
  const p = await newPage();
  await h.goto(p, link);
  await p.fill('#password', NEWPW);
  await p.fill('#password2', NEWPW);
  await h.submit(p, p.getByRole('button', { name: 'パスワードを変える' }));
  assert.match(await h.mainText(p), /パスワードを変えました/);
  assert.equal((await h.goto(p, link)).status(), 404, 'a reset link works once');
  const signin = await h.login(p, server.base, 'tanaka@example.jp', NEWPW);
  assert.equal(signin.status(), 200, 'the member signs in with the new password');
  // removal asks first
  await h.goto(owner, `${base}/members`);
  await h.submit(owner, owner.locator('main table tbody tr', { hasText: 'Tanaka@Example.jp' }).getByRole('button', { name: /外す/ }));
  assert.match(await h.mainText(owner), /メンバーから外します/);
  assert.equal(await owner.locator('main table tbody tr', { hasText: 'Tanaka@Example.jp' }).count(), 0, 'only the question is shown');
  await h.submit(owner, owner.locator('button.danger', { hasText: '外す' }));
  assert.equal(owner.url(), `${base}/members?saved=1`);
  assert.equal(await owner.locator('main table tbody tr', { hasText: 'Tanaka@Example.jp' }).count(), 0);
  const gone = await h.goto(p, base);
  assert.equal(gone.status(), 404, 'the removed member no longer reaches the company');
  await p.context().close();
});

test('a method a page does not take answers 405 and names the ones it does', { timeout: h.TIMEOUT }, async () => {
  const r = await fetch(`${server.base}/login`, { method: 'PUT' });
  assert.equal(r.status, 405);
  assert.equal(r.headers.get('allow'), 'GET, HEAD, POST');
  const r2 = await fetch(`${server.base}/logout`, { redirect: 'manual' });
  assert.equal(r2.status, 405);
  assert.equal(r2.headers.get('allow'), 'POST');
  assert.doesNotMatch(await r2.text(), /見つかりません/, 'not "page not found"');
});

test('accounts: the server stops cleanly (exit 0, no sanitizer report)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
  assert.ok(!/Sanitizer|runtime error/.test(r.stderr), r.stderr);
});
