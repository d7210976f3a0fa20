// Where an interaction's time goes, by the browser's own phases: opens a viewer (a packed
// file or a served folder, as tests/bench/viewer-page.mjs), waits for its text, then types
// a word a character at a time (or clicks an element six times) under a Chromium trace, and
// prints per step the main thread's time in script, style, layout, paint and the rest, with
// the step's time as the bench measures it.
// Usage: node tests/bench/trace.mjs FILE.html|FOLDER [word | click:SELECTOR]
import { launchChromium } from '../browser/harness.mjs';
import { viewerUrl, waitForText } from './viewer-page.mjs';

const [file, what = 'budget'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/trace.mjs FILE.html|FOLDER [word | click:SELECTOR]');
  process.exit(2);
}
const target = await viewerUrl(file);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
await page.goto(target.url, { waitUntil: 'commit', timeout: 0 });
await waitForText(page, 200);
await new Promise((r) => setTimeout(r, 1500));
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
const steps = await page.evaluate(async (what) => {
  const out = [];
  const step = async (name, act) => {
    performance.mark(`s:${name}`);
    const t0 = performance.now();
    act();
    await new Promise((r) => setTimeout(r, 0));
    void document.body.offsetHeight;
    const ms = performance.now() - t0;
    performance.mark(`e:${name}`);
    // Let the frame after the step happen inside the trace, then rest.
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    performance.mark(`f:${name}`);
    await new Promise((r) => setTimeout(r, 60));
    out.push([name, ms]);
  };
  if (what.startsWith('click:')) {
    for (let k = 0; k < 6; k++) await step(`click ${k + 1}`, () => document.querySelector(what.slice(6)).click());
  } else {
    const q = document.getElementById('q');
    for (let k = 1; k <= what.length; k++)
      await step(what.slice(0, k), () => {
        q.value = what.slice(0, k);
        q.dispatchEvent(new InputEvent('input', { bubbles: true }));
      });
  }
  return out;
}, what);
const trace = JSON.parse((await browser.stopTracing()).toString('utf8'));
await browser.close();
target.close();

const events = trace.traceEvents;
const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
const mine = events.filter((e) => e.pid === main.pid && e.tid === main.tid);
const mark = (n) => mine.find((e) => e.name === n)?.ts;
const phases = {
  script: ['FunctionCall', 'EventDispatch', 'TimerFire', 'RunMicrotasks', 'v8.callFunction', 'FireAnimationFrame'],
  style: ['UpdateLayoutTree', 'RecalculateStyles'],
  layout: ['Layout'],
  prepaint: ['PrePaint'],
  paint: ['Paint'],
  layerize: ['Layerize', 'UpdateLayer', 'Commit', 'CompositeLayers'],
};
/** Time in each phase, counting an event only where no enclosing event of a phase holds it. */
function split(from, to) {
  const xs = mine.filter((e) => e.ph === 'X' && e.ts >= from && e.ts + (e.dur || 0) <= to).sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const sums = Object.fromEntries(Object.keys(phases).map((k) => [k, 0]));
  const open = [];
  for (const e of xs) {
    while (open.length && open.at(-1).end <= e.ts) open.pop();
    const phase = Object.keys(phases).find((k) => phases[k].includes(e.name));
    if (!phase) continue;
    // Style and layout forced inside script count as style and layout, not script.
    const outer = open.at(-1);
    if (outer && outer.phase === phase) continue;
    if (outer) sums[outer.phase] -= e.dur / 1000;
    sums[phase] += e.dur / 1000;
    open.push({ end: e.ts + e.dur, phase });
  }
  return sums;
}
const f = (x) => x.toFixed(1).padStart(6);
console.log(`${'step'.padEnd(12)} ${'bench'.padStart(6)} | ${Object.keys(phases).map((k) => k.padStart(8)).join('')} | in the frame after: ${Object.keys(phases).join(', ')}`);
for (const [name, ms] of steps) {
  const a = split(mark(`s:${name}`), mark(`e:${name}`));
  const b = split(mark(`e:${name}`), mark(`f:${name}`));
  console.log(`${name.padEnd(12)} ${f(ms)} | ${Object.values(a).map((x) => f(x).padStart(8)).join('')} | ${Object.values(b).map(f).join('')}`);
}
