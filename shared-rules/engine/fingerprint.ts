// Stable identities for findings, shared by SARIF (partialFingerprints) and baselines.
// A fingerprint (v2) hashes the rule, the file and the finding's location in the file's structure — the enclosing
// TOML table and the names on its lines, with every value and quoted string taken out — plus an occurrence index:
// never line numbers (inserting or moving unrelated lines keeps it) and never a value (a hash of a short secret can
// be confirmed by guessing, and masking only catches the secrets it knows). v1 hashed the masked lines; it is kept
// only so that a baseline written by an older version still matches (never output).
import { createHash } from 'node:crypto';
import { LineIndex } from './text';
import { EDITOR_LINES, redactLines } from './redact';
import type { LintFinding } from './lint';

export const FINGERPRINT_KEY = 'carbonlint/v2';
export type FingerprintVersion = 1 | 2;

const TOML_TABLE = /^\s*\[\[?[^\]]*\]\]?/;
/** A line without its values: quoted strings emptied, a `key = value` / `key: value` line cut after its key. */
function skeleton(line: string): string {
  const t = TOML_TABLE.exec(line);
  if (t) return t[0].replace(/\s+/g, '');
  const noStrings = line.replace(/"[^"]*"|'[^']*'/g, '""');
  const kv = /^\s*(?:export\s+)?([^\s=:<>"']+)\s*[=:]/.exec(noStrings);
  if (kv) return `${kv[1]}=`;
  // XML and script lines: names stay, values (after = or between tags) go.
  return noStrings.replace(/=\s*[^\s"'>]+/g, '=').replace(/>[^<>]*</g, '><').replace(/\s+/g, ' ').trim();
}

/** Fingerprints of a file's findings, in the same order; `relPath` uses forward slashes. */
export function fingerprints(relPath: string, text: string, findings: readonly LintFinding[], version: FingerprintVersion = 2): string[] {
  const index = new LineIndex(text);
  const masked = findings.length ? redactLines(text, EDITOR_LINES).map((l) => l.replace(/\s+/g, ' ').trim()) : [];
  // v2: each line's skeleton, prefixed by the TOML table it is in (lines before any table: none).
  let table = '';
  const lines = version === 1 ? masked : masked.map((l) => {
    const s = skeleton(l);
    if (TOML_TABLE.test(l)) table = s;
    return `${table}\u0001${s}`;
  });
  // Blank and comment lines carry no configuration: anchors skip them (a leading "<!--" line only, for XML).
  const filler = (l: string) => l === '' || /^(#|!|\/\/|<!--|<\?xml)/.test(l);
  const firstContent = masked.findIndex((l) => !filler(l));
  // The first content line at or after each line (the last line when none), made once when first needed: walking
  // from each anchor was quadratic for a block of comment lines that each carry a finding (unused suppressions).
  let contentFrom: Int32Array | undefined;
  const contentAt = (line: number) => {
    if (!contentFrom) {
      contentFrom = new Int32Array(masked.length);
      let next = masked.length - 1;
      for (let l = masked.length - 1; l >= 0; l--) contentFrom[l] = next = filler(masked[l]) ? next : l;
    }
    return contentFrom[line];
  };
  const seen = new Map<string, number>();
  return findings.map((f) => {
    let first = index.positionAt(f.span.start).line;
    const last = Math.max(first, index.positionAt(Math.max(f.span.start, f.span.end - 1)).line);
    // A one-line anchor on a blank or comment line belongs to the content after it.
    if (first >= last && filler(masked[first])) first = contentAt(first);
    // Findings about what a file lacks are anchored at its top, whatever line that is: the message identifies
    // them, so comments or blank lines added at the top do not make them new. v2 takes the finding's identity where
    // it has one (a message that names the data's age would otherwise make a baselined finding new on a date).
    const said = version === 2 ? f.identity ?? f.message : f.message;
    const identity = first === firstContent && last <= first ? `top\u0000${said}` : lines.slice(first, Math.max(first, last) + 1).join('\n');
    const key = [f.ruleId, relPath.replace(/\\/g, '/'), identity].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}
