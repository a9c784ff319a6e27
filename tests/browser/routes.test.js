'use strict';
// Who may do what, route by route.  Every route of src/web/routes.c is
// requested by every relation to a company — owner, officer, employee,
// adviser through a support body, adviser of another body, the install's
// administrator without a membership, signed out — against its own company,
// another company and a deleted company's id, GETs and POSTs (with a valid
// CSRF token), and each status is compared with src/web/routes.expect.
// A route without a row there (or a row without a route) fails, here and
// in the build (tools/routecheck.sh).
//
// A POST that goes through changes the database: it is put back from a
// backup (taken after every relation signed in) before the next request.
//
// SECSTEP_ROUTES_WRITE=1 prints the observed table instead of comparing,
// to review by hand when routes change.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { execFileSync, spawn } = require('node:child_process');
const h = require('./helpers');

const RELATIONS = ['owner', 'officer', 'employee', 'adviser', 'xadviser', 'admin', 'anon'];
const ROUTES_C = path.join(h.TOP, 'src/web/routes.c');
const EXPECT = path.join(h.TOP, 'src/web/routes.expect');

// The route table, as the router sees it.
function readRoutes() {
  const text = fs.readFileSync(ROUTES_C, 'utf8');
  const re = /\{"(GET|POST)", "([^"]+)", (ACC_[A-Z]+), ([^,]+), \w+\}/g;
  const out = [];
  let m;
  while ((m = re.exec(text)))
    out.push({ method: m[1], pattern: m[2], access: m[3], company: m[2].includes(':company') });
  return out;
}

// METHOD PATTERN then one status per relation, for the relations' own
// company; another company and a deleted one give 404 to everyone signed
// in (company routes) and the same as the own company when signed out.
function readExpect() {
  const rows = new Map();
  for (const line of fs.readFileSync(EXPECT, 'utf8').split('\n')) {
    const t = line.trim();
    if (!t || t.startsWith('#'))
      continue;
    const f = t.split(/\s+/);
    if (f.length !== 2 + RELATIONS.length)
      throw new Error(`routes.expect: bad row: ${line}`);
    rows.set(`${f[0]} ${f[1]}`, f.slice(2).map(Number));
  }
  return rows;
}

let server, dir, db, backup, env;
const fx = {};           // ids of the fixture
const who = {};          // relation -> {cookie, csrf}

function cli(...args) {
  return execFileSync(h.BIN, ['--db', db, ...args], { env, encoding: 'utf8', input: args[0] === 'user' ? `${h.PASSWORD}\n` : undefined });
}

function importCompany(file) {
  return JSON.parse(cli('--json', 'import', path.join(h.TOP, 'samples', file))).company;
}

async function startOn(dbPath) {
  const port = await new Promise((resolve) => {
    const s = require('node:net').createServer();
    s.listen(0, '127.0.0.1', () => { const { port: p } = s.address(); s.close(() => resolve(p)); });
  });
  const proc = spawn(h.BIN, ['--db', dbPath, 'serve', '--listen', `127.0.0.1:${port}`, '--quiet'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let err = '';
  proc.stderr.on('data', (d) => { err += d; });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).status === 200)
        break;
    } catch (e) { /* not up yet */ }
    await h.sleep(50);
  }
  const exited = new Promise((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return { base, proc, exited, stderr: () => err };
}

async function signIn(login) {
  const r = await fetch(`${server.base}/login`, {
    method: 'POST', redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ login, password: h.PASSWORD, next: '/account' }),
  });
  assert.equal(r.status, 303, `sign-in of ${login}`);
  const cookie = r.headers.get('set-cookie').match(/sid=[0-9a-f]{64}/)[0];
  const page = await (await fetch(`${server.base}/account`, { headers: { cookie } })).text();
  const csrf = page.match(/name="csrf" value="([0-9a-f]+)"/)[1];
  return { cookie, csrf };
}

before(async () => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secstep-routes-'));
  db = h.newDb(dir, 'routes');
  backup = path.join(dir, 'backup.db');
  env = { ...process.env, SECSTEP_TODAY: h.TODAY };
  delete env.SECSTEP_DB;
  delete env.SECSTEP_TEST_DB;
  fx.a = importCompany('company-d.json');   // the relations' own company
  fx.b = importCompany('company-a.json');   // nobody's here
  fx.d = importCompany('company-b.json');   // looked after by the other body
  fx.u = importCompany('company-c.json');   // no owner at all
  fx.gone = importCompany('company-a.json');
  cli('company', 'remove', String(fx.gone), '--yes');
  cli('register', 'add', String(fx.a), 'suppliers', '--set', 'name=取引先');
  for (const [login, admin] of [['owner', 0], ['officer', 0], ['employee', 0], ['adviser', 0], ['xadviser', 0], ['admin', 1], ['bowner', 0]])
    cli('user', 'add', `${login}@example.jp`, '--name', login, ...(admin ? ['--admin'] : []));
  cli('member', 'add', String(fx.a), 'owner@example.jp', '--role', 'owner');
  cli('member', 'add', String(fx.a), 'officer@example.jp', '--role', 'officer', '--person', 'p2');
  cli('member', 'add', String(fx.a), 'employee@example.jp', '--role', 'employee', '--person', 'p3');
  cli('member', 'add', String(fx.b), 'bowner@example.jp', '--role', 'owner');
  cli('member', 'add', String(fx.d), 'bowner@example.jp', '--role', 'owner');
  fx.body = JSON.parse(cli('--json', 'body', 'add', '北商工会議所')).body;
  fx.xbody = JSON.parse(cli('--json', 'body', 'add', '南ITベンダー')).body;
  cli('body', 'adviser', 'add', String(fx.body), 'adviser@example.jp');
  cli('body', 'adviser', 'add', String(fx.xbody), 'xadviser@example.jp');
  cli('body', 'company', 'add', String(fx.body), String(fx.a));
  cli('body', 'company', 'add', String(fx.xbody), String(fx.d));
  fx.employeeAccount = JSON.parse(cli('--json', 'user', 'list')).findIndex((u) => u.login === 'employee@example.jp') + 1;
  server = await startOn(db);
  for (const rel of RELATIONS)
    who[rel] = rel === 'anon' ? null : await signIn(`${rel}@example.jp`);
  cli('backup', backup);
});

after(async () => {
  if (server && server.proc.exitCode === null)
    server.proc.kill('SIGTERM');
  if (server)
    await server.exited;
  if (dir)
    fs.rmSync(dir, { recursive: true, force: true });
});

// The path to request: the company is the target's; other parameters are
// things of company A (or of the relation's own body).
function fill(pattern, company) {
  const values = {
    company, person: 'p1', task: 'task-1-1', kind: 'suppliers', key: 's1', asset: 'a1', feed: '1', token: '0'.repeat(48), entry: '999999',
    file: pattern.startsWith('/b/') ? 'portfolio.csv' : 'company.json', session: '999999', account: String(fx.employeeAccount), invite: '999999', body: String(fx.body),
    id: String(fx.u),
  };
  return pattern.replace(/:([a-z]+)/g, (_, name) => {
    if (!(name in values))
      throw new Error(`routes.test.js: no value for :${name} in ${pattern}`);
    return values[name];
  });
}

async function request(route, rel, company) {
  const url = server.base + fill(route.pattern, String(company));
  const headers = {};
  if (who[rel])
    headers.cookie = who[rel].cookie;
  const opts = { method: route.method, redirect: 'manual', headers };
  if (route.method === 'POST') {
    if (route.pattern.startsWith('/api/')) {
      headers['content-type'] = 'application/json';
      if (who[rel])
        headers['x-csrf-token'] = who[rel].csrf;
      opts.body = '{}';
    } else {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      opts.body = new URLSearchParams(who[rel] ? { csrf: who[rel].csrf } : {}).toString();
    }
  }
  const r = await fetch(url, opts);
  await r.arrayBuffer();
  if (route.method === 'POST' && r.status < 400)
    cli('restore', backup, '--yes');
  return r.status;
}

test('every route has a row in routes.expect and every row a route', () => {
  const routes = readRoutes().map((r) => `${r.method} ${r.pattern}`);
  const rows = [...readExpect().keys()];
  assert.deepEqual(routes.filter((r) => !rows.includes(r)), [], 'routes without an expectation');
  assert.deepEqual(rows.filter((r) => !routes.includes(r)), [], 'expectations without a route');
  assert.ok(routes.length >= 80, `the route table was read (${routes.length} routes)`);
});

test('every route, every relation, own / other / deleted company: the status expected', { timeout: 600000 }, async () => {
  const expect = readExpect();
  const problems = [];
  const observed = [];
  for (const route of readRoutes()) {
    const want = expect.get(`${route.method} ${route.pattern}`) || [];
    const got = [];
    for (let i = 0; i < RELATIONS.length; i++) {
      const rel = RELATIONS[i];
      const own = await request(route, rel, fx.a);
      got.push(own);
      if (want.length && own !== want[i])
        problems.push(`${route.method} ${route.pattern} as ${rel}, own company: ${own}, expected ${want[i]}`);
      if (!route.company)
        continue;
      for (const [label, company] of [['another company', fx.b], ['a deleted company', fx.gone]]) {
        const st = await request(route, rel, company);
        const w = rel === 'anon' ? want[i] : 404;
        if (st !== w)
          problems.push(`${route.method} ${route.pattern} as ${rel}, ${label}: ${st}, expected ${w}`);
      }
    }
    observed.push(`${route.method.padEnd(5)}${route.pattern.padEnd(52)}${got.map((s) => String(s).padStart(4)).join('')}`);
  }
  if (process.env.SECSTEP_ROUTES_WRITE)
    console.log(observed.join('\n'));
  h.noProblems(problems, 'statuses that differ from src/web/routes.expect');
});

test('routes: the server stops cleanly (exit 0, no sanitizer report)', { timeout: h.TIMEOUT }, async () => {
  server.proc.kill('SIGTERM');
  const r = await server.exited;
  assert.equal(r.signal, null, `not killed by a signal\n${server.stderr()}`);
  assert.equal(r.code, 0, `exit code\n${server.stderr()}`);
  assert.ok(!/Sanitizer|runtime error/.test(server.stderr()), server.stderr());
});
