// Which thread holds up a load: opens a packed file (file://) or a served folder under a
// Chromium trace until its text is all in, and prints for the page's main thread and each
// worker how busy it was, in all and per slice of the load. A main thread that is idle while
// a worker is busy waits for the worker; one busy throughout is the bottleneck.
// Usage: node tests/bench/load-trace.mjs FILE.html|FOLDER [slices]
import { launchChromium } from '../browser/harness.mjs';
import { counted, viewerUrl, waitForText } from './viewer-page.mjs';

const [target, slicesArg = '10'] = process.argv.slice(2);
if (!target) {
  console.error('usage: node tests/bench/load-trace.mjs FILE.html|FOLDER [slices]');
  process.exit(2);
}
const { url, close } = await viewerUrl(target);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
const t0 = Date.now();
await page.goto(url, { waitUntil: 'commit', timeout: 0 });
await page.waitForFunction(counted, null, { timeout: 0, polling: 20 });
const first = Date.now() - t0;
await waitForText(page);
const complete = Date.now() - t0;
const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
await browser.close();
close();

const events = trace.traceEvents;
const names = new Map(events.filter((e) => e.name === 'thread_name').map((e) => [`${e.pid}:${e.tid}`, e.args?.name || '']));
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const threads = [...names].filter(([key, name]) => key.startsWith(`${main.pid}:`) && (name === 'CrRendererMain' || /^(DedicatedWorker|ServiceWorker)/.test(name)));
// Top-level tasks only: a task's nested events are inside its span.
const tasks = (key) =>
  events
    .filter((e) => `${e.pid}:${e.tid}` === key && e.ph === 'X' && (e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask'))
    .map((e) => [e.ts, e.ts + e.dur]);
const start = Math.min(...events.filter((e) => `${e.pid}:${e.tid}` === `${main.pid}:${main.tid}` && e.ts > 0).map((e) => e.ts));
const end = start + complete * 1000;
const slices = Number(slicesArg);
const width = (end - start) / slices;
console.log(`first results ${first} ms, text in ${complete} ms (under the trace); busy ms per thread, then per ${(width / 1000).toFixed(0)} ms slice`);
for (const [key, name] of threads) {
  const spans = tasks(key);
  const per = new Array(slices).fill(0);
  let all = 0;
  for (const [a, b] of spans) {
    for (let s = 0; s < slices; s++) {
      const lo = start + s * width;
      const x = Math.max(0, Math.min(b, lo + width) - Math.max(a, lo));
      per[s] += x;
      all += x;
    }
  }
  const pct = per.map((x) => `${Math.round((100 * x) / width)}%`.padStart(5)).join('');
  console.log(`${name.padEnd(18)} ${String(Math.round(all / 1000)).padStart(6)} ms |${pct}`);
}

// What the main thread's tasks did: the time of each kind of event directly inside a task.
const mainKey = `${main.pid}:${main.tid}`;
const xs = events
  .filter((e) => `${e.pid}:${e.tid}` === mainKey && e.ph === 'X' && e.ts >= start && e.ts <= end)
  .sort((a, b) => a.ts - b.ts || b.dur - a.dur);
const byName = new Map();
let task = null;
let child = null;
for (const e of xs) {
  const isTask = e.name === 'RunTask' || e.name === 'ThreadControllerImpl::RunTask';
  if (isTask && (!task || e.ts >= task.ts + task.dur)) {
    task = e;
    child = null;
    continue;
  }
  if (!task || e.ts >= task.ts + task.dur || isTask) continue;
  if (child && e.ts < child.ts + child.dur) continue;
  child = e;
  byName.set(e.name, (byName.get(e.name) || 0) + (e.dur || 0));
}
console.log('main thread, by what a task did first:');
for (const [name, us] of [...byName].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${name.padEnd(28)} ${Math.round(us / 1000)} ms`);
