// Where the page's main thread spends a load, until its text is all in: self and inclusive
// time per function under Chromium's sampling profiler (wasm names need `cargo xtask dist
// --names` before packing). A packed file opens from file://, a folder (index.html and
// bundle.json, or a sharded archive) is served on 127.0.0.1.
// Usage: node tests/bench/profile-load.mjs FILE.html|FOLDER [top]
import { launchChromium } from '../browser/harness.mjs';
import { printProfile } from './cpu-profile.mjs';
import { viewerUrl, waitForText } from './viewer-page.mjs';

const [file, top = '40'] = process.argv.slice(2);
if (!file) {
  console.error('usage: node tests/bench/profile-load.mjs FILE.html|FOLDER [top]');
  process.exit(2);
}
const target = await viewerUrl(file);
const browser = await launchChromium();
const page = await browser.newPage({ viewport: { width: 1024, height: 768 } });
const cdp = await page.context().newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
await cdp.send('Profiler.start');
const t0 = Date.now();
await page.goto(target.url, { waitUntil: 'commit', timeout: 0 });
await waitForText(page, 100);
const ms = Date.now() - t0;
const { profile } = await cdp.send('Profiler.stop');
await browser.close();
target.close();
console.log(`text in after ${ms} ms (with the profiler's overhead)`);
printProfile(profile, Number(top));
