// referat's inflater: turns one part of a packed bundle into its JSON bytes off the page's
// thread, with the browser's own DecompressionStream. Started from a blob by src/inflater.rs;
// a message is { k, b64, size, part } (a part in the page: gzip in base64) or { k, url, size,
// part } (a piece of a sharded archive: a gzip file, fetched through the HTTP cache), the
// answer { k, bytes, folded } (transferred) or { k, error }. `part`: it is a list of meetings.
// When the page carries the importer, its glue and public/wasm-module.js come before this
// script and a first message { wasm } (the gzipped module in base64) starts it: `folded` is
// then the part's items folded, with their short strings (`fold_part`, see crates/importer),
// made here on the second core instead of on the page's thread. Without it, or if it fails,
// `folded` is absent.
'use strict';

// Whether `wasm_bindgen.fold_part` can be called. A part that comes before the module is
// compiled is answered without its folding rather than kept waiting: a small bundle is all in by then.
let moduleReady = false;
function start(wasm) {
  compileGzipped(wasm)
    .then((module) => {
      wasm_bindgen.initSync({ module });
      moduleReady = true;
    })
    .catch(() => {});
}
function foldedOf(bytes) {
  if (!moduleReady) return undefined;
  try {
    return wasm_bindgen.fold_part(new Uint8Array(bytes)) || undefined;
  } catch (e) {
    // A trap leaves the module unusable: the page marks the rest itself.
    moduleReady = false;
    return undefined;
  }
}
function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
function decode(b64) {
  try {
    return fromBase64(b64);
  } catch (e) {
    throw new Error(`not base64 (${e.message})`);
  }
}
async function download(url) {
  let response;
  try {
    response = await fetch(url);
  } catch (e) {
    throw new Error(`it could not be fetched (${e.message})`);
  }
  if (!response.ok) throw new Error(`the server answered HTTP ${response.status}`);
  try {
    return new Uint8Array(await response.arrayBuffer());
  } catch (e) {
    throw new Error(`it could not be fetched (${e.message})`);
  }
}
async function inflate(gz, size) {
  const inflater = new DecompressionStream('gzip');
  const writer = inflater.writable.getWriter();
  // Rejected when the data is damaged; the reader says so.
  writer.write(gz).catch(() => {});
  writer.close().catch(() => {});
  const reader = inflater.readable.getReader();
  // Kept as chunks and joined at the end: a manifest that overstates a size reserves nothing.
  const chunks = [];
  let n = 0;
  for (;;) {
    let chunk;
    try {
      chunk = await reader.read();
    } catch (e) {
      throw new Error(`the compressed data is damaged (${e.message})`);
    }
    if (chunk.done) break;
    if (n + chunk.value.length > size) {
      reader.cancel().catch(() => {});
      throw new Error(`it inflates to more than the ${size} bytes the manifest gives`);
    }
    chunks.push(chunk.value);
    n += chunk.value.length;
  }
  if (n !== size) throw new Error(`it inflates to ${n} bytes; the manifest gives ${size}`);
  const out = new Uint8Array(n);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out.buffer;
}
onmessage = async (e) => {
  if (e.data.wasm !== undefined) {
    if (typeof wasm_bindgen !== 'undefined') start(e.data.wasm);
    return;
  }
  const { k, b64, url, size, part } = e.data;
  try {
    const gz = url === undefined ? decode(b64) : await download(url);
    const bytes = await inflate(gz, size);
    const folded = part ? foldedOf(bytes) : undefined;
    postMessage({ k, bytes, folded }, folded ? [bytes, folded.buffer] : [bytes]);
  } catch (err) {
    postMessage({ k, error: String((err && err.message) || err) });
  }
};
