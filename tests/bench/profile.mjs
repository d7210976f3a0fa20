// Where a keystroke's time goes: opens a packed viewer from file://, types a word a
// character at a time under Chromium's sampling profiler, and prints self time per
// function (wasm names need `cargo xtask dist --names` before packing).
// Usage: node tests/bench/profile.mjs FILE.html [word | click:SELECTOR] [top]
// (`click:` clicks the element six times instead of typing).
import { launchChromium } from '../browser/harness.mjs';
import { pathToFileURL } from 'node:url';

const [file, word = 'aarhus', top = '30'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/profile.mjs FILE.html [word] [top]');
  process.exit(2);
}
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
await page.goto(pathToFileURL(file).href, { waitUntil: 'commit', timeout: 0 });
await page.waitForFunction(() => /^\d/.test(document.getElementById('result-count')?.textContent || ''), null, { timeout: 0, polling: 200 });
await page.waitForFunction(() => document.querySelector('.app[data-text=ready]'), null, { timeout: 0, polling: 200 });
// The pages' numbers are counted 300 ms after the text is in; not part of a keystroke.
await new Promise((r) => setTimeout(r, 1000));
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await cdp.send('Profiler.start');
const times = await page.evaluate(async (word) => {
  const q = document.getElementById('q');
  const out = [];
  if (word.startsWith('click:')) {
    for (let k = 0; k < 6; k++) {
      const t0 = performance.now();
      document.querySelector(word.slice(6)).click();
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      out.push([`click ${k + 1}`, Math.round((performance.now() - t0) * 10) / 10]);
      await new Promise((r) => setTimeout(r, 50));
    }
    return out;
  }
  for (let round = 0; round < 3; round++) {
    for (let k = 1; k <= word.length; k++) {
      const t0 = performance.now();
      q.value = word.slice(0, k);
      q.dispatchEvent(new InputEvent('input', { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      void document.body.offsetHeight;
      out.push([word.slice(0, k), Math.round((performance.now() - t0) * 10) / 10]);
    }
    q.value = '';
    q.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
  }
  return out;
}, word);
const { profile } = await cdp.send('Profiler.stop');
console.log(times.map(([w, ms]) => `${w}: ${ms} ms`).join('  '));
const self = new Map();
const dt = profile.timeDeltas;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
let total = 0;
profile.samples.forEach((id, i) => {
  const n = byId.get(id);
  const name = `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.slice(-20) : ''}`.trim();
  const us = dt[i] || 0;
  total += us;
  self.set(name, (self.get(name) || 0) + us);
});
const rows = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top));
for (const [name, us] of rows) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${name.slice(0, 110)}`);
await browser.close();
// Inclusive time: a node's samples plus its descendants', summed per function.
const inclusive = new Map();
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
// Each function counted once per stack, so recursion does not double its time.
const walk = (n, stack) => {
  const name = n.callFrame.functionName || '(anonymous)';
  const inner = new Set(stack).add(name);
  let us = counts.get(n.id) || 0;
  for (const c of n.children || []) us += walk(byId.get(c), inner);
  if (!stack.has(name)) inclusive.set(name, (inclusive.get(name) || 0) + us);
  return us;
};
walk(profile.nodes[0], new Set());
console.log('\ninclusive:');
for (const [name, us] of [...inclusive.entries()].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name.slice(0, 120)}`);
