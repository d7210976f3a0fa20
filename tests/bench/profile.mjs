// Where a keystroke's time goes: opens a viewer (as tests/bench/viewer-page.mjs), types a word a
// character at a time under Chromium's sampling profiler, and prints self time per
// function (wasm names need `cargo xtask dist --names` before packing).
// Usage: node tests/bench/profile.mjs FILE.html|FOLDER [word | click:SELECTOR] [top]
// (`click:` clicks the element six times instead of typing).
import { launchChromium } from '../browser/harness.mjs';
import { printProfile } from './cpu-profile.mjs';
import { viewerUrl, waitForText } from './viewer-page.mjs';

const [file, word = 'aarhus', top = '30'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/profile.mjs FILE.html|FOLDER [word | click:SELECTOR] [top]');
  process.exit(2);
}
const target = await viewerUrl(file);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
await page.goto(target.url, { waitUntil: 'commit', timeout: 0 });
await waitForText(page, 200);
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
await browser.close();
target.close();
printProfile(profile, Number(top));
