// The importer's Web Worker. `cargo xtask dist` puts the importer's wasm-bindgen glue
// (`wasm_bindgen`, no-modules) before this script; the page starts it from a blob: URL,
// so it works from file:// too, and sends it one message:
//   { wasm: <base64 of the gzipped importer wasm>, files: [File, …] }
// It answers { file: i, name, report: <FileReport JSON> } per file, then { done: true }.
// A panic in the importer traps the module (wasm has no unwinding): that file gets an
// error, the answer says { trapped: true }, and the page starts a fresh worker for the
// files after it.
'use strict';

async function inflate(base64) {
  const raw = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const stream = new Blob([raw]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

self.onmessage = async (event) => {
  const { wasm, files } = event.data;
  let module;
  try {
    module = new WebAssembly.Module(await inflate(wasm));
    wasm_bindgen.initSync({ module });
  } catch (e) {
    self.postMessage({ fatal: String(e) });
    return;
  }
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    let report;
    try {
      const bytes = new Uint8Array(await file.arrayBuffer());
      report = wasm_bindgen.read_minutes(file.name, bytes);
    } catch (e) {
      report = JSON.stringify({
        name: file.name,
        meeting: null,
        notes: [],
        error: 'cannot read `' + file.name + '`: the importer failed (' + e + ')',
      });
      self.postMessage({ file: i, name: file.name, report, trapped: true });
      self.close();
      return;
    }
    self.postMessage({ file: i, name: file.name, report });
  }
  self.postMessage({ done: true });
};
