// The bench's interaction script (bench.mjs): the steps a user takes, derived from the data,
// and the functions that run them inside a page (each is passed to page.evaluate, so it
// uses nothing from this module).

/** The fixed interaction script, derived from the data: ≥ 50 steps a user would take. */
export function script(bundle) {
  const count = new Map();
  for (const m of bundle.meetings)
    for (const i of m.items) for (const a of m.absent.concat(i.absent)) count.set(a.name.trim(), (count.get(a.name.trim()) || 0) + 1);
  const person = [...count.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0];
  const steps = [];
  const toggle = (list, x) => (list.includes(x) ? list.filter((y) => y !== x) : [...list, x]);
  const committee = (c) => steps.push({ what: `committee ${c}`, kind: 'click', sel: `input[data-committee="${c}"]`, update: (s) => ({ ...s, committees: toggle(s.committees, c) }) });
  const outcome = (o) => steps.push({ what: `outcome ${o}`, kind: 'click', sel: `input[data-outcome="${o}"]`, update: (s) => ({ ...s, outcomes: toggle(s.outcomes, o) }) });
  const type = (word, from = '') => {
    for (let k = from.length + 1; k <= word.length; k++) {
      const v = word.slice(0, k);
      steps.push({ what: `type "${v}"`, kind: 'type', sel: '#q', value: v, update: (s) => ({ ...s, text: v }) });
    }
  };
  const erase = (word, to) => {
    for (let k = word.length - 1; k >= to; k--) {
      const v = word.slice(0, k);
      steps.push({ what: `erase to "${v}"`, kind: 'type', sel: '#q', value: v, update: (s) => ({ ...s, text: v }) });
    }
  };
  const clear = () => steps.push({ what: 'Escape (clear text)', kind: 'key', sel: '#q', key: 'Escape', update: (s) => ({ ...s, text: '' }) });
  const reset = () => steps.push({ what: 'reset', kind: 'click', sel: '#reset', update: (s) => ({ ...s, text: '', committees: [], outcomes: [], from: null, to: null, absentee: null }) });

  committee('Økonomiudvalget');
  steps.push({ what: 'preset 2022–2025', kind: 'click', sel: '.presets button:nth-child(3)', update: (s) => ({ ...s, from: '2022-01-01', to: '2025-12-31' }) });
  outcome('approved');
  type('budget');
  erase('budget', 3);
  clear();
  outcome('approved');
  for (let k = 1; k <= 4; k++) {
    const v = person.slice(0, k);
    steps.push({ what: `person search "${v}"`, kind: 'type', sel: '#absentee-search', value: v, update: (s) => ({ ...s, person: v }) });
  }
  steps.push({ what: `absentee ${person}`, kind: 'click', sel: `button[data-person="${person}"]`, update: (s) => ({ ...s, absentee: person }) });
  type('oekonomi');
  steps.push({ what: 'remove absentee', kind: 'click', sel: '.selected-person button', update: (s) => ({ ...s, absentee: null }) });
  committee('Børne- og ungdomsudvalget');
  committee('Økonomiudvalget');
  clear();
  type('skoler');
  outcome('noted');
  reset();
  type('21/1');
  clear();
  type('aarhus');
  reset();
  return steps;
}

export async function runStep(step) {
  const el = document.querySelector(step.sel);
  if (!el) return { missing: step.sel };
  const t0 = performance.now();
  if (step.kind === 'type') {
    el.value = step.value;
    el.dispatchEvent(new InputEvent('input', { bubbles: true }));
  } else if (step.kind === 'key') {
    el.dispatchEvent(new KeyboardEvent('keydown', { key: step.key, bubbles: true }));
  } else {
    el.click();
  }
  await new Promise((r) => setTimeout(r, 0));
  void document.body.offsetHeight;
  return { ms: performance.now() - t0, count: document.getElementById('result-count')?.textContent };
}

export async function runPeer(state) {
  const t0 = performance.now();
  const n = window.apply(state);
  await new Promise((r) => setTimeout(r, 0));
  void document.body.offsetHeight;
  return { ms: performance.now() - t0, count: String(n) };
}

/** The script's keystrokes in the search field. */
export const textQueries = (steps) => steps.filter((s) => s.kind === 'type' && s.sel === '#q' && s.value);

/**
 * The result list scrolled down 300 px a frame for 120 frames. Per frame: the interval
 * between frames (16.7 ms when every frame is shown at 60 Hz), and the work the scroll
 * causes, from the scroll event (a capturing listener, so it runs first) to the DOM updated
 * and laid out in that frame (read in the frame's animation callback, after a forced layout).
 */
export async function scrollFrames() {
  const el = document.scrollingElement;
  el.scrollTop = 0;
  await new Promise((r) => requestAnimationFrame(r));
  const intervals = [];
  const work = [];
  let last = performance.now();
  for (let k = 0; k < 120; k++) {
    let at;
    const onScroll = () => {
      at ??= performance.now();
    };
    window.addEventListener('scroll', onScroll, { capture: true });
    el.scrollTop += 300;
    await new Promise((r) => requestAnimationFrame(r));
    void document.body.offsetHeight;
    const now = performance.now();
    window.removeEventListener('scroll', onScroll, { capture: true });
    if (at !== undefined) work.push(now - at);
    intervals.push(now - last);
    last = now;
  }
  return { times: intervals, work, rows: document.querySelectorAll('[data-item-id]').length, top: el.scrollTop };
}

/**
 * The person, people, committee, meetings and case pages of a bundle: the person absent
 * most, the committee with most meetings, a case treated more than once.
 */
export function pageViews(bundle) {
  const absent = {};
  const cases = {};
  const meetingsOf = {};
  for (const m of bundle.meetings) {
    if (m.committee) meetingsOf[m.committee] = (meetingsOf[m.committee] || 0) + 1;
    for (const i of m.items) {
      for (const a of [...m.absent, ...i.absent]) absent[a.name] = (absent[a.name] || 0) + 1;
      if (i.case_number) cases[i.case_number] = (cases[i.case_number] || 0) + 1;
    }
  }
  const top = (o) => Object.entries(o).sort((a, b) => b[1] - a[1])[0]?.[0];
  const enc = encodeURIComponent;
  return [
    ['people', '#/personer', '#people-table'],
    ['person', `#/person/${enc(top(absent))}`, '[data-view-person]'],
    ['committee', `#/udvalg/${enc(top(meetingsOf))}`, '[data-view-committee]'],
    ['meetings', '#/moeder', '#meeting-table'],
    ['case', `#/sag/${enc(top(cases))}`, '#case-timeline'],
  ];
}

/** From the list to a page and back, `reps` times: the time from the URL change to the page in the DOM, laid out. */
export async function viewTimes([hash, sel, reps]) {
  // Never waits forever: a page that does not come says where the app was.
  const until = (s) =>
    new Promise((resolve, reject) => {
      if (document.querySelector(s)) return resolve();
      const o = new MutationObserver(() => {
        if (document.querySelector(s)) {
          o.disconnect();
          clearTimeout(timer);
          resolve();
        }
      });
      const timer = setTimeout(() => {
        o.disconnect();
        reject(new Error(`no ${s} after 15 s at ${location.hash}: ${document.querySelector('.main')?.textContent.slice(0, 300)}`));
      }, 15000);
      o.observe(document.body, { childList: true, subtree: true });
    });
  const times = [];
  for (let i = 0; i < reps; i++) {
    location.hash = '#/';
    await until('[data-item-id]');
    await new Promise((r) => setTimeout(r, 30));
    const t0 = performance.now();
    location.hash = hash;
    await until(sel);
    void document.body.offsetHeight;
    times.push(performance.now() - t0);
  }
  return times;
}
