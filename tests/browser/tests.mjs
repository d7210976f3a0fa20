// Browser checks of the one-file viewer, dist/referat.html opened from file://
// in headless Chromium from apt. Run `cargo xtask browser-test` (it builds dist/ first).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, recordPage, recordedPage, serveDir } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
const shots = join(here, 'screenshots');
const oneFile = pathToFileURL(join(dist, 'referat.html')).href;
const bundle = JSON.parse(readFileSync(join(dist, 'bundle.json'), 'utf8'));

// The sample bundle, flattened: what each check expects is read from the data.
const items = bundle.meetings.flatMap((m) => m.items.map((i) => ({ ...i, meeting: m })));
const textOf = (i) =>
  [i.title, i.case_number, ...i.sections.flatMap((s) => [s.heading, s.text]), ...i.decisions.flatMap((d) => [d.text, ...d.remarks])]
    .filter(Boolean)
    .join('\n');
// Newest first, undated last, agenda order within a meeting: the app's default order.
const byDate = (list) => list.map((i) => i.id);

let browser;
before(async () => {
  mkdirSync(shots, { recursive: true });
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

/** A page that records every request, console error, page error and dialog. */
async function open(url, viewport = { width: 1024, height: 768 }) {
  const { page, log } = await recordedPage(browser, viewport);
  await page.goto(url);
  await page.waitForSelector('#result-count');
  // A packed file's text comes after its first results, and importing waits for it (the
  // import buttons are disabled meanwhile): the tests start from a page with all of it in.
  await page.waitForSelector('.app[data-text=ready]');
  return { page, log };
}

const count = async (page) => Number(await page.textContent('#result-count'));
const rowIds = (page) => page.$$eval('[data-item-id]', (rows) => rows.map((r) => r.dataset.itemId));
async function expectCount(page, n) {
  await page.waitForFunction((n) => document.querySelector('#result-count')?.textContent === String(n), n);
}

test('opens from file:// with no network requests and no console errors; screenshots', async () => {
  for (const viewport of [
    { width: 1024, height: 768 },
    { width: 768, height: 1024 },
  ]) {
    const { page, log } = await open(oneFile, viewport);
    assert.equal(await count(page), items.length);
    assert.deepEqual(await rowIds(page), byDate(items));
    assert.equal(await page.textContent('.bundle-title'), bundle.title);
    await page.screenshot({ path: join(shots, `list-${viewport.width}x${viewport.height}.png`), fullPage: false });
    if (viewport.width < 1000) {
      // On a tablet in portrait the filters fold away behind a toggle.
      assert.equal(await page.isVisible('.filter-panel'), false);
      await page.click('#filters-toggle');
      await page.waitForSelector('.filter-panel', { state: 'visible' });
      await page.screenshot({ path: join(shots, `filters-${viewport.width}x${viewport.height}.png`) });
    }
    const dialogue = items.find((i) => textOf(i).toLowerCase().includes('effektivisering'));
    await page.click(`[data-item-id="${dialogue.id}"] a`);
    await page.waitForSelector('.item-view');
    await page.screenshot({ path: join(shots, `item-${viewport.width}x${viewport.height}.png`), fullPage: true });
    // The item prints without header, filters, search and navigation.
    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['.app-header', '.side', '.toolbar', '.crumbs']) {
      assert.equal(await page.isVisible(hidden), false, `${hidden} is not printed`);
    }
    assert.ok(await page.isVisible('.item-title'));
    await page.emulateMedia({ media: 'screen' });
    await page.waitForTimeout(100);
    // The file, and the packed layout's inflater started from a blob: made by the page.
    assert.deepEqual(log.requests.filter((u) => !u.startsWith('blob:null/')), [oneFile], 'only the file itself is requested');
    assert.deepEqual(log.errors, []);
    await page.close();
  }
});

test('imports a PDF and a text with #import-files, saves one file with #save-file that opens with the same items; no network', async () => {
  const { page, log } = await open(oneFile);
  const before = await count(page);
  const pdf = join(root, 'tests/fixtures/aarhus-byraad-2025-08-27.pdf');
  const txt = join(root, 'examples/norddjurs/000_5f9710db80485d88.txt');
  await page.setInputFiles('#import-files', [pdf, txt]);
  await page.waitForSelector('#import-status[data-done=true]', { timeout: 60000 });
  const status = await page.textContent('#import-status');
  assert.match(status, /aarhus-byraad-2025-08-27\.pdf\s*21 punkter; item 21: no decision/);
  assert.match(status, /000_5f9710db80485d88\.txt\s*1 punkt(?!er)/);
  await expectCount(page, before + 22);
  const ids = await rowIds(page);
  await page.screenshot({ path: join(shots, 'import-1024x768.png') });
  await page.fill('#q', 'Havnens Perle');
  await expectCount(page, 1);
  const found = await rowIds(page);
  await page.fill('#q', '');

  // "Hent bundle.json": the whole bundle, the new meetings in it.
  const [bundleDownload] = await Promise.all([page.waitForEvent('download'), page.click('#save-bundle')]);
  const dir = mkdtempSync(join(tmpdir(), 'referat-import-'));
  const bundlePath = join(dir, 'bundle.json');
  await bundleDownload.saveAs(bundlePath);
  const saved = JSON.parse(readFileSync(bundlePath, 'utf8'));
  assert.equal(saved.meetings.length, bundle.meetings.length + 2);
  assert.ok(saved.meetings.some((m) => m.committee === 'Aarhus Byråd' && m.items.length === 21 && m.source === 'aarhus-byraad-2025-08-27.pdf'));
  const allIds = saved.meetings.flatMap((m) => [m.id, ...m.items.map((i) => i.id)]);
  assert.equal(new Set(allIds).size, allIds.length, 'ids stay unique (the sample is imported a second time)');
  for (const m of bundle.meetings) {
    assert.ok(saved.meetings.some((n) => n.id === m.id), `${m.id} keeps its id`);
  }

  // "Gem som fil": one HTML file with the viewer and the whole bundle, opened again.
  const [fileDownload] = await Promise.all([page.waitForEvent('download'), page.click('#save-file')]);
  const htmlPath = join(dir, fileDownload.suggestedFilename());
  assert.match(htmlPath, /\.html$/);
  await fileDownload.saveAs(htmlPath);
  const again = await open(pathToFileURL(htmlPath).href);
  await expectCount(again.page, before + 22);
  // The list renders the rows in view: the first ones are the same, in the same order.
  const shown = Math.min(ids.length, (await rowIds(again.page)).length, 5);
  assert.deepEqual((await rowIds(again.page)).slice(0, shown), ids.slice(0, shown));
  await again.page.fill('#q', 'Havnens Perle');
  await expectCount(again.page, 1);
  assert.deepEqual(await rowIds(again.page), found);
  // The saved file can import again: it carries the importer too.
  await again.page.setInputFiles('#import-files', [txt]);
  await again.page.waitForSelector('#import-status[data-done=true]', { timeout: 60000 });
  await again.page.fill('#q', '');
  await expectCount(again.page, before + 23);

  // No request but the files themselves and the worker's blob: URL.
  for (const l of [log, again.log]) {
    assert.deepEqual(l.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:')), []);
    assert.deepEqual(l.errors, []);
  }
  await again.page.close();
  await page.close();
});

test('a scanned PDF in an import is named with its reason; the other files are still read', async () => {
  const { page, log } = await open(oneFile);
  const before = await count(page);
  await page.setInputFiles('#import-files', [
    join(root, 'tests/fixtures/pdf/scannet.pdf'),
    join(root, 'tests/fixtures/pdf/udvalgsmoede.pdf'),
  ]);
  await page.waitForSelector('#import-status[data-done=true]', { timeout: 60000 });
  const failed = await page.textContent('#import-status .import-file.failed');
  assert.match(failed, /no text in `scannet\.pdf`: the pages are images; run OCR first/);
  await expectCount(page, before + 4);
  await page.click('#import-close');
  assert.equal(await page.$('#import-status'), null);
  assert.deepEqual(log.errors, []);
  await page.close();
});

/** A one-page PDF whose text is shown before any font is set: pdf-extract panics on it. */
function pdfWithoutFont() {
  const content = 'BT (Referat) Tj ET';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length + 1} >>\nstream\n${content}\nendstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) out += `${String(o).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

test('a file that crashes the importer is named, and a fresh importer reads the files after it', async () => {
  const { page, log } = await open(oneFile);
  const before = await count(page);
  await page.setInputFiles('#import-files', [
    { name: 'uden-skrift.pdf', mimeType: 'application/pdf', buffer: pdfWithoutFont() },
    { name: 'udvalgsmoede.pdf', mimeType: 'application/pdf', buffer: readFileSync(join(root, 'tests/fixtures/pdf/udvalgsmoede.pdf')) },
    { name: '001_bbf53a5e8e25f3d5.txt', mimeType: 'text/plain', buffer: readFileSync(join(root, 'examples/norddjurs/001_bbf53a5e8e25f3d5.txt')) },
  ]);
  await page.waitForSelector('#import-status[data-done=true]', { timeout: 60000 });
  const rows = await page.$$eval('#import-status .import-file', (r) => r.map((x) => x.textContent));
  assert.equal(rows.length, 3);
  assert.match(rows[0], /^uden-skrift\.pdfcannot read `uden-skrift\.pdf`: the importer failed/);
  assert.match(rows[1], /^udvalgsmoede\.pdf4 punkter/);
  assert.match(rows[2], /^001_bbf53a5e8e25f3d5\.txt1 punkt(?!er)/);
  await expectCount(page, before + 5);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith('file:') && !u.startsWith('blob:')), []);
  await page.close();
});

/** A folder of minutes: a PDF, a text in a subfolder, and a file that is no minutes. */
function minutesFolder() {
  const dir = join(mkdtempSync(join(tmpdir(), 'referat-folder-')), 'referater');
  mkdirSync(join(dir, 'sub'), { recursive: true });
  writeFileSync(join(dir, 'udvalgsmoede.pdf'), readFileSync(join(root, 'tests/fixtures/pdf/udvalgsmoede.pdf')));
  writeFileSync(join(dir, 'sub', '001.txt'), readFileSync(join(root, 'examples/norddjurs/001_bbf53a5e8e25f3d5.txt')));
  writeFileSync(join(dir, 'noter.md'), 'ikke et referat');
  return dir;
}

/** Drops the folder `dir` on the page as a user would (Chromium's own drag and drop). */
async function dropFolder(page, dir) {
  const client = await page.context().newCDPSession(page);
  const data = { items: [], files: [dir], dragOperationsMask: 1 };
  for (const type of ['dragEnter', 'dragOver', 'drop']) {
    await client.send('Input.dispatchDragEvent', { type, x: 400, y: 400, data });
  }
}

test('a folder of minutes: chosen with #import-folder from file://, dropped on the page over http', async () => {
  const dir = minutesFolder();
  const { page, log } = await open(oneFile);
  const before = await count(page);
  await page.setInputFiles('#import-folder', dir);
  await page.waitForSelector('#import-status[data-done=true]', { timeout: 60000 });
  assert.deepEqual(await page.$$eval('#import-status .import-name', (n) => n.map((x) => x.textContent).sort()), ['001.txt', 'udvalgsmoede.pdf']);
  await expectCount(page, before + 5);
  // From file:// Chromium does not let the page list a dropped folder: the panel says what to do.
  await page.click('#import-close');
  await dropFolder(page, dir);
  await page.waitForSelector('#import-status .import-error');
  assert.match(await page.textContent('#import-status .import-error'), /Importér mappe…/);
  assert.deepEqual(log.errors, []);
  await page.close();

  const server = await serveDir(dist);
  try {
    const served = await open(`${server.origin}/index.html`);
    const n = await count(served.page);
    await dropFolder(served.page, dir);
    await served.page.waitForSelector('#import-status[data-done=true]', { timeout: 60000 });
    assert.deepEqual(
      await served.page.$$eval('#import-status .import-name', (x) => x.map((e) => e.textContent)),
      ['001.txt', 'udvalgsmoede.pdf'],
      'the subfolder walked in name order; noter.md left out',
    );
    await expectCount(served.page, n + 5);
    assert.deepEqual(served.log.errors, []);
    await served.page.close();
  } finally {
    server.close();
  }
});

test('touch targets are at least 44 px', async () => {
  const { page } = await open(oneFile, { width: 768, height: 1024 });
  await page.click('#filters-toggle');
  const small = await page.$$eval('button, .button, .check, .result-link, select, input[type=search], input[type=date]', (els) =>
    els
      .filter((e) => e.offsetParent !== null)
      .map((e) => ({ what: e.outerHTML.slice(0, 60), h: e.getBoundingClientRect().height }))
      .filter((x) => x.h < 44),
  );
  assert.deepEqual(small, []);
  await page.close();
});

test('committee "Voksen- og plejeudvalget" gives exactly the VPU item', async () => {
  const { page } = await open(oneFile);
  const vpu = items.filter((i) => i.meeting.committee === 'Voksen- og plejeudvalget');
  assert.equal(vpu.length, 1);
  await page.check('input[data-committee="Voksen- og plejeudvalget"]');
  await expectCount(page, 1);
  assert.deepEqual(await rowIds(page), byDate(vpu));
  assert.match(page.url(), /#\/\?udvalg=Voksen-%20og%20plejeudvalget$/);
  await page.close();
});

test('#export-csv downloads every filtered item as Danish Excel reads it; nothing is requested', async () => {
  const { page, log } = await open(oneFile);
  await page.check('input[data-committee="Børne- og ungdomsudvalget"]');
  const buu = items.filter((i) => i.meeting.committee === 'Børne- og ungdomsudvalget');
  await expectCount(page, buu.length);
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
  assert.equal(download.suggestedFilename(), 'norddjurs-kommune-referater.csv');
  const bytes = readFileSync(await download.path());
  assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf], 'UTF-8 with a BOM');
  const rows = bytes.toString('utf8').slice(1).split('\r\n');
  assert.equal(rows.pop(), '', 'every row ends with CRLF');
  assert.equal(rows[0], 'Dato;Udvalg;Punkt;Sagsnummer;Titel;Resultat;Dissens;Fraværende');
  // One row per filtered item, newest first, as the list shows them.
  assert.deepEqual(
    rows.slice(1).map((r) => r.split(';').slice(0, 2)),
    buu.map((i) => [i.meeting.date, 'Børne- og ungdomsudvalget']),
  );
  assert.deepEqual(log.requests.filter((u) => !u.startsWith('blob:null/')), [oneFile]);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('absentee "Tom Bytoft" gives the VPU item of 24-04-2024', async () => {
  const { page } = await open(oneFile);
  await page.fill('#absentee-search', 'bytoft');
  await page.click('button[data-person="Tom Bytoft"]');
  await expectCount(page, 1);
  const [id] = await rowIds(page);
  const item = items.find((i) => i.id === id);
  assert.equal(item.meeting.committee, 'Voksen- og plejeudvalget');
  assert.equal(item.meeting.date, '2024-04-24');
  assert.match(await page.textContent(`[data-item-id="${id}"]`), /24-04-2024/);
  await page.close();
});

test('outcome Godkendt gives exactly the approved items', async () => {
  const { page } = await open(oneFile);
  const approved = items.filter((i) => i.outcome === 'approved');
  assert.ok(approved.length >= 2);
  const label = await page.textContent('label:has(input[data-outcome="approved"])');
  assert.match(label, new RegExp(`Godkendt\\s*${approved.length}`));
  await page.check('input[data-outcome="approved"]');
  await expectCount(page, approved.length);
  assert.deepEqual(await rowIds(page), byDate(approved));
  const badges = await page.$$eval('[data-item-id] .badge', (b) => b.map((x) => x.textContent));
  assert.ok(badges.every((b) => b === 'Godkendt'));
  await page.close();
});

test('free text: "effektivisering" finds the 2021 dialogue item highlighted; "oekonomiske" finds "økonomiske"', async () => {
  const { page } = await open(oneFile);
  await page.fill('#q', 'effektivisering');
  const withWord = items.filter((i) => textOf(i).toLowerCase().includes('effektivisering'));
  await expectCount(page, withWord.length);
  const ids = await rowIds(page);
  const dialogue = items.find((i) => i.meeting.date?.startsWith('2021') && /dialogmøde/i.test(i.title ?? ''));
  assert.ok(dialogue, 'the sample has the 2021 dialogue item');
  assert.ok(ids.includes(dialogue.id));
  const marks = await page.$$eval(`[data-item-id="${dialogue.id}"] mark`, (m) => m.map((x) => x.textContent.toLowerCase()));
  assert.ok(marks.length > 0 && marks.every((m) => m === 'effektivisering'), JSON.stringify(marks));

  await page.fill('#q', 'oekonomiske');
  const eco = items.filter((i) => textOf(i).toLowerCase().includes('økonomiske'));
  assert.ok(eco.length > 0);
  await expectCount(page, eco.length);
  assert.deepEqual(await rowIds(page), byDate(eco));
  await page.screenshot({ path: join(shots, 'search-1024x768.png') });
  // Esc clears the search; "/" focuses it.
  await page.press('#q', 'Escape');
  await expectCount(page, items.length);
  await page.click('h2');
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'q');
  await page.close();
});

test('a reload on a deep link restores the filters and the view', async () => {
  const { page } = await open(oneFile);
  await page.check('input[data-committee="Børne- og ungdomsudvalget"]');
  await page.fill('#q', 'budget');
  const expected = items.filter((i) => i.meeting.committee === 'Børne- og ungdomsudvalget' && /budget/i.test(textOf(i)));
  await expectCount(page, expected.length);
  // The URL follows typing once it pauses (not at every key).
  await page.waitForURL(/q=budget/, { timeout: 3000 });
  const url = page.url();
  assert.match(url, /udvalg=B%C3%B8rne-%20og%20ungdomsudvalget/);
  assert.match(url, /q=budget/);
  await page.reload();
  await page.waitForSelector('#result-count');
  await expectCount(page, expected.length);
  assert.equal(await page.inputValue('#q'), 'budget');
  assert.ok(await page.isChecked('input[data-committee="Børne- og ungdomsudvalget"]'));

  // An item deep link, and Back to the list.
  await page.click(`[data-item-id="${expected[0].id}"] a`);
  await page.waitForSelector(`[data-view-item="${expected[0].id}"]`);
  assert.match(page.url(), new RegExp(`#/punkt/${expected[0].id}\\?`));
  await page.reload();
  await page.waitForSelector(`[data-view-item="${expected[0].id}"]`);
  await page.goBack();
  await page.waitForSelector('[data-item-id]');
  assert.equal(await page.inputValue('#q'), 'budget');

  // The language is part of what is on screen: English survives a reload and following a link.
  const placeholder = await page.getAttribute('#q', 'placeholder');
  await page.click('text=English');
  await page.waitForFunction((p) => document.querySelector('#q').placeholder !== p, placeholder);
  const english = await page.getAttribute('#q', 'placeholder');
  assert.match(page.url(), /sprog=en/);
  await page.reload();
  await page.waitForSelector('#result-count');
  assert.equal(await page.getAttribute('#q', 'placeholder'), english);
  await page.click(`[data-item-id="${expected[0].id}"] a`);
  await page.waitForSelector(`[data-view-item="${expected[0].id}"]`);
  assert.match(page.url(), /sprog=en/);
  await page.close();
});

test('typing reaches the URL once it pauses; a filter chosen at once keeps the typed text, and Back returns to it', async () => {
  const { page, log } = await open(oneFile);
  await page.fill('#q', 'skole');
  // At once, before the pause: the new history entry carries the text, and so does the one left.
  await page.check('input[data-committee="Voksen- og plejeudvalget"]');
  await page.waitForURL(/udvalg=Voksen-%20og%20plejeudvalget/);
  assert.match(page.url(), /q=skole/);
  await page.goBack();
  await page.waitForFunction(() => !document.querySelector('input[data-committee="Voksen- og plejeudvalget"]').checked);
  assert.match(page.url(), /#\/\?q=skole$/);
  assert.equal(await page.inputValue('#q'), 'skole');
  // Typed after Back, the text is written once typing pauses, over the same entry.
  await page.fill('#q', 'skoler');
  await page.waitForURL(/q=skoler$/, { timeout: 3000 });
  await page.goForward();
  await page.waitForFunction(() => document.querySelector('input[data-committee="Voksen- og plejeudvalget"]').checked);
  // A result's link followed at once, before the pause: Back returns to the typed text.
  await page.fill('#q', 'budget');
  await page.waitForSelector('[data-item-id] a');
  await page.click('[data-item-id] a');
  await page.waitForSelector('[data-view-item]');
  await page.goBack();
  await page.waitForSelector('[data-item-id]');
  assert.match(page.url(), /q=budget/);
  assert.equal(await page.inputValue('#q'), 'budget');
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a malformed bundle via #bundle-file shows #load-error and keeps the app working', async () => {
  const { page, log } = await open(oneFile);
  await page.setInputFiles('#bundle-file', {
    name: 'broken.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{\n  "format": "referat-bundle",\n  "version": 1,\n  "title": oops\n}'),
  });
  await page.waitForSelector('#load-error');
  const text = await page.textContent('#load-error');
  assert.match(text, /broken\.json/);
  assert.match(text, /ikke gyldig JSON/);
  assert.match(text, /linje 4, kolonne 12/);
  await page.screenshot({ path: join(shots, 'error-768x1024.png') });
  // The old bundle is still there and still filters.
  assert.equal(await count(page), items.length);
  await page.fill('#q', 'effektivisering');
  await expectCount(page, 1);

  // A newer version is refused by name.
  await page.setInputFiles('#bundle-file', {
    name: 'future.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...bundle, version: 2 })),
  });
  await page.waitForFunction(() => document.querySelector('#load-error')?.textContent.includes('future.json'));
  assert.match(await page.textContent('#load-error'), /version 2/);
  // Wrong types: the field path and place are named.
  await page.setInputFiles('#bundle-file', {
    name: 'types.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ ...bundle, meetings: [{ ...bundle.meetings[0], items: 'none' }] }, null, 1)),
  });
  await page.waitForFunction(() => document.querySelector('#load-error')?.textContent.includes('types.json'));
  assert.match(await page.textContent('#load-error'), /meetings\[0\]\.items.*linje \d+, kolonne \d+/s);
  assert.equal(await count(page), 1);

  // Dropping a file on the window goes the same way.
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['{"format": "noget andet", "version": 1}'], 'dropped.json', { type: 'application/json' }));
    document.querySelector('.drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#load-error')?.textContent.includes('dropped.json'));
  assert.match(await page.textContent('#load-error'), /ikke en referat-bundle/);

  // A good file replaces the bundle and the panel goes away.
  const smaller = { ...bundle, title: 'Kun ét møde', meetings: [bundle.meetings[0]] };
  await page.setInputFiles('#bundle-file', {
    name: 'ok.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(smaller)),
  });
  await page.waitForFunction(() => document.querySelector('.bundle-title')?.textContent === 'Kun ét møde');
  assert.equal(await page.$('#load-error'), null);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('a browser without WebAssembly SIMD, or one that cannot start the viewer, gets a message', async () => {
  const page = await browser.newPage({ viewport: { width: 768, height: 1024 } });
  const log = { requests: [], errors: [], dialogs: [] };
  recordPage(page, log);
  // Stands in for an old browser: its validator rejects the SIMD probe module.
  await page.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => (bytes.length === 31 ? false : validate(bytes));
  });
  await page.goto(oneFile);
  await page.waitForSelector('#app.unsupported');
  assert.match(await page.textContent('#app'), /for gammel til referat.*WebAssembly med SIMD.*Safari 16\.4/);
  assert.equal(await page.$('#result-count'), null);
  assert.deepEqual(log.errors, []);
  await page.close();

  // A browser that passes the check but cannot start the module gets the same message.
  const broken = await browser.newPage({ viewport: { width: 768, height: 1024 } });
  const brokenLog = { requests: [], errors: [], dialogs: [] };
  recordPage(broken, brokenLog);
  await broken.addInitScript(() => {
    WebAssembly.Module = function () {
      throw new Error('no module here');
    };
  });
  await broken.goto(oneFile);
  await broken.waitForSelector('#app.unsupported');
  assert.match(await broken.textContent('#app'), /for gammel til referat/);
  assert.equal(brokenLog.errors.length, 1, brokenLog.errors.join('\n'));
  assert.match(brokenLog.errors[0], /no module here/);
  await broken.close();
});

test('a hostile bundle packed into one file shows its text and runs nothing', async () => {
  const evil = '<script>alert(1)</script></script><!-- <img src=x onerror=alert(2)>';
  const hostile = {
    ...bundle,
    title: `Hostile ${evil}`,
    meetings: [
      {
        ...bundle.meetings[0],
        items: [
          {
            ...bundle.meetings[0].items[0],
            title: `Titel ${evil}`,
            sections: [{ heading: `Overskrift ${evil}`, text: `Tekst ${evil}` }],
          },
        ],
      },
    ],
  };
  const dir = mkdtempSync(join(tmpdir(), 'referat-'));
  writeFileSync(join(dir, 'hostile.json'), JSON.stringify(hostile));
  execFileSync(
    'cargo',
    ['run', '-q', '-p', 'referat-cli', '--', 'pack', join(dir, 'hostile.json'), '-o', join(dir, 'hostile.html'), '--app', join(dist, 'referat-app.html')],
    { cwd: root, stdio: 'inherit' },
  );
  const url = pathToFileURL(join(dir, 'hostile.html')).href;
  const { page, log } = await open(url);
  await page.waitForSelector('.app[data-text="ready"]');
  assert.equal(await page.textContent('.bundle-title'), `Hostile ${evil}`);
  const id = hostile.meetings[0].items[0].id;
  assert.equal(await page.textContent(`[data-item-id="${id}"] .result-title`), `Titel ${evil}`);
  await page.click(`[data-item-id="${id}"] a`);
  await page.waitForSelector('.item-view');
  assert.match(await page.textContent('.item-view'), /Tekst <script>alert\(1\)<\/script><\/script><!-- <img/);
  // Only the browser check and the app run; the rest are inert data blocks (the packed
  // bundle: its manifest, light bundle and one part; and the importer, which runs in a
  // worker: on import, and in the inflating worker for the parts' short strings).
  assert.deepEqual(
    await page.$$eval('script', (s) => s.map((x) => `${x.type || 'js'}#${x.id}`)),
    [
      'application/json#referat-bundle',
      'application/json#referat-pack',
      'application/octet-stream#referat-light',
      'js#',
      'js#',
      'text/plain#referat-importer-js',
      'application/octet-stream#referat-importer-wasm',
      'application/octet-stream#referat-part-0',
    ],
  );
  assert.equal(await page.$('img'), null);
  await page.waitForTimeout(200);
  assert.deepEqual(log.dialogs, []);
  assert.deepEqual(log.errors, []);
  assert.deepEqual(log.requests.filter((u) => !u.startsWith('blob:null/')), [url]);
  await page.close();
});

test('40,000 items load and filter quickly enough', async () => {
  // One committee's name is a single long word: with a five-digit count beside it, it must
  // still fit the filter panel.
  const committees = ['Børne- og ungdomsudvalget', 'Voksen- og plejeudvalget', 'Økonomiudvalget', 'Beskæftigelsesudvalget'];
  const outcomes = ['approved', 'recommended', 'noted', 'discussed', 'pending'];
  const meetings = [];
  for (let n = 0; n < 8000; n++) {
    const date = new Date(Date.UTC(2010, 0, 1) + n * 86400000).toISOString().slice(0, 10);
    meetings.push({
      id: `m-${n}`,
      committee: committees[n % committees.length],
      date,
      absent: n % 7 === 0 ? [{ name: `Person ${n % 50}`, party: 'A', note: null }] : [],
      source: `m-${n}.txt`,
      items: Array.from({ length: 5 }, (_, i) => ({
        id: `m-${n}-${i + 1}`,
        number: i + 1,
        case_number: `${10 + (n % 15)}/${n * 5 + i}`,
        title: `Punkt ${i + 1} om ${['budget', 'skoler', 'ældrepleje', 'veje', 'økonomi'][i]} ${n}`,
        access: 'open',
        route: [],
        sections: [{ heading: 'Sagsfremstilling', text: `Sagen handler om den økonomiske ramme for område ${n}-${i}. `.repeat(6) }],
        decisions: [{ body: committees[n % committees.length], date, text: 'Indstillingen blev godkendt.', outcome: outcomes[i], dissent: i === 3, remarks: [] }],
        outcome: outcomes[i],
        absent: [],
        attachments: [],
      })),
    });
  }
  const big = { format: 'referat-bundle', version: 1, title: 'Stor bundle', generated: '2026-01-01T00:00:00Z', meetings: meetings.reverse() };
  const { page, log } = await open(oneFile);
  let t = Date.now();
  await page.setInputFiles('#bundle-file', { name: 'stor.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(big)) });
  // A large bundle shows progress while it loads.
  await page.waitForSelector('#loading', { timeout: 10000 });
  await page.waitForFunction(() => document.querySelector('#result-count')?.textContent === '40000', null, { timeout: 60000 });
  const loadMs = Date.now() - t;
  // The list is virtualised: only the rows in and near the viewport are in the DOM,
  // enough to fill it, and every result is reached by scrolling (or tabbing).
  const rendered = () => page.$$eval('[data-item-id]', (r) => r.length);
  const filled = () => page.evaluate(() => [...document.querySelectorAll('[data-item-id]')].at(-1).getBoundingClientRect().bottom >= innerHeight);
  assert.ok((await rendered()) <= 100, `rows rendered: ${await rendered()}`);
  assert.ok(await filled(), 'the rendered rows fill the viewport');
  assert.equal(await page.getAttribute('[data-item-id]', 'aria-setsize'), '40000');
  const fit = await page.evaluate(() => {
    const panel = document.querySelector('.filter-panel').getBoundingClientRect();
    const checks = [...document.querySelectorAll('.filter-panel .check, .filter-panel .count')];
    return {
      width: panel.width,
      long: checks.some((el) => el.textContent.includes('Beskæftigelsesudvalget') && el.getBoundingClientRect().width > 0),
      overflow: checks.filter((el) => el.getBoundingClientRect().right > panel.right + 0.5).map((el) => el.textContent.trim()),
    };
  });
  assert.ok(fit.width > 0 && fit.long, 'the filter panel and its longest committee are shown');
  assert.deepEqual(fit.overflow, [], 'every filter and its count fit the panel');
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight / 2));
  // Rows are rendered beyond the bottom of the viewport too, so Tab and arrow keys find the next one.
  await page.waitForFunction(() => {
    const rows = [...document.querySelectorAll('[data-item-id]')];
    return Number(rows[0].getAttribute('aria-posinset')) > 10000 && rows.at(-1).getBoundingClientRect().top >= innerHeight;
  });
  assert.ok((await rendered()) <= 100 && (await filled()), 'the middle of the list is rendered, and only it');
  // Tab from the last row in the DOM reaches the next result: focus scrolls, and the list follows.
  const last = await page.evaluate(() => {
    const row = [...document.querySelectorAll('[data-item-id]')].at(-1);
    row.querySelector('a').focus();
    return Number(row.getAttribute('aria-posinset'));
  });
  await page.waitForSelector(`[aria-posinset="${last + 1}"]`);
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement.closest('[data-item-id]')?.getAttribute('aria-posinset')), String(last + 1));
  await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
  await page.waitForSelector('[data-item-id="m-0-5"]');
  assert.equal(await page.getAttribute('[data-item-id="m-0-5"]', 'aria-posinset'), '40000');
  assert.ok((await rendered()) <= 100);
  // A new search shows its results from the top.
  t = Date.now();
  await page.fill('#q', 'aeldrepleje');
  await expectCount(page, 8000);
  assert.equal(await page.getAttribute('[data-item-id]', 'aria-posinset'), '1');
  const searchMs = Date.now() - t;
  t = Date.now();
  await page.check('input[data-committee="Økonomiudvalget"]');
  await expectCount(page, 2000);
  const filterMs = Date.now() - t;
  console.log(`# 40,000 items: load ${loadMs} ms, search ${searchMs} ms, committee ${filterMs} ms`);
  assert.deepEqual(log.errors, []);
  await page.close();
});

test('dist/index.html over http fetches bundle.json beside it', async () => {
  assert.ok(existsSync(join(dist, 'index.html')));
  const server = await serveDir(dist);
  const base = `${server.origin}/`;
  try {
    const { page, log } = await open(`${base}#/?udfald=approved`);
    await expectCount(page, items.filter((i) => i.outcome === 'approved').length);
    assert.deepEqual(log.requests.map((u) => u.replace(/#.*/, '')), [base, `${base}bundle.json`]);
    assert.deepEqual(log.errors, []);
    await page.close();
  } finally {
    server.close();
  }
});
