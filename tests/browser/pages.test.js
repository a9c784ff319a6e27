'use strict';
// Every page, in Japanese and English, on a desktop (1280 px) and a phone
// (390 px): axe-core finds no serious or critical WCAG 2.2 A/AA violation,
// nothing scrolls sideways, and every resource the page references (style
// sheet, script, icon) answers 200.  The company is the guidebook's company
// C (samples/company-c.json: people, registers, assets, a policy), imported
// before the server starts; the pages are read by its owner.
//
// SECSTEP_SHOTS=DIR also saves a full-page screenshot of each page there
// (to look at, never committed).

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { execFileSync } = require('node:child_process');
const h = require('./helpers');

const AXE = require.resolve('axe-core/axe.min.js');
const SHOTS = process.env.SECSTEP_SHOTS || '';
let server, browser, ctx, page;
const checked = new Set();

function importSample(db, env, name) {
  for (let i = 0; ; i++) {
    try {
      return execFileSync(h.BIN, ['import', path.join(h.TOP, 'samples', name)],
        { cwd: h.TOP, env: { ...env, SECSTEP_DB: db }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      if (e.code !== 'ETXTBSY' || i >= 20)
        throw new Error(`secstep import ${name} failed: ${e.message}\n${e.stderr || ''}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

before(async () => {
  server = await h.startServer({ prepare: (db, env) => { importSample(db, env, 'company-c.json'); } });
  browser = await h.launchBrowser();
  // axe is injected as a script: the pages' CSP (rightly) forbids that
  ctx = await browser.newContext({ bypassCSP: true });
  ctx.setDefaultTimeout(15000);
  page = await ctx.newPage();
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

const C = '/c/1';
const COMPANY_PAGES = ['', '/profile', '/plan', '/people', '/people/p1', '/learning', '/diagnosis', '/diagnosis?part=step3',
  '/diagnosis?part=organization', '/policy', '/registers', '/registers/organisation', '/registers/suppliers',
  '/registers/contacts', '/registers/systems', '/registers/drills', '/registers/incidents', '/assets', '/help',
  '/help/brief', '/reference', '/export', '/members', '/me', '/onboard/people', '/onboard/diagnosis', '/onboard/result']
  .map((p) => C + p);
const OTHER_PAGES = ['/', '/account', '/c/new'];

// axe-core on the open page: the serious and critical violations, one line each.
async function axeProblems(where) {
  if (!(await page.evaluate(() => typeof window.axe === 'object')))
    await page.addScriptTag({ path: AXE });
  const res = await page.evaluate(() => window.axe.run(document, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    resultTypes: ['violations'],
  }));
  return res.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${where}: ${v.id} (${v.impact}) ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(' | ')}`);
}

// Loads a page and checks it; resolves to the problems found.
async function check(url, lang, width) {
  const where = `${lang} ${width}px ${url}`;
  const problems = [];
  const failed = [];
  const onResponse = (r) => {
    if (r.request().resourceType() !== 'document' && r.status() !== 200)
      failed.push(`${r.status()} ${r.url()}`);
  };
  const onFailed = (rq) => failed.push(`failed ${rq.url()}`);
  page.on('response', onResponse);
  page.on('requestfailed', onFailed);
  const resp = await h.goto(page, server.base + url);
  page.off('response', onResponse);
  page.off('requestfailed', onFailed);
  if (resp.status() !== 200)
    problems.push(`${where}: answered ${resp.status()}`);
  // every style sheet, script, icon and image the page names answers 200
  const refs = await page.evaluate(() => [...document.querySelectorAll('link[href], script[src], img[src]')]
    .map((e) => e.href || e.src));
  for (const ref of refs) {
    if (checked.has(ref))
      continue;
    checked.add(ref);
    const r = await ctx.request.get(ref);
    if (r.status() !== 200)
      problems.push(`${where}: ${ref} answered ${r.status()}`);
  }
  for (const f of failed)
    problems.push(`${where}: resource ${f}`);
  const over = await page.evaluate(() => {
    const vw = document.documentElement.clientWidth;
    const wide = [];
    if (document.documentElement.scrollWidth > vw)
      for (const el of document.querySelectorAll('body *')) {
        const r = el.getBoundingClientRect();
        if (r.right > vw + 1 && r.width > 0 && !el.closest('.sr-only'))
          wide.push(`${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className && typeof el.className === 'string' ? '.' + el.className.split(' ')[0] : ''} right=${Math.round(r.right)}`);
      }
    return { scroll: document.documentElement.scrollWidth, vw, wide: wide.slice(0, 4) };
  });
  if (over.scroll > over.vw)
    problems.push(`${where}: scrolls sideways (${over.scroll} > ${over.vw}): ${over.wide.join(', ')}`);
  problems.push(...await axeProblems(where));
  if (width < 500) {
    // tap targets: every visible button, link in the navigation, form
    // control and label of a choice is at least 44 px high
    const small = await page.evaluate(() => {
      const out = [];
      const sel = 'button, .button, nav a, select, input:not([type=hidden]):not([type=checkbox]):not([type=radio]), .answers label, .checks label, summary';
      for (const el of document.querySelectorAll(sel)) {
        const r = el.getBoundingClientRect();
        if (r.width === 0 || r.height === 0 || el.closest('.sr-only'))
          continue;
        if (r.height < 43.5)
          out.push(`${el.tagName.toLowerCase()} "${(el.innerText || el.value || el.name || '').trim().slice(0, 20)}" ${Math.round(r.height)}px`);
      }
      return out.slice(0, 5);
    });
    for (const s of small)
      problems.push(`${where}: tap target under 44 px: ${s}`);
  }
  if (SHOTS) {
    fs.mkdirSync(SHOTS, { recursive: true });
    // in screen-sized slices, a few at most, to look at one by one
    const tall = await page.evaluate(() => document.documentElement.scrollHeight);
    const step = width > 500 ? 1000 : 1100;
    for (let y = 0, i = 0; y < tall && i < 4; y += step, i++) {
      const name = `${lang}-${width}${url.replace(/[^a-z0-9]+/gi, '_')}-${i}.png`;
      await page.screenshot({ path: path.join(SHOTS, name), fullPage: true,
        clip: { x: 0, y, width, height: Math.min(step, tall - y) } });
    }
  }
  return problems;
}

async function sweep(urls) {
  const problems = [];
  for (const lang of ['ja', 'en']) {
    await h.goto(page, `${server.base}/?lang=${lang}`);
    for (const width of [1280, 390]) {
      await page.setViewportSize({ width, height: width > 500 ? 900 : 844 });
      for (const url of urls)
        problems.push(...await check(url, lang, width));
    }
  }
  return problems;
}

test('the signed-out pages: setup and sign-in', { timeout: 120000 }, async () => {
  const setupPath = server.setupUrl.replace(server.base, '');
  const problems = await sweep([setupPath, '/login']);
  h.noProblems(problems, 'problems on the signed-out pages');
  // the language switch of the setup page keeps its token
  await h.goto(page, server.setupUrl);
  const href = await page.locator('a.lang').getAttribute('href');
  assert.match(href, /token=[0-9a-f]+/, `the language link keeps the setup token: ${href}`);
  await h.goto(page, `${server.base}/?lang=ja`);
});

test('every company page: axe, no sideways scrolling, resources, tap targets', { timeout: 600000 }, async () => {
  await h.setupOwner(page, server.setupUrl, { name: '管理 一郎', login: 'admin@example.jp' });
  const problems = await sweep([...OTHER_PAGES, ...COMPANY_PAGES]);
  h.noProblems(problems, `problems on ${COMPANY_PAGES.length + OTHER_PAGES.length} pages × 2 languages × 2 widths`);
});
