// TOML conformance against toml-test's TOML 1.0.0 cases (vendored in test/fixtures/toml-test, MIT):
// a valid file must parse without an error; an invalid one must get at least one error.
// Run: node --import tsx scripts/conformance/toml.ts [--json] [--list] [--editor]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseToml } from '../../shared-rules/parsers/toml/parse';
import { readConfigFile } from '../../shared-rules/engine/read-config';

export interface Outcome {
  valid: { total: number; accepted: number; rejected: string[] };
  invalid: { total: number; rejected: number; accepted: string[] };
}

const ROOT = path.join(__dirname, '..', '..', 'test', 'fixtures', 'toml-test');

/**
 * Reads a case as the CLI, the report and the workspace scan do (readConfigFile): UTF-8, a BOM kept as U+FEFF,
 * invalid bytes become U+FFFD and their place is passed on. `--editor`: as an editor hands over a document instead
 * (the first BOM removed, the invalid bytes' place lost).
 */
function read(file: string, editor: boolean): { text: string; invalidUtf8At?: number } {
  if (editor) return { text: new TextDecoder('utf-8').decode(fs.readFileSync(file)) };
  const r = readConfigFile(file, 1 << 30);
  if (!r.ok) throw new Error(`${file}: ${r.reason}`);
  return { text: r.text, invalidUtf8At: r.invalidUtf8At };
}

export function tomlConformance(root = ROOT, editor = false): Outcome {
  const list = fs.readFileSync(path.join(root, 'files-toml-1.0.0'), 'utf8').split('\n').filter((l) => l.endsWith('.toml'));
  const out: Outcome = { valid: { total: 0, accepted: 0, rejected: [] }, invalid: { total: 0, rejected: 0, accepted: [] } };
  for (const rel of list) {
    const { text, invalidUtf8At } = read(path.join(root, 'tests', rel), editor);
    const doc = parseToml(text, { invalidUtf8At });
    const errors = doc.problems.some((p) => p.severity === 'error');
    if (rel.startsWith('valid/')) {
      out.valid.total++;
      if (errors) out.valid.rejected.push(rel);
      else out.valid.accepted++;
    } else {
      out.invalid.total++;
      if (errors) out.invalid.rejected++;
      else out.invalid.accepted.push(rel);
    }
  }
  return out;
}

if (require.main === module) {
  const o = tomlConformance(ROOT, process.argv.includes('--editor'));
  if (process.argv.includes('--json')) console.log(JSON.stringify(o, null, 2));
  else {
    const pct = (a: number, b: number) => `${((100 * a) / b).toFixed(1)}%`;
    console.log(`valid:   ${o.valid.accepted}/${o.valid.total} accepted (${pct(o.valid.accepted, o.valid.total)})`);
    console.log(`invalid: ${o.invalid.rejected}/${o.invalid.total} rejected (${pct(o.invalid.rejected, o.invalid.total)})`);
    if (process.argv.includes('--list')) {
      for (const r of o.valid.rejected) console.log(`valid rejected: ${r}`);
      for (const r of o.invalid.accepted) console.log(`invalid accepted: ${r}`);
    }
  }
}
