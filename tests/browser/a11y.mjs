// Accessibility: axe-core (WCAG 2.0/2.1 A and AA rules and best practice) finds nothing on the
// list, a search, an item, a meeting and the person, people, committee, meetings and case pages, on a tablet upright (768×1024) and on its side
// (1024×768). The context bypasses the page's CSP only so that axe itself can be injected.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from './harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const dist = join(root, 'dist');
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
// The person, committee, meetings and case pages, on the council fixture (member lists, a
// case through two bodies), packed with the real CLI in `before`.
const councilViews = {
  people: '#/personer',
  person: '#/person/Bo%20Kragh',
  committee: '#/udvalg/%C3%98konomiudvalget',
  meetings: '#/moeder',
  case: '#/sag/24%2F100',
  'item with a case link and notes': '#/punkt/by-2024-02-20-1',
  'person in English': '#/person/Bo%20Kragh?sprog=en',
};
let councilFile;

let browser;
before(async () => {
  const html = join(mkdtempSync(join(tmpdir(), 'referat-a11y-')), 'council.html');
  const fixture = join(root, 'crates/core/tests/fixtures/council-bundle.json');
  execFileSync('cargo', ['run', '-q', '-p', 'referat-cli', '--', 'pack', fixture, '-o', html, '--app', join(dist, 'referat-app.html')], { cwd: root });
  councilFile = pathToFileURL(html).href;
  browser = await launchChromium();
});
after(async () => {
  await browser?.close();
});

for (const viewport of [{ width: 768, height: 1024 }, { width: 1024, height: 768 }]) {
  const all = [
    ...Object.entries(views).map(([name, hash]) => [name, () => oneFile + hash]),
    ...Object.entries(councilViews).map(([name, hash]) => [name, () => councilFile + hash]),
  ];
  for (const [name, url] of all) {
    test(`axe finds no violation: ${name} at ${viewport.width}×${viewport.height}`, async () => {
      const context = await browser.newContext({ viewport, bypassCSP: true });
      const page = await context.newPage();
      await page.goto(url());
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
