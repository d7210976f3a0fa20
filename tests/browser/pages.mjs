// Browser checks of the person, people, committee, meetings and case pages, "Mine noter",
// keyboard use and the offline copy. The pages are read on the council fixture
// (crates/core/tests/fixtures/council-bundle.json), packed into one file with the real CLI;
// what each check expects is counted here from the fixture's JSON, not from the app.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, recordPage, serveDir } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const shots = join(here, 'screenshots');
const fixture = join(root, 'crates/core/tests/fixtures/council-bundle.json');
const council = JSON.parse(readFileSync(fixture, 'utf8'));
const work = mkdtempSync(join(tmpdir(), 'referat-pages-'));
let oneFile;
let browser;

before(async () => {
  mkdirSync(shots, { recursive: true });
  const html = join(work, 'council.html');
  execFileSync('cargo', ['run', '-q', '-p', 'referat-cli', '--', 'pack', fixture, '-o', html, '--app', join(dist, 'referat-app.html')], {
    cwd: root,
  });
  oneFile = pathToFileURL(html).href;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** A page in its own context (own storage), recording requests (with bodies) and errors. */
async function session(viewport = { width: 1024, height: 768 }, options = {}) {
  const context = await browser.newContext({ viewport, acceptDownloads: true, ...options });
  const page = await context.newPage();
  const log = { requests: [], bodies: [], errors: [], dialogs: [] };
  context.on('request', (r) => {
    log.requests.push(r.url());
    log.bodies.push(r.postData() || '');
  });
  recordPage(page, log);
  return { context, page, log };
}

async function openAt(page, hash) {
  await page.goto(oneFile + hash);
  await page.waitForSelector('.app[data-text="ready"]');
}

// What the fixture says, counted independently of the app.
const items = council.meetings.flatMap((m) => m.items.map((i) => ({ ...i, meeting: m })));
const quarterOf = (date) => `${date.slice(0, 4)} K${Math.floor((Number(date.slice(5, 7)) - 1) / 3) + 1}`;
/** Per quarter, the items a person missed: whole meetings count all their items. */
function missedPerQuarter(name) {
  const out = {};
  for (const m of council.meetings) {
    const whole = m.absent.some((a) => a.name === name);
    const n = whole ? m.items.length : m.items.filter((i) => i.absent.some((a) => a.name === name)).length;
    if (n > 0) out[quarterOf(m.date)] = (out[quarterOf(m.date)] || 0) + n;
  }
  return out;
}

test('every new page opens from its URL, by clicking, and again on reload and back', async () => {
  const { context, page, log } = await session();
  await openAt(page, '#/');
  // A chip in the list leads to the person's page.
  await page.click('[data-item-id="by-2024-02-20-1"] a.person-link');
  await page.waitForSelector('[data-view-person="Bo Kragh"]');
  assert.equal(new URL(page.url()).hash, '#/person/Bo%20Kragh');
  await page.reload();
  await page.waitForSelector('[data-view-person="Bo Kragh"]');
  // The committee link on the person's page, then the tabs.
  await page.click('[data-committee="Økonomiudvalget"] h3 a');
  await page.waitForSelector('[data-view-committee="Økonomiudvalget"]');
  await page.click('#tab-meetings');
  await page.waitForSelector('.meetings-view');
  assert.deepEqual(
    await page.$$eval('#meeting-table [data-meeting]', (rows) => rows.map((r) => r.dataset.meeting)),
    council.meetings.map((m) => m.id),
  );
  // The committee filter narrows the meetings page and keeps it.
  await page.check('input[data-committee="Byrådet"]');
  await page.waitForFunction(() => document.querySelectorAll('#meeting-table [data-meeting]').length === 1);
  assert.ok(page.url().includes('#/moeder?udvalg=Byr%C3%A5det'));
  await page.click('#tab-people');
  await page.waitForSelector('.people-view');
  await page.goBack();
  await page.waitForSelector('.meetings-view');
  await page.goBack();
  await page.waitForSelector('.meetings-view');
  await page.goBack();
  await page.waitForSelector('[data-view-committee="Økonomiudvalget"]');
  // From an item to its case, through both bodies, oldest first.
  await openAt(page, '#/punkt/by-2024-02-20-1');
  await page.click('#case-link');
  await page.waitForSelector('#case-timeline');
  const want = items.filter((i) => i.case_number.replace(/\s/g, '') === '24/100');
  want.sort((a, b) => a.meeting.date.localeCompare(b.meeting.date));
  assert.deepEqual(
    await page.$$eval('#case-timeline [data-item]', (rows) => rows.map((r) => [r.dataset.item, r.dataset.outcome])),
    want.map((i) => [i.id, i.outcome]),
  );
  // Opened directly, each URL shows its page.
  for (const [hash, selector] of [
    ['#/personer', '#people-table'],
    ['#/person/Carla%20Lund', '[data-view-person="Carla Lund"]'],
    ['#/udvalg/Byr%C3%A5det', '[data-view-committee="Byrådet"]'],
    ['#/moeder', '#meeting-table'],
    ['#/sag/24%2F200', '#case-timeline'],
  ]) {
    await openAt(page, hash);
    await page.waitForSelector(selector);
  }
  assert.deepEqual(log.errors, []);
  assert.deepEqual(
    [...new Set(log.requests)].filter((u) => !u.startsWith('blob:null/')),
    [oneFile.replace(/#.*/, '')],
    'the pages request nothing but the file',
  );
  await context.close();
});

/** A chart path's bars: [x, height] of each subpath (`M x base h w v -height h -w Z`). */
const barsOf = (d) => [...(d || '').matchAll(/M([\d.]+) ([\d.]+)h[\d.]+v-([\d.]+)/g)].map((m) => [Number(m[1]), Number(m[3])]);

test('the charts draw one bar a quarter (and a stack a year) with the counts of the fixture', async () => {
  const { context, page } = await session();
  for (const name of ['Bo Kragh', 'Anne Dahl', 'Carla Lund']) {
    await openAt(page, `#/person/${encodeURIComponent(name)}`);
    const chart = await page.$eval('#quarter-chart path.bars', (p) => ({
      labels: p.dataset.labels.split(','),
      counts: p.dataset.counts.split(',').map(Number),
      d: p.getAttribute('d'),
    }));
    const want = missedPerQuarter(name);
    chart.labels.forEach((label, i) => assert.equal(chart.counts[i], want[label] || 0, `${name} ${label}`));
    const total = Object.values(want).reduce((s, n) => s + n, 0);
    assert.equal(chart.counts.reduce((s, n) => s + n, 0), total);
    // A bar for each quarter with absences, as tall as its share of the largest.
    const max = Math.max(...chart.counts);
    const drawn = barsOf(chart.d).map(([, h]) => h);
    const nonzero = chart.counts.filter((n) => n > 0);
    assert.equal(drawn.length, nonzero.length, name);
    nonzero.forEach((n, i) => assert.ok(Math.abs(drawn[i] - (n / max) * 120) < 0.2, `${name} bar ${i}`));
    assert.equal(Number(await page.textContent('#person-items')), total);
    // "Vis tallene" opens the same numbers as a table.
    await page.click('#quarter-chart .numbers-toggle');
    const rows = await page.$$eval('#quarter-chart table tr', (trs) => trs.map((tr) => [tr.cells[0].textContent, Number(tr.cells[1].textContent)]));
    assert.deepEqual(rows, Object.entries(want).sort());
  }
  // The committee chart: per outcome, a count a year as counted in the fixture.
  await openAt(page, '#/udvalg/%C3%98konomiudvalget');
  const years = (await page.getAttribute('#outcome-chart', 'data-years')).split(',');
  const segs = await page.$$eval('#outcome-chart path.seg', (ps) => ps.map((p) => [p.dataset.outcome, p.dataset.counts.split(',').map(Number)]));
  const counted = {};
  for (const i of items.filter((i) => i.meeting.committee === 'Økonomiudvalget')) {
    const k = `${i.meeting.date.slice(0, 4)} ${i.outcome}`;
    counted[k] = (counted[k] || 0) + 1;
  }
  const got = {};
  for (const [outcome, counts] of segs) counts.forEach((n, y) => n && (got[`${years[y]} ${outcome}`] = n));
  assert.deepEqual(got, counted);
  await context.close();
});

test('a note stays on the device: survives a reload, marks and filters the list, exports and imports, is never sent', async () => {
  const { context, page, log } = await session();
  const text = 'Spørg om afstemningen — æøå "citat"';
  await openAt(page, '#/punkt/by-2024-02-20-1');
  await page.fill('#note', text);
  await page.reload();
  await page.waitForSelector('.item-view');
  assert.equal(await page.inputValue('#note'), text);
  // Marked in the list, and the filter keeps only noted items.
  await openAt(page, '#/');
  assert.deepEqual(await page.$$eval('[data-noted="true"]', (b) => b.map((x) => x.closest('[data-item-id]').dataset.itemId)), ['by-2024-02-20-1']);
  await page.check('#noted-only');
  await page.waitForFunction(() => document.querySelector('#result-count')?.textContent === '1');
  assert.ok(page.url().includes('noter=1'));
  // Not in the bundle the app saves.
  const saved = page.waitForEvent('download');
  await page.click('#save-bundle');
  const bundleText = readFileSync(await (await saved).path(), 'utf8');
  assert.ok(!bundleText.includes('afstemningen'), 'the note is not in the bundle');
  // Exported to a file…
  const exported = page.waitForEvent('download');
  await page.click('#export-notes');
  const download = await exported;
  const notesFile = join(work, download.suggestedFilename());
  await download.saveAs(notesFile);
  const notes = JSON.parse(readFileSync(notesFile, 'utf8'));
  assert.equal(notes.format, 'referat-notes');
  assert.equal(notes.notes['by-2024-02-20-1'].text, text);
  // …and into a new device (a fresh context has empty storage).
  const fresh = await session();
  await openAt(fresh.page, '#/');
  assert.equal(await fresh.page.$$eval('[data-noted="true"]', (b) => b.length), 0);
  await fresh.page.setInputFiles('#import-notes', notesFile);
  await fresh.page.waitForSelector('#notes-message');
  assert.match(await fresh.page.textContent('#notes-message'), /^1 nye, 0 opdateret, 0 beholdt/);
  await fresh.page.waitForSelector('[data-noted="true"]');
  // A file that is no notes file is refused with its name and why.
  const bad = join(work, 'not-notes.json');
  writeFileSync(bad, JSON.stringify(council));
  await fresh.page.setInputFiles('#import-notes', bad);
  await fresh.page.waitForFunction(() => document.querySelector('#notes-message')?.textContent.includes('not-notes.json'));
  assert.match(await fresh.page.textContent('#notes-message'), /not a referat notes file/);
  await fresh.context.close();
  // Nothing was sent anywhere: no request but the file and the app's own blob: worker.
  assert.deepEqual([...new Set(log.requests)].filter((u) => !u.startsWith('blob:null/') && !u.startsWith('file:')), []);
  assert.ok(log.bodies.every((b) => !b.includes('afstemningen')));
  assert.deepEqual(log.errors, []);
  await context.close();
});

/** Tabs through the whole page: the controls reached, and those that showed no focus ring. */
async function tabRound(page) {
  const seen = new Set();
  const unringed = [];
  let first = null;
  let previous = null;
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press('Tab');
    const f = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return null;
      // A hidden file input shows its ring on the label before it.
      const shown = el.classList.contains('visually-hidden') ? el.previousElementSibling : el;
      const s = getComputedStyle(shown);
      const id = el.id || `${el.tagName}:${el.getAttribute('href') || el.dataset.committee || el.dataset.outcome || el.dataset.person || el.textContent.trim().slice(0, 30)}`;
      return { id, ring: s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2 };
    });
    // A date input takes several Tabs (day, month, year); the round ends back at the start.
    if (!f || f.id === previous) continue;
    previous = f.id;
    if (f.id === first) break;
    first ??= f.id;
    seen.add(f.id);
    if (!f.ring) unringed.push(f.id);
  }
  const controls = await page.$$eval('a[href], button:not([disabled]), input:not([disabled]), select, textarea', (els) =>
    els
      .filter((el) => el.getClientRects().length > 0)
      .map((el) => el.id || `${el.tagName}:${el.getAttribute('href') || el.dataset.committee || el.dataset.outcome || el.dataset.person || el.textContent.trim().slice(0, 30)}`),
  );
  return { unringed, unreached: controls.filter((c) => !seen.has(c)) };
}

test('every control of every view is reached by Tab and shows a visible focus ring; links and checkboxes work from the keyboard', async () => {
  for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
    const { context, page } = await session(viewport);
    for (const hash of ['#/', '#/punkt/by-2024-02-20-1', '#/moede/oeu-2024-02-10', '#/personer', '#/person/Bo%20Kragh', '#/udvalg/%C3%98konomiudvalget', '#/moeder', '#/sag/24%2F100']) {
      await openAt(page, hash);
      const { unringed, unreached } = await tabRound(page);
      assert.deepEqual(unringed, [], `${hash} at ${viewport.width}: no focus ring`);
      assert.deepEqual(unreached, [], `${hash} at ${viewport.width}: not reached by Tab`);
    }
    await context.close();
  }
  const { context, page } = await session();
  await openAt(page, '#/person/Bo%20Kragh');
  // Enter on a tab link, Space on a checkbox.
  await page.focus('#tab-meetings');
  await page.keyboard.press('Enter');
  await page.waitForSelector('.meetings-view');
  await page.focus('input[data-committee="Byrådet"]');
  await page.keyboard.press('Space');
  await page.waitForFunction(() => document.querySelectorAll('#meeting-table [data-meeting]').length === 1);
  await context.close();
});

test('screenshots of each new page, upright and on its side', async () => {
  for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
    const { context, page, log } = await session(viewport);
    for (const [name, hash] of [
      ['people', '#/personer'],
      ['person', '#/person/Bo%20Kragh'],
      ['committee', '#/udvalg/%C3%98konomiudvalget'],
      ['meetings', '#/moeder'],
      ['case', '#/sag/24%2F100'],
      ['item-notes', '#/punkt/by-2024-02-20-1'],
    ]) {
      await openAt(page, hash);
      await page.screenshot({ path: join(shots, `page-${name}-${viewport.width}x${viewport.height}.png`), fullPage: true });
    }
    assert.deepEqual(log.errors, []);
    await context.close();
  }
});

test('served over http, the viewer keeps an offline copy: it reloads with no network, and a newer bundle replaces it', async () => {
  const site = join(work, 'site');
  mkdirSync(site, { recursive: true });
  for (const f of ['index.html', 'sw.js', 'manifest.webmanifest', 'icon.svg']) copyFileSync(join(dist, f), join(site, f));
  writeFileSync(join(site, 'bundle.json'), JSON.stringify(council));
  const server = await serveDir(site);
  try {
    const { context, page, log } = await session();
    await page.goto(`${server.origin}/`);
    await page.waitForSelector('.app[data-text="ready"]');
    // The worker is installed, and has kept the page and the bundle.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(async () => {
      const cache = await caches.open('referat-offline-v1');
      return Boolean((await cache.match('./bundle.json')) && (await cache.match('./')));
    });
    // The server changes its bundle and goes down, and the tablet goes offline: only the
    // kept copy can show the old title now.
    const newer = { ...council, title: 'Testby – ny udgave', generated: '2025-03-01T12:00:00Z' };
    writeFileSync(join(site, 'bundle.json'), JSON.stringify(newer));
    server.setDown(true);
    await context.setOffline(true);
    await page.reload();
    await page.waitForSelector('.app[data-text="ready"]');
    assert.equal(await page.textContent('#result-count'), String(items.length));
    assert.equal(await page.textContent('.bundle-title'), council.title);
    // Back online, the newer bundle replaces the kept one…
    server.setDown(false);
    await context.setOffline(false);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.bundle-title')?.textContent === 'Testby – ny udgave');
    assert.match(await page.textContent('.generated'), /01-03-2025 12:00/);
    await page.waitForFunction(async () => {
      const kept = await (await caches.open('referat-offline-v1')).match('./bundle.json');
      return kept && (await kept.json()).title === 'Testby – ny udgave';
    });
    // …and is what shows when the server is down again.
    server.setDown(true);
    await page.reload();
    await page.waitForFunction(() => document.querySelector('.bundle-title')?.textContent === 'Testby – ny udgave');
    // Only the site's own files were asked for.
    const paths = [...new Set(log.requests)].filter((u) => !u.startsWith('blob:')).map((u) => new URL(u).pathname);
    assert.deepEqual([...new Set(paths)].sort(), ['/', '/bundle.json', '/icon.svg', '/index.html', '/manifest.webmanifest', '/sw.js']);
    assert.deepEqual(log.errors, []);
    await context.close();
  } finally {
    server.close();
  }
});

test('the one-file version registers no service worker, from file:// or served over http', async () => {
  const { context, page, log } = await session();
  await openAt(page, '#/');
  assert.equal(await page.$('link[rel=manifest]'), null);
  const server = await serveDir(work);
  try {
    await page.goto(`${server.origin}/council.html`);
    await page.waitForSelector('.app[data-text="ready"]');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length), 0);
    assert.equal(await page.$('link[rel=manifest]'), null);
  } finally {
    server.close();
  }
  assert.ok(log.requests.every((u) => !u.endsWith('/sw.js') && !u.endsWith('.webmanifest')));
  await context.close();
});
