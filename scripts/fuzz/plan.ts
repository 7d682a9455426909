// The inputs of a run, by index: first a systematic stage (every corpus file truncated at every line, whole-file
// transformations, 1 MB repetitions of every fragment), then random inputs from the arbitrary. Input i depends only
// on (seed, i), so a worker that dies can be replaced mid-run and a failing input can be rebuilt from its index.
import fc from 'fast-check';
import type { FileKind } from '../../shared-rules/engine/rule';
import { hostileInput, shortName, type FuzzInput } from './arbitraries';
import { COMMENTS, TEMPLATES } from './mutations';
import { loadSeeds, type Seed } from './seeds';
import { KINDS, LINES, NAMES, TOKENS } from './vocabulary';

const MB = 1 << 20;

type Thunk = () => FuzzInput;

function truncations(seed: Seed): Thunk[] {
  const starts = [0];
  for (let i = seed.text.indexOf('\n'); i !== -1; i = seed.text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts.map((at, line) => () => ({ name: seed.file, text: seed.text.slice(0, at), source: 'truncated', origin: `${shortName(seed.file)} cut at line ${line + 1}` }));
}

/** Whole-file transformations of one seed (line endings, BOM, NUL, invalid UTF-8 and templates on every line). */
function transforms(seed: Seed): Thunk[] {
  const t = seed.text;
  const every = (prefix: string) => t.split('\n').map((l) => prefix + l).join('\n');
  const cases: Array<[string, () => string]> = [
    ['CRLF', () => t.replace(/\r?\n/g, '\r\n')],
    ['lone CR', () => t.replace(/\r?\n/g, '\r')],
    ['BOM', () => '\ufeff' + t],
    ['BOM + CRLF', () => '\ufeff' + t.replace(/\r?\n/g, '\r\n')],
    ['NUL first', () => '\u0000' + t],
    ['NUL after 8 KiB', () => t.slice(0, 8200) + '\u0000' + t.slice(8200)],
    ['invalid UTF-8 on every line', () => Buffer.concat(t.split('\n').flatMap((l) => [Buffer.from([0xc3]), Buffer.from(l + '\n')])).toString('utf8')],
    ['U+FFFD on every line', () => every('\ufffd')],
    ['lone surrogate on every line', () => every('\ud800')],
    ['template on every line', () => every('{{ .Values.x }}')],
    ['directive on every line', () => every('{{- if .Values.y }}')],
    ['comment before every line', () => t.split('\n').map((l) => `${COMMENTS[seed.kind][0]}\n${l}`).join('\n')],
    ['lines reversed', () => t.split('\n').reverse().join('\n')],
    ['doubled', () => t + t],
    ['tab indented', () => every('\t')],
  ];
  return cases.map(([what, make]) => () => ({ name: seed.file, text: make(), source: 'transformed', origin: `${shortName(seed.file)}: ${what}` }));
}

/** Every fragment of each kind repeated to 1 MB: on one line, and one per line. */
function megabytes(): Thunk[] {
  const out: Thunk[] = [];
  const add = (kind: FileKind, unit: string, sep: string) =>
    out.push(() => {
      const u = unit + sep;
      return { name: NAMES[kind][0], text: u.repeat(Math.ceil(MB / u.length)).slice(0, MB), source: '1 MB', origin: `${kind}: ${JSON.stringify(u).slice(0, 60)} to 1 MB` };
    });
  for (const kind of KINDS) {
    for (const unit of [...TOKENS[kind], ...LINES[kind], ...TEMPLATES]) {
      add(kind, unit, ' ');
      add(kind, unit, '\n');
    }
  }
  return out;
}

export interface Plan {
  seed: number;
  systematic: number;
  inputAt(i: number): FuzzInput;
}

/** Mixes the run's seed and an index into one 32-bit seed (a multiply-xorshift hash). */
function mix(seed: number, i: number): number {
  let h = (seed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b) >>> 0;
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35) >>> 0;
  return (h ^ (h >>> 16)) | 0;
}

export function makePlan(seed: number, options: { systematic?: boolean } = {}): Plan {
  const seeds = loadSeeds();
  const stage: Thunk[] = options.systematic === false ? [] : [...seeds.flatMap(truncations), ...seeds.flatMap(transforms), ...megabytes()];
  const arb = hostileInput(seeds);
  return {
    seed,
    systematic: stage.length,
    inputAt(i) {
      if (i < stage.length) return stage[i]();
      return fc.sample(arb, { seed: mix(seed, i), numRuns: 1 })[0];
    },
  };
}


