'use strict';
// tests/browser/helpers.js — shared pieces of the browser tests: a fresh
// secstep server per test file (temp database, free port, fixed "today"),
// headless Chromium through playwright-core, and the few user journeys
// (first-run setup, onboarding, sign-in) several files need.

const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');
const { chromium } = require('playwright-core');

const TOP = path.resolve(__dirname, '..', '..');
const BIN = path.resolve(TOP, process.env.SECSTEP_BIN || 'build/secstep');
const TODAY = '2026-11-25';
const PASSWORD = 'correct horse battery staple';
const LAUNCH = {
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run', '--disable-quic'],
};
// Per test() in the files: ASan builds hash passwords slowly.
const TIMEOUT = 60000;

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

// Starts `secstep --db TMP serve` and resolves once it has printed the
// first-run link.  stop() sends SIGTERM and resolves {code, signal, stderr}.
// prepare(db, env), when given, runs first on the fresh database (e.g. a
// CLI import: the server then starts on a database with companies but no
// account, and still prints the first-run link).
// A new, empty database: a file in dir, or, when SECSTEP_TEST_DB names a
// PostgreSQL server (postgresql://USER@HOST:PORT/DB), a new database there.
let dbSeq = 0;
const pgDbs = [];
function newDb(dir, name) {
  const pg = process.env.SECSTEP_TEST_DB;
  if (!pg)
    return path.join(dir, `${name}.db`);
  const db = `b_${name}_${process.pid}_${dbSeq++}`.replace(/[^a-z0-9_]/g, '_');
  execFileSync('psql', ['-q', pg, '-c', `DROP DATABASE IF EXISTS ${db}`, '-c', `CREATE DATABASE ${db}`], { stdio: 'ignore' });
  pgDbs.push(db);
  return `${pg.slice(0, pg.lastIndexOf('/'))}/${db}`;
}
process.on('exit', () => {
  for (const db of pgDbs) {
    try {
      execFileSync('psql', ['-q', process.env.SECSTEP_TEST_DB, '-c', `DROP DATABASE IF EXISTS ${db} WITH (FORCE)`], { stdio: 'ignore' });
    } catch (e) { /* the server may be gone */ }
  }
});

async function startServer({ prepare } = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secstep-browser-'));
  const db = newDb(dir, 'test');
  const port = await freePort();
  const env = { ...process.env, SECSTEP_TODAY: TODAY };
  delete env.SECSTEP_LANG;
  delete env.SECSTEP_DB;
  if (prepare) {
    try {
      await prepare(db, env);
    } catch (e) {
      fs.rmSync(dir, { recursive: true, force: true });
      throw e;
    }
  }
  const proc = spawn(BIN, ['--db', db, 'serve', '--listen', `127.0.0.1:${port}`, '--quiet'],
    { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  proc.stdout.on('data', (d) => { out += d; });
  proc.stderr.on('data', (d) => { err += d; });
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  const waitLink = new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no setup link within 20 s\nstdout: ${out}\nstderr: ${err}`)), 20000);
    const look = () => {
      const m = out.match(/http:\/\/[0-9.]+:\d+\/setup\?token=[0-9a-f]+/);
      if (m) {
        clearTimeout(timer);
        resolve(m[0]);
      }
    };
    proc.stdout.on('data', look);
    proc.on('error', (e) => { clearTimeout(timer); reject(e); });
    exited.then((s) => {
      clearTimeout(timer);
      reject(new Error(`server exited (${JSON.stringify(s)}) before printing the setup link\nstderr: ${err}`));
    });
  });
  let setupUrl;
  try {
    setupUrl = await waitLink;
  } catch (e) {
    if (proc.exitCode === null && proc.signalCode === null)
      proc.kill('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const base = `http://127.0.0.1:${port}`;
  let stopped = null;
  return {
    base,
    setupUrl,
    stderr: () => err,
    running: () => proc.exitCode === null && proc.signalCode === null,
    async stop() {
      if (stopped)
        return stopped;
      if (proc.exitCode === null && proc.signalCode === null)
        proc.kill('SIGTERM');
      let timer;
      let r = await Promise.race([exited, new Promise((res) => { timer = setTimeout(() => res(null), 15000); })]);
      clearTimeout(timer);
      if (!r) {
        proc.kill('SIGKILL');
        r = { ...(await exited), hung: true };
      }
      fs.rmSync(dir, { recursive: true, force: true });
      stopped = { ...r, stderr: err };
      return stopped;
    },
  };
}

function launchBrowser() {
  return chromium.launch(LAUNCH);
}

// Records what a user (or an attacker) could notice on a page: dialogs
// (dismissed), uncaught script errors and console messages.
function watch(page) {
  const seen = { dialogs: [], errors: [], console: [] };
  page.on('dialog', (d) => {
    seen.dialogs.push(d.message());
    d.dismiss().catch(() => {});
  });
  page.on('pageerror', (e) => seen.errors.push(String(e)));
  page.on('console', (m) => seen.console.push(`${m.type()}: ${m.text()}`));
  return seen;
}

// Clicks a submit button and waits for the page the form leads to;
// resolves to the final response (after redirects).
async function submit(page, button) {
  const [resp] = await Promise.all([page.waitForNavigation(), button.click()]);
  return resp;
}

async function goto(page, url) {
  return page.goto(url, { waitUntil: 'load' });
}

// The first-run page: the first account (the install's administrator).
// Ends on /c/new, or, when companies were imported before (they are
// ticked to be taken over), on the start page or that company.
async function setupOwner(page, setupUrl, { name = '山田 太郎', login = 'owner@example.jp', password = PASSWORD } = {}) {
  const r = await goto(page, setupUrl);
  if (r.status() !== 200)
    throw new Error(`setup page answered ${r.status()}`);
  await page.fill('#name', name);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.fill('#password2', password);
  const imported = await page.locator('input[name=own]').count();
  await submit(page, page.locator('form[action="/setup"] button[type=submit]'));
  const want = imported ? /\/(c\/\d+)?$/ : /\/c\/new$/;
  if (!want.test(page.url()))
    throw new Error(`setup did not lead to ${imported ? 'the start page' : '/c/new'} but ${page.url()}`);
}

// The owner makes an invitation link on /c/ID/members; resolves to it.
async function invite(page, base, { note, role = 'employee', person }) {
  await goto(page, `${base}/members`);
  await page.fill('#note', note);
  await page.selectOption('#role', role);
  if (person)
    await page.selectOption('#person', person);
  const r = await submit(page, page.locator('form[action$="/members/invite"] button[type=submit]'));
  if (r.status() !== 200)
    throw new Error(`inviting ${note}: ${r.status()} ${await mainText(page)}`);
  return (await page.locator('.notice code').innerText()).trim();
}

// Someone new opens an invitation link and creates their account there;
// resolves to the page (in its own browser context), signed in.
async function acceptNew(browser, link, { name, login, password = PASSWORD }) {
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  const page = await ctx.newPage();
  const r = await goto(page, link);
  if (r.status() !== 200)
    throw new Error(`invitation ${link}: ${r.status()}`);
  await page.fill('#name', name);
  await page.fill('#login', login);
  await page.fill('#password', password);
  await page.fill('#password2', password);
  const a = await submit(page, page.locator('form[action$="/register"] button[type=submit]'));
  if (a.status() !== 200)
    throw new Error(`accepting ${link} as ${login}: ${a.status()} ${await mainText(page)}`);
  return page;
}

// The profile form on /c/new; resolves to the new company's id.
async function createCompany(page, base, { name, industry = 'E', employees = 25, itUses = ['email', 'website', 'lan'], notes = '' }) {
  await goto(page, `${base}/c/new`);
  await page.fill('#name', name);
  await page.selectOption('#industry', industry);
  await page.fill('#employees', String(employees));
  for (const u of itUses)
    await page.check(`input[name=it_uses][value="${u}"]`);
  if (notes)
    await page.fill('#notes', notes);
  await submit(page, page.locator('form[action="/c/new"] button[type=submit]'));
  const m = page.url().match(/\/c\/(\d+)\/onboard\/people$/);
  if (!m)
    throw new Error(`the profile form did not lead to the people step but to ${page.url()}`);
  return Number(m[1]);
}

// Quick entry of people on /c/ID/onboard/people (already open).
// rows: [{name, dept, exp: ['web'], vol: true}]
async function quickPeople(page, rows) {
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i];
    await page.fill(`input[name=name${i}]`, row.name);
    if (row.dept)
      await page.fill(`input[name=dept${i}]`, row.dept);
    for (const e of row.exp || [])
      await page.check(`input[name=exp${i}][value="${e}"]`);
    if (row.vol)
      await page.check(`input[name=vol${i}]`);
  }
  await submit(page, page.locator('form[action$="/onboard/people"] button[type=submit]'));
}

// Answers every question on the open diagnosis page; pick(questionId)
// gives yes, partial, no, unknown or na.  With click, each radio is
// clicked as a user would; otherwise they are set in one go (the form has
// no script, so the post is the same).  Resolves to the number of questions.
async function answerAll(page, pick, { click = false } = {}) {
  const names = await page.$$eval('input[type=radio]', (els) => [...new Set(els.map((e) => e.name))]);
  const choice = names.map((n) => [n, pick(n)]);
  if (click) {
    for (const [n, v] of choice)
      await page.check(`input[type=radio][name="${n}"][value="${v}"]`);
  } else {
    await page.evaluate((list) => {
      for (const [n, v] of list)
        document.querySelector(`input[type=radio][name="${n}"][value="${v}"]`).checked = true;
    }, choice);
  }
  return names.length;
}

// A realistic first answer: STEP1 partly there, the rest not yet.
function typicalAnswer(id) {
  if (/^cp-1-1-/.test(id))
    return 'yes';
  if (/^cp-1-/.test(id))
    return 'partial';
  if (/^cp-2-/.test(id))
    return 'unknown';
  return 'no';
}

// Setup (when setupUrl is given), profile, people, diagnosis and result;
// ends on the plan page.  Resolves to the company id.
async function onboard(page, base, { setupUrl, owner, company, people, answer = typicalAnswer }) {
  if (setupUrl)
    await setupOwner(page, setupUrl, owner);
  const id = await createCompany(page, base, company);
  await quickPeople(page, people);
  if (!page.url().endsWith(`/c/${id}/onboard/diagnosis`))
    throw new Error(`the people step led to ${page.url()}`);
  // the questions come one STEP at a time while the earlier STEPs are met
  for (let step = 1; step <= 4 && /\/onboard\/diagnosis/.test(page.url()); step++) {
    await answerAll(page, answer);
    await submit(page, page.locator(`form[action="/c/${id}/onboard/diagnosis"] button[type=submit]`));
  }
  if (!page.url().endsWith(`/c/${id}/onboard/result`))
    throw new Error(`the diagnosis led to ${page.url()}`);
  // the result page's own link to the plan (appointing is left to the test)
  await submit(page, page.locator(`main a[href="/c/${id}/plan?welcome=1"]`));
  return id;
}

// The plan page (open): appoints `name` with the appoint form; the box
// "give them the open tasks" is left on only with assign.
async function appoint(page, name, { assign = false } = {}) {
  await page.locator('#appoint-person').selectOption({ label: name });
  const box = page.locator('form.appoint input[name=assign]');
  if (assign)
    await box.check();
  else
    await box.uncheck();
  return submit(page, page.locator('form.appoint button[type=submit]'));
}

// The plan page (open): one task's fields in the one plan form, then its
// one save.  fields: {owner: label, due: 'YYYY-MM-DD', status: 'doing'}.
async function setTask(page, task, { owner, due, status } = {}) {
  if (owner !== undefined)
    await page.locator(`#owner-${task}`).selectOption({ label: owner });
  if (due !== undefined)
    await page.locator(`#due-${task}`).fill(due);
  if (status !== undefined)
    await page.locator(`#status-${task}`).selectOption(status);
  return submit(page, page.locator('form[action$="/tasks"] .savebar button[type=submit]'));
}

async function login(page, base, loginId, password = PASSWORD) {
  await goto(page, `${base}/login`);
  await page.fill('#login', loginId);
  await page.fill('#password', password);
  return submit(page, page.locator('form[action="/login"] button[type=submit]'));
}

// The CSRF token of the signed-in session, as the pages carry it.
async function csrfToken(page) {
  return page.locator('input[type=hidden][name=csrf]').first().inputValue();
}

// The main text of the open page, whitespace squeezed.
async function mainText(page) {
  return (await page.locator('main').innerText()).replace(/\s+/g, ' ');
}

// Fails with one line per problem (instead of a long diff of arrays).
function noProblems(list, title) {
  if (list.length)
    throw new Error(`${title}:\n${list.join('\n')}`);
}

// `SECSTEP_DB=db secstep ARGS...` in the top folder, for a server's
// prepare step; its output.  Retried while another process is still
// rewriting the binary ("Text file busy", during a parallel build).
function cli(db, env, args) {
  for (let i = 0; ; i++) {
    try {
      return execFileSync(BIN, args, { cwd: TOP, env: { ...env, SECSTEP_DB: db }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
    } catch (e) {
      if (e.code !== 'ETXTBSY' || i >= 20)
        throw new Error(`secstep ${args.join(' ')} failed: ${e.message}\n${e.stderr || ''}`);
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
}

// Imports samples/NAME (prepare step); the import's output.
function importSample(db, env, name) {
  return cli(db, env, ['import', path.join(TOP, 'samples', name)]);
}

module.exports = {
  TOP, BIN, TODAY, PASSWORD, TIMEOUT,
  newDb, startServer, launchBrowser, watch, submit, goto, setupOwner, invite, acceptNew, createCompany, quickPeople,
  answerAll, typicalAnswer, onboard, login, csrfToken, mainText, sleep, noProblems, appoint, setTask, cli, importSample,
};
