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
const h = require('./helpers');

const AXE = require.resolve('axe-core/axe.min.js');
const SHOTS = process.env.SECSTEP_SHOTS || '';
let server, browser, ctx, page;
const checked = new Set();

before(async () => {
  server = await h.startServer({
    prepare: (db, env) => {
      h.importSample(db, env, 'company-c.json');
      h.cli(db, env, ['body', 'add', '山田商工会議所']);
    },
  });
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
  '/help/brief', '/reference', '/export', '/members', '/audit', '/advice', '/me', '/onboard/people', '/onboard/diagnosis',
  '/onboard/result', '/assets/a1', '/registers/suppliers/s1', '/help/log/1']
  .map((p) => C + p);
const OTHER_PAGES = ['/', '/account', '/c/new', '/admin', '/admin/audit', '/admin/bodies/1'];

// An asset, a supplier and a consultation, so their edit pages exist.
async function addRecords() {
  await h.goto(page, `${server.base}${C}/assets`);
  await page.fill('#name', '顧客台帳');
  await h.submit(page, page.locator('form[action$="/assets"] button[type=submit]'));
  await h.goto(page, `${server.base}${C}/registers/suppliers`);
  await page.fill('#f-name', '山田システム');
  await h.submit(page, page.locator('form[action$="/registers/suppliers"] button[type=submit]'));
  await h.goto(page, `${server.base}${C}/help`);
  await page.fill('#partner', '商工会議所');
  await page.fill('#topic', '基本方針の相談');
  await h.submit(page, page.locator('form[action$="/help"] button[type=submit]'));
}

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
  // one link text, one destination: the same words never lead to two places
  const clash = await page.evaluate(() => {
    const by = new Map();
    for (const a of document.querySelectorAll('main a[href]')) {
      const name = (a.getAttribute('aria-label') || a.textContent).replace(/\s+/g, ' ').trim();
      const href = a.getAttribute('href').replace(/#.*$/, '');
      if (!by.has(name))
        by.set(name, new Set());
      by.get(name).add(href);
    }
    return [...by].filter(([, hrefs]) => hrefs.size > 1).map(([name, hrefs]) => `"${name}" → ${[...hrefs].join(', ')}`);
  });
  for (const c of clash.slice(0, 3))
    problems.push(`${where}: one link text for different pages: ${c}`);
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
  // the focus ring stands out (≥ 3:1) against the white card and the page
  await h.goto(page, `${server.base}/login`);
  await page.locator('#login').focus();
  await page.keyboard.press('Tab');
  const ring = await page.evaluate(() => {
    const cs = getComputedStyle(document.activeElement);
    return { style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
  });
  assert.notEqual(ring.style, 'none', 'a focused field has an outline');
  assert.ok(ring.width >= 2, `the outline is at least 2 px (${ring.width})`);
  const rgb = ring.color.match(/\d+/g).slice(0, 3).map(Number);
  const lum = ([r, g, b]) => [r, g, b].map((v) => v / 255).map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
    .reduce((acc, v, i) => acc + v * [0.2126, 0.7152, 0.0722][i], 0);
  for (const bg of [[255, 255, 255], [244, 246, 249]]) {
    const [a, b] = [lum(rgb), lum(bg)];
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    assert.ok(ratio >= 3, `focus ring ${ring.color} against rgb(${bg}) is ${ratio.toFixed(2)}:1, under 3:1`);
  }
  // the language switch of the setup page keeps its token
  await h.goto(page, server.setupUrl);
  const href = await page.locator('a.lang').getAttribute('href');
  assert.match(href, /token=[0-9a-f]+/, `the language link keeps the setup token: ${href}`);
  await h.goto(page, `${server.base}/?lang=ja`);
});

test('every company page: axe, no sideways scrolling, resources, tap targets', { timeout: 600000 }, async () => {
  await h.setupOwner(page, server.setupUrl, { name: '管理 一郎', login: 'admin@example.jp' });
  await addRecords();
  const problems = await sweep([...OTHER_PAGES, ...COMPANY_PAGES]);
  h.noProblems(problems, `problems on ${COMPANY_PAGES.length + OTHER_PAGES.length} pages × 2 languages × 2 widths`);
});
