// A path named on the command line from which CarbonLint reads nothing is an error, not a silent pass: a CI gate
// pointed at the wrong file or folder must not report "No problems in 0 files" (ESLint's habit).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { classify } from '../../shared-rules/engine/files';
import type { Association } from '../../shared-rules/engine/template-names';

export const WHAT_WE_READ = 'deployment.toml (and *-deployment.toml), log4j2*.properties, context.xml, product startup scripts (wso2server.sh, api-manager.sh, micro-integrator.sh, … or any .sh/.bat/.cmd that starts a Carbon Bootstrap class), Carbon 4.4 conf files, their templates, and a product\'s Kubernetes manifests, Dockerfiles, compose files, systemd units and nginx configurations';

/** Whether CarbonLint checks this file: by name, else (scripts) by content; an unreadable file counts (its read error is reported later). */
export function isChecked(file: string, maxBytes: number, associations?: readonly Association[]): boolean {
  if (classify(file, undefined, associations)) return true;
  try {
    const st = fs.statSync(file);
    if (!st.isFile() || st.size > maxBytes) return true;
    return classify(file, fs.readFileSync(file, 'utf8'), associations) !== undefined;
  } catch {
    return true;
  }
}

/** Index of the first of `sorted` that is not below `s` (binary search). */
function lowerBound(sorted: readonly string[], s: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid] < s) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * One message per input that yields no checked file; `files` are the walk's results (absolute paths). The files are
 * sorted once and each input finds its own by binary search (the paths under a folder are one run of the sorted
 * list): pre-commit passes every changed file as an input, and a scan of every file per input made 2,550 inputs
 * cost 6.5 s more than their common folder.
 */
export function unmatchedInputs(inputs: readonly string[], files: readonly string[], maxBytes: number, associations?: readonly Association[]): string[] {
  const out: string[] = [];
  const sorted = [...files].sort();
  for (const input of inputs) {
    const abs = path.resolve(input);
    const under: string[] = [];
    const at = lowerBound(sorted, abs);
    if (sorted[at] === abs) under.push(abs);
    const prefix = abs.endsWith(path.sep) ? abs : abs + path.sep;
    for (let i = lowerBound(sorted, prefix); i < sorted.length && sorted[i].startsWith(prefix); i++) under.push(sorted[i]);
    if (under.some((f) => isChecked(f, maxBytes, associations))) continue;
    const isFile = under.length === 1 && under[0] === abs;
    out.push(
      isFile
        ? `${input}: not a file CarbonLint reads (it reads ${WHAT_WE_READ}); pass --no-error-on-unmatched-pattern to skip such paths silently`
        : `${input}: no file CarbonLint reads here${under.length ? ' (the folder holds only other scripts)' : ''}; it reads ${WHAT_WE_READ} (pass --no-error-on-unmatched-pattern to allow an empty folder)`,
    );
  }
  return out;
}
