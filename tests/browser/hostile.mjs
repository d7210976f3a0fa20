// Hostile and broken bundles, and the network, in the real browser (issue 5).
// Run with the other browser checks: `cargo xtask browser-test`.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, recordPage, serveDir } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const oneFile = pathToFileURL(join(dist, 'referat.html')).href;
const sample = JSON.parse(readFileSync(join(dist, 'bundle.json'), 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'referat-hostile-'));

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/**
 * A fresh browser context that records every request it makes (pages and workers),
 * console errors, page errors, dialogs and CSP violations for the whole session.
 */
async function session(url) {
  const context = await browser.newContext({ viewport: { width: 1024, height: 768 } });
  const log = { requests: [], errors: [], dialogs: [] };
  context.on('request', (r) => log.requests.push(r.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  recordPage(page, log);
  await page.goto(url);
  await page.waitForSelector('#result-count');
  return { context, page, log };
}

const resultCount = (page, n, timeout = 60000) =>
  page.waitForFunction((n) => document.querySelector('#result-count')?.textContent === String(n), n, { timeout });

async function pick(page, name, json) {
  const buffer = Buffer.isBuffer(json) ? json : Buffer.from(typeof json === 'string' ? json : JSON.stringify(json));
  await page.setInputFiles('#bundle-file', { name, mimeType: 'application/json', buffer });
}

/** Packs a bundle into the one-file viewer with the real CLI, as a user would. */
function pack(name, bundle) {
  const json = join(work, `${name}.json`);
  const html = join(work, `${name}.html`);
  writeFileSync(json, JSON.stringify(bundle));
  execFileSync('cargo', ['run', '-q', '-p', 'referat-cli', '--', 'pack', json, '-o', html, '--app', join(dist, 'referat-app.html')], { cwd: root });
  return pathToFileURL(html).href;
}

const PAYLOADS = [
  '<script>alert("script")</script>',
  '<img src=x onerror=alert("img")>',
  '</script><script>alert("close")</script>',
  '<!-- <script>alert("comment")</script> -->',
  '<svg onload=alert("svg")>',
  '"><b id=injected>fed</b>',
  '&lt;b&gt; &amp; &#60;',
];

test('HTML and script in every string field show as text and run nothing', async () => {
  let n = 0;
  const evil = () => PAYLOADS[n++ % PAYLOADS.length];
  const person = () => ({ name: evil(), party: evil(), note: evil() });
  const bundle = {
    format: 'referat-bundle', version: 1, title: evil(), generated: evil(), committees: { BUU: evil() },
    meetings: [0, 1].map((m) => ({
      id: `m${m}`, committee: evil(), date: `2024-0${m + 1}-15`, start_time: '10:00', location: evil(), source: evil(),
      heading: evil(), absent: [person()], sections: [{ heading: evil(), text: evil() }],
      items: [0, 1].map((i) => ({
        id: `m${m}-${i}`, number: i + 1, case_number: evil(), title: evil(), access: 'open', route: [evil(), 'BUU'],
        sections: [{ heading: evil(), text: `${evil()}\n\n${evil()}` }, { heading: null, text: evil() }],
        decisions: [{ body: evil(), date: `2024-0${m + 1}-15`, text: evil(), outcome: 'approved', dissent: true, remarks: [evil()], heading: evil() }],
        outcome: 'approved', absent: [person()],
        attachments: [{ number: 1, title: evil(), reference: evil(), access: 'closed', note: evil() }],
      })),
    })),
  };
  const url = pack('every-field', bundle);
  const { context, page, log } = await session(url);
  const scriptsAtStart = await page.$$eval('script', (s) => s.length);
  await resultCount(page, 4);
  const views = ['#/', '#/punkt/m0-0', '#/punkt/m1-1', '#/moede/m0', '#/moede/m1'];
  for (const view of views) {
    await page.evaluate((h) => (location.hash = h), view);
    await page.waitForTimeout(150);
    const body = await page.textContent('body');
    assert.ok(body.includes('<script>alert("script")</script>') || view === '#/', `payload shown as text on ${view}`);
    assert.equal(await page.$('#injected'), null, `no element made from text on ${view}`);
    assert.equal(await page.$('img[src="x"], svg[onload]'), null, `no img/svg made from text on ${view}`);
  }
  assert.ok((await page.textContent('.bundle-title')).includes('<script>'), 'the title is shown as text');
  assert.equal(await page.$$eval('script', (s) => s.length), scriptsAtStart, 'no script element was added');
  await page.fill('#q', 'alert');
  await page.waitForTimeout(200);
  assert.equal(await page.$('#injected'), null);
  assert.deepEqual(log.dialogs, [], 'no script ran');
  assert.deepEqual(log.errors, []);
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  // Nothing but the file and the page's own blob: worker (the inflater of the packed layout).
  assert.deepEqual([...new Set(log.requests)].filter((u) => !u.startsWith('blob:null/')), [url]);
  await context.close();
});

const valid = (patch = (b) => b) => patch(structuredClone(sample));

// Each broken bundle, and the Danish words its message must contain.
const BROKEN = [
  ['ikke-json.json', 'Dette er ikke JSON', /ikke gyldig JSON: her skulle der stå en værdi/],
  ['tom.json', '', /Filen er tom/],
  ['utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(JSON.stringify(sample), 'utf16le')]), /gemt som UTF-16/],
  ['afkortet.json', JSON.stringify(sample).slice(0, 200), /filen slutter midt i et JSON-element/],
  ['forkert-type.json', valid((b) => ((b.meetings[0].items[0].number = 'en'), b)), /«meetings\[0\]\.items\[0\]\.number»: forkert type: fandt tekst "en", forventede et heltal/],
  ['mangler-felt.json', valid((b) => (delete b.meetings[0].source, b)), /«meetings\[0\]»: feltet «source» mangler/],
  ['ukendt-udfald.json', valid((b) => ((b.meetings[0].items[0].outcome = 'måske'), b)), /værdien «måske» er ikke en af de tilladte/],
  ['dobbelt-id.json', valid((b) => ((b.meetings[1].items[0].id = b.meetings[0].items[0].id), b)), /bruges to gange; et id skal være entydigt/],
  ['version-2.json', valid((b) => ((b.version = 2), b)), /version 2, men denne udgave af referat kan kun læse version 1/],
  ['ikke-bundle.json', { hello: 'world' }, /feltet «format» mangler/],
  ['forkert-format.json', valid((b) => ((b.format = 'andet'), b)), /feltet «format» er `andet`/],
];

test('every broken bundle gets its own Danish message, and the app keeps working', async () => {
  const { context, page, log } = await session(oneFile);
  const total = Number(await page.textContent('#result-count'));
  for (const [name, content, want] of BROKEN) {
    await pick(page, name, content);
    await page.waitForFunction((n) => document.querySelector('#load-error')?.textContent.includes(n), name, { timeout: 10000 });
    const message = await page.textContent('#load-error');
    assert.match(message, want, `${name}: ${message}`);
    assert.match(message, /Den bundle, der var indlæst før, vises stadig/, `${name}: the old bundle is kept`);
    assert.equal(Number(await page.textContent('#result-count')), total, `${name}: the old bundle still shows`);
  }
  // Still usable: a filter works on the old bundle.
  await page.check('input[data-committee="Voksen- og plejeudvalget"]');
  await resultCount(page, 1);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a 10 MB field and 100,000 items with empty fields load with a progress indicator', async () => {
  const { context, page, log } = await session(oneFile);
  const long = valid((b) => ((b.meetings[0].items[0].sections[0].text = 'ø'.repeat(5 * 1024 * 1024)), b));
  await pick(page, 'langt-felt.json', long);
  await page.waitForSelector('#loading', { timeout: 10000 });
  await resultCount(page, sample.meetings.flatMap((m) => m.items).length);
  await page.evaluate((id) => (location.hash = `#/punkt/${id}`), long.meetings[0].items[0].id);
  await page.waitForSelector('.item-view', { timeout: 30000 });
  assert.ok((await page.textContent('.item-view')).includes('øøøøø'));

  const items = 100000;
  const meetings = Array.from({ length: items / 10 }, (_, m) => ({
    id: `m${m}`, committee: null, date: null, source: '',
    items: Array.from({ length: 10 }, (_, i) => ({ id: `m${m}-${i}`, number: null, case_number: null, title: null, access: 'open', outcome: 'pending' })),
  }));
  await pick(page, 'mange.json', { format: 'referat-bundle', version: 1, title: '', generated: '', meetings });
  await page.waitForSelector('#loading', { timeout: 10000 });
  await resultCount(page, items, 120000);
  assert.equal(await page.$('#load-error'), null);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a bundle above the documented limit is refused at once, without being read', async () => {
  const { context, page, log } = await session(oneFile);
  const total = Number(await page.textContent('#result-count'));
  // 302 MB made in the page (one shared 1 MB part), handed to the file input as a user would.
  await page.evaluate(() => {
    const part = new Uint8Array(1024 * 1024).fill(32);
    const file = new File(Array(302).fill(part), 'arkiv.json', { type: 'application/json' });
    const dt = new DataTransfer();
    dt.items.add(file);
    const input = document.querySelector('#bundle-file');
    input.files = dt.files;
    input.dispatchEvent(new Event('change', { bubbles: true }));
  });
  await page.waitForSelector('#load-error', { timeout: 10000 });
  assert.match(await page.textContent('#load-error'), /Bundlen fylder 302 MB, men referat kan højst åbne 300 MB\. Del arkivet op/);
  assert.equal(await page.$('#loading'), null, 'nothing is read');
  assert.equal(Number(await page.textContent('#result-count')), total);
  assert.deepEqual(log.errors, []);
  await context.close();
});

test('a whole session from file:// requests nothing but the file, under the CSP', async () => {
  const { context, page, log } = await session(oneFile);
  const csp = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', 'content');
  assert.match(csp, /default-src 'none'/);
  // Exactly two inline scripts may run: the browser check and the app.
  assert.match(csp, /script-src 'sha256-[^']+' 'sha256-[^']+' 'wasm-unsafe-eval';/);
  assert.doesNotMatch(csp, /unsafe-inline/);
  // Load, filter, search, open items and a meeting, switch language, print, load a file.
  await page.check('input[data-committee="Børne- og ungdomsudvalget"]');
  await page.fill('#q', 'social');
  await page.waitForTimeout(150);
  const ids = await page.$$eval('[data-item-id]', (rows) => rows.map((r) => r.dataset.itemId));
  for (const id of ids) {
    await page.click(`[data-item-id="${id}"] a`);
    await page.waitForSelector('.item-view');
    await page.goBack();
  }
  await page.evaluate((id) => (location.hash = `#/moede/${id}`), sample.meetings[0].id);
  await page.waitForTimeout(150);
  await page.click('text=English');
  await page.emulateMedia({ media: 'print' });
  await page.pdf?.({ path: join(work, 'print.pdf') }).catch(() => {});
  await page.emulateMedia({ media: 'screen' });
  await pick(page, 'egen.json', sample);
  await page.waitForTimeout(300);
  await page.reload();
  await page.waitForSelector('#result-count');
  assert.deepEqual(
    [...new Set(log.requests)].filter((u) => !u.startsWith('blob:null/')),
    [oneFile],
    'nothing beyond the file itself and its own blob: workers',
  );
  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'the app runs under its CSP');
  assert.deepEqual(log.errors, []);
  await context.close();
});

const PREFIX = '/intranet/referat/';

test('served under a sub-path over http, the app requests only its own files there', async () => {
  assert.ok(existsSync(join(dist, 'index.html')));
  // The app lives under a sub-path, as on an intranet; relative URLs must keep it there.
  const server = await serveDir(dist, PREFIX);
  const origin = server.origin;
  try {
    const { context, page, log } = await session(`${origin}${PREFIX}index.html`);
    await resultCount(page, sample.meetings.flatMap((m) => m.items).length);
    await page.fill('#q', 'effektivisering');
    await page.waitForTimeout(150);
    await page.click('[data-item-id] a');
    await page.waitForSelector('.item-view');
    const paths = [...new Set(log.requests)].map((u) => {
      const url = new URL(u);
      assert.equal(url.origin, origin, `same origin: ${u}`);
      return url.pathname;
    });
    // The page and its bundle, and the offline copy's worker with what it keeps (sw.js).
    const own = ['', 'index.html', 'bundle.json', 'sw.js', 'manifest.webmanifest', 'icon.svg'].map((f) => `${PREFIX}${f}`);
    assert.deepEqual(paths.filter((p) => !own.includes(p)), []);
    assert.ok(paths.includes(`${PREFIX}index.html`) && paths.includes(`${PREFIX}bundle.json`));
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    server.close();
  }
});
