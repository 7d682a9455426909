#!/usr/bin/env node
// carbonlint [paths…] — the command-line front end over the same engine the language server uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { allRules } from '../../shared-rules/rules';
import { ruleMarkdown } from '../../shared-rules/engine/docs';
import { parseLintOptions } from './options';
import { lintCommand } from './lint-command';
import { reportCommand, REPORT_USAGE } from './report-command';
import { advisoriesCommand, ADVISORIES_USAGE } from './advisories-command';
import { CliError, UsageError } from './errors';

const USAGE = `Usage:
  carbonlint [paths…] [options]                      check files and folders (default: .)
    --format stylish|json|sarif   output format (default stylish)      --output FILE   write it to FILE
    --fix                         apply the safe fixes (atomic writes)  --fix-dry-run   print them as a diff
    --baseline FILE               report only findings not in FILE      --update-baseline   (re)write FILE
    --max-warnings N              exit 1 above N warnings               --quiet         errors only
    --rule ID / --ignore-rule ID  only / not these rules (repeatable)   --product P     e.g. apim-4.2.0
    --config FILE                 project file (default: nearest .carbonlint.json)
    --sarif-root DIR              SARIF locations and fingerprints relative to DIR (default: .)
  ${REPORT_USAGE}
                                                      the production-readiness report (all 42 guidelines)
  ${ADVISORIES_USAGE}
                                                      the vendor's security advisories for the releases found
  carbonlint rules [--format text|json|md]            list the rules
  carbonlint docs --out DIR                           write each rule's documentation as Markdown
  carbonlint lsp --stdio | --node-ipc                 run the language server (for any LSP editor)

Exit codes: 0 no errors, 1 findings at error severity (or over --max-warnings), 2 usage or internal error.`;

function main(argv: string[]): number {
  const [command] = argv;
  if (command === 'lsp') {
    // The server reads its transport flag (--stdio / --node-ipc) from process.argv itself.
    require(path.join(__dirname, 'server.js'));
    return -1; // keep running
  }
  if (command === 'rules') return rulesCommand(argv.slice(1));
  if (command === 'docs') return docsCommand(argv.slice(1));
  if (command === 'report') return reportCommand(argv.slice(1));
  if (command === 'advisories') return advisoriesCommand(argv.slice(1));
  const options = parseLintOptions(argv);
  if (options.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  return lintCommand(options);
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

// A reader that stops early (`carbonlint … | head`) is not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}

let code: number;
try {
  code = main(process.argv.slice(2));
} catch (e) {
  const usage = e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
  const known = usage || e instanceof CliError;
  process.stderr.write(`carbonlint: ${known ? (e as Error).message : `internal error: ${(e as Error).stack ?? e}`}\n${usage ? 'Run `carbonlint --help` for the options.\n' : ''}`);
  code = 2;
}
if (code >= 0) process.exitCode = code;
