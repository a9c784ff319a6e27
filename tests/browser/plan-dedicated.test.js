'use strict';
// The plan page of a STEP3 company without a dedicated officer (the
// guidebook's company C, samples/company-c.json) says who inside could
// become one — the concurrent officers, most experienced first — and the
// ways from outside (hire, outsource), in Japanese and in English; a STEP1
// company (company A) shows no such card.  The companies are imported with
// the CLI before the server starts; the first account opens them.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, page;

before(async () => {
  server = await h.startServer({
    prepare: (db, env) => {
      h.importSample(db, env, 'company-c.json');   // company 1, working on STEP3
      h.importSample(db, env, 'company-a.json');   // company 2, working on STEP1
    },
  });
  browser = await h.launchBrowser();
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  page = await ctx.newPage();
  await h.setupOwner(page, server.setupUrl, { name: '管理 一郎', login: 'admin@example.jp' });
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

test('STEP3 without a dedicated officer: who inside, and hire or outsource', { timeout: h.TIMEOUT }, async () => {
  const r = await h.goto(page, `${server.base}/c/1/plan`);
  assert.equal(r.status(), 200);
  const card = page.locator('section#dedicated');
  assert.equal(await card.count(), 1, 'the card is on the page');
  assert.match(await card.locator('h2').innerText(), /専任の担当者を置くには/);
  // the sg holder (p3, 岡田 修) before the ip holder (p4, 長谷川 彩)
  const inside = await card.locator('ol > li').allInnerTexts();
  assert.equal(inside.length, 2, inside.join(' | '));
  assert.match(inside[0], /岡田 修/);
  assert.match(inside[0], /情報セキュリティマネジメント試験/);
  assert.match(inside[1], /長谷川 彩/);
  const outside = await card.locator('ul > li').allInnerTexts();
  assert.ok(outside.some((t) => /採用する/.test(t) && /経験者を中途採用する/.test(t)), outside.join(' | '));
  assert.ok(outside.some((t) => /外に任せる/.test(t) && /セキュリティサービスを導入する/.test(t)), outside.join(' | '));

  await h.goto(page, `${server.base}/c/1/plan?lang=en`);
  const en = page.locator('section#dedicated');
  assert.match(await en.locator('h2').innerText(), /Filling the dedicated officer role/);
  const outsideEn = await en.locator('ul > li').allInnerTexts();
  assert.ok(outsideEn.some((t) => /Hire/.test(t) && /mid-career/.test(t)), outsideEn.join(' | '));
  assert.ok(outsideEn.some((t) => /Outsource/.test(t)), outsideEn.join(' | '));
  await h.goto(page, `${server.base}/c/1/plan?lang=ja`);
});

test('a STEP1 company has no dedicated-officer card', { timeout: h.TIMEOUT }, async () => {
  const r = await h.goto(page, `${server.base}/c/2/plan`);
  assert.equal(r.status(), 200);
  assert.equal(await page.locator('section#dedicated').count(), 0);
});
