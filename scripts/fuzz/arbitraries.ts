// fast-check arbitraries for hostile inputs: corpus files put through mutations, grammar-shaped generated files,
// and long repetitions of one fragment (where super-linear code shows). One arbitrary, so the CI sample and the
// full run draw from the same distribution, and a failure shrinks to a small mutation list.
import fc from 'fast-check';
import * as path from 'node:path';
import type { FileKind } from '../../shared-rules/engine/rule';
import type { Settings } from '../../shared-rules/engine/settings';
import { COMMENTS, TEMPLATES, describe, mutate, type Mutation } from './mutations';
import { KINDS, LINES, NAMES, TOKENS } from './vocabulary';
import type { Seed } from './seeds';

export interface FuzzInput {
  /** File name it is linted as (selects the kind and, by its path, the product). */
  name: string;
  text: string;
  /** How it was made, for reports: "mutated", "generated", "repeated", or a systematic stage. */
  source: string;
  /** What exactly: the seed file and the mutations, or the fragment repeated. */
  origin: string;
  settings?: Partial<Settings>;
}

/** Repetitions are capped at this many characters to keep the average input cheap (the 1 MB cases are systematic). */
const MAX_REPEAT = 256 * 1024;

const frac = fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true });

function mutation(kind: FileKind): fc.Arbitrary<Mutation> {
  const fragment = fc.oneof(fc.constantFrom(...TEMPLATES), fc.constantFrom(...COMMENTS[kind]), fc.constantFrom(...LINES[kind]), fc.constantFrom(...TOKENS[kind]));
  return fc.oneof(
    { weight: 3, arbitrary: fc.record({ op: fc.constant('flip' as const), at: frac, mask: fc.integer({ min: 1, max: 255 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: frac }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('truncateLine' as const), at: frac }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('shuffle' as const), seed: fc.nat(), swaps: fc.integer({ min: 1, max: 40 }) }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('insertLine' as const), at: frac, text: fragment }) },
    { weight: 4, arbitrary: fc.record({ op: fc.constant('insertInline' as const), at: frac, text: fragment }) },
    { weight: 1, arbitrary: fc.constantFrom<Mutation>({ op: 'crlf' }, { op: 'cr' }, { op: 'bom' }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('badUtf8' as const), at: frac, which: fc.nat(6) }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('nul' as const), at: frac }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('loneSurrogate' as const), at: frac, high: fc.boolean() }) },
    { weight: 1, arbitrary: fc.record({ op: fc.constant('dupLine' as const), at: frac, times: fc.integer({ min: 1, max: 50 }) }) },
    { weight: 2, arbitrary: fc.record({ op: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 200 }) }) },
  );
}

/** Settings that change what rules do, now and then (a tiny size limit exercises the skip path, a tiny findings limit the cap). */
const settings: fc.Arbitrary<Partial<Settings> | undefined> = fc.oneof(
  { weight: 12, arbitrary: fc.constant(undefined) },
  { weight: 1, arbitrary: fc.record({ product: fc.constantFrom('apim', 'is', 'mi', 'apim-4.2.0', 'is-7.0.0', 'mi-4.3.0', 'apim-3.2.0') }) },
  { weight: 1, arbitrary: fc.record({ session: fc.record({ minIdLength: fc.integer({ min: 16, max: 128 }) }), tls: fc.record({ minimumVersion: fc.constantFrom('TLSv1.2' as const, 'TLSv1.3' as const) }) }) },
  { weight: 1, arbitrary: fc.record({ maxFileSize: fc.integer({ min: 0, max: 4096 }) }) },
  { weight: 1, arbitrary: fc.record({ maxFindingsPerFile: fc.integer({ min: 1, max: 5 }) }) },
);

function mutated(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  return fc.nat(seeds.length - 1).chain((i) => {
    const seed = seeds[i];
    // Now and then the file is linted as another kind (a log4j2.properties named deployment.toml).
    const name = fc.oneof({ weight: 9, arbitrary: fc.constant(seed.file) }, { weight: 1, arbitrary: fc.constantFrom(...KINDS.map((k) => NAMES[k][0])) });
    return fc.record({ muts: fc.array(mutation(seed.kind), { minLength: 1, maxLength: 5 }), name, settings }).map(({ muts, name, settings }) => ({
      name,
      text: muts.reduce(mutate, seed.text),
      source: 'mutated',
      origin: `${shortName(seed.file)}${name === seed.file ? '' : ` as ${path.basename(name)}`}: ${muts.map(describe).join(' ')}`,
      settings,
    }));
  });
}

/** Grammar-shaped files: lines of the kind, fragments and random characters, in any order. */
function generated(kind: FileKind): fc.Arbitrary<FuzzInput> {
  const piece = fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...LINES[kind]).map((l) => l + '\n') },
    { weight: 3, arbitrary: fc.constantFrom(...TOKENS[kind]) },
    { weight: 1, arbitrary: fc.constantFrom(...TEMPLATES) },
    { weight: 1, arbitrary: fc.constantFrom(...COMMENTS[kind]).map((c) => c + '\n') },
    { weight: 2, arbitrary: fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
    { weight: 2, arbitrary: fc.constantFrom('\n', '\r\n', ' ', '\t', '\r') },
  );
  return fc.record({ pieces: fc.array(piece, { maxLength: 80 }), name: fc.constantFrom(...NAMES[kind]), settings }).map(({ pieces, name, settings }) => ({
    name,
    text: pieces.join(''),
    source: 'generated',
    origin: `generated ${kind}`,
    settings,
  }));
}

/** One fragment many times, on one line or on many: super-linear scanning shows here. */
function repeated(kind: FileKind): fc.Arbitrary<FuzzInput> {
  const unit = fc.oneof(fc.constantFrom(...TOKENS[kind]), fc.constantFrom(...LINES[kind]), fc.constantFrom(...TEMPLATES));
  return fc.record({ unit, sep: fc.constantFrom('', ' ', '\n', ';'), times: fc.integer({ min: 100, max: 50000 }), name: fc.constantFrom(...NAMES[kind]) }).map(({ unit, sep, times, name }) => {
    const u = unit + sep;
    const n = Math.max(1, Math.min(times, Math.floor(MAX_REPEAT / Math.max(1, u.length))));
    return { name, text: u.repeat(n), source: 'repeated', origin: `${JSON.stringify(u)} × ${n}` };
  });
}

export function hostileInput(seeds: readonly Seed[]): fc.Arbitrary<FuzzInput> {
  const parts: Array<fc.WeightedArbitrary<FuzzInput>> = KINDS.flatMap((k) => [
    { weight: 6, arbitrary: generated(k) },
    { weight: 1, arbitrary: repeated(k) },
  ]);
  if (seeds.length) parts.push({ weight: 70, arbitrary: mutated(seeds) });
  return fc.oneof(...parts);
}

export function shortName(file: string): string {
  const parts = file.split(path.sep);
  return parts.slice(-3).join('/');
}
