// The importer's Web Worker. The page (src/importer.rs) makes it from a blob: URL, so it
// works from file:// too: the importer's wasm-bindgen glue (`wasm_bindgen`, no-modules,
// an inert block of the page), public/wasm-module.js, then this script. It gets one message:
//   { wasm: <base64 of the gzipped importer wasm>, files: [File, …] }
// It answers { file: i, name, report: <FileReport JSON>, ms } per file (ms: reading and
// parsing it here), then { done: true }.
// A panic in the importer traps the module (wasm has no unwinding): that file gets an
// error, the answer says { trapped: true }, and the page starts a fresh worker for the
// files after it.
'use strict';

self.onmessage = async (event) => {
  const { wasm, files } = event.data;
  let module;
  const begun = performance.now();
  try {
    module = await compileGzipped(wasm);
    wasm_bindgen.initSync({ module });
  } catch (e) {
    self.postMessage({ fatal: String(e) });
    return;
  }
  const started = performance.now();
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    let report;
    const start = performance.now();
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
    self.postMessage({ file: i, name: file.name, report, ms: performance.now() - start });
  }
  self.postMessage({ done: true, start_ms: started - begun });
};
