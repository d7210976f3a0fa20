// Where the page's main thread spends a packed file's load, until its text is all in:
// self and inclusive time per function under Chromium's sampling profiler (wasm names need
// `cargo xtask dist --names` before packing). Usage: node tests/bench/profile-load.mjs FILE.html [top]
import { launchChromium } from '../browser/harness.mjs';
import { printProfile } from './cpu-profile.mjs';
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
printProfile(profile, Number(top));
