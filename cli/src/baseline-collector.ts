// The entries of a baseline being written (--update-baseline), kept compact until the end: every finding of the run
// is one, and they live until the last file is linted. As objects they held ~20 MB on 10,200 files (94,000 findings:
// an object, a 32-character fingerprint sliced from a 64-character hash, the file, the message), which V8's heap
// growth turned into ~60 MB more peak RSS. Here: a fingerprint of 32 hex digits is 16 bytes of one buffer, file, rule
// and message are numbers into tables of distinct strings, and the entries are made again one at a time, in
// createBaseline's order, while the baseline is written.
import type { BaselineEntry } from '../../shared-rules/engine/baseline';

const HEX32 = /^[0-9a-f]{32}$/;

/** Distinct strings, each kept once as a flat copy (a message built from pieces of a file would keep that file alive). */
class Strings {
  private ids = new Map<string, number>();
  readonly list: string[] = [];
  id(s: string): number {
    let id = this.ids.get(s);
    if (id === undefined) {
      id = this.list.length;
      const flat = JSON.parse(JSON.stringify(s)) as string;
      this.list.push(flat);
      this.ids.set(flat, id);
    }
    return id;
  }
}

export class BaselineCollector {
  private strings = new Strings();
  /** Per entry: file, rule and message ids. */
  private refs = new Uint32Array(3 * 1024);
  /** Per entry: the fingerprint's 16 bytes (when it is 32 lower-case hex digits, as v2 fingerprints are). */
  private prints = Buffer.alloc(16 * 1024);
  /** Fingerprints of any other shape, by entry. */
  private odd = new Map<number, string>();
  private n = 0;

  get length(): number {
    return this.n;
  }

  add(e: BaselineEntry): void {
    const i = this.n++;
    if (3 * this.n > this.refs.length) {
      const refs = new Uint32Array(this.refs.length * 2);
      refs.set(this.refs);
      this.refs = refs;
      const prints = Buffer.alloc(this.prints.length * 2);
      this.prints.copy(prints);
      this.prints = prints;
    }
    this.refs[3 * i] = this.strings.id(e.file);
    this.refs[3 * i + 1] = this.strings.id(e.rule);
    this.refs[3 * i + 2] = this.strings.id(e.message);
    if (HEX32.test(e.fingerprint)) this.prints.write(e.fingerprint, 16 * i, 16, 'hex');
    else this.odd.set(i, e.fingerprint);
  }

  private fingerprint(i: number): string {
    return this.odd.get(i) ?? this.prints.toString('hex', 16 * i, 16 * i + 16);
  }

  private entry(i: number): BaselineEntry {
    const s = this.strings.list;
    // The key order of the entries lint-command.ts used to keep: the baseline's bytes are the same.
    return { fingerprint: this.fingerprint(i), rule: s[this.refs[3 * i + 1]], file: s[this.refs[3 * i]], message: s[this.refs[3 * i + 2]] };
  }

  /** The entries in createBaseline's order (file, rule, fingerprint; a stable sort, the same comparisons). */
  *sorted(): Generator<BaselineEntry> {
    const s = this.strings.list;
    const r = this.refs;
    const order = Array.from({ length: this.n }, (_, i) => i);
    // Equal ids are equal strings (localeCompare 0) without comparing them.
    const cmp = (x: number, y: number) => (x === y ? 0 : s[x].localeCompare(s[y]));
    order.sort((a, b) => cmp(r[3 * a], r[3 * b]) || cmp(r[3 * a + 1], r[3 * b + 1]) || this.fingerprint(a).localeCompare(this.fingerprint(b)));
    for (const i of order) yield this.entry(i);
  }
}
