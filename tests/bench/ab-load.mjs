// Two builds' loads side by side: opens page A, then page B, then A again…, and prints for
// each load the time to the first results and to search complete (as bench.mjs reads them).
// On a machine whose speed drifts between minutes, alternating loads compare two builds
// where separate runs cannot. Nothing is asserted.
// Usage: node tests/bench/ab-load.mjs A B [rounds]
//   A, B: a packed file (opened from file://) or a folder with index.html (served on 127.0.0.1).
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium, serveDir } from '../browser/harness.mjs';

const [a, b, roundsArg = '3'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node tests/bench/ab-load.mjs A B [rounds]');
  process.exit(2);
}
const browser = await launchChromium();
const servers = [];

async function urlOf(target) {
  const path = resolve(target);
  if (!statSync(path).isDirectory()) return pathToFileURL(path).href;
  const server = await serveDir(path);
  servers.push(server);
  return `${server.origin}/index.html`;
}

async function load(url) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  const t0 = Date.now();
  await page.goto(url, { waitUntil: 'commit', timeout: 0 });
  const counted = () => /^\d/.test(document.getElementById('result-count')?.textContent || '');
  await page.waitForFunction(counted, null, { timeout: 0, polling: 20 });
  const first = Date.now() - t0;
  await page.waitForFunction(
    () => /^\d/.test(document.getElementById('result-count')?.textContent || '') && document.querySelector('.app[data-text=ready]'),
    null,
    { timeout: 0, polling: 20 },
  );
  const complete = Date.now() - t0;
  await page.close();
  return { first, complete };
}

const urls = [await urlOf(a), await urlOf(b)];
const names = [a, b];
const all = [[], []];
for (let round = 0; round < Number(roundsArg); round++) {
  for (const k of [0, 1]) {
    const r = await load(urls[k]);
    all[k].push(r);
    console.log(`${names[k]}: first results ${r.first} ms, search complete ${r.complete} ms`);
  }
}
const median = (xs) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)];
for (const k of [0, 1]) {
  console.log(`${names[k]}: median first results ${median(all[k].map((r) => r.first))} ms, search complete ${median(all[k].map((r) => r.complete))} ms`);
}
await browser.close();
for (const s of servers) s.close?.();
process.exit(0);
