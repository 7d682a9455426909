// Rules that honour RuleContext.bare (a values rendering's lint, which keeps only span, severity and message) skip
// building fixes and related places; what the caller keeps must be what the full lint gives. Checked over every TOML
// rule's own cases, every TOML file of the fixtures, and every Helm template's values rendering.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { renderedWithValues } from '../../shared-rules/engine/template-lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { allRules } from '../../shared-rules/rules';

const HONOURING = ['plaintext-password', 'weak-tls-ciphers', 'passthrough-weak-ciphers', 'weak-tls-protocols'];

const strip = ({ fix: _fix, related: _related, identity: _identity, undecided: _undecided, ...rest }: LintFinding) => rest;

/** Lints `text` full and bare; asserts bare is the full findings stripped, and returns the full findings. */
function same(fileName: string, text: string, options: Parameters<typeof lintText>[2] = {}): LintFinding[] {
  const full = lintText(fileName, text, Object.assign({}, options, { suppressions: false }));
  const bare = lintText(fileName, text, Object.assign({}, options, { suppressions: false, bare: true }));
  assert.deepEqual(bare.findings, full.findings.map(strip), fileName);
  return full.findings;
}

function tomlFiles(dir: string, out: string[] = []): string[] {
  if (!fs.existsSync(dir)) return out;
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) tomlFiles(p, out);
    else if (e.isFile() && /\.toml(\.j2|\.erb|\.tmpl)?$/.test(e.name)) out.push(p);
  }
  return out;
}

/** What the texts exercised, so that the comparison cannot pass by having nothing to compare. */
function tally(findings: readonly LintFinding[], seen: Map<string, { fix: number; none: number }>): void {
  for (const f of findings) {
    if (!HONOURING.includes(f.ruleId)) continue;
    const s = seen.get(f.ruleId) ?? { fix: 0, none: 0 };
    if (f.fix) s.fix++;
    else s.none++;
    seen.set(f.ruleId, s);
  }
}

test('bare lint of every TOML rule case: the full findings without fix, related, identity, undecided', () => {
  const seen = new Map<string, { fix: number; none: number }>();
  for (const rule of allRules.filter((r) => r.meta.kind === 'toml')) {
    for (const c of [...rule.cases.valid, ...rule.cases.invalid]) {
      const options = { settings: resolveSettings(c.settings), kind: 'toml' as const, resources: c.resources };
      tally(same(c.fileName ?? 'deployment.toml', c.code, options), seen);
    }
  }
  // weak-tls-ciphers' message says whether a fix exists ("Remove them" or what to write instead): both kinds seen.
  for (const id of HONOURING) assert.ok((seen.get(id)?.fix ?? 0) > 0, `${id}: findings with a fix`);
  assert.ok((seen.get('weak-tls-ciphers')?.none ?? 0) > 0, 'weak-tls-ciphers: findings without a fix');
});

test('bare lint of every TOML file and Helm values rendering in the fixtures', () => {
  // More folders (such as the shared corpora) can be given in CARBONLINT_BARE_DIRS, colon-separated.
  const dirs = [path.join(__dirname, '../fixtures'), ...(process.env.CARBONLINT_BARE_DIRS?.split(':') ?? [])];
  const seen = new Map<string, { fix: number; none: number }>();
  let renderings = 0;
  for (const file of dirs.flatMap((d) => tomlFiles(d))) {
    const text = fs.readFileSync(file, 'utf8');
    // As a plain file (kind given: a template twin is then linted as the text it is).
    tally(same(file, text, { kind: 'toml', untemplated: true }), seen);
    const rendered = text.includes('{{') ? renderedWithValues(file, text, 'curly') : undefined;
    if (rendered !== undefined) {
      renderings++;
      tally(same(file, rendered, { kind: 'toml', untemplated: true }), seen);
    }
  }
  assert.ok(renderings > 0, 'Helm values renderings');
  for (const id of ['plaintext-password', 'weak-tls-ciphers', 'weak-tls-protocols']) assert.ok((seen.get(id)?.fix ?? 0) > 0, `${id}: findings with a fix`);
});
