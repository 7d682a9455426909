// The suppression index (suppression-cover.ts) against the plain definition — every directive tested against every
// finding — on random files mixing every directive form, rule lists, multi-line statements and regions closed by
// their own or a blanket enable; and what a region covers once some of its rules are enabled again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cover, names } from '../../shared-rules/engine/suppression-cover';
import { parseDirectives, type Directive } from '../../shared-rules/engine/suppressions';
import { scanSource, type SourceLines } from '../../shared-rules/engine/comment-syntax';
import { LineIndex } from '../../shared-rules/engine/text';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';

/** The definition: a directive covers a finding on its line(s), in its file, or in one of its regions of that rule. */
function reference(directives: Directive[], src: SourceLines, findings: LintFinding[]) {
  type Region = { id: string; start: number; end: number };
  const regions = new Map<Directive, Region[]>();
  const open: Region[] = [];
  for (const d of directives) {
    if (d.type === 'disable') {
      const rs = (d.rules.length ? d.rules.map((r) => r.id) : ['*']).map((id) => ({ id, start: d.comment.span.end, end: Infinity }));
      regions.set(d, rs);
      open.push(...rs);
    } else if (d.type === 'enable') {
      const ids = d.rules.map((r) => r.id);
      for (const r of open) if (r.end === Infinity && (!ids.length || ids.includes(r.id))) r.end = d.comment.span.start;
    }
  }
  const covers = (d: Directive, f: LintFinding): boolean => {
    const line = f.range.start.line;
    if (!names(d, f)) return false;
    if (d.type === 'disable-file') return true;
    if (d.type === 'disable-line' || d.type === 'disable-next-line') {
      const first = d.type === 'disable-line' ? src.statementStart(d.comment.line) : d.comment.endLine + 1;
      return first < src.index.lineCount && line >= first && line <= src.statementEnd(first);
    }
    const rs = regions.get(d) ?? [];
    return rs.some((r) => (r.id === '*' || r.id === f.ruleId) && f.span.start >= r.start && f.span.start < r.end);
  };
  const used = new Map<Directive, Set<string>>();
  const by = findings.map((f) => {
    const all = directives.filter((d) => covers(d, f));
    for (const d of all) {
      if (!used.has(d)) used.set(d, new Set());
      used.get(d)!.add(d.rules.length ? f.ruleId : '*');
    }
    // Line and file scopes before regions, each in file order.
    return all.find((d) => d.type !== 'disable') ?? all[0];
  });
  return { by, used };
}

function randomFile(seed: number): string {
  let s = seed;
  const rnd = (n: number) => { s = (s * 1103515245 + 12345) % 2147483648; return s % n; };
  const ids = () => ['', 'r-a', 'r-b', 'r-a, r-b', 'r-b, r-a, r-c'][rnd(5)];
  const lines: string[] = [];
  for (let i = 0; i < 60; i++) {
    const k = rnd(9);
    if (k === 0) lines.push(`# carbonlint-disable-next-line ${ids()}`);
    else if (k === 1) lines.push(`x${i} = "A B" # carbonlint-disable-line ${ids()}`);
    else if (k === 2) lines.push(`# carbonlint-disable ${ids()}`);
    else if (k === 3) lines.push(`# carbonlint-enable ${ids()}`);
    else if (k === 4 && rnd(4) === 0) lines.push(`# carbonlint-disable-file ${ids()}`);
    else if (k === 5) lines.push(`y${i} = [\n  "A",\n  # carbonlint-disable-next-line ${ids()}\n  "B",\n  "A B",\n]`);
    else lines.push(`z${i} = "${['A', 'B', 'A B', 'S', 'ok'][rnd(5)]}"`);
  }
  return lines.join('\n') + '\n';
}

/** r-a on every A, r-b on every B, and a file-level problem (no guideline) on every S. */
function findingsOf(text: string, index: LineIndex): LintFinding[] {
  const out: LintFinding[] = [];
  for (const m of text.matchAll(/"[^"\n]*"/g)) {
    for (const w of m[0].matchAll(/[ABS]/g)) {
      const span = { start: m.index! + w.index!, end: m.index! + w.index! + 1 };
      const ruleId = w[0] === 'A' ? 'r-a' : w[0] === 'B' ? 'r-b' : 'toml-syntax';
      out.push({ ruleId, guideline: ruleId === 'toml-syntax' ? null : 'g', guidelineId: ruleId === 'toml-syntax' ? null : 'G0', severity: 'warning', message: 'm', span, range: index.range(span) });
    }
  }
  return out.reverse(); // rules report in their own order, not by position
}

test('the index finds the same suppressing directive and the same used rules as testing every directive', () => {
  let suppressed = 0;
  for (let seed = 1; seed <= 300; seed++) {
    const text = randomFile(seed);
    const index = new LineIndex(text);
    const src = scanSource('toml', text, index);
    const directives = parseDirectives(text, src);
    const findings = findingsOf(text, index);
    const got = cover(directives, src, findings);
    const want = reference(directives, src, findings);
    assert.deepEqual(got.by.map((d) => d && directives.indexOf(d)), want.by.map((d) => d && directives.indexOf(d)), `seed ${seed}:\n${text}`);
    const sets = (m: Map<Directive, Set<string>>) => directives.map((d) => [...(m.get(d) ?? [])].sort().join(','));
    assert.deepEqual(sets(got.used), sets(want.used), `seed ${seed}`);
    suppressed += got.by.filter(Boolean).length;
  }
  assert.ok(suppressed > 1000, `the random files suppress something (${suppressed})`);
});

test('a rule enabled again is reported, though the same comment disabled another rule that is still off', () => {
  const text = '# carbonlint-disable plaintext-password, privileged-datastore-user\n# carbonlint-enable plaintext-password\n[database.db]\nurl = "jdbc:mysql://h/db?useSSL=true"\nusername = "root"\npassword = "admin"\n';
  const r = lintText('/ws/wso2am-4.2.0/repository/conf/deployment.toml', text);
  assert.deepEqual(r.suppressed?.map((f) => f.ruleId), ['privileged-datastore-user']);
  assert.ok(r.findings.some((f) => f.ruleId === 'plaintext-password'), 'reported after its enable');
  assert.match(r.findings.find((f) => f.ruleId === 'unused-suppression')!.message, /no plaintext-password finding in this region/);
});
