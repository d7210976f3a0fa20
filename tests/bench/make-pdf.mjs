// Makes a long minutes PDF for `cargo xtask pdf-eval`: the test minutes of
// tests/fixtures/pdf/src/udvalgsmoede.html, their items repeated with new numbers, case
// numbers and amounts until the PDF has at least the pages asked for, printed by
// headless Chromium with a running header and `Side N af M` (as minutes systems print).
//   node tests/bench/make-pdf.mjs <min-pages> <out.pdf>
import { readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launchChromium } from '../browser/harness.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../..');
const minPages = Number(process.argv[2] || 500);
const out = resolve(process.argv[3] || join(root, 'bench-data/generated.pdf'));
const source = readFileSync(join(root, 'tests/fixtures/pdf/src/udvalgsmoede.html'), 'utf8');
const head = source.slice(0, source.indexOf('<h2>'));
const items = source.slice(source.indexOf('<h2>'), source.indexOf('<div class="underskrift">'));
const tail = source.slice(source.indexOf('<div class="underskrift">'));
// Four items take about three A5 pages when they follow each other.
const copies = Math.ceil(minPages / 3) + 10;
let body = '';
for (let c = 0; c < copies; c++) {
  let n = 0;
  body += items
    .replace(/<h2( class="break")?>(\d+)\./g, (_, cls) => `<h2${cls || ''}>${c * 4 + ++n}.`)
    .replace(/Sagsnr\.: (\d\d)\/(\d{4})/g, (_, y, k) => `Sagsnr.: ${y}/${String((Number(k) + c * 37) % 10000).padStart(4, '0')}`)
    .replace(/(\d+),(\d) mio\. kr\./g, (_, a, b) => `${Number(a) + (c % 7)},${b} mio. kr.`);
}
const dir = mkdtempSync(join(tmpdir(), 'referat-make-pdf-'));
const html = join(dir, 'lang.html');
writeFileSync(html, head + body + tail);
const browser = await launchChromium();
const page = await browser.newPage();
await page.goto(pathToFileURL(html).href);
const footer = '<div style="font-size:9pt;width:100%;text-align:center;font-family:serif">Side <span class="pageNumber"></span> af <span class="totalPages"></span></div>';
await page.pdf({
  path: out,
  format: 'A5',
  margin: { top: '22mm', bottom: '20mm', left: '15mm', right: '15mm' },
  displayHeaderFooter: true,
  headerTemplate: '<div style="font-size:9pt;width:100%;text-align:center;font-family:serif">Udvalget for Natur og Trafik – 4. marts 2025</div>',
  footerTemplate: footer,
});
await browser.close();
console.log(out);
