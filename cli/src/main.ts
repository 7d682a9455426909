#!/usr/bin/env node
// carbonlint [paths…] — the command-line front end over the same engine the language server uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { lintText } from '../../shared-rules/engine/lint';
import { fixText } from '../../shared-rules/engine/fixes';
import { classify } from '../../shared-rules/engine/files';
import { allRules } from '../../shared-rules/rules';
import { ruleMarkdown } from '../../shared-rules/engine/docs';
import { collectFiles, type WalkError } from './walk';
import { formatJson, formatStylish, type FileResult } from './format';
import { writeAtomic } from './atomic';

const USAGE = `Usage:
  carbonlint [paths…] [--format stylish|json] [--fix]   check files and folders (default: .)
  carbonlint rules [--format json|md]                   list the rules
  carbonlint docs --out DIR                             write each rule's documentation as Markdown
  carbonlint lsp --stdio | --node-ipc                   run the language server (for any LSP editor)

Exit codes: 0 no errors, 1 findings at error severity, 2 usage or internal error.`;

class UsageError extends Error {}

function main(argv: string[]): number {
  const [command] = argv;
  if (command === 'lsp') {
    // The server reads its transport flag (--stdio / --node-ipc) from process.argv itself.
    require(path.join(__dirname, 'server.js'));
    return -1; // keep running
  }
  if (command === 'rules') return rulesCommand(argv.slice(1));
  if (command === 'docs') return docsCommand(argv.slice(1));
  return lintCommand(argv);
}

function lintCommand(argv: string[]): number {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: { format: { type: 'string', default: 'stylish' }, fix: { type: 'boolean', default: false }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  if (values.format !== 'stylish' && values.format !== 'json') throw new UsageError(`unknown format "${values.format}" (use stylish or json)`);
  const inputs = positionals.length ? positionals : ['.'];
  const errors: WalkError[] = [];
  const files = collectFiles(inputs, errors);
  if (errors.length) {
    for (const e of errors) process.stderr.write(`carbonlint: ${e.path}: ${e.message}\n`);
    return 2;
  }
  const results: FileResult[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch (e) {
      process.stderr.write(`carbonlint: ${file}: cannot read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})\n`);
      return 2;
    }
    if (!classify(file, text)) continue;
    if (values.fix) {
      const fixed = fixText(file, text, { safeOnly: true });
      if (fixed.applied) {
        writeAtomic(file, fixed.output);
        process.stderr.write(`carbonlint: fixed ${fixed.applied} problem${fixed.applied === 1 ? '' : 's'} in ${path.relative(process.cwd(), file)}\n`);
        text = fixed.output;
      }
    }
    results.push({ file, findings: lintText(file, text).findings });
  }
  const cwd = process.cwd();
  const color = values.format === 'stylish' && !!process.stdout.isTTY && !process.env.NO_COLOR;
  process.stdout.write(values.format === 'json' ? formatJson(results, cwd) : formatStylish(results, cwd, color));
  return results.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

function rulesCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'text' } } });
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(allRules.map((r) => ({ ...r.meta, fixable: r.meta.docs.fixSafety !== 'none' })), null, 2) + '\n');
  } else if (values.format === 'md') {
    process.stdout.write(allRules.map((r) => ruleMarkdown(r)).join('\n'));
  } else if (values.format === 'text') {
    for (const r of allRules) process.stdout.write(`${r.meta.id.padEnd(28)} ${r.meta.severity.padEnd(8)} ${r.meta.kind.padEnd(11)} ${r.meta.guidelineId} ${r.meta.guideline}\n`);
  } else {
    throw new UsageError(`unknown format "${values.format}" (use text, json or md)`);
  }
  return 0;
}

function docsCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  if (!values.out) throw new UsageError('docs needs --out DIR');
  fs.mkdirSync(values.out, { recursive: true });
  for (const r of allRules) fs.writeFileSync(path.join(values.out, `${r.meta.id}.md`), ruleMarkdown(r));
  return 0;
}

let code: number;
try {
  code = main(process.argv.slice(2));
} catch (e) {
  const usage = e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(`carbonlint: ${(e as Error).message}\n${usage ? `\n${USAGE}\n` : ''}`);
  code = 2;
}
if (code >= 0) process.exitCode = code;
