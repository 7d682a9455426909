// `carbonlint advisories [PATH] [--product P] [--update-level N] [--format text|json]`: the vendor's published
// security advisories for the product releases found in PATH (or named with --product), with their status.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { collectFiles } from '../../shared-rules/engine/walk';
import { parseProductSpec } from '../../shared-rules/data/advisories';
import { productAdvisories, workspaceReleases, type ProductAdvisories } from '../../shared-rules/report/advisories';
import { CliError, UsageError } from './errors';
import { emit } from './output';

export const ADVISORIES_USAGE = `carbonlint advisories [PATH] [--product P] [--update-level N] [--format text|json] [--output FILE]`;

export function advisoriesCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      product: { type: 'string' },
      'update-level': { type: 'string' },
      format: { type: 'string', short: 'f', default: 'text' },
      output: { type: 'string', short: 'o' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`Usage: ${ADVISORIES_USAGE}\n  P: apim-4.2.0, is-5.11.0, mi-4.2.0, ei-6.6.0, is-km-5.10.0, or a vendor code such as wso2am-4.2.0; a 4th component is the update level (apim-4.2.0.120)\n`);
    return 0;
  }
  const format = values.format as string;
  if (format !== 'text' && format !== 'json') throw new UsageError(`unknown format "${format}" (use text or json)`);
  if (positionals.length > 1) throw new UsageError('advisories takes one folder');
  let level: number | undefined;
  if (values['update-level'] !== undefined) {
    level = Number(values['update-level']);
    if (!Number.isInteger(level) || level < 0) throw new UsageError(`--update-level needs a whole number, 0 or more (got "${values['update-level']}")`);
  }
  let lists: ProductAdvisories[];
  if (values.product !== undefined) {
    const spec = parseProductSpec(values.product);
    if (!spec) throw new UsageError(`--product "${values.product}": use a product and release such as apim-4.2.0, is-5.11.0, mi-4.2.0, ei-6.6.0 or wso2am-4.2.0`);
    const updateLevel = level ?? spec.updateLevel;
    lists = [productAdvisories({
      product: spec.product, version: spec.version, ...(updateLevel !== undefined ? { updateLevel } : {}),
      facts: [{ what: 'version', value: spec.version, file: '', source: '--product' }, ...(updateLevel !== undefined ? [{ what: 'updateLevel' as const, value: String(updateLevel), file: '', source: level !== undefined ? '--update-level' : '--product' }] : [])],
    })];
  } else {
    const target = path.resolve(positionals[0] ?? '.');
    if (!fs.existsSync(target)) throw new CliError(`${positionals[0] ?? '.'}: no such file or directory`);
    const root = fs.statSync(target).isDirectory() ? target : path.dirname(target);
    const errors: Array<{ path: string; message: string }> = [];
    const files = collectFiles([target], errors, { within: process.cwd() });
    lists = workspaceReleases(root, files).map((h) => productAdvisories(level !== undefined ? { ...h, updateLevel: level, facts: [...h.facts.filter((f) => f.what !== 'updateLevel'), { what: 'updateLevel', value: String(level), file: '', source: '--update-level' }] } : h, root));
    if (!lists.length) process.stderr.write(`carbonlint: no product release found in ${positionals[0] ?? '.'} (updates/product.txt, carbon.xml, bin/version.txt, folder names such as wso2am-4.2.0); name one with --product\n`);
  }
  emit(format === 'json' ? renderJson(lists) : renderText(lists), values.output);
  return 0;
}

/** One object per (release, advisory): the fields the issue asks for, plus which release it is about. */
function renderJson(lists: readonly ProductAdvisories[]): string {
  const rows = lists.flatMap((l) => l.advisories.map((a) => ({
    ...a, product: l.product, version: l.version, updateLevel: l.updateLevel ?? null, ...(l.home ? { home: l.home } : {}),
  })));
  return JSON.stringify(rows, null, 2) + '\n';
}

function renderText(lists: readonly ProductAdvisories[]): string {
  const out: string[] = [];
  for (const l of lists) {
    const from = l.sources.map((s) => `${s.what === 'updateLevel' ? 'update level' : s.what} from ${s.source}${s.file && s.file !== '.' ? ` (${s.file})` : ''}`).join('; ');
    out.push(`${l.name} ${l.version}${l.updateLevel !== undefined ? `, update level ${l.updateLevel}` : ', update level unknown'}${l.home ? ` — ${l.home}` : ''}`);
    if (from) out.push(`  ${from}`);
    out.push(`  ${l.advisories.length} advisories (${l.counts.open} open, ${l.counts.fixed} fixed, ${l.counts.unknown} status unknown); advisory data of ${l.dataDate}`);
    for (const a of l.advisories) {
      const cvss = a.cvss ? a.cvss.score.toFixed(1) : '-';
      const fixed = a.fixedInUpdateLevel !== null ? `U2 ≥ ${a.fixedInUpdateLevel}` : 'no level';
      out.push(`  ${a.id}  ${a.severity.padEnd(8)} ${cvss.padStart(4)}  ${a.published}  ${a.status.padEnd(7)} ${fixed.padEnd(10)} ${a.cves.join(',') || '-'}${a.range ? `  (${a.range})` : ''}`);
      out.push(`      ${a.title.length > 110 ? a.title.slice(0, 107) + '…' : a.title}  ${a.url}`);
    }
    out.push('');
  }
  return out.join('\n');
}
