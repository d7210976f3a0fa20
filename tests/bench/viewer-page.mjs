// What the profiling scripts share: where a viewer is opened from, and when its text is in.

import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serveDir } from '../browser/harness.mjs';

/**
 * The address of `target`: a packed file from file://, or a folder holding index.html served
 * on 127.0.0.1 (`close` stops the server; a no-op for a file).
 */
export async function viewerUrl(target) {
  const path = resolve(target);
  if (!statSync(path).isDirectory()) return { url: pathToFileURL(path).href, close: () => {} };
  const server = await serveDir(path);
  return { url: `${server.origin}/index.html`, close: () => server.close() };
}

/** The viewer shows a count: its first results are in. */
export const counted = () => /^\d/.test(document.getElementById('result-count')?.textContent || '');

/**
 * The viewer's text is all in: a count is shown and the text is ready. (Before any data has
 * arrived, the viewer has no text to wait for and says `ready` too: the count tells them apart.)
 */
export const textIn = () =>
  /^\d/.test(document.getElementById('result-count')?.textContent || '') && document.querySelector('.app[data-text=ready]') !== null;

/** Waits, however long it takes, until `page`'s viewer has its text in. */
export function waitForText(page, polling = 20) {
  return page.waitForFunction(textIn, null, { timeout: 0, polling });
}
