// The viewer's import measured in headless Chromium: the given files in one import
// through #import-files, from dist/referat.html on file://. Prints the wall time from
// choosing the files to the last one read (the importer's start included) and the sum of
// the worker's own time per file (reading + parsing), as JSON on the last line. Run by
// `cargo xtask pdf-eval`, beside the native figures.
//   node tests/bench/import.mjs <file>...
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../browser/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const files = process.argv.slice(2).map((f) => resolve(f));
const browser = await launchChromium();
// Best of three imports, each in a fresh page (the machine's speed varies from run to run).
let best = null;
for (let round = 0; round < 3; round++) {
  const page = await browser.newPage();
  await page.goto(pathToFileURL(join(root, 'dist/referat.html')).href);
  await page.waitForSelector('#result-count');
  // The worker's per-file times, read off its messages.
  await page.evaluate(() => {
    window.__importMs = [];
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
  });
  const start = Date.now();
  await page.setInputFiles('#import-files', files);
  await page.waitForSelector('#import-status[data-done=true]', { timeout: 600000 });
  const wall = Date.now() - start;
  const perFile = await page.evaluate(() => window.__importMs);
  const startMs = await page.evaluate(() => window.__startMs);
  await page.close();
  const worker = perFile.reduce((a, b) => a + b, 0);
  const run = { files: files.length, wall_ms: wall, worker_ms: Math.round(worker), first_file_ms: Math.round(perFile[0] ?? 0), start_ms: Math.round(startMs ?? 0) };
  if (!best || run.wall_ms < best.wall_ms) best = run;
}
await browser.close();
console.log(JSON.stringify(best));
