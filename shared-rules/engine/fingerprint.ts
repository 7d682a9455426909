// Stable identities for findings, shared by SARIF (partialFingerprints) and baselines.
// A fingerprint hashes the rule, the file and the finding's (masked, whitespace-normalised) source lines plus an
// occurrence index — never line numbers — so inserting or moving unrelated lines keeps it.
import { createHash } from 'node:crypto';
import { LineIndex } from './text';
import { EDITOR_LINES, redactLines } from './redact';
import type { LintFinding } from './lint';

export const FINGERPRINT_KEY = 'carbonlint/v1';

/** Fingerprints of a file's findings, in the same order; `relPath` uses forward slashes. */
export function fingerprints(relPath: string, text: string, findings: readonly LintFinding[]): string[] {
  const index = new LineIndex(text);
  const masked = findings.length ? redactLines(text, EDITOR_LINES).map((l) => l.replace(/\s+/g, ' ').trim()) : [];
  // Blank and comment lines carry no configuration: anchors skip them (a leading "<!--" line only, for XML).
  const filler = (l: string) => l === '' || /^(#|!|\/\/|<!--|<\?xml)/.test(l);
  const firstContent = masked.findIndex((l) => !filler(l));
  const seen = new Map<string, number>();
  return findings.map((f) => {
    let first = index.positionAt(f.span.start).line;
    const last = Math.max(first, index.positionAt(Math.max(f.span.start, f.span.end - 1)).line);
    // A one-line anchor on a blank or comment line belongs to the content after it.
    while (first >= last && filler(masked[first]) && first + 1 < masked.length) first++;
    // Findings about what a file lacks are anchored at its top, whatever line that is: the message identifies
    // them, so comments or blank lines added at the top do not make them new.
    const identity = first === firstContent && last <= first ? `top\u0000${f.message}` : masked.slice(first, Math.max(first, last) + 1).join('\n');
    const key = [f.ruleId, relPath.replace(/\\/g, '/'), identity].join('\u0000');
    const n = seen.get(key) ?? 0;
    seen.set(key, n + 1);
    return createHash('sha256').update(`${key}\u0000${n}`).digest('hex').slice(0, 32);
  });
}
