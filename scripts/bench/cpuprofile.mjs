// Summarises a V8 .cpuprofile: self and inclusive time per function (name, bundle line), as % of samples.
import * as fs from 'node:fs';

export function summarise(file, { top = 20 } = {}) {
  const p = JSON.parse(fs.readFileSync(file, 'utf8'));
  const nodes = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const label = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? `${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
  const count = new Map();
  for (const s of p.samples) count.set(s, (count.get(s) ?? 0) + 1);
  const self = new Map();
  const incl = new Map();
  for (const [id, c] of count) {
    const k = label(nodes.get(id));
    self.set(k, (self.get(k) ?? 0) + c);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(nodes.get(cur));
      if (!seen.has(l)) incl.set(l, (incl.get(l) ?? 0) + c);
      seen.add(l);
    }
  }
  const total = p.samples.length;
  const list = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, top).map(([k, c]) => `${((100 * c) / total).toFixed(1).padStart(5)}%  ${k}`);
  return { self: list(self), inclusive: list(incl), total };
}
