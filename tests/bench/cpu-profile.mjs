// Reading a V8 CPU profile (CDP `Profiler.stop`): self and inclusive time per function.
// Shared by profile.mjs (keystrokes) and profile-load.mjs (a packed file's load).

/** Prints the `top` functions by self time, then by inclusive time. */
export function printProfile(profile, top) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (profile.timeDeltas[i] || 0)));
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const name = (n) => n.callFrame.functionName || '(anonymous)';
  // Self time keeps the script's file (the tail of its URL): wasm and glue read apart.
  const self = new Map();
  for (const [id, us] of counts) {
    const n = byId.get(id);
    const key = `${name(n)} ${n.callFrame.url ? n.callFrame.url.slice(-20) : ''}`.trim();
    self.set(key, (self.get(key) || 0) + us);
  }
  for (const [key, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / total).toFixed(1).padStart(5)}%  ${key.slice(0, 110)}`);
  // Inclusive: a node's samples plus its descendants', each function once per stack, so
  // recursion does not count twice.
  const inclusive = new Map();
  const walk = (n, stack) => {
    const nm = name(n);
    const inner = new Set(stack).add(nm);
    let us = counts.get(n.id) || 0;
    for (const c of n.children || []) us += walk(byId.get(c), inner);
    if (!stack.has(nm)) inclusive.set(nm, (inclusive.get(nm) || 0) + us);
    return us;
  };
  walk(profile.nodes[0], new Set());
  console.log('\ninclusive:');
  for (const [nm, us] of [...inclusive].sort((a, b) => b[1] - a[1]).slice(0, top))
    console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${nm.slice(0, 120)}`);
}
