'use strict';
// English: ?lang=en switches the pages to English and the choice sticks
// (a cookie); an English reader meets no Japanese except names they typed.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, page, id, base;

before(async () => {
  server = await h.startServer();
  browser = await h.launchBrowser();
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  page = await ctx.newPage();
  id = await h.onboard(page, server.base, {
    setupUrl: server.setupUrl,
    owner: { name: 'Taro Yamada', login: 'owner@example.com' },
    company: { name: 'Yamada Works', notes: 'A customer asked about our security.' },
    people: [{ name: 'Hanako Sato', dept: 'General affairs', exp: ['web'] }, { name: 'Ichiro Suzuki', dept: 'Sales', vol: true }],
  });
  base = `${server.base}/c/${id}`;
  // an officer, so roles show on the people pages
  await h.appoint(page, 'Hanako Sato');
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

test('?lang=en shows the dashboard in English, and the choice sticks', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${base}?lang=en`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.equal(await page.locator('main h1').innerText(), 'Dashboard');
  const h2 = await page.locator('main h2').allInnerTexts();
  for (const want of ['Where you stand', 'Next three actions', 'Overdue tasks', 'Exams', 'Progress over time'])
    assert.ok(h2.includes(want), `an English heading "${want}" in ${JSON.stringify(h2)}`);
  const nav = await page.locator('header nav a').allInnerTexts();
  assert.deepEqual(nav.slice(0, 3), ['Dashboard', 'Plan & tasks', 'People']);
  assert.equal(await page.locator('a.lang').innerText(), '日本語', 'a way back to Japanese');
  assert.match(await page.title(), /^Dashboard — secstep$/);

  // the cookie keeps English on the next page, without the parameter
  await h.goto(page, `${base}/plan`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.match(await page.locator('main h1').innerText(), /^Plan: STEP1/);

  await h.goto(page, `${base}?lang=ja`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja');
  assert.equal(await page.locator('main h1').innerText(), 'ダッシュボード');
  await h.goto(page, `${base}/people`);
  assert.equal(await page.locator('html').getAttribute('lang'), 'ja', 'and Japanese sticks as well');
});

// Japanese that English text may quote on purpose: original names of
// resources and bodies, given in parentheses or named in the sentence.
const QUOTED = ['マナビDX', '商工会議所', '商工会', '人材手引き', '安心・安全ハンドブック'];

test('English pages contain no Japanese text, except quoted original names', { timeout: h.TIMEOUT }, async () => {
  const problems = [];
  await h.goto(page, `${base}?lang=en`);
  for (const path of ['', '/plan', '/people', '/people/p1', '/learning', '/diagnosis', '/help', '/help/brief', '/reference',
    '/members', '/profile', '/onboard/people', '/onboard/diagnosis', '/onboard/result']) {
    await h.goto(page, base + path);
    const found = await page.evaluate((quoted) => {
      const parts = [document.title];
      for (const el of document.querySelectorAll('header, main, footer')) {
        const c = el.cloneNode(true);
        c.querySelectorAll('a.lang').forEach((a) => a.remove());   // "日本語" is meant to be Japanese
        parts.push(c.textContent);
      }
      for (const el of document.querySelectorAll('[aria-label], [placeholder]'))
        parts.push(el.getAttribute('aria-label') || el.getAttribute('placeholder'));
      let text = parts.join('\n');
      for (let i = 0; i < 3; i++)
        text = text.replace(/\([^()]*\)|（[^（）]*）/g, ' ');
      for (const q of quoted)
        text = text.split(q).join(' ');
      const jp = /[\u3000-\u30ff\u4e00-\u9fff\uff00-\uffef]+/g;
      const out = [];
      let m;
      while ((m = jp.exec(text)) && out.length < 3)
        out.push(text.slice(Math.max(0, m.index - 25), m.index + m[0].length + 15).replace(/\s+/g, ' '));
      return { n: (text.match(jp) || []).length, samples: out };
    }, QUOTED);
    if (found.n)
      problems.push(`${path || '/'}: ${found.n} Japanese run(s), e.g. ${found.samples.map((x) => JSON.stringify(x)).join(' | ')}`);
  }
  h.noProblems(problems, 'untranslated text in English mode');
});

test('glossary terms in the plan link to their definitions, in both languages', { timeout: h.TIMEOUT }, async () => {
  for (const [lang, word] of [['ja', 'ランサムウェア'], ['en', 'ransomware']]) {
    await h.goto(page, `${base}/plan?lang=${lang}`);
    const links = page.locator('main a.term');
    assert.ok(await links.count() > 0, `${lang}: the plan links some glossary terms`);
    const texts = (await links.allInnerTexts()).map((t) => t.toLowerCase());
    assert.ok(texts.includes(word.toLowerCase()), `${lang}: "${word}" is linked (got ${JSON.stringify(texts)})`);
    const href = await links.filter({ hasText: new RegExp(word, 'i') }).first().getAttribute('href');
    assert.equal(href, `/c/${id}/reference#term-ransomware`);
    const title = await links.filter({ hasText: new RegExp(word, 'i') }).first().getAttribute('title');
    assert.ok(title && title.length > 10, 'the definition is a tooltip');
    await h.goto(page, `${server.base}${href}`);
    assert.ok(await page.locator('#term-ransomware').isVisible(), 'the link lands on the definition');
  }
});

test('english: the server stops gracefully on SIGTERM (exit 0)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.hung, undefined, 'stopped within 15 s');
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
});
