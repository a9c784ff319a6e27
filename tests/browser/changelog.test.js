// The change log in words: after changes from the command line (an exam
// passed, a task's status and due date, a supplier added, diagnosis
// answers), the owner's change log names each field and value as the pages
// do — in Japanese and in English — and shows no document path or id.

const { test, before, after } = require('node:test');
const assert = require('node:assert/strict');
const h = require('./helpers');

let server, browser, page, dbPath, env;

before(async () => {
  server = await h.startServer({
    prepare: async (db, e) => {
      dbPath = db;
      env = e;
      h.importSample(db, e, 'company-c.json');
    },
  });
  browser = await h.launchBrowser();
  const ctx = await browser.newContext();
  ctx.setDefaultTimeout(10000);
  page = await ctx.newPage();
  await h.setupOwner(page, server.setupUrl);   // owner of the imported company
  h.cli(dbPath, env, ['exam', 'set', '1', 'p1', 'sg', '--status', 'passed', '--date', '2026-10-01']);
  h.cli(dbPath, env, ['task', 'update', '1', 'task-3-2', '--due', '2027-02-01', '--status', 'doing']);
  h.cli(dbPath, env, ['register', 'add', '1', 'suppliers', '--set', 'name=クラウド会計社', '--set', 'service=会計']);
  h.cli(dbPath, env, ['diagnose', '1', '--set', 'cp-1-1=yes', '--set', 'sd-01=partial']);
});

after(async () => {
  if (browser)
    await browser.close();
  if (server)
    await server.stop();
});

const RAW = /tasks\[|people\[|suppliers\[|self_diagnosis|checkpoints\.|\btodo\b|\bdoing\b|\bpassed\b|"exam"|\{"|\bp1\b|task-3-2|suppliers\/s1|(answered|回答) diagnosis/;

test('the change log names fields and values in Japanese, with no paths or ids', { timeout: h.TIMEOUT }, async () => {
  const r = await h.goto(page, `${server.base}/c/1/audit`);
  assert.equal(r.status(), 200);
  const text = await h.mainText(page);
  const p1 = JSON.parse(h.cli(dbPath, env, ['--json', 'company', 'show', '1'])).people.find((p) => p.id === 'p1').name;
  assert.ok(text.includes(`人の情報を変更 ${p1}`), `the person by name: ${p1}`);
  for (const want of [
    '期限: 2027-03-31 → 2027-02-01',
    '状況: 未着手 → 進行中',
    '試験 › 情報セキュリティマネジメント試験: （なし） → 日付: 2026-10-01; 試験: 情報セキュリティマネジメント試験; 状況: 合格',
    '取引先・サービス名: クラウド会計社',
    'チェックポイント › 利用するパソコン等への対策: （なし） → はい',
    '自社診断（25項目） › OS・ソフトの更新: はい → 一部',
    // what each entry is about, by name
    'タスクを変更 セキュリティ対策の実行と定期的な見直し',
    '記録を追加 取引先・外部サービス: クラウド会計社',
  ])
    assert.ok(text.includes(want), `the log shows "${want}"\n${text}`);
  assert.doesNotMatch(text, RAW);
  // the path stays at hand for whoever needs it, as the tooltip
  assert.equal(await page.locator('ul.changes span[title="tasks[task-3-2].status"]').innerText(), '状況');
});

test('the change log names fields and values in English too', { timeout: h.TIMEOUT }, async () => {
  await h.goto(page, `${server.base}/c/1/audit?lang=en`);
  const text = await h.mainText(page);
  for (const want of [
    'Status: To do → Doing',
    'Exams › Information Security Management Examination (SG)',
    'Status: Passed',
    'Self-diagnosis (25 items) › Keep OS and software up to date: Yes → Partly',
  ])
    assert.ok(text.includes(want), `the log shows "${want}"\n${text}`);
  assert.doesNotMatch(text, RAW);
  await h.goto(page, `${server.base}/c/1/audit?lang=ja`);   // back, for whoever comes next
});

test('changelog: the server stops cleanly (exit 0, no sanitizer report)', async () => {
  const r = await server.stop();
  assert.equal(r.code, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /Sanitizer|runtime error/);
});
