// The Pagefind peer of the benchmark (copied into bench-data/pagefind-N/ by `cargo xtask
// bench --pagefind`): loads Pagefind's own script, and answers a query as a result list
// would, with the count and the first ten results' titles (Pagefind fetches each shown
// result's data separately). Ready is when it can search every site.
// Past 100,000 pages the items are indexed as several sites (`merge.json` lists all but
// the first), since Pagefind cannot hold one index of them in this machine's memory.
const pagefind = await import('./pagefind/pagefind.js');
const merged = await fetch('merge.json').then((r) => (r.ok ? r.json() : []), () => []);
// Paths as the server has them: Pagefind would resolve a relative one against its script.
for (const path of merged) await pagefind.mergeIndex(new URL(path, location.href).pathname);
await pagefind.init();
window.__pagefindReady = performance.now();
window.pfQuery = async (q) => {
  const t0 = performance.now();
  const search = await pagefind.search(q);
  const results = search ? search.results : [];
  const shown = await Promise.all(results.slice(0, 10).map((r) => r.data()));
  const list = document.getElementById('results');
  list.replaceChildren(
    ...shown.map((d) => {
      const li = document.createElement('li');
      li.textContent = d.meta.title;
      return li;
    }),
  );
  document.getElementById('result-count').textContent = String(results.length);
  void document.body.offsetHeight;
  return { ms: performance.now() - t0, count: String(results.length) };
};
