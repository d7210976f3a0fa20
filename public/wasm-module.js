// The importer's wasm in a worker: `compileGzipped` turns the page's inert block (the
// gzipped module in base64) into a WebAssembly.Module. Put before importer-worker.js and
// inflate-worker.js, after the importer's wasm-bindgen glue, when a worker is made.
'use strict';

// Inflates and compiles at once: the browser compiles the module while it is inflated,
// on its own threads.
async function compileGzipped(base64) {
  const binary = atob(base64);
  const raw = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) raw[i] = binary.charCodeAt(i);
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
  const response = new Response(stream, { headers: { 'content-type': 'application/wasm' } });
  return WebAssembly.compileStreaming(response);
}
