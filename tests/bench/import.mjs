// The viewer's import measured in headless Chromium: the Aarhus minutes (28 pages) given
// to #import-files as N files in one import, from dist/referat.html on file://.
// Prints the wall time from choosing the files to the last one read (the importer's
// start included) and the sum of the worker's own time per file (reading + parsing),
// as JSON on the last line. Run by `cargo xtask pdf-eval`, beside the native figure.
//   node tests/bench/import.mjs <copies>
import { mkdtempSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../browser/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const copies = Number(process.argv[2] || 18);
const dir = mkdtempSync(join(tmpdir(), 'referat-import-bench-'));
const files = [];
for (let i = 0; i < copies; i++) {
  const f = join(dir, `aarhus-${String(i).padStart(2, '0')}.pdf`);
  copyFileSync(join(root, 'tests/fixtures/aarhus-byraad-2025-08-27.pdf'), f);
  files.push(f);
}
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(pathToFileURL(join(root, 'dist/referat.html')).href);
await page.waitForSelector('#result-count');
// The worker's per-file times, read off its messages.
await page.evaluate(() => {
  window.__importMs = [];
  const original = Worker.prototype.postMessage;
  const Native = window.Worker;
  window.Worker = function (...args) {
    const w = new Native(...args);
    w.addEventListener('message', (e) => {
      if (e.data && typeof e.data.ms === 'number') window.__importMs.push(e.data.ms);
      if (e.data && typeof e.data.start_ms === 'number') window.__startMs = e.data.start_ms;
    });
    return w;
  };
  window.Worker.prototype = Native.prototype;
  void original;
});
const start = Date.now();
await page.setInputFiles('#import-files', files);
await page.waitForSelector('#import-status[data-done=true]', { timeout: 600000 });
const wall = Date.now() - start;
const perFile = await page.evaluate(() => window.__importMs);
const startMs = await page.evaluate(() => window.__startMs);
await browser.close();
const worker = perFile.reduce((a, b) => a + b, 0);
console.log(JSON.stringify({ pages: 28 * copies, files: copies, wall_ms: wall, worker_ms: Math.round(worker), first_file_ms: Math.round(perFile[0] ?? 0), start_ms: Math.round(startMs ?? 0) }));
