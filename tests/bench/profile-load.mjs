// Where the page's main thread spends a packed file's load, until its text is all in:
// self and inclusive time per function under Chromium's sampling profiler (wasm names need
// `cargo xtask dist --names` before packing). Usage: node tests/bench/profile-load.mjs FILE.html [top]
import { launchChromium } from '../browser/harness.mjs';
import { pathToFileURL } from 'node:url';

const [file, top = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/profile-load.mjs FILE.html [top]');
  process.exit(2);
}
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(pathToFileURL(file).href, { waitUntil: 'commit', timeout: 0 });
await page.waitForFunction(() => document.querySelector('.app[data-text=ready]'), null, { timeout: 0, polling: 100 });
const ms = Date.now() - t0;
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
console.log(`text in after ${ms} ms (with the profiler's overhead)`);
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const name = (n) => `${n.callFrame.functionName || '(anonymous)'}`.slice(0, 120);
const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)));
const self = new Map();
for (const [id, us] of counts) self.set(name(byId.get(id)), (self.get(name(byId.get(id))) || 0) + us);
const total = [...counts.values()].reduce((a, b) => a + b, 0);
console.log('self:');
for (const [n, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${n}`);
const inclusive = new Map();
const walk = (n, stack) => {
  const nm = name(n);
  const inner = new Set(stack).add(nm);
  let us = counts.get(n.id) || 0;
  for (const c of n.children || []) us += walk(byId.get(c), inner);
  if (!stack.has(nm)) inclusive.set(nm, (inclusive.get(nm) || 0) + us);
  return us;
};
walk(profile.nodes[0], new Set());
console.log('inclusive:');
for (const [n, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, Number(top)))
  console.log(`${(us / 1000).toFixed(0).padStart(7)} ms  ${n}`);
