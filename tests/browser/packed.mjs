// Browser checks of the packed one-file layout (`referat pack`): the list shows from the
// light bundle before the text has arrived, a query typed meanwhile says "…" and then
// gives the right answer (never a wrong one), and a damaged part is named while the rest
// keeps working. Run by `cargo xtask browser-test` after dist/ is built.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, recordedPage, serveDir } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const work = mkdtempSync(join(tmpdir(), 'referat-packed-'));

// 1,500 meetings of two items: about 2.5 MB of JSON, so several parts.
const topics = ['budget', 'skoler', 'ældrepleje', 'veje', 'økonomi'];
const meetings = [];
for (let n = 0; n < 1500; n++) {
  const date = new Date(Date.UTC(2012, 0, 1) + n * 86400000).toISOString().slice(0, 10);
  meetings.push({
    id: `m-${n}`,
    committee: n % 2 ? 'Børne- og ungdomsudvalget' : 'Økonomiudvalget',
    date,
    absent: [],
    source: `m-${n}.txt`,
    items: [0, 1].map((i) => ({
      id: `m-${n}-${i + 1}`,
      number: i + 1,
      case_number: `${12 + (n % 10)}/${n * 2 + i}`,
      title: `Punkt ${i + 1} i møde ${n}`,
      access: 'open',
      route: [],
      // The topic is only in the text, never in the light bundle.
      sections: [{ heading: 'Sagsfremstilling', text: `Sagen handler om ${topics[(n + i) % 5]} i område ${n}. `.repeat(8) }],
      decisions: [{ body: null, date, text: `Godkendt, nummer ${n}-${i}.`, outcome: 'approved', dissent: false, remarks: [] }],
      outcome: 'approved',
      absent: [],
      attachments: [],
    })),
  });
}
const bundle = { format: 'referat-bundle', version: 1, title: 'Pakket arkiv', generated: '2026-12-01T00:00:00Z', meetings: meetings.reverse() };
const items = bundle.meetings.flatMap((m) => m.items);
const total = items.length;
const matching = (word) => items.filter((i) => i.sections.some((s) => s.text.includes(word))).length;

let browser;
let html;
before(async () => {
  writeFileSync(join(work, 'arkiv.json'), JSON.stringify(bundle));
  execFileSync(
    'cargo',
    ['run', '-q', '-p', 'referat-cli', '--', 'pack', join(work, 'arkiv.json'), '-o', join(work, 'arkiv.html'), '--app', join(dist, 'referat-app.html')],
    { cwd: root, stdio: 'inherit' },
  );
  html = readFileSync(join(work, 'arkiv.html'), 'utf8');
  // The same archive as a folder for a web server, left as written (tests change copies).
  execFileSync(
    'cargo',
    ['run', '-q', '-p', 'referat-cli', '--', 'pack', join(work, 'arkiv.json'), '--shards', join(work, 'arkiv-shards'), '--app', join(dist, 'referat-app.html')],
    { cwd: root, stdio: 'inherit' },
  );
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

async function open(url) {
  const { page, log } = await recordedPage(browser);
  // Every value #result-count shows, and whether the text was in at the time.
  await page.addInitScript(() => {
    window.__counts = [];
    new MutationObserver(() => {
      const c = document.getElementById('result-count');
      const shown = c && c.textContent;
      const last = window.__counts[window.__counts.length - 1];
      const text = document.querySelector('.app')?.dataset.text;
      if (c && (!last || last.shown !== shown || last.text !== text)) window.__counts.push({ shown, text });
    }).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
  });
  // Not waiting for the load event: the page may still be arriving.
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForSelector('#result-count');
  return { page, log };
}

test('the list shows before the text arrives; a query typed meanwhile waits and is then right', async () => {
  // The page is served in two pieces, 4 s apart, split after the viewer's script: the
  // browser has the light bundle and the viewer, and the parts come later, as from a
  // slow stick or network.
  const cut = html.indexOf('<script type="application/octet-stream" id="referat-part-0"');
  assert.ok(cut > 0);
  const server = createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.write(html.slice(0, cut));
    setTimeout(() => res.end(html.slice(cut)), 4000);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { page, log } = await open(`http://127.0.0.1:${server.address().port}/`);
  assert.equal(await page.textContent('#result-count'), String(total));
  assert.equal(await page.getAttribute('.app', 'data-text'), 'loading');
  // An item opened now says its text is coming; the facts from the light bundle are there.
  const first = items[0];
  await page.click(`[data-item-id="${first.id}"] a`);
  await page.waitForSelector('#text-loading');
  assert.match(await page.textContent('.item-view'), new RegExp(first.case_number.replace('/', '\\/')));
  // Not page.goBack(): it would wait for the page's load event, i.e. for the parts.
  await page.evaluate(() => history.back());
  await page.waitForSelector('[data-item-id]');
  await page.fill('#q', 'skoler');
  await page.waitForSelector('#searching');
  assert.equal(await page.textContent('#result-count'), '…');
  // Saving would lose the text, so it waits too.
  assert.equal(await page.isDisabled('#save-file'), true);
  await page.waitForSelector('.app[data-text="ready"]', { timeout: 20000 });
  await page.waitForFunction((n) => document.getElementById('result-count').textContent === String(n), matching('skoler'));
  assert.equal(await page.isDisabled('#save-file'), false);
  const seen = await page.evaluate(() => window.__counts);
  // Never a wrong number: the total before the query, "…" while the text came, then the answer.
  assert.deepEqual(
    [...new Set(seen.map((c) => c.shown))],
    [String(total), '…', String(matching('skoler'))],
  );
  assert.ok(seen.some((c) => c.shown === String(total) && c.text === 'loading'), 'the list showed before the text');
  // The item now shows its text.
  await page.click(`[data-item-id="${items.find((i) => i.sections[0].text.includes('skoler')).id}"] a`);
  await page.waitForSelector('.item-view .text-section');
  assert.equal(await page.$('#text-loading'), null);
  assert.deepEqual(log.errors, []);
  await page.close();
  server.close();
});

test('a damaged part is named, and the rest of the archive keeps working', async () => {
  // Part 1's compressed text replaced by text that is base64 but not gzip.
  const open1 = '<script type="application/octet-stream" id="referat-part-1">';
  const start = html.indexOf(open1) + open1.length;
  const end = html.indexOf('</script>', start);
  writeFileSync(join(work, 'damaged.html'), html.slice(0, start) + 'AAAAAAAAAAAA' + html.slice(end));
  const manifest = JSON.parse(html.match(/id="referat-pack">([^<]*)<\/script>/)[1]);
  const part = manifest.parts[1];
  const { page, log } = await open(pathToFileURL(join(work, 'damaged.html')).href);
  await page.waitForSelector('.app[data-text="ready"]', { timeout: 20000 });
  assert.equal(await page.textContent('#result-count'), String(total));
  const missing = await page.textContent('#text-missing');
  assert.match(missing, new RegExp(`part 1 \\(meetings ${part.first}–${part.first + part.count - 1}\\)`));
  // Text search covers every other part: the damaged part's items are the ones it misses.
  const lost = bundle.meetings.slice(part.first, part.first + part.count).flatMap((m) => m.items);
  const want = matching('budget') - lost.filter((i) => i.sections[0].text.includes('budget')).length;
  await page.fill('#q', 'budget');
  await page.waitForFunction((n) => document.getElementById('result-count').textContent === String(n), want);
  // The damaged part's meetings are still listed, by what the light bundle has.
  await page.fill('#q', '');
  await page.fill('#q', lost[0].case_number);
  await page.waitForFunction(() => document.getElementById('result-count').textContent === '1');
  // The one console line is the viewer's own report of the part.
  assert.equal(log.errors.length, 1);
  assert.match(log.errors[0], /^referat: part 1 /);
  await page.close();
});

test('printing the list prints every filtered item, not a first page', async () => {
  const { page } = await open(pathToFileURL(join(work, 'arkiv.html')).href);
  await page.waitForSelector('.app[data-text="ready"]', { timeout: 20000 });
  await page.check('input[data-committee="Økonomiudvalget"]');
  const want = bundle.meetings.filter((m) => m.committee === 'Økonomiudvalget').flatMap((m) => m.items);
  await page.waitForFunction((n) => document.getElementById('result-count').textContent === String(n), want.length);
  const onScreen = await page.$$eval('[data-item-id]', (rows) => rows.length);
  assert.ok(onScreen < want.length, `the screen shows a window of rows (${onScreen})`);
  await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
  await page.waitForFunction((n) => document.querySelectorAll('[data-item-id]').length === n, want.length);
  assert.deepEqual(await page.$$eval('[data-item-id]', (rows) => rows.map((r) => r.dataset.itemId)), want.map((i) => i.id));
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction((n) => document.querySelectorAll('[data-item-id]').length < n, want.length);
  await page.close();
});

/** Serves `dir` under /arkiv/ and opens it until the text is in, noting every URL asked for. */
async function openServed(dir) {
  const server = await serveDir(dir, '/arkiv/');
  const { page, log } = await recordedPage(browser);
  const asked = [];
  page.on('request', (r) => asked.push(r.url()));
  await page.goto(`${server.origin}/arkiv/`);
  await page.waitForSelector('.app[data-text="ready"]', { timeout: 20000 });
  return { server, page, log, asked };
}

test('a sharded archive over http: list first, parts by committee and year, a missing part named', async () => {
  const dir = join(work, 'arkiv-missing');
  cpSync(join(work, 'arkiv-shards'), dir, { recursive: true });
  const page0 = readFileSync(join(dir, 'index.html'), 'utf8');
  const manifest = JSON.parse(page0.match(/id="referat-pack">([^<]*)<\/script>/)[1]);
  // A part per committee and year, newest year first.
  assert.deepEqual(manifest.parts.slice(0, 2).map((p) => p.label), ['Børne- og ungdomsudvalget 2016', 'Økonomiudvalget 2016']);
  assert.equal(manifest.parts.length, 10);
  // One part gone from the server, as after a failed copy.
  const gone = manifest.parts[3];
  unlinkSync(join(dir, gone.file));
  const { server, page, log, asked } = await openServed(dir);
  assert.equal(await page.textContent('#result-count'), String(total));
  assert.equal(await page.textContent('h1'), 'Pakket arkiv');
  const missing = await page.textContent('#text-missing');
  assert.ok(missing.includes(`${gone.label} (${gone.file}): the server answered HTTP 404`), missing);
  // Only the archive's own files were asked for, each once.
  const files = [manifest.head.file, manifest.light, ...manifest.parts.map((p) => p.file)].map((f) => `${server.origin}/arkiv/${f}`);
  // The head was left for the whole list.
  assert.equal(await page.$('.app[data-archive]'), null);
  // (The blob: URL is the inflating worker, made in the page.)
  assert.deepEqual(asked.filter((u) => u !== `${server.origin}/arkiv/` && !u.startsWith('blob:')).sort(), files.sort());
  // Text search covers every other part; the lost part's items are still listed.
  const lost = bundle.meetings.filter((m) => m.committee === gone.label.replace(/ \d+$/, '') && m.date.startsWith(gone.label.slice(-4))).flatMap((m) => m.items);
  assert.equal(lost.length > 0, true);
  const want = matching('budget') - lost.filter((i) => i.sections[0].text.includes('budget')).length;
  await page.fill('#q', 'budget');
  await page.waitForFunction((n) => document.getElementById('result-count').textContent === String(n), want);
  await page.fill('#q', lost[0].case_number);
  await page.waitForFunction(() => document.getElementById('result-count').textContent === '1');
  // The item's text came from its part.
  const hit = items.find((i) => i.sections[0].text.includes('skoler') && !lost.includes(i));
  await page.fill('#q', hit.case_number);
  await page.click(`[data-item-id="${hit.id}"] a`);
  await page.waitForSelector('.item-view .text-section');
  assert.match(await page.textContent('.item-view'), /skoler/);
  // The console has the browser's line for the 404 and the viewer's own report of the part.
  const own = log.errors.filter((e) => !/Failed to load resource/.test(e));
  assert.equal(own.length, 1, own.join('\n'));
  assert.match(own[0], /^referat: Børne- og ungdomsudvalget 2015|^referat: Økonomiudvalget 2015/);
  await page.close();
  server.close();
});

test('a sharded archive shows its newest items from its head before the light bundle is in', async () => {
  const dir = join(work, 'arkiv-head');
  cpSync(join(work, 'arkiv-shards'), dir, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(dir, 'index.html'), 'utf8').match(/id="referat-pack">([^<]*)<\/script>/)[1]);
  assert.equal(manifest.head.items, total);
  // The light bundle never comes: the page stays at the head, and says so.
  unlinkSync(join(dir, manifest.light));
  const server = await serveDir(dir, '/arkiv/');
  const { page } = await recordedPage(browser);
  await page.goto(`${server.origin}/arkiv/`);
  await page.waitForSelector('.load-error');
  const panel = await page.textContent('.load-error');
  assert.ok(panel.includes(`the light bundle (${manifest.light}): the server answered HTTP 404`), panel);
  // Not "the bundle loaded before is still shown": the page says what it shows instead.
  assert.ok(!panel.includes('vises stadig'), panel);
  // The newest rows, and the whole archive's count from the manifest.
  assert.ok(await page.$('.app[data-archive="partial"]'));
  assert.equal(await page.textContent('#result-count'), String(total));
  const newest = bundle.meetings.slice(0, 3).flatMap((m) => m.items.map((i) => i.id));
  const rows = await page.$$eval('[data-item-id]', (els) => els.map((e) => e.dataset.itemId));
  assert.deepEqual(rows.slice(0, 6), newest);
  assert.equal(await page.textContent('.more-coming'), 'Resten af arkivet kunne ikke hentes; kun de nyeste punkter vises.');
  await page.screenshot({ path: join(here, 'screenshots', 'archive-head-1024x768.png') });
  // Facets and people would be the head's, not the archive's: they wait.
  assert.equal(await page.$('input[data-committee]'), null);
  assert.match(await page.textContent('.filter-panel .checks'), /Resten af arkivet kunne ikke hentes/);
  // A search or a filter cannot be answered from the head: "Søger…", never a wrong count.
  await page.fill('#q', 'budget');
  await page.waitForSelector('#searching');
  assert.equal(await page.textContent('#result-count'), '…');
  await page.fill('#q', '');
  await page.waitForFunction((n) => document.getElementById('result-count').textContent === String(n), total);
  // A head item opens with its facts; the meetings page waits.
  await page.click(`[data-item-id="${newest[0]}"] a`);
  await page.waitForSelector('.item-view');
  assert.match(await page.textContent('.item-view'), new RegExp(bundle.meetings[0].items[0].title));
  await page.click('#tab-meetings');
  await page.waitForFunction(() => /Resten af arkivet kunne ikke hentes/.test(document.querySelector('main').textContent));
  await page.close();
  server.close();
});

test('a sharded archive opened as a file says it must be served', async () => {
  const dir = join(work, 'arkiv-shards');
  const { page } = await recordedPage(browser);
  await page.goto(pathToFileURL(join(dir, 'index.html')).href);
  await page.waitForSelector('.load-error');
  assert.match(await page.textContent('.load-error'), /arkiv i dele.*webserver/s);
  await page.close();
});

test('a sharded archive too large to hold fetches an opened item\'s text from its part', async () => {
  // The same archive, marked as pack marks one past TEXT_ON_DEMAND_BYTES.
  const from = join(work, 'arkiv-shards');
  const dir = join(work, 'arkiv-on-demand');
  cpSync(from, dir, { recursive: true });
  const page0 = readFileSync(join(dir, 'index.html'), 'utf8');
  const manifestText = page0.match(/id="referat-pack">([^<]*)<\/script>/)[1];
  const manifest = JSON.parse(manifestText);
  writeFileSync(join(dir, 'index.html'), page0.replace(manifestText, JSON.stringify({ ...manifest, text_on_demand: true })));
  const { server, page, log, asked } = await openServed(dir);
  // Every part was indexed: text search is complete.
  await page.fill('#q', 'budget');
  await page.waitForFunction((n) => document.getElementById('result-count').textContent === String(n), matching('budget'));
  // No whole bundle to save or import into.
  assert.equal(await page.isDisabled('#save-file'), true);
  // An item's text comes from its part, fetched again when the item is opened.
  const hit = items.find((i) => i.sections[0].text.includes('skoler') && i.case_number.length >= 7);
  const meetingAt = bundle.meetings.findIndex((m) => m.items.includes(hit));
  const meeting = bundle.meetings[meetingAt];
  const part = manifest.parts.find((p) => p.label === `${meeting.committee} ${meeting.date.slice(0, 4)}`);
  const before = asked.filter((u) => u.endsWith(part.file)).length;
  await page.fill('#q', hit.case_number);
  await page.click(`[data-item-id="${hit.id}"] a`);
  await page.waitForSelector('.item-view .text-section');
  assert.match(await page.textContent('.item-view .text-section'), /skoler/);
  assert.equal(await page.$('#text-loading'), null);
  assert.equal(asked.filter((u) => u.endsWith(part.file)).length, before + 1);
  // Back and open again: the part is kept, not fetched a third time.
  await page.evaluate(() => history.back());
  await page.click(`[data-item-id="${hit.id}"] a`);
  await page.waitForSelector('.item-view .text-section');
  assert.equal(asked.filter((u) => u.endsWith(part.file)).length, before + 1);
  // A part gone from the server since: the item says its text could not be fetched, and names the part.
  const other = manifest.parts.find((p) => p !== part && p.label.endsWith('2014'));
  unlinkSync(join(dir, other.file));
  const lost = bundle.meetings.find((m) => `${m.committee} ${m.date.slice(0, 4)}` === other.label).items[0];
  await page.evaluate(() => history.back());
  await page.fill('#q', lost.case_number);
  await page.click(`[data-item-id="${lost.id}"] a`);
  await page.waitForSelector('#text-failed');
  assert.ok((await page.textContent('#text-failed')).includes(`${other.label} (${other.file}): the server answered HTTP 404`));
  // Its facts still show, from the light bundle.
  assert.match(await page.textContent('.item-view'), new RegExp(lost.case_number.replace('/', '\\/')));
  const own = log.errors.filter((e) => !/Failed to load resource/.test(e));
  assert.equal(own.length, 1, own.join('\n'));
  await page.close();
  server.close();
});
