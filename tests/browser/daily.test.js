'use strict';
// Daily use of the guidebook's company C (samples/company-c.json) by its
// owner: the diagnosis in parts (progress, save and continue, a self-check
// item asked once, the roll-up in words), records edited after they were
// added, removals that ask first, the policy that needs a representative,
// and a printed plan that keeps who, when and status.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, page, seen, base;

before(async () => {
  server = await h.startServer({
    prepare: (db, env) => h.importSample(db, env, 'company-c.json'),
  });
  base = `${server.base}/c/1`;
  browser = await h.launchBrowser();
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  page = await ctx.newPage();
  seen = h.watch(page);
  await h.setupOwner(page, server.setupUrl, { name: '管理 一郎', login: 'admin@example.jp' });
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

async function status() {
  return (await page.context().request.get(`${server.base}/api/v1/companies/1/status`)).json();
}

test('the diagnosis in parts: progress, save and continue, a self-check item asked once', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${base}/diagnosis`);
  const parts = page.locator('nav ol.parts a');
  assert.equal(await parts.count(), 7, 'STEP1–4 and the self-check\'s three parts');
  assert.match(await parts.nth(0).innerText(), /STEP1[\s\S]*回答済み 9 \/ 9/);
  // the self-check's first part: items 2 and 3 are the STEP1 questions
  await h.goto(page, `${base}/diagnosis?part=basic`);
  assert.equal(await page.locator('input[type=radio][name="sd-02"]').count(), 0, 'sd-02 is not asked again');
  assert.equal(await page.locator('input[type=radio][name="sd-01"]').count(), 5, 'sd-01 is asked');
  const twin = page.locator('.question#sd-02');
  assert.match(await twin.innerText(), /同じ内容を STEP1「利用するパソコン等への対策」で聞いています/);
  // the STEP1 question answered "not applicable": the self-check item takes that answer
  await h.submit(page, twin.locator('a'));
  assert.equal(page.url(), `${base}/diagnosis?part=step1#cp-1-1-q3`, 'the link goes to the very question');
  await page.locator('input[name="cp-1-1-q3"][value=na]').check();
  await h.submit(page, page.getByRole('button', { name: '保存する', exact: true }));
  assert.equal(page.url(), `${base}/diagnosis?part=step1&saved=1`);
  await h.goto(page, `${base}/diagnosis?part=basic`);
  assert.match(await page.locator('.question#sd-02').innerText(), /答え: 該当しない/, 'one answer serves both');
  const diag = (await (await page.context().request.get(`${server.base}/api/v1/companies/1`)).json());
  const sd = diag.self_diagnosis || (diag.document && diag.document.self_diagnosis) || {};
  if (Object.keys(sd).length)
    assert.equal(sd['sd-02'], 'na', 'recorded for the self-check item too');
  // save and continue: the next part opens
  const next = page.locator('button[name=next]');
  assert.match(await next.innerText(), /保存して次へ: 自社診断 6〜18/);
  await page.locator('input[name="sd-01"][value=partial]').check();
  await h.submit(page, next);
  assert.equal(page.url(), `${base}/diagnosis?part=employee&saved=1`);
  assert.match(await page.locator('nav ol.parts a[aria-current=step]').innerText(), /自社診断 6〜18/);
  // the count of answers does not read like a score
  assert.match(await h.mainText(page), /25項目のうち \d+ 項目に回答済みです|点 \/ 100点/);
  h.noProblems(seen.errors, 'script errors');
});

test('a checkpoint answered yes, partly and don\'t know reads "partly"', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${base}/diagnosis?part=step3`);
  for (const [q, v] of [['cp-3-2-q1', 'yes'], ['cp-3-2-q2', 'partial'], ['cp-3-2-q3', 'unknown']])
    await page.locator(`input[name="${q}"][value=${v}]`).check();
  await h.submit(page, page.getByRole('button', { name: '保存する', exact: true }));
  const cp = (await status()).checkpoints.find((c) => c.id === 'cp-3-2');
  assert.equal(cp.answer, 'partial');
  await h.goto(page, `${base}/onboard/result`);
  const heading = page.locator('main h3', { hasText: 'セキュリティ対策の実行と見直し' });
  assert.equal(await heading.locator('.badge').innerText(), '一部', 'the result shows 一部, not わからない');
});

test('assets and register records can be edited; removing asks first', { timeout: h.TIMEOUT }, async () => {
  // an asset: add, edit, remove
  await h.goto(page, `${base}/assets`);
  await page.fill('#name', '顧客台帳');
  await page.selectOption('#c', '3');
  const r = await h.submit(page, page.getByRole('button', { name: '追加する' }));
  assert.match(page.url(), /\/assets\?saved=1$/, `the asset is added (${r.status()}): ${await h.mainText(page)}`);
  await h.submit(page, page.getByRole('link', { name: /^変更\s*: 顧客台帳$/ }));
  assert.equal(page.url(), `${base}/assets/a1`);
  assert.equal(await page.locator('#name').inputValue(), '顧客台帳', 'the form holds the asset');
  assert.equal(await page.locator('#c').inputValue(), '3');
  await page.fill('#name', '顧客台帳（営業）');
  await page.selectOption('#threat', '3');
  await h.submit(page, page.getByRole('button', { name: '変更を保存する' }));
  assert.match(page.url(), /\/assets\?saved=1/);
  let risks = await h.mainText(page);
  assert.match(risks, /顧客台帳（営業）/);
  // the remove button stays hidden until asked for
  const row = page.locator('tr', { hasText: '顧客台帳（営業）' });
  const really = row.getByRole('button', { name: '「顧客台帳（営業）」を削除する' });
  assert.equal(await really.isVisible(), false, 'no one-click removal');
  await row.locator('details.confirm summary').click();
  assert.match(await row.locator('.confirm-box').innerText(), /元には戻せません/);
  await h.submit(page, really);
  risks = await h.mainText(page);
  assert.ok(!risks.includes('顧客台帳（営業）'), 'removed after the confirmation');

  // a supplier: add, then edit
  await h.goto(page, `${base}/registers/suppliers`);
  await page.fill('#f-name', '山田システム');
  const add = page.locator('form[action$="/registers/suppliers"]');
  for (const sel of await add.locator('select').all()) {
    const v = await sel.evaluate((s) => [...s.options].map((o) => o.value).find((x) => x === 'true' || (x && x !== 'false')));
    if (v)
      await sel.selectOption(v);
  }
  await h.submit(page, add.getByRole('button', { name: '追加する' }));
  assert.match(page.url(), /saved=1/, `the supplier is added: ${await h.mainText(page)}`);
  await h.submit(page, page.getByRole('link', { name: /^変更\s*: 山田システム$/ }));
  assert.equal(await page.locator('#f-name').inputValue(), '山田システム');
  await page.fill('#f-name', '山田システム株式会社');
  await h.submit(page, page.getByRole('button', { name: '変更を保存する' }));
  assert.match(await h.mainText(page), /山田システム株式会社/);
  assert.equal(await page.locator('tbody tr').count(), 1, 'edited, not added');
});

test('removing a person asks first', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${base}/people/p4`);
  const name = await page.locator('main h1').innerText();
  const really = page.getByRole('button', { name: '削除する', exact: true });
  assert.equal(await really.isVisible(), false);
  await page.locator('details.confirm summary', { hasText: `${name} さんを削除` }).click();
  await h.submit(page, really);
  assert.match(page.url(), /\/people\?saved=1$/);
  assert.ok(!(await h.mainText(page)).includes(name), `${name} is gone`);
});

test('a policy whose representative line is empty cannot be approved', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${base}/policy`);
  await page.fill('#body', '情報セキュリティ基本方針\n\n全社で情報を守ります。\n\n代表者: \n');
  await h.submit(page, page.locator('form[action$="/policy"] button[type=submit]'));
  assert.match(await page.locator('.warnbox').innerText(), /「代表者:」の行に名前がありません/);
  assert.equal(await page.getByRole('button', { name: '経営者として承認する' }).count(), 0, 'no approve button');
  const csrf = await h.csrfToken(page);
  const r = await page.context().request.post(`${base}/policy/approve`, { form: { csrf }, maxRedirects: 0 });
  assert.equal(r.status(), 400, 'approval is refused');
  await page.fill('#body', '情報セキュリティ基本方針\n\n全社で情報を守ります。\n\n代表者: 斎藤 正人\n');
  await h.submit(page, page.locator('form[action$="/policy"] button[type=submit]'));
  await h.submit(page, page.getByRole('button', { name: '経営者として承認する' }));
  assert.match(await h.mainText(page), /承認 2026-11-25/);
});

test('the printed plan keeps who, when and status', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${base}/plan`);
  assert.equal(await page.locator('a[href$="/export/management.pdf"]').count(), 1, 'the plan links to the PDF report');
  await page.emulateMedia({ media: 'print' });
  const facts = await page.locator('.task .task-facts').evaluateAll((ps) => ps.map((p) => [p.innerText, getComputedStyle(p).display]));
  await page.emulateMedia({ media: 'screen' });
  assert.equal(facts.length, 4);
  for (const [text, display] of facts) {
    assert.notEqual(display, 'none', 'shown in print');
    assert.match(text, /担当: .+ \/ 期限: .+ \/ 状況: (未着手|進行中|完了)/);
  }
  const pdf = await page.context().request.get(`${base}/export/management.pdf`);
  assert.equal(pdf.status(), 200);
  assert.equal(pdf.headers()['content-type'], 'application/pdf');
});

test('a consultation log entry can be edited', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${base}/help`);
  await page.fill('#partner', '商工会議所');
  await page.fill('#topic', '基本方針の相談');
  await h.submit(page, page.getByRole('button', { name: '記録する' }));
  await h.submit(page, page.getByRole('link', { name: /^変更\s*: .*基本方針の相談$/ }));
  assert.match(page.url(), /\/help\/log\/\d+$/);
  assert.equal(await page.locator('#topic').inputValue(), '基本方針の相談');
  // an empty topic: the browser refuses it itself (required), the server too
  const csrf = await h.csrfToken(page);
  const r = await page.context().request.post(page.url(), { form: { csrf, date: '2026-11-25', partner: '商工会議所', topic: '' }, maxRedirects: 0 });
  assert.equal(r.status(), 400, 'an empty topic is refused');
  await page.fill('#topic', '基本方針の相談（2回目）');
  await h.submit(page, page.getByRole('button', { name: '変更を保存する' }));
  const log = await h.mainText(page);
  assert.match(log, /基本方針の相談（2回目）/);
  assert.equal(await page.locator('table.cards tbody tr').count(), 1, 'edited, not added');
});
