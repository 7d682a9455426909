import { jsonSyntaxMessage } from './json-error';

// Baselines: today's accepted findings, keyed by their fingerprints, so a pipeline fails only on new ones.
// The file holds no line numbers (they churn) and no source text (secrets): fingerprint, rule, file, message.

export interface BaselineEntry {
  fingerprint: string;
  rule: string;
  file: string;
  message: string;
}

export interface Baseline {
  /** 2: fingerprints v2 (location and rule, no value); 1 (older): v1 fingerprints, still read, never written. */
  version: 1 | 2;
  tool: 'carbonlint';
  findings: BaselineEntry[];
}

export function createBaseline(entries: readonly BaselineEntry[]): Baseline {
  const findings = [...entries].sort((a, b) => a.file.localeCompare(b.file) || a.rule.localeCompare(b.rule) || a.fingerprint.localeCompare(b.fingerprint));
  return { version: 2, tool: 'carbonlint', findings };
}

export function serializeBaseline(b: Baseline): string {
  return JSON.stringify(b, null, 2) + '\n';
}

/**
 * serializeBaseline's bytes a finding at a time, so that a baseline of 100,000 findings is never one string.
 * `entries` (default: b.findings) may be produced on the fly, already sorted (cli/src/baseline-collector.ts).
 */
export function* baselineChunks(b: Baseline, entries: Iterable<BaselineEntry> = b.findings): Generator<string> {
  const [open, close] = JSON.stringify({ ...b, findings: [] }, null, 2).split('"findings": []');
  let i = 0;
  for (const e of entries) yield (i++ ? ',\n    ' : `${open}"findings": [\n    `) + JSON.stringify(e, null, 2).replace(/\n/g, '\n    ');
  yield i ? `\n  ]${close}\n` : serializeBaseline({ ...b, findings: [] });
}

/** Parses a baseline file; throws an Error naming what is wrong (the CLI turns it into exit 2). */
export function parseBaseline(text: string): Set<string> {
  return readBaseline(text).accepted;
}

/** The accepted fingerprints and the fingerprint version they were computed with. */
export function readBaseline(text: string): { accepted: Set<string>; version: 1 | 2 } {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new Error(jsonSyntaxMessage(text, e));
  }
  const b = raw as Partial<Baseline> | null;
  if (!b || typeof b !== 'object' || (b.version !== 1 && b.version !== 2) || !Array.isArray(b.findings)) throw new Error('not a CarbonLint baseline (expected {"version": 2, "findings": [...]})');
  const out = new Set<string>();
  b.findings.forEach((f, i) => {
    if (!f || typeof f.fingerprint !== 'string') throw new Error(`findings[${i}].fingerprint: must be a string`);
    out.add(f.fingerprint);
  });
  return { accepted: out, version: b.version };
}
