'use strict';
// Response hardening a user's browser relies on: security headers, the
// session cookie's flags, sign-in throttling, safe redirects after
// sign-in, the health check, and pages that live within their own CSP.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

const OWNER = 'owner@example.jp';
let server, browser, page, seen, id, base;

async function newContext() {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  return ctx;
}

before(async () => {
  server = await h.startServer();
  browser = await h.launchBrowser();
  page = await (await newContext()).newPage();
  seen = h.watch(page);
  id = await h.onboard(page, server.base, {
    setupUrl: server.setupUrl,
    owner: { login: OWNER },
    company: { name: '山田製作所' },
    people: [{ name: '佐藤 花子', exp: ['web'] }, { name: '鈴木 一郎' }],
  });
  base = `${server.base}/c/${id}`;
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

function checkHeaders(what, hd) {
  const csp = hd['content-security-policy'] || '';
  assert.ok(csp, `${what}: a Content-Security-Policy`);
  assert.ok(csp.includes("frame-ancestors 'none'"), `${what}: CSP forbids framing: ${csp}`);
  assert.ok(!csp.includes("'unsafe-inline'"), `${what}: CSP has no 'unsafe-inline': ${csp}`);
  assert.ok(!csp.includes("'unsafe-eval'"), `${what}: CSP has no 'unsafe-eval': ${csp}`);
  assert.match(csp, /script-src 'self'/, `${what}: scripts only from the app`);
  assert.equal(hd['x-content-type-options'], 'nosniff', `${what}: nosniff`);
  assert.ok(hd['referrer-policy'], `${what}: a Referrer-Policy`);
}

test('pages carry the security headers', { timeout: h.TIMEOUT }, async () => {
  let r = await h.goto(page, base);
  assert.equal(r.status(), 200);
  checkHeaders('dashboard', await r.allHeaders());
  assert.match((await r.allHeaders())['cache-control'] || '', /no-store/, 'private pages are not cached');
  r = await page.request.get(`${server.base}/login`);
  checkHeaders('login page', r.headers());
  r = await page.request.get(`${server.base}/no/such/page`);
  assert.equal(r.status(), 404);
  checkHeaders('404 page', r.headers());
  r = await page.request.get(`${server.base}/api/v1/companies/${id}/status`);
  assert.equal(r.status(), 200);
  checkHeaders('API', r.headers());
});

test('the session cookie is HttpOnly and SameSite, and scripts cannot read it', { timeout: h.TIMEOUT }, async () => {
  const sid = (await page.context().cookies()).find((c) => c.name === 'sid');
  assert.ok(sid, 'a session cookie named sid');
  assert.equal(sid.httpOnly, true, 'HttpOnly');
  assert.ok(['Lax', 'Strict'].includes(sid.sameSite), `SameSite is ${sid.sameSite}`);
  assert.equal(sid.path, '/');
  assert.ok(!(await page.evaluate(() => document.cookie)).includes('sid='), 'document.cookie has no sid');

  // a fresh sign-in sets it the same way, and a new value every time
  const ctx = await newContext();
  const r = await ctx.request.post(`${server.base}/login`, { form: { login: OWNER, password: h.PASSWORD, next: '/' }, maxRedirects: 0 });
  assert.equal(r.status(), 303);
  const setCookie = r.headersArray().filter((x) => x.name.toLowerCase() === 'set-cookie').map((x) => x.value).join('\n');
  assert.match(setCookie, /sid=[0-9a-f]{64}/);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=(Lax|Strict)/);
  const sid2 = (await ctx.cookies()).find((c) => c.name === 'sid');
  assert.notEqual(sid2.value, sid.value, 'a new session token per sign-in');
  await ctx.close();
});

test('signed out, a page sends you to sign-in and back to it afterwards', { timeout: h.TIMEOUT }, async () => {
  const ctx = await newContext();
  const p = await ctx.newPage();
  await h.goto(p, `${base}/plan`);
  assert.equal(new URL(p.url()).pathname, '/login');
  assert.equal(new URL(p.url()).searchParams.get('next'), `/c/${id}/plan`);
  await p.fill('#login', OWNER);
  await p.fill('#password', h.PASSWORD);
  await h.submit(p, p.locator('form[action="/login"] button[type=submit]'));
  assert.equal(p.url(), `${base}/plan`);
  const api = await ctx.request.get(`${server.base}/api/v1/companies`);
  assert.equal(api.status(), 200);
  await ctx.close();
  const anon = await (await newContext()).request.get(`${server.base}/api/v1/companies/${id}/status`);
  assert.equal(anon.status(), 401, 'the API answers 401 without a session');
});

test('pages live within their own CSP (nothing blocked, no script errors)', { timeout: h.TIMEOUT }, async () => {
  const ctx = await newContext();
  const p = await ctx.newPage();
  const s = h.watch(p);
  const problems = [];
  const look = async (path) => {
    s.console.length = 0;
    await h.goto(p, server.base + path);
    const blocked = s.console.filter((m) => /Content Security Policy|Refused to/.test(m));
    if (blocked.length) {
      const styled = await p.$$eval('[style]', (els) => els.map((e) => `<${e.localName} style="${e.getAttribute('style')}">`));
      problems.push(`${path}: ${blocked.length} CSP violation(s): ${blocked[0].slice(7, 95)}…; style attributes: ${styled.join(' ')}`);
    }
  };
  await look('/login');
  await h.login(p, server.base, OWNER);
  for (const path of ['/c/new', `/c/${id}`, `/c/${id}/plan`, `/c/${id}/people`, `/c/${id}/people/p1`, `/c/${id}/learning`,
    `/c/${id}/diagnosis`, `/c/${id}/help`, `/c/${id}/help/brief`, `/c/${id}/reference`, `/c/${id}/members`,
    `/c/${id}/profile`, `/c/${id}/onboard/people`, `/c/${id}/onboard/result`])
    await look(path);
  assert.deepEqual(s.errors, []);
  h.noProblems(problems, 'CSP violations (inline style attributes are blocked by style-src \'self\', so that styling is lost)');
  await ctx.close();
});

test('sign-in never sends the user to another site ("next")', { timeout: h.TIMEOUT }, async () => {
  // The login form carries "next" from the query string; after sign-in the
  // server redirects there.  Browsers drop tabs and newlines from URLs, so
  // "/<TAB>/evil.example/" becomes "//evil.example/".  (Chromium happens to
  // abort that redirect because of CSP form-action 'self', leaving the user
  // on the sign-in page; other clients follow it.)
  const tries = ['//evil.example/', '/\\evil.example/', '/\t/evil.example/', '/\n/evil.example/', '/\r\n/evil.example/',
    '/ /evil.example/', 'https://evil.example/', '/%09/evil.example/'];
  const wrong = [];
  const ctx = await newContext();
  for (const next of tries) {
    // as the login page carries it: the hidden field keeps what the link said
    await ctx.clearCookies();
    const p = await ctx.newPage();
    await h.goto(p, `${server.base}/login?next=${encodeURIComponent(next)}`);
    const carried = await p.locator('input[name=next]').inputValue();
    await p.close();
    const r = await ctx.request.post(`${server.base}/login`,
      { form: { login: OWNER, password: h.PASSWORD, next: carried }, maxRedirects: 0 });
    const loc = r.headers().location || '';
    const target = new URL(loc, server.base);
    if (r.status() !== 303 || target.origin !== server.base)
      wrong.push(`next=${JSON.stringify(next)}: ${r.status()} Location ${JSON.stringify(loc)} → ${target.href}`);
  }
  await ctx.close();
  h.noProblems(wrong, 'open redirect after sign-in');
});

test('an API token made on the account page works for the API only, and stops working when revoked', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${server.base}/account`);
  await page.fill('#label', 'nightly script');
  await h.submit(page, page.getByRole('button', { name: 'トークンを作る' }));
  const token = (await page.locator('.notice code').innerText()).trim();
  assert.match(token, /^[0-9a-f]{64}$/, 'the token is shown once');
  const api = await require('playwright-core').request.newContext({ baseURL: server.base });
  const auth = { Authorization: `Bearer ${token}` };
  let res = await api.get(`/api/v1/companies/${id}/status`, { headers: auth });
  assert.equal(res.status(), 200, 'the token reads the status');
  res = await api.post(`/api/v1/companies/${id}/tasks/task-1-1`, { headers: { ...auth, 'Content-Type': 'application/json' }, data: { status: 'doing' } });
  assert.equal(res.status(), 200, 'the token writes without a CSRF header (no cookie is involved)');
  res = await api.get(`/c/${id}`, { headers: auth, maxRedirects: 0 });
  assert.equal(res.status(), 303, 'a page does not accept the token');
  await h.goto(page, `${server.base}/account`);
  await h.submit(page, page.getByRole('button', { name: '無効にする' }).first());
  res = await api.get(`/api/v1/companies/${id}/status`, { headers: auth });
  assert.equal(res.status(), 401, 'a revoked token is refused');
  await api.dispose();
});

test('five wrong passwords, then the right one is refused with 429 and the throttling message', { timeout: h.TIMEOUT }, async () => {
  const ctx = await newContext();
  const p = await ctx.newPage();
  for (let i = 0; i < 5; i++) {
    const r = await h.login(p, server.base, OWNER, 'wrong password ' + i);
    assert.equal(r.status(), 401, `attempt ${i + 1}`);
    assert.match(await p.locator('.errors').innerText(), /ログインIDかパスワードが違います/);
  }
  const r = await h.login(p, server.base, OWNER);
  assert.equal(r.status(), 429, 'the right password is refused while throttled');
  assert.match(await p.locator('.errors').innerText(), /失敗が続いたため、5分ほど待ってから/);
  assert.equal(new URL(p.url()).pathname, '/login', 'not signed in');
  const api = await ctx.request.get(`${server.base}/api/v1/companies`);
  assert.equal(api.status(), 401, 'no session was created');
  await ctx.close();
  // the session opened before is not affected
  const still = await h.goto(page, base);
  assert.equal(still.status(), 200);
});

test('GET /healthz is 200', { timeout: h.TIMEOUT }, async () => {
  const r = await page.request.get(`${server.base}/healthz`);
  assert.equal(r.status(), 200);
  assert.equal((await r.text()).trim(), 'ok');
});

test('security: the server stops gracefully on SIGTERM (exit 0)', { timeout: h.TIMEOUT }, async () => {
  await browser.close();
  browser = null;
  const r = await server.stop();
  assert.equal(r.hung, undefined, 'stopped within 15 s');
  assert.equal(r.signal, null, `not killed by a signal\n${r.stderr}`);
  assert.equal(r.code, 0, `exit code\n${r.stderr}`);
});
