// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules and best practice) finds nothing on the
// list, a search, an item and a meeting, on a tablet upright (768×1024) and on its side
// (1024×768). The context bypasses the page's CSP only so that axe itself can be injected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(resolve(here, '../..'), 'dist');
const axeSource = readFileSync(join(here, 'node_modules/axe-core/axe.min.js'), 'utf8');
const oneFile = pathToFileURL(join(dist, 'referat.html')).href;
const bundle = JSON.parse(readFileSync(join(dist, 'bundle.json'), 'utf8'));
const views = {
  list: '#/',
  search: '#/?q=social&sortering=relevans',
  item: `#/punkt/${bundle.meetings[0].items[0].id}`,
  meeting: `#/moede/${bundle.meetings[0].id}`,
  english: '#/?sprog=en',
};

let browser;
before(async () => {
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
  for (const [name, hash] of Object.entries(views)) {
    test(`axe finds no violation: ${name} at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(oneFile + hash);
      await page.waitForSelector('.app[data-text="ready"]');
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () =>
        (await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] })).violations.map(
          (v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
        ),
      );
      assert.deepEqual(violations, []);
      await context.close();
    });
  }
}
