// What every browser check shares: Debian's Chromium, launched so that the browser itself
// makes no network requests (TOOLCHAIN.md, trap 8) and only the page's own show up.
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { join, normalize } from 'node:path';
import { chromium } from 'playwright-core';

export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    ],
  });
}

/** Records a page's console errors, page errors and dialogs (dismissed) into `log`. */
export function recordPage(page, log) {
  page.on('console', (m) => m.type() === 'error' && log.errors.push(m.text()));
  page.on('pageerror', (e) => log.errors.push(e.message));
  page.on('dialog', async (d) => {
    log.dialogs.push(d.message());
    await d.dismiss();
  });
}

/** A new page that records every request, console error, page error and dialog. */
export async function recordedPage(browser, viewport = { width: 1024, height: 768 }) {
  const page = await browser.newPage({ viewport });
  const log = { requests: [], errors: [], dialogs: [] };
  page.on('request', (r) => log.requests.push(r.url()));
  recordPage(page, log);
  return { page, log };
}

const TYPES = {
  json: 'application/json',
  js: 'text/javascript',
  webmanifest: 'application/manifest+json',
  svg: 'image/svg+xml',
};

function contentType(file) {
  return TYPES[file.split('.').pop()] || 'text/html; charset=utf-8';
}

/**
 * Serves the files of `dir` under `prefix` on 127.0.0.1, as an intranet web server would;
 * anything else is 404. Resolves to `{ origin, close, setDown }`.
 */
export async function serveDir(dir, prefix = '/') {
  let down = false;
  const server = createServer((req, res) => {
    if (down) {
      res.writeHead(503).end();
      return;
    }
    const path = normalize(decodeURIComponent(new URL(req.url, 'http://x').pathname));
    let file = path.startsWith(prefix) ? join(dir, path.slice(prefix.length) || 'index.html') : '';
    // A folder is served by its index.html, as web servers do.
    if (file.startsWith(dir) && existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!file.startsWith(dir) || !existsSync(file)) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': contentType(file) });
    createReadStream(file).pipe(res);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return {
    origin: `http://127.0.0.1:${server.address().port}`,
    close: () => server.close(),
    // A server that answers every request with 503, as one that is down for maintenance.
    setDown: (value) => {
      down = value;
    },
  };
}
