// The peer: the same bundle searched with MiniSearch and filtered in plain JS, as a web
// developer would write it. Inlined by bench.mjs after MiniSearch's UMD build and the data.
// window.apply(state) runs one interaction: query, filters, facet counts, and 100 rows.
(function () {
  'use strict';
  const t0 = performance.now();
  const bundle = JSON.parse(document.getElementById('referat-bundle').textContent);
  const fold = (s) =>
    s.toLowerCase().replace(/å/g, 'aa').replace(/[æä]/g, 'ae').replace(/[øö]/g, 'oe');
  const docs = [];
  for (const m of bundle.meetings) {
    for (const item of m.items) {
      const text = [item.case_number]
        .concat(item.decisions.flatMap((d) => [d.text].concat(d.remarks)))
        .concat(item.sections.flatMap((s) => [s.heading, s.text]))
        .filter(Boolean)
        .join('\n');
      docs.push({
        id: docs.length,
        title: item.title || '',
        text,
        item,
        committee: m.committee,
        date: m.date,
        absent: m.absent.concat(item.absent).map((a) => fold(a.name.trim())),
      });
    }
  }
  const ms = new MiniSearch({
    fields: ['title', 'text'],
    processTerm: (t) => fold(t),
    searchOptions: { boost: { title: 10 } },
  });
  ms.addAll(docs);
  const people = new Map();
  for (const d of docs) for (const a of d.absent) people.set(a, (people.get(a) || 0) + 1);
  const peopleList = [...people.keys()].sort();
  const loadMs = performance.now() - t0;

  const list = document.getElementById('results');
  const count = document.getElementById('result-count');
  const facetsEl = document.getElementById('facets');
  const peopleEl = document.getElementById('people');

  function apply(s) {
    let pool = docs;
    if (s.text.trim()) {
      const found = ms.search(s.text, { prefix: true, combineWith: 'AND' });
      pool = found.map((r) => docs[r.id]);
    }
    const committees = {};
    const outcomes = {};
    const hits = [];
    const absentee = s.absentee ? fold(s.absentee.trim()) : null;
    for (const d of pool) {
      if (s.from && (!d.date || d.date < s.from)) continue;
      if (s.to && (!d.date || d.date > s.to)) continue;
      if (absentee && !d.absent.includes(absentee)) continue;
      const cOk = s.committees.length === 0 || s.committees.includes(d.committee);
      const oOk = s.outcomes.length === 0 || s.outcomes.includes(d.item.outcome);
      if (oOk && d.committee) committees[d.committee] = (committees[d.committee] || 0) + 1;
      if (cOk) {
        outcomes[d.item.outcome] = (outcomes[d.item.outcome] || 0) + 1;
        if (oOk) hits.push(d);
      }
    }
    if (!s.text.trim()) hits.sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : a.id - b.id));
    count.textContent = String(hits.length);
    facetsEl.textContent = JSON.stringify([committees, outcomes]);
    const q = fold(s.person || '');
    peopleEl.textContent = peopleList.filter((p) => p.includes(q)).slice(0, 8).join(', ');
    const frag = document.createDocumentFragment();
    for (const d of hits.slice(0, 100)) {
      const li = document.createElement('li');
      li.textContent = `${d.date} ${d.committee} ${d.item.case_number} ${d.title}`;
      frag.appendChild(li);
    }
    list.replaceChildren(frag);
    return hits.length;
  }
  window.apply = apply;
  window.peerLoadMs = loadMs;
  apply({ text: '', committees: [], outcomes: [], from: null, to: null, absentee: null, person: '' });
})();
