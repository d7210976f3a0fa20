// Two builds' loads side by side: loads A and B in turn, the order flipped every other
// round, and prints for each load the time from navigation to the first results and to
// search complete (read in the page at each frame, as bench.mjs does), then the median of
// the rounds' B / A ratios. On a machine whose speed drifts between minutes, alternating
// loads compare two builds where separate runs cannot. Nothing is asserted.
// Usage: node tests/bench/ab-load.mjs A B [rounds]
//   A, B: a packed file (opened from file://) or a folder with index.html (served on 127.0.0.1).
import { launchChromium } from '../browser/harness.mjs';
import { viewerUrl } from './viewer-page.mjs';

const [a, b, roundsArg = '3'] = process.argv.slice(2);
if (!a || !b) {
  console.error('usage: node tests/bench/ab-load.mjs A B [rounds]');
  process.exit(2);
}
const browser = await launchChromium();
const targets = [await viewerUrl(a), await viewerUrl(b)];

async function load(url) {
  const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
  await page.addInitScript(() => {
    const tick = () => {
      const counted = /^\d/.test(document.getElementById('result-count')?.textContent || '');
      if (counted && window.__first === undefined) window.__first = performance.now();
      if (counted && document.querySelector('.app[data-text=ready]')) window.__complete = performance.now();
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  await page.goto(url, { waitUntil: 'commit', timeout: 0 });
  await page.waitForFunction(() => window.__complete !== undefined, null, { timeout: 0, polling: 100 });
  const [first, complete] = await page.evaluate(() => [window.__first, window.__complete].map(Math.round));
  await page.close();
  return { first, complete };
}

const names = [a, b];
const ratios = { first: [], complete: [] };
for (let round = 0; round < Number(roundsArg); round++) {
  const got = [];
  for (const k of round % 2 ? [1, 0] : [0, 1]) {
    got[k] = await load(targets[k].url);
    console.log(`${names[k]}: first results ${got[k].first} ms, search complete ${got[k].complete} ms`);
  }
  for (const key of ['first', 'complete']) ratios[key].push(got[1][key] / got[0][key]);
}
const median = (xs) => {
  const s = [...xs].sort((x, y) => x - y);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
for (const key of ['first', 'complete']) {
  const each = ratios[key].map((x) => x.toFixed(2)).join(', ');
  console.log(`B / A, ${key === 'first' ? 'first results' : 'search complete'}: median ${median(ratios[key]).toFixed(2)}× (rounds: ${each})`);
}
await browser.close();
for (const t of targets) t.close();
process.exit(0);
