// The scale benchmark: `cargo xtask bench` (it generates bench-data/bench-N.json and
// bench-data/referat-N.html first). Usage: node bench.mjs DATA_DIR [--pairs=3] N...
//
// For each size, four pages are opened in headless Debian Chromium:
//   referat   the one-file viewer made by `referat pack` (the packed layout), from file://;
//   http      dist/index.html and the bundle as bundle.json beside it, served on 127.0.0.1
//             (plain, no compression, as `python3 -m http.server` serves it);
//   MiniSearch the same JSON embedded, indexed by MiniSearch, filtered in plain JS (peer.js);
//   floor     the same JSON embedded, JSON.parse'd and its items counted, nothing else;
//   shards    the archive `referat pack --shards` writes, served on 127.0.0.1 (every size;
//             sizes over 100,000 items get only this and Pagefind);
//   Pagefind  with `--pagefind`: every item as an HTML page, indexed by Pagefind and
//             searched with its own script, served on 127.0.0.1. "first results" for it is
//             navigation → Pagefind ready to search (it lists nothing without a query); a
//             query is timed to its count and the first ten results' data shown.
// "first results" is navigation start → the first animation frame in which #result-count
// shows the total; "search complete" the first in which the viewer also says its text is
// all in (`.app[data-text=ready]`). A query typed at the first results ("budget") is timed
// to its answer, and its count is checked against the count once everything is in.
// Scrolling: the result list scrolled 300 px a frame for 120 frames, frame intervals read
// off requestAnimationFrame (16.7 ms is every frame shown at 60 Hz). Memory is after a forced GC: V8 heap used plus every WebAssembly.Memory
// (the text held by the page's DOM is left out for all three alike). Interactions run one by one inside the page:
// event → DOM updated (the task after the event, then a forced layout). Nothing here is asserted.
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { gzipSync } from 'node:zlib';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium, serveDir } from '../browser/harness.mjs';
import { pageViews, runPeer, runStep, script, scrollFrames, textQueries, viewTimes } from './interaction-script.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const miniSearchJs = readFileSync(join(root, 'tests/browser/node_modules/minisearch/dist/umd/index.js'), 'utf8');
const miniSearchVersion = JSON.parse(readFileSync(join(root, 'tests/browser/node_modules/minisearch/package.json'), 'utf8')).version;
const peerJs = readFileSync(join(here, 'peer.js'), 'utf8');

const [dataDir, ...rest] = process.argv.slice(2);
const sizes = rest.filter((a) => !a.startsWith('--')).map(Number);
/** Alternating loads of the one file and the http path, for their ratio (`--pairs=N`). */
const pairs = Number(rest.find((a) => a.startsWith('--pairs='))?.slice(8) ?? 3);

/** The same escaping as `referat pack`: nothing in the data can end the script element. */
const island = (json) =>
  json.replace(/[<>&\u2028\u2029]/g, (c) => '\\u' + c.charCodeAt(0).toString(16).padStart(4, '0'));
const page = (title, json, script) =>
  `<!doctype html><html lang="da"><head><meta charset="utf-8"><title>${title}</title></head><body>` +
  `<p><strong id="result-count"></strong> resultater</p><p id="facets"></p><p id="people"></p><ol id="results"></ol>` +
  `<script type="application/json" id="referat-bundle">${island(json)}</script><script>${script}</script></body></html>`;
const floorJs = `(function(){var b=JSON.parse(document.getElementById('referat-bundle').textContent);var n=0;for(var i=0;i<b.meetings.length;i++)n+=b.meetings[i].items.length;document.getElementById('result-count').textContent=String(n);})();`;

const mb = (bytes) => bytes / 1e6;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
};

const browser = await launchChromium();

/** Opens `url`, waits until #result-count shows `total`, returns load time and memory. */
async function open(url, total, early = null, onPage = null, measureMemory = true) {
  const p = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  onPage?.(p);
  const errors = [];
  p.on('pageerror', (e) => errors.push(e.message));
  await p.addInitScript(([want, early]) => {
    const count = () => document.getElementById('result-count');
    const ready = () => !document.querySelector('.app') || document.querySelector('.app').dataset.text === 'ready';
    const tick = () => {
      const now = performance.now();
      if (window.__firstResults === undefined && count()?.textContent === want) {
        window.__firstResults = now;
        if (early) {
          const q = document.getElementById('q');
          q.value = early;
          q.dispatchEvent(new InputEvent('input', { bubbles: true }));
          window.__earlyAsked = performance.now();
        }
      }
      // From the frame after the question: the viewer renders its answer (or "…") then.
      if (early && window.__earlyAsked !== undefined && now > window.__earlyAsked && window.__earlyAnswer === undefined) {
        const c = count();
        if (c && !c.dataset.pending && /^[0-9]+$/.test(c.textContent)) {
          window.__earlyAnswer = now;
          window.__earlyCount = c.textContent;
        }
      }
      // A sharded archive's head shows first; the whole list (filters exact) when it is gone.
      if (window.__firstResults !== undefined && window.__whole === undefined && !document.querySelector('.app[data-archive]') && count()?.textContent === want) window.__whole = now;
      if (window.__firstResults !== undefined && window.__complete === undefined && ready()) window.__complete = now;
      if (window.__complete === undefined || (early && window.__earlyAnswer === undefined)) requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }, [String(total), early]);
  await p.goto(url, { waitUntil: 'commit', timeout: 0 });
  await p.waitForFunction(() => window.__complete !== undefined, null, { timeout: 0, polling: 200 });
  const first = await p.evaluate(() => window.__firstResults);
  const complete = await p.evaluate(() => window.__complete);
  const whole = await p.evaluate(() => window.__whole);
  if (early) {
    await p.waitForFunction(() => window.__earlyAnswer !== undefined, null, { timeout: 0, polling: 200 });
  }
  const earlyAnswer = await p.evaluate(() => window.__earlyAnswer && { at: window.__earlyAnswer, count: window.__earlyCount, asked: window.__earlyAsked });
  if (errors.length) throw new Error(`${url}: ${errors.join('; ')}`);
  return { p, first, whole, complete, earlyAnswer, ...(measureMemory ? await memory(p) : {}) };
}

/** V8 heap used after a forced GC, and every WebAssembly.Memory's size. */
async function memory(p) {
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  // Every live WebAssembly.Memory, found by prototype: the wasm heap, which never shrinks.
  const proto = await cdp.send('Runtime.evaluate', { expression: 'WebAssembly.Memory.prototype' });
  const found = await cdp.send('Runtime.queryObjects', { prototypeObjectId: proto.result.objectId });
  const wasm = await cdp.send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: 'function () { return this.reduce((a, m) => a + m.buffer.byteLength, 0); }',
    returnByValue: true,
  });
  return { jsHeap: heap.usedSize, buffers: wasm.result.value };
}

/** Bytes of response bodies a page receives, from now on. */
function transferred(p) {
  const got = { bytes: 0 };
  p.on('requestfinished', async (r) => {
    const sizes = await r.sizes().catch(() => null);
    if (sizes) got.bytes += sizes.responseBodySize;
  });
  return got;
}

/** The sharded archive over http: load, the interaction script once the text is in, memory. */
async function sharded(n, total, steps) {
  let got;
  const r = await open(`${server.origin}/shards-${n}/`, total, null, (p) => {
    got = transferred(p);
  });
  const out = { first: r.first, whole: r.whole, complete: r.complete, jsHeap: r.jsHeap, buffers: r.buffers, steps: [] };
  for (const step of steps) {
    const { update, ...plain } = step;
    out.steps.push({ what: step.what, kind: step.kind, sel: step.sel, ...(await r.p.evaluate(runStep, plain)) });
    await r.p.waitForTimeout(20);
  }
  out.transferred = got.bytes;
  // The script's text queries again with no filter, as Pagefind answers them.
  await r.p.evaluate(runStep, { kind: 'click', sel: '#reset' });
  out.queries = [];
  for (const step of textQueries(steps)) {
    const { update, ...plain } = step;
    out.queries.push({ what: step.what, ...(await r.p.evaluate(runStep, plain)) });
    await r.p.waitForTimeout(20);
  }
  await r.p.close();
  // Past one file only: the same keystrokes in a fresh page (nothing remembered from the
  // script), 150 ms apart as a fast typist's (80 words a minute): a user's first search.
  if (n > 100000) {
    console.error(`# ${n} items: sharded archive, typed at 150 ms a letter`);
    const again = await open(`${server.origin}/shards-${n}/`, total);
    // As a user reads the first page before searching: the counts behind the pages are
    // made once the page is idle after the text is in (seconds at this size).
    await again.p.waitForTimeout(5000);
    out.paced = [];
    for (const step of textQueries(steps)) {
      const { update, ...plain } = step;
      out.paced.push({ what: step.what, ...(await again.p.evaluate(runStep, plain)) });
      await again.p.waitForTimeout(150);
    }
    await again.p.close();
  }
  return out;
}

/** Pagefind over http: ready, then the script's text queries one by one. */
async function pagefindRun(n, steps) {
  const p = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const got = transferred(p);
  await p.goto(`${server.origin}/pagefind-${n}/bench.html`, { timeout: 0 });
  await p.waitForFunction(() => window.__pagefindReady !== undefined, null, { timeout: 0, polling: 50 });
  const ready = await p.evaluate(() => window.__pagefindReady);
  const queries = [];
  for (const step of textQueries(steps)) {
    queries.push({ what: step.what, ...(await p.evaluate((q) => window.pfQuery(q), step.value)) });
  }
  const mem = await memory(p);
  await p.close();
  return { ready, queries, transferred: got.bytes, ...mem };
}

const results = [];
const appHtml = readFileSync(join(root, 'dist/referat-app.html'));
const server = await serveDir(dataDir);
const floors = {};
for (const n of sizes) {
  const meta = JSON.parse(readFileSync(join(dataDir, `meta-${n}.json`), 'utf8'));
  const phase = (what) => console.error(`# ${n} items: ${what} (${new Date().toISOString().slice(11, 19)})`);
  if (!existsSync(join(dataDir, `bench-${n}.json`))) {
    // Past one file: the sharded archive and Pagefind only. The script is made from the
    // light bundle (it reads committees and absences only).
    const manifest = JSON.parse(readFileSync(join(dataDir, `shards-${n}`, 'index.html'), 'utf8').match(/id="referat-pack">([^<]*)<\/script>/)[1]);
    const light = JSON.parse(gunzipSync(readFileSync(join(dataDir, `shards-${n}`, manifest.light))).toString('utf8'));
    const steps = script(light);
    const r = { n, total: meta.total, jsonBytes: meta.jsonBytes };
    // Its target is a ratio to the 40,000-item floor of the same run: measured here when
    // this run has no floor yet and an earlier run left its page.
    const floor40k = join(dataDir, 'floor-40000.html');
    if (!Object.keys(floors).some((k) => Number(k) <= 40000) && existsSync(floor40k) && existsSync(join(dataDir, 'meta-40000.json'))) {
      phase('the 40,000-item floor');
      const floor = await open(pathToFileURL(floor40k).href, JSON.parse(readFileSync(join(dataDir, 'meta-40000.json'), 'utf8')).total);
      floors[40000] = floor.first;
      await floor.p.close();
    }
    phase('sharded archive');
    r.shards = await sharded(n, meta.total, steps);
    r.shards.files = dirBytes(join(dataDir, `shards-${n}`));
    if (existsSync(join(dataDir, `pagefind-${n}`, 'pagefind', 'pagefind.js'))) {
      phase('Pagefind');
      r.pagefind = await pagefindRun(n, steps);
    }
    results.push(r);
    reportArchive(r, floors);
    continue;
  }
  const json = readFileSync(join(dataDir, `bench-${n}.json`), 'utf8');
  const bundle = JSON.parse(json);
  const total = bundle.meetings.reduce((a, m) => a + m.items.length, 0);
  const referatPath = join(dataDir, `referat-${n}.html`);
  const peerPath = join(dataDir, `minisearch-${n}.html`);
  const floorPath = join(dataDir, `floor-${n}.html`);
  writeFileSync(peerPath, page('MiniSearch', json, `${miniSearchJs}\n${peerJs}`));
  writeFileSync(floorPath, page('floor', json, floorJs));
  const size = (path) => {
    const b = readFileSync(path);
    return { raw: b.length, gzip: gzipSync(b).length };
  };
  const r = { n, total, jsonBytes: Buffer.byteLength(json), files: { referat: size(referatPath), peer: size(peerPath), floor: size(floorPath) } };
  const steps = script(bundle);
  // The intranet layout: the viewer and bundle.json beside it.
  mkdirSync(join(dataDir, `http-${n}`), { recursive: true });
  writeFileSync(join(dataDir, `http-${n}`, 'index.html'), readFileSync(join(root, 'dist/index.html')));
  writeFileSync(join(dataDir, `http-${n}`, 'bundle.json'), json);

  phase('http');
  const http = await open(`${server.origin}/http-${n}/index.html`, total);
  r.http = { first: http.first, complete: http.complete, jsHeap: http.jsHeap, buffers: http.buffers };
  await http.p.close();

  // One load of each says little on a VM whose speed drifts 2× within minutes: the two
  // are loaded in turn, PAIRS times (the order flipped every other pair), and the ratio
  // is taken within each pair.
  r.pairs = [];
  for (let k = 0; k < pairs; k++) {
    phase(`alternating loads, pair ${k + 1} of ${pairs}`);
    const one = { file: pathToFileURL(referatPath).href, http: `${server.origin}/http-${n}/index.html` };
    const pair = {};
    for (const which of k % 2 ? ['http', 'file'] : ['file', 'http']) {
      const got = await open(one[which], total, null, null, false);
      pair[which] = { first: got.first, complete: got.complete };
      await got.p.close();
    }
    r.pairs.push(pair);
  }

  phase('one file, a query typed early');
  const early = await open(pathToFileURL(referatPath).href, total, 'budget');
  r.early = { first: early.first, complete: early.complete, ...early.earlyAnswer };
  await early.p.fill('#q', '');
  await early.p.fill('#q', 'budget');
  await early.p.waitForTimeout(200);
  r.early.countWhenComplete = await early.p.textContent('#result-count');
  await early.p.close();

  phase('floor');
  const floor = await open(pathToFileURL(floorPath).href, total);
  r.floor = { first: floor.first, jsHeap: floor.jsHeap, buffers: floor.buffers };
  await floor.p.close();

  phase('one file, the interaction script');
  const ref = await open(pathToFileURL(referatPath).href, total);
  r.referat = { first: ref.first, complete: ref.complete, jsHeap: ref.jsHeap, buffers: ref.buffers, steps: [] };
  for (const step of steps) {
    const { update, ...plain } = step;
    r.referat.steps.push({ what: step.what, ...(await ref.p.evaluate(runStep, plain)) });
    await ref.p.waitForTimeout(20);
  }
  r.referat.scroll = await ref.p.evaluate(scrollFrames);
  r.referat.views = {};
  for (const [name, hash, sel] of pageViews(bundle)) {
    phase(`page ${name}`);
    r.referat.views[name] = await ref.p.evaluate(viewTimes, [hash, sel, 30]);
  }
  await ref.p.close();

  phase('MiniSearch');
  const peer = await open(pathToFileURL(peerPath).href, total);
  r.peer = { first: peer.first, index: await peer.p.evaluate(() => window.peerLoadMs), jsHeap: peer.jsHeap, buffers: peer.buffers, steps: [] };
  let state = { text: '', committees: [], outcomes: [], from: null, to: null, absentee: null, person: '' };
  for (const step of steps) {
    state = step.update(state);
    r.peer.steps.push({ what: step.what, ...(await peer.p.evaluate(runPeer, state)) });
    await peer.p.waitForTimeout(20);
  }
  await peer.p.close();
  floors[n] = r.floor.first;

  phase('sharded archive');
  r.shards = await sharded(n, total, steps);
  r.shards.files = dirBytes(join(dataDir, `shards-${n}`));
  if (existsSync(join(dataDir, `pagefind-${n}`, 'pagefind', 'pagefind.js'))) {
    phase('Pagefind');
    r.pagefind = await pagefindRun(n, steps);
  }
  results.push(r);
  report(r);
  reportArchive(r, floors);
}
await browser.close();
server.close();
writeFileSync(join(dataDir, 'results.json'), JSON.stringify({ date: new Date().toISOString(), miniSearchVersion, results }, null, 1));

function report(r) {
  const f1 = (x) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const ratio = (a, b) => (a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`);
  const missing = r.referat.steps.filter((s) => s.missing);
  if (missing.length) console.log(`# WARNING: ${missing.length} steps found no element: ${missing.map((s) => s.missing).join(', ')}`);
  const rs = r.referat.steps.filter((s) => !s.missing).map((s) => s.ms);
  const ps = r.peer.steps.map((s) => s.ms);
  const memR = r.referat.jsHeap + r.referat.buffers;
  const memP = r.peer.jsHeap + r.peer.buffers;
  const memF = r.floor.jsHeap + r.floor.buffers;
  const same = r.referat.steps.filter((s, i) => s.count === r.peer.steps[i].count).length;
  const rows = [
    ['single file, raw (MB)', mb(r.files.referat.raw), mb(r.files.peer.raw), mb(r.files.floor.raw)],
    ['single file, gzip (MB)', mb(r.files.referat.gzip), mb(r.files.peer.gzip), mb(r.files.floor.gzip)],
    ['navigation → first results (ms)', r.referat.first, r.peer.first, r.floor.first],
    ['JS heap after load (MB)', mb(r.referat.jsHeap), mb(r.peer.jsHeap), mb(r.floor.jsHeap)],
    ['wasm memory (MB)', mb(r.referat.buffers), mb(r.peer.buffers), mb(r.floor.buffers)],
    ['memory total (MB)', mb(memR), mb(memP), mb(memF)],
    ['memory / bundle JSON size', memR / r.jsonBytes, memP / r.jsonBytes, memF / r.jsonBytes],
    [`interaction p50 (ms, ${rs.length} steps)`, pct(rs, 50), pct(ps, 50), undefined],
    ['interaction p95 (ms)', pct(rs, 95), pct(ps, 95), undefined],
    ['interaction max (ms)', Math.max(...rs), Math.max(...ps), undefined],
  ];
  console.log(`\n## ${r.total} items, bundle JSON ${mb(r.jsonBytes).toFixed(1)} MB (MiniSearch ${miniSearchVersion}: index ${f1(r.peer.index)} ms)\n`);
  console.log('| figure | referat | MiniSearch | floor | referat / MiniSearch | referat / floor |');
  console.log('|---|---|---|---|---|---|');
  for (const [name, a, b, c] of rows) console.log(`| ${name} | ${f1(a)} | ${f1(b)} | ${f1(c)} | ${ratio(a, b)} | ${ratio(a, c)} |`);
  const sc = r.referat.scroll.times;
  console.log(`\n| figure | referat, one file (file://) | referat, index.html + bundle.json (http) | floor | file / http | file / floor |`);
  console.log('|---|---|---|---|---|---|');
  console.log(`| first results (ms) | ${f1(r.referat.first)} | ${f1(r.http.first)} | ${f1(r.floor.first)} | ${ratio(r.referat.first, r.http.first)} | ${ratio(r.referat.first, r.floor.first)} |`);
  console.log(`| search complete (ms) | ${f1(r.referat.complete)} | ${f1(r.http.complete)} | – | ${ratio(r.referat.complete, r.http.complete)} | ${ratio(r.referat.complete, r.floor.first)} |`);
  if (r.pairs.length) {
    const med = (xs) => pct(xs, 50);
    const q = (w, k) => r.pairs.map((p) => p[w][k]);
    const each = r.pairs.map((p) => p.file.complete / p.http.complete);
    console.log(`| search complete, median of ${r.pairs.length} alternating pairs (ms) | ${f1(med(q('file', 'complete')))} | ${f1(med(q('http', 'complete')))} | – | **${med(each).toFixed(2)}×** (median of the pairs' ratios: ${each.map((x) => x.toFixed(2)).join(', ')}) | |`);
    console.log(`| first results, median of the same pairs (ms) | ${f1(med(q('file', 'first')))} | ${f1(med(q('http', 'first')))} | – | ${ratio(med(q('file', 'first')), med(q('http', 'first')))} | ${ratio(med(q('file', 'first')), r.floor.first)} |`);
  }
  console.log(`| memory total (MB) | ${f1(memR / 1e6)} | ${f1((r.http.jsHeap + r.http.buffers) / 1e6)} | ${f1(memF / 1e6)} | | |`);
  console.log(`\nfile ${f1(mb(r.files.referat.raw))} MB = ${(r.files.referat.raw / r.jsonBytes).toFixed(2)}× the JSON with the viewer, the data alone ${((r.files.referat.raw - appHtml.length) / r.jsonBytes).toFixed(2)}×; query "budget" typed at the first results (${f1(r.early.first)} ms) answered at ${f1(r.early.at)} ms with ${r.early.count} (${r.early.count === r.early.countWhenComplete ? 'the same count' : 'NOT the count'} as once complete: ${r.early.countWhenComplete})`);
  const sw = r.referat.scroll.work;
  console.log(`scrolling ${sc.length} frames (${r.referat.scroll.rows} rows in the DOM at the end): frame interval p50 ${f1(pct(sc, 50))}, p95 ${f1(pct(sc, 95))}, max ${f1(Math.max(...sc))} ms, over 20 ms: ${sc.filter((x) => x > 20).length}; work per scroll (${sw.length} frames with a scroll event) p50 ${f1(pct(sw, 50))}, p95 ${f1(pct(sw, 95))}, max ${f1(Math.max(...sw))} ms`);
  console.log(`\nviewer without data: ${(appHtml.length / 1024).toFixed(0)} KB raw, ${(gzipSync(appHtml).length / 1024).toFixed(0)} KB gzip; result counts equal to MiniSearch's in ${same}/${rs.length} steps (text search differs: substring vs prefix)`);
  const views = Object.entries(r.referat.views).map(([name, ts]) => `${name} p50 ${f1(pct(ts, 50))}, p95 ${f1(pct(ts, 95))}, first ${f1(ts[0])} ms`);
  console.log(`pages (from the list, ${r.referat.views.people.length} times each): ${views.join('; ')}`);
  const slow = r.referat.steps.filter((s) => s.ms > 16).map((s) => `${s.what} ${s.ms.toFixed(0)} ms`);
  if (slow.length) console.log(`referat steps over 16 ms: ${slow.join('; ')}`);
}

/** Every file's size under `dir`. */
function dirBytes(dir) {
  let total = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, e.name);
    total += e.isDirectory() ? dirBytes(path) : statSync(path).size;
  }
  return total;
}

/** The sharded archive beside Pagefind, and its first results against the largest floor measured so far in this run. */
function reportArchive(r, floors) {
  const f1 = (x) => (x === undefined || Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const ratio = (a, b) => (a === undefined || b === undefined || !b ? '–' : `${(a / b).toFixed(2)}×`);
  const s = r.shards;
  const q = s.queries.map((x) => x.ms);
  const all = s.steps.filter((x) => !x.missing).map((x) => x.ms);
  const pf = r.pagefind;
  const pq = pf ? pf.queries.map((x) => x.ms) : [];
  const floorN = Math.max(...Object.keys(floors).map(Number).filter((k) => k <= 40000), -Infinity);
  const floor = floors[floorN];
  console.log(`\n## Archive: ${r.total} items, bundle JSON ${mb(r.jsonBytes).toFixed(1)} MB, sharded over http\n`);
  console.log('| figure | referat, sharded | Pagefind | referat / Pagefind |');
  console.log('|---|---|---|---|');
  const row = (name, a, b) => console.log(`| ${name} | ${f1(a)} | ${f1(b)} | ${ratio(a, b)} |`);
  row('files on the server (MB)', mb(s.files), pf ? mb(dirBytes(join(dataDir, `pagefind-${r.n}`))) : undefined);
  row('transferred by the visit (MB)', mb(s.transferred), pf ? mb(pf.transferred) : undefined);
  row('first results / ready to search (ms)', s.first, pf?.ready);
  row('whole list in: filters exact (ms)', s.whole, undefined);
  row('search complete (ms)', s.complete, undefined);
  row(`text query p50 (ms, ${q.length} keystrokes, no filter)`, pct(q, 50), pf ? pct(pq, 50) : undefined);
  row('text query p95 (ms)', pct(q, 95), pf ? pct(pq, 95) : undefined);
  row('text query max (ms)', Math.max(...q), pf ? Math.max(...pq) : undefined);
  if (s.paced) {
    const t = s.paced.map((x) => x.ms);
    row('text query p50, typed 150 ms a letter, fresh page after 5 s (ms)', pct(t, 50), undefined);
    row('text query p95, typed 150 ms a letter (ms)', pct(t, 95), undefined);
    row('text query max, typed 150 ms a letter (ms)', Math.max(...t), undefined);
  }
  row(`every interaction p95 (ms, ${all.length} steps)`, pct(all, 95), undefined);
  row('memory total (MB)', mb(s.jsHeap + s.buffers), pf ? mb(pf.jsHeap + pf.buffers) : undefined);
  console.log(`\nmemory / bundle JSON ${((s.jsHeap + s.buffers) / r.jsonBytes).toFixed(2)}×; first results ${floor ? `${ratio(s.first, floor)} the ${floorN}-item floor of this run (${f1(floor)} ms)` : '(no floor measured in this run)'}`);
  if (pf) console.log(`counts, Pagefind (words, stems, prefixes) / referat (substrings): ${pf.queries.map((x, i) => `${x.what.replace(/^type |^erase to /, '')} ${x.count}/${s.queries[i]?.count}`).join(', ')}`);
}
