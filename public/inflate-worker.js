// referat's inflater: turns one part of a packed one-file bundle (gzip in base64) into its
// JSON bytes off the page's thread, with the browser's own DecompressionStream. Started
// from a blob by src/unpack.rs; a message is { k, b64, size }, the answer { k, bytes }
// (transferred) or { k, error }.
'use strict';
function fromBase64(text) {
  if (typeof Uint8Array.fromBase64 === 'function') return Uint8Array.fromBase64(text);
  const s = atob(text);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}
async function inflate(b64, size) {
  let gz;
  try {
    gz = fromBase64(b64);
  } catch (e) {
    throw new Error(`not base64 (${e.message})`);
  }
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
  const { k, b64, size } = e.data;
  try {
    const bytes = await inflate(b64, size);
    postMessage({ k, bytes }, [bytes]);
  } catch (err) {
    postMessage({ k, error: String((err && err.message) || err) });
  }
};
