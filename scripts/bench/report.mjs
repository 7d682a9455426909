// The table (printed and written to docs/performance.md) and the document around it. The hand-written parts —
// how the figures are measured, what we tried — live in notes/*.md beside this file and are included verbatim.
import * as fs from 'node:fs';

const verdict = (r) => (r.met === true ? 'met' : r.met === false ? '**MISSED**' : r.target ? 'not judged' : '');
const cell = (s) => String(s).replace(/\|/g, '\\|');

export function table(rows) {
  const head = '| § | measure | result | target | verdict |\n|---|---|---|---|---|';
  return [head, ...rows.map((r) => `| ${r.id} | ${cell(r.what)} | ${cell(r.value)} | ${cell(r.target)} | ${verdict(r)} |`)].join('\n');
}

/** "7 of 12 targets met; missed: §1 …, §2 …" */
export function summary(rows) {
  const judged = rows.filter((r) => r.met !== null && r.met !== undefined);
  const missed = judged.filter((r) => !r.met);
  return `${judged.length - missed.length} of ${judged.length} judged targets met${missed.length ? `; missed: ${missed.map((r) => `§${r.id} ${r.what.split(' (')[0]}`).join('; ')}` : ''}.`;
}

export function document({ machine, loadStart, loadEnd, quick, rows, notes, elapsedMs, noteFiles }) {
  const m = machine;
  const include = (f) => (fs.existsSync(f) ? fs.readFileSync(f, 'utf8').trim() : '');
  return `# Performance

Written by \`npm run bench\` (\`scripts/bench/\`)${quick ? ' — a **--quick** run: fewer rounds and a 1,000-file workspace; targets marked "not judged" need a full run' : ''}.
Edit \`scripts/bench/notes/*.md\` for the text below the table; the rest is regenerated.

## Machine

| | |
|---|---|
| CPU | ${m.cpu}, ${m.cores} cores |
| memory | ${m.memory} |
| Node | ${m.node} (${m.platform}) |
| date | ${m.date} |
| load average (1, 5, 15 min) | at start ${loadStart}; at end ${loadEnd} |
| bench run time | ${(elapsedMs / 60000).toFixed(1)} min |

## Results

${table(rows)}

${summary(rows)}
${notes.length ? `\nNotes from this run:\n\n${notes.map((n) => `- ${n}`).join('\n')}\n` : ''}
${noteFiles.map(include).filter(Boolean).join('\n\n')}
`;
}
