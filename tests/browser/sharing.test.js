'use strict';
// One install shared safely: a chamber of commerce with two advisers
// serves three client companies.  The administrator creates the body and
// invites its advisers; advisers add two client companies and invite their
// owners; a third company, imported from the command line, gets its owner
// from the administrator and agrees to the body's offer.  The advisers'
// portfolio lists the three; one owner ends the relationship; an adviser
// leaves and is disabled.  The owners' change log shows who did what.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('./helpers');

let server, browser, admin, adv1, adv2, dbPath;
const owners = {};
const ids = {};
let bodyId;

async function newPage() {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  return ctx.newPage();
}

before(async () => {
  server = await h.startServer({
    prepare: async (db, env) => {
      dbPath = db;
      execFileSync(h.BIN, ['--db', db, 'import', path.join(h.TOP, 'samples/company-c.json')], { env });
    },
  });
  browser = await h.launchBrowser();
  admin = await newPage();
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

// The link shown in the page's notice.
async function shownLink(page) {
  return (await page.locator('.notice code').innerText()).trim();
}

test('the administrator creates a support body and invites two advisers', { timeout: h.TIMEOUT }, async () => {
  await h.goto(admin, server.setupUrl);
  await admin.fill('#name', '事務局 管理者');
  await admin.fill('#login', 'admin@cci.example.jp');
  await admin.fill('#password', h.PASSWORD);
  await admin.fill('#password2', h.PASSWORD);
  // the imported company is not taken over by the administrator
  await admin.uncheck('input[name=own]');
  await h.submit(admin, admin.locator('form[action="/setup"] button[type=submit]'));
  await h.goto(admin, `${server.base}/admin`);
  assert.match(await h.mainText(admin), /1 社/, 'the install has one company');
  assert.match(await h.mainText(admin), /1 人が管理者/, 'and one administrator');
  // in English, one of each is singular, none is plural
  await h.goto(admin, `${server.base}/admin?lang=en`);
  const en = await h.mainText(admin);
  for (const want of ['1 company', '1 account', '1 administrator', '0 support bodies'])
    assert.ok(en.includes(want), `the English figures say "${want}": ${en}`);
  assert.doesNotMatch(en, /\b1 (companies|accounts|administrators)\b/);
  await h.goto(admin, `${server.base}/admin?lang=ja`);
  // the words for screen readers in the buttons ("… for admin@…") are not shown
  const shown = await admin.$$eval('button span, label', (els) => els
    .filter((e) => /sr/.test(e.className) || e.closest('button'))
    .filter((e) => e.getBoundingClientRect().width > 1).map((e) => e.textContent));
  assert.deepEqual(shown, [], 'no screen-reader words shown on the admin page');
  await admin.fill('#name', '東商工会議所');
  await h.submit(admin, admin.getByRole('button', { name: '支援機関を作る' }));
  bodyId = Number(admin.url().match(/\/admin\/bodies\/(\d+)$/)[1]);
  for (const [name, login] of [['相談員 一号', 'adv1@cci.example.jp'], ['相談員 二号', 'adv2@cci.example.jp']]) {
    await admin.fill('#note', name);
    await h.submit(admin, admin.getByRole('button', { name: '支援者の招待リンクを作る' }));
    const link = await shownLink(admin);
    const p = await h.acceptNew(browser, link, { name, login });
    assert.equal(p.url(), `${server.base}/b/${bodyId}`, `${name} lands on the body's portfolio`);
    if (login.startsWith('adv1'))
      adv1 = p;
    else
      adv2 = p;
    // a link works once
    const again = await h.goto(await newPage(), link);
    assert.equal(again.status(), 404, 'an invitation link is spent once used');
  }
  await h.goto(admin, `${server.base}/admin/bodies/${bodyId}`);
  const text = await h.mainText(admin);
  assert.ok(text.includes('adv1@cci.example.jp') && text.includes('adv2@cci.example.jp'), 'both advisers are listed');
  // the administrator sees no company without a relation
  const r = await h.goto(admin, `${server.base}/c/1`);
  assert.equal(r.status(), 404, 'the administrator cannot open a company it has no relation to');
});

test('advisers add two client companies and their owners join by invitation', { timeout: h.TIMEOUT }, async () => {
  const clients = [[adv1, '北工務店', 'D', 'owner1@example.jp'], [adv2, '南食品', 'E', 'owner2@example.jp']];
  for (const [adv, name, industry, login] of clients) {
    await h.goto(adv, `${server.base}/c/new?body=${bodyId}`);
    await adv.fill('#name', name);
    await adv.selectOption('#industry', industry);
    await adv.fill('#employees', '30');
    await h.submit(adv, adv.locator('form button[type=submit]'));
    const link = await shownLink(adv);
    const owner = await h.acceptNew(browser, link, { name: `${name} 社長`, login });
    const id = Number(owner.url().match(/\/c\/(\d+)$/)[1]);
    ids[name] = id;
    owners[name] = owner;
    // the owner starts the plan: people and the questions
    await h.goto(owner, `${server.base}/c/${id}/onboard/people`);
    await h.quickPeople(owner, [{ name: `${name} 担当`, exp: ['it_dept'] }]);
    await h.answerAll(owner, h.typicalAnswer);
    await h.submit(owner, owner.locator(`form[action="/c/${id}/onboard/diagnosis"] button[type=submit]`));
    // the adviser reads the company but cannot change it
    const rd = await h.goto(adv, `${server.base}/c/${id}/plan`);
    assert.equal(rd.status(), 200, `the adviser reads ${name}'s plan`);
    const wr = await adv.request.post(`${server.base}/c/${id}/profile`, { form: { csrf: await h.csrfToken(adv), name: 'x', industry: 'A', employees: '1' }, maxRedirects: 0 });
    assert.equal(wr.status(), 403, 'an adviser cannot write');
  }
  assert.notEqual(ids['北工務店'], ids['南食品']);
});

test('the imported company gets its owner from the administrator and agrees to the body\'s offer', { timeout: h.TIMEOUT }, async () => {
  await h.goto(admin, `${server.base}/admin`);
  await h.submit(admin, admin.getByRole('button', { name: '経営者の招待リンクを作る サンプル資源商事株式会社' }));
  const link = await shownLink(admin);
  const owner = await h.acceptNew(browser, link, { name: '資源商事 社長', login: 'owner3@example.jp' });
  ids['資源商事'] = 1;
  owners['資源商事'] = owner;
  assert.equal(owner.url(), `${server.base}/c/1`);
  // the adviser's support offer
  await h.goto(adv1, `${server.base}/b/${bodyId}`);
  await adv1.fill('#note', '資源商事');
  await h.submit(adv1, adv1.getByRole('button', { name: '支援の申し出のリンクを作る' }));
  const offer = await shownLink(adv1);
  // before agreeing, the adviser cannot read the company
  assert.equal((await adv1.request.get(`${server.base}/c/1`, { maxRedirects: 0 })).status(), 404);
  await h.goto(owner, offer);
  assert.match(await h.mainText(owner), /東商工会議所/, 'the offer names the body');
  await h.submit(owner, owner.getByRole('button', { name: 'このアカウントで受ける' }));
  assert.equal(owner.url(), `${server.base}/c/1/members?saved=1`);
  assert.equal((await adv1.request.get(`${server.base}/c/1`, { maxRedirects: 0 })).status(), 200, 'now the adviser reads it');
});

test('the portfolio lists the three companies with their STEP, score, overdue and last change', { timeout: h.TIMEOUT }, async () => {
  await h.goto(adv2, `${server.base}/b/${bodyId}`);
  const rows = adv2.locator('table#portfolio tbody tr');
  assert.equal(await rows.count(), 3);
  const text = await adv2.locator('table#portfolio').innerText();
  for (const name of ['北工務店', '南食品', 'サンプル資源商事'])
    assert.ok(text.includes(name), `${name} is in the portfolio`);
  const api = await (await adv2.request.get(`${server.base}/api/v1/bodies/${bodyId}/portfolio`)).json();
  assert.deepEqual(api.companies.map((c) => c.id), [1, ids['北工務店'], ids['南食品']].sort((a, b) => a - b));
  const c1 = api.companies.find((c) => c.id === 1);
  assert.equal(c1.current_step, 2, 'company C is at STEP2');
  assert.equal(c1.working_step, 3);
  assert.equal(typeof c1.score, 'number', 'its self-check is complete');
  // filter by industry: construction only
  await adv2.selectOption('#industry', 'D');
  await h.submit(adv2, adv2.getByRole('button', { name: '絞り込む' }));
  assert.equal(await rows.count(), 1);
  assert.ok((await rows.first().innerText()).includes('北工務店'));
  // the list as CSV, with a BOM for Excel
  const csv = await adv2.request.get(`${server.base}/b/${bodyId}/export/portfolio.csv`);
  assert.equal(csv.status(), 200);
  const body = (await csv.body()).toString('utf8');
  assert.ok(body.startsWith('\ufeff'), 'UTF-8 with BOM');
  assert.equal(body.trim().split('\r\n').length, 4, 'a header and three companies');
  const xlsx = await adv2.request.get(`${server.base}/b/${bodyId}/export/portfolio.xlsx`);
  assert.equal(xlsx.status(), 200);
  assert.equal((await xlsx.body()).subarray(0, 2).toString(), 'PK', 'an XLSX (zip) file');
  // an adviser writes advice; the owner reads it
  const id = ids['北工務店'];
  await h.goto(adv1, `${server.base}/c/${id}/advice`);
  await adv1.fill('#topic', 'まず担当者を決めましょう');
  await adv1.fill('#notes', '兼務でよいので、総務の方を担当者に任命してください。');
  await h.submit(adv1, adv1.getByRole('button', { name: '助言を記録する' }));
  await h.goto(owners['北工務店'], `${server.base}/c/${id}/advice`);
  assert.match(await h.mainText(owners['北工務店']), /まず担当者を決めましょう.*東商工会議所.*相談員 一号/);
});

test('an owner ends the relationship: the body loses the company', { timeout: h.TIMEOUT }, async () => {
  const id = ids['南食品'];
  const owner = owners['南食品'];
  await h.goto(owner, `${server.base}/c/${id}/members`);
  await h.submit(owner, owner.getByRole('button', { name: /支援を終える/ }));
  assert.match(await h.mainText(owner), /東商工会議所 による支援を終えます/, 'asked to confirm');
  await h.submit(owner, owner.locator('button.danger', { hasText: '支援を終える' }));
  assert.equal(owner.url(), `${server.base}/c/${id}/members?saved=1`);
  const r = await adv2.request.get(`${server.base}/c/${id}`, { maxRedirects: 0 });
  assert.equal(r.status(), 404, 'the adviser can no longer open it');
  const api = await (await adv2.request.get(`${server.base}/api/v1/bodies/${bodyId}/portfolio`)).json();
  assert.ok(!api.companies.some((c) => c.id === id), 'it left the portfolio');
  assert.equal(api.companies.length, 2);
});

test('an adviser leaves: removed from the body and disabled, their session stops at once', { timeout: h.TIMEOUT }, async () => {
  await h.goto(admin, `${server.base}/admin/bodies/${bodyId}`);
  await h.submit(admin, admin.getByRole('button', { name: /外す adv2@cci/ }));
  await h.submit(admin, admin.locator('button.danger', { hasText: '外す' }));
  assert.equal((await adv2.request.get(`${server.base}/b/${bodyId}`, { maxRedirects: 0 })).status(), 404, 'no longer an adviser of the body');
  await h.goto(admin, `${server.base}/admin`);
  await h.submit(admin, admin.getByRole('button', { name: /停止する adv2@cci/ }));
  await h.submit(admin, admin.locator('button.danger', { hasText: '停止する' }));
  assert.equal(admin.url(), `${server.base}/admin?saved=1`);
  const r = await adv2.request.get(`${server.base}/account`, { maxRedirects: 0 });
  assert.equal(r.status(), 303, 'the open session ended');
  assert.match(r.headers().location, /^\/login/);
  const again = await h.login(adv2, server.base, 'adv2@cci.example.jp');
  assert.equal(again.status(), 403, 'a disabled account cannot sign in');
  assert.match(await h.mainText(adv2), /使えなくなっています/);
  const users = JSON.parse(execFileSync(h.BIN, ['--db', dbPath, '--json', 'user', 'list'], { encoding: 'utf8' }));
  assert.equal(users.find((u) => u.login === 'adv2@cci.example.jp').disabled, true);
});

test('each owner\'s change log shows who did what, with before and after', { timeout: h.TIMEOUT }, async () => {
  const id = ids['北工務店'];
  const owner = owners['北工務店'];
  await h.goto(owner, `${server.base}/c/${id}/audit`);
  const text = await h.mainText(owner);
  for (const want of ['会社を登録', 'adv1@cci.example.jp', '支援機関の支援を開始', '招待を受けて参加', 'owner1@example.jp', '人を追加', '診断の回答', '支援者の助言'])
    assert.ok(text.includes(want), `the log shows ${want}`);
  const other = await h.goto(owner, `${server.base}/c/${ids['南食品']}/audit`);
  assert.equal(other.status(), 404, 'not another company\'s log');
  const cli = JSON.parse(execFileSync(h.BIN, ['--db', dbPath, '--json', 'audit', String(ids['南食品'])], { encoding: 'utf8' }));
  const end = cli.find((e) => e.action === 'body.end');
  assert.ok(end, 'the end of the support is logged');
  assert.equal(end.actor, 'owner2@example.jp');
  assert.match(end.at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/);
  const all = JSON.parse(execFileSync(h.BIN, ['--db', dbPath, '--json', 'audit'], { encoding: 'utf8' }));
  assert.ok(all.some((e) => e.action === 'export' && e.target === 'portfolio.csv' && e.actor === 'adv2@cci.example.jp' && e.body === bodyId),
    'the portfolio download is logged');
  assert.ok(all.some((e) => e.action === 'account.disable' && e.target === 'adv2@cci.example.jp' && e.actor === 'admin@cci.example.jp'));
  assert.ok(all.some((e) => e.action === 'signin' && e.actor === 'owner1@example.jp') || all.some((e) => e.action === 'account.create' && e.target === 'owner1@example.jp'));
  assert.ok(all.some((e) => e.action === 'signin.refused' && e.target === 'adv2@cci.example.jp'), 'the refused sign-in is logged');
  // the administrator reads the whole log on its page
  await h.goto(admin, `${server.base}/admin/audit`);
  const log = await h.mainText(admin);
  assert.match(log, /アカウントを停止/);
  // details in words, not ids: the refused sign-in's reason, an invitation's role or kind
  assert.match(log, /理由: アカウントが停止中/);
  assert.match(log, /種類: 支援者|役割: 経営者/);
  assert.doesNotMatch(log, /\b(role|why|kind|admin): /);
  assert.doesNotMatch(log, /<th>|<\/th>/, 'the company column heading is a heading, not text');
  assert.equal(await admin.locator('table.audit thead th').count(), 5, 'when, who, company, what, details');
});

test('sharing: the server stops cleanly (exit 0, no sanitizer report)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
  assert.ok(!/Sanitizer|runtime error/.test(r.stderr), r.stderr);
});
