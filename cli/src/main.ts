#!/usr/bin/env node
// carbonlint [paths…] — the command-line front end over the same engine the language server uses.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { allRules } from '../../shared-rules/rules';
import { ruleMarkdown } from '../../shared-rules/engine/docs';
import { parseLintOptions } from './options';
import { lintCommand } from './lint-command';
import { isLintWorker, serveLintWorker } from './lint-pool';
import { reportCommand, REPORT_USAGE } from './report-command';
import { advisoriesCommand, ADVISORIES_USAGE } from './advisories-command';
import { CliError, UsageError } from './errors';
import { stdinCommand } from './stdin-command';
import { TOOL_VERSION } from './version';
import { unusedSuppressionDoc } from '../../shared-rules/engine/unused-suppression-doc';

/** The rules and the engine's own unused-suppression check: what `rules` lists and `docs` writes. */
const documented = [...allRules, unusedSuppressionDoc];

const LSP_USAGE = `Usage: carbonlint lsp --stdio | --node-ipc | --socket=PORT | --pipe=NAME
  Runs the CarbonLint language server for any LSP editor (Neovim, Helix, Emacs, Sublime…); the transport is required.`;

const USAGE = `Usage:
  carbonlint [paths…] [options]                      check files and folders (default: .)
    --format FORMAT               stylish (default), json, sarif, junit, checkstyle, gitlab (Code Quality), github
                                  (workflow commands)                  --output FILE   write it to FILE
    --fix                         apply the safe fixes (atomic writes)  --fix-dry-run   print them as a diff
    --baseline FILE               report only findings not in FILE      --update-baseline   (re)write FILE
    --max-warnings N              exit 1 above N warnings               --quiet         errors only
    --fail-on SEVERITY            exit 1 on a finding at or above it: error (default), warning, info, hint
    --rule ID / --ignore-rule ID  only / not these rules (repeatable)   --product P     e.g. apim-4.2.0
    --config FILE                 project file (default: nearest .carbonlint.json)
    --sarif-root DIR              SARIF locations and fingerprints relative to DIR (default: .)
    --stdin --stdin-filename PATH lint stdin as the file PATH (with --fix: the fixed text on stdout, the report on stderr)
    --no-error-on-unmatched-pattern   a named path CarbonLint reads nothing from is skipped, not an error (exit 2)
    --jobs N                      lint on N threads (default: one fewer than the cores, at most 4, from 200 files)
  carbonlint --version                                 print the version
  ${REPORT_USAGE}
                                                      the production-readiness report (all 42 guidelines)
  ${ADVISORIES_USAGE}
                                                      the vendor's security advisories for the releases found
  carbonlint rules [--format text|json|md]            list the rules
  carbonlint docs --out DIR                           write each rule's documentation as Markdown
  carbonlint lsp --stdio | --node-ipc                 run the language server (for any LSP editor)
  (--product P: auto, apim, is or mi, optionally at a release line, e.g. apim-4.2.0, is-7.0.0, mi-4.3.0)

Exit codes: 0 no errors, 1 findings at error severity (or over --max-warnings), 2 usage or internal error.`;

function main(argv: string[]): number | Promise<number> {
  const [command] = argv;
  if (command === 'lsp') {
    const rest = argv.slice(1);
    if (rest.some((a) => a === '--help' || a === '-h')) {
      process.stdout.write(LSP_USAGE + '\n');
      return 0;
    }
    if (!rest.some((a) => /^--(stdio|node-ipc|socket=\d+|pipe=.+)$/.test(a))) {
      process.stderr.write(`carbonlint: lsp needs a transport\n${LSP_USAGE}\n`);
      return 2;
    }
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
  if (options.version) {
    process.stdout.write(`${TOOL_VERSION}\n`);
    return 0;
  }
  return options.stdin ? stdinCommand(options) : lintCommand(options);
}

function rulesCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { format: { type: 'string', default: 'text' } } });
  if (values.format === 'json') {
    process.stdout.write(JSON.stringify(documented.map((r) => ({ ...r.meta, fixable: r.meta.docs.fixSafety !== 'none' })), null, 2) + '\n');
  } else if (values.format === 'md') {
    process.stdout.write(documented.map((r) => ruleMarkdown(r)).join('\n'));
  } else if (values.format === 'text') {
    for (const r of allRules) process.stdout.write(`${r.meta.id.padEnd(28)} ${r.meta.severity.padEnd(8)} ${r.meta.kind.padEnd(11)} ${r.meta.guidelineId} ${r.meta.guideline}\n`);
    const u = unusedSuppressionDoc.meta;
    process.stdout.write(`${u.id.padEnd(28)} ${u.severity.padEnd(8)} ${'any'.padEnd(11)} —   ${u.title} (CarbonLint's own check)\n`);
  } else {
    throw new UsageError(`unknown format "${values.format}" (use text, json or md)`);
  }
  return 0;
}

function docsCommand(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { out: { type: 'string' } } });
  if (!values.out) throw new UsageError('docs needs --out DIR');
  fs.mkdirSync(values.out, { recursive: true });
  for (const r of documented) fs.writeFileSync(path.join(values.out, `${r.meta.id}.md`), ruleMarkdown(r));
  return 0;
}

function failed(e: unknown): number {
  const usage = e instanceof UsageError || (e as NodeJS.ErrnoException).code?.startsWith('ERR_PARSE_ARGS');
  const known = usage || e instanceof CliError;
  process.stderr.write(`carbonlint: ${known ? (e as Error).message : `internal error: ${(e as Error).stack ?? e}`}\n${usage ? 'Run `carbonlint --help` for the options.\n' : ''}`);
  return 2;
}

function start(): void {
  // A reader that stops early (`carbonlint … | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw e;
    });
  }
  // The lint command is async (it waits for stdout to drain while streaming); the others return at once.
  void (async () => {
    let code: number;
    try {
      code = await main(process.argv.slice(2));
    } catch (e) {
      code = failed(e);
    }
    if (code >= 0) process.exitCode = code;
  })();
}

// A worker thread of `--jobs` (lint-pool.ts) runs this same bundle: it serves batches of files and nothing else.
if (isLintWorker()) serveLintWorker();
else start();
