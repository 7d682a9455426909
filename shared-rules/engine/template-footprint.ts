// Which conditions of a deployment.toml template may share a covering rendering (template-cover.ts). Two variants
// switched in the same rendering must not change each other's findings: they may not write the same TOML table
// (a table defined in both is a duplicate; a key's meaning depends on its neighbours), and a variant that switches
// something the whole file is read against — [secrets] and Secure Vault aliases (plain-text passwords and their
// fixes), [server] (the port offset in transport messages), the top-level keys — gets a rendering of its own, as does
// a variant that adds or drops a table below [secrets] (which table follows [secrets] is read against the whole file).
// [secrets] is written and read alias by alias: its aliases are independent keys, each read by the `$secret{alias}`
// references to it, so two variants conflict there only when one writes what the other reads or writes. What every
// reference reads — anything in [secrets] that is not a literal `alias = …` line (a `range` or `include` there makes
// secret-alias-missing quiet), and [runtime_secrets] (which turns the alias check off, and holds aliases too) —
// writes all of [secrets]: two such switches would otherwise hide, together, a finding each one alone shows. A
// plain-text password reads all of [secrets]: its quick fix picks a free alias there and inserts it at the table's end.
// A rule may read a reference's alias together with its neighbours (connection-admin-credentials: the user name beside
// a `$secret{}` password), so writing an alias also writes every table whose lines refer to it (`refs`): a variant
// switching that user name and one switching the alias's value never share a rendering, even when the reference
// itself lies outside every branch.
import type { Span } from './text';

/** A table header at the start of a line: `[a.b]` or `[[a.b]]`. Linear: one character class up to `]`. */
const HEADER = /^[ \t]*\[\[?([^\]\r\n]*)\]/gm;

/** What the whole file is read against ([server]: the port offset; [secrets]: its place, last): a variant switching it lints alone. */
const WHOLE_FILE = /^[ \t]*\[[ \t]*(?:server|secrets)[ \t]*\]/m;

/** A Secure Vault reference: it reads its alias in [secrets]. Linear: one character class up to `}`. */
const SECRET_REF = /\$secret\{([^}\r\n]*)\}?/g;

/** A literal alias line of [secrets]: a bare or double-quoted key (no dots, no template syntax) and `=`. */
const ALIAS_LINE = /^(?:([A-Za-z0-9_-]+)|"([^"\\{}<%]*)")[ \t]*=/;

/**
 * What a variant's switched stretches touch: table names (written), `secrets.<alias>` (one alias written), and the
 * same prefixed with READ (read only); or 'alone'. A table and its subtables, or [secrets] and its aliases, overlap.
 */
export type Footprint = ReadonlySet<string> | 'alone';

/** A key plaintext-password may judge a secret (a superset of its words: password, pwd, secret, private/access key). */
const SECRET_KEY_WORD = /pass|pwd|secret|private|access/i;

/** Marks a name that is only read: two reads never conflict. */
const READ = '?';

/** [runtime_secrets] is read with [secrets], by every reference: writing it is writing all of [secrets]. */
function vaultTable(name: string): string {
  return name === 'runtime_secrets' ? 'secrets' : name;
}

/** An alias of `$secret{…}` as written, or undefined when it may be any alias (template syntax, no closing brace). */
function aliasOf(m: RegExpMatchArray): string | undefined {
  return m[0].endsWith('}') && !/[{<%]/.test(m[1]) ? m[1] : undefined;
}

/** Per alias (`*`: one that may be any), the tables whose lines refer to it anywhere in the template, any branch. */
export type SecretRefs = ReadonlyMap<string, ReadonlySet<string>>;

export function secretReferenceTables(text: string, headers: ReadonlyArray<{ at: number; name: string }>): SecretRefs {
  const out = new Map<string, Set<string>>();
  if (!text.includes('$secret{')) return out;
  for (const m of text.matchAll(SECRET_REF)) {
    const table = vaultTable(tableAt(headers, m.index!));
    // A reference at the top level or in [secrets] itself: the top level lints alone, [secrets] is written anyway.
    if (table === '' || table === 'secrets') continue;
    const alias = aliasOf(m) ?? '*';
    let set = out.get(alias);
    if (!set) out.set(alias, (set = new Set()));
    set.add(table);
  }
  return out;
}

/** Table headers of `text` by offset (sorted), for the table in force at a branch's start. */
export function tableHeaders(text: string): Array<{ at: number; name: string }> {
  const out: Array<{ at: number; name: string }> = [];
  for (const m of text.matchAll(HEADER)) out.push({ at: m.index!, name: m[1].replace(/[ \t]/g, '') });
  return out;
}

function tableAt(headers: ReadonlyArray<{ at: number; name: string }>, offset: number): string {
  let lo = 0;
  let hi = headers.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (headers[mid].at < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo === 0 ? '' : headers[lo - 1].name;
}

/**
 * Where tables below [secrets] matter (secrets-table-last: whether a table follows it): the first [secrets] header's
 * offset; undefined when there is none, or when a header outside every branch (`branches`, all chains' bodies)
 * follows the last [secrets], so that every rendering has a table after it whichever branches it takes.
 */
export function secretsWatch(headers: ReadonlyArray<{ at: number; name: string }>, branches: readonly Span[]): number | undefined {
  const at = headers.filter((h) => h.name === 'secrets').map((h) => h.at);
  if (!at.length) return undefined;
  const last = at[at.length - 1];
  const fixed = headers.some((h) => h.at > last && !branches.some((b) => b.start <= h.at && h.at < b.end));
  return fixed ? undefined : at[0];
}

/**
 * What a variant's switched stretches (`bodies`: the branches it renders or drops unlike the base) touch: the tables
 * they write (the table in force where each starts and every header inside; in [secrets], alias by alias), the
 * aliases their references read, and the tables `refs` links to the aliases written; 'alone' when one of them holds
 * a whole-file construct, writes top-level keys, or holds a table header below `secrets` (secretsWatch).
 */
export function footprint(text: string, headers: ReadonlyArray<{ at: number; name: string }>, bodies: readonly Span[], secrets?: number, refs?: SecretRefs): Footprint {
  const out = new Set<string>();
  for (const b of disjoint(bodies)) {
    const body = text.slice(b.start, b.end);
    if (WHOLE_FILE.test(body)) return 'alone';
    if (body.includes('$secret{')) {
      for (const m of body.matchAll(SECRET_REF)) {
        // An alias with template syntax in it (or no closing brace) may be any alias: it reads all of [secrets].
        const alias = aliasOf(m);
        out.add(READ + (alias === undefined ? 'secrets' : `secrets.${alias}`));
      }
    }
    if (SECRET_KEY_WORD.test(body) && plainSecretLine(body)) out.add(`${READ}secrets`);
    const inForce = tableAt(headers, b.start);
    const first = vaultTable(inForce);
    // Keys before the body's first header belong to the table in force at its start (top level: the whole file's).
    if (inForce === 'secrets') {
      for (const name of aliasesBeforeHeader(body)) out.add(name);
    } else if (keysBeforeHeader(body)) {
      if (first === '' || first === 'server') return 'alone';
      out.add(first);
    }
    for (const m of body.matchAll(HEADER)) {
      // secrets-table-last names the table that follows [secrets]: a covering rendering sharing such a variant
      // disagrees with the base on the [secrets] line, and all its variants were linted again one by one.
      if (secrets !== undefined && b.start + m.index! > secrets) return 'alone';
      out.add(vaultTable(m[1].replace(/[ \t]/g, '')));
    }
  }
  if (refs?.size) {
    // Writing an alias writes the tables that refer to it; writing all of [secrets], every table that refers to one.
    // Each list is added once: a body writing thousands of aliases must not add the `*` tables once per alias.
    let whole = false;
    const aliases: string[] = [];
    for (const n of out) {
      if (n === 'secrets') whole = true;
      else if (n.startsWith('secrets.')) aliases.push(n.slice(8));
    }
    const lists = whole ? [...refs.values()] : aliases.length ? [...aliases.map((a) => refs.get(a)), refs.get('*')] : [];
    for (const tables of lists) for (const t of tables ?? []) out.add(t);
  }
  return out;
}

/** The stretches as disjoint sorted spans (nested branches' bodies lie inside their parents'): each text read once. */
function disjoint(spans: readonly Span[]): Span[] {
  const sorted = spans.filter((s) => s.end > s.start).sort((a, b) => a.start - b.start);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push({ start: s.start, end: s.end });
  }
  return out;
}

/** The first answer `visit` gives for the lines of `body` in order (undefined: go on), or undefined. */
function firstAnswer<T>(body: string, visit: (line: string) => T | undefined): T | undefined {
  // Line by line up to the first that decides (a split made every line of a long body first).
  for (let i = 0; i <= body.length; ) {
    let eol = body.indexOf('\n', i);
    if (eol === -1) eol = body.length;
    const answer = visit(body.slice(i, eol));
    if (answer !== undefined) return answer;
    i = eol + 1;
  }
  return undefined;
}

/** Whether a line before the first header holds anything but blanks, comments and template tags. */
function keysBeforeHeader(body: string): boolean {
  return firstAnswer(body, (raw) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return undefined;
    if (line.startsWith('[')) return false;
    const tag = (line.startsWith('{{') && line.endsWith('}}')) || (line.startsWith('{%') && line.endsWith('%}')) || (line.startsWith('{#') && line.endsWith('#}'));
    return tag ? undefined : true;
  }) ?? false;
}

/** Whether a line sets a secret-like key to a quoted string that is not a `$secret{}`, `$env{}` or `$sys{}` reference. */
function plainSecretLine(body: string): boolean {
  return firstAnswer(body, (line) => {
    const eq = line.indexOf('=');
    if (eq < 0 || !SECRET_KEY_WORD.test(line.slice(0, eq))) return undefined;
    const value = line.slice(eq + 1).trimStart();
    const q = value[0];
    return (q === '"' || q === "'") && !/^\$(?:secret|env|sys)\{/.test(value.slice(1)) ? true : undefined;
  }) ?? false;
}

/**
 * What the lines before a body's first header write in [secrets]: `secrets.<alias>` per literal alias line, or
 * `secrets` (all of it) when any other line is there — a template tag on its own line (a `range`, an `include`, an
 * `if` whose branches hold keys), a dotted or templated key.
 */
function aliasesBeforeHeader(body: string): string[] {
  const out: string[] = [];
  const whole = firstAnswer(body, (raw) => {
    const line = raw.trim();
    if (!line || line.startsWith('#')) return undefined;
    if (line.startsWith('[')) return false;
    const m = ALIAS_LINE.exec(line);
    if (!m) return true;
    out.push(`secrets.${m[1] ?? m[2]}`);
    return undefined;
  });
  return whole ? ['secrets'] : out;
}

/**
 * Footprints indexed for conflict checks (a covering rendering's members, template-cover.ts): the names written and
 * read, and every proper dotted prefix of each (`a` and `a.b` for `a.b.c`). Checking a footprint against it costs its
 * own names times their depth, whatever the index holds: a pairwise comparison of names was quadratic, and a hostile
 * template whose branches each touch thousands of tables took minutes.
 */
export class FootprintIndex {
  private count = 0;
  private alone = false;
  private readonly writes = new Set<string>();
  private readonly reads = new Set<string>();
  private readonly writePrefixes = new Set<string>();
  private readonly readPrefixes = new Set<string>();

  add(f: Footprint): void {
    this.count++;
    if (f === 'alone') {
      this.alone = true;
      return;
    }
    for (const n of f) {
      const read = n.startsWith(READ);
      const name = read ? n.slice(1) : n;
      (read ? this.reads : this.writes).add(name);
      const prefixes = read ? this.readPrefixes : this.writePrefixes;
      for (let i = name.indexOf('.'); i !== -1; i = name.indexOf('.', i + 1)) prefixes.add(name.slice(0, i));
    }
  }

  /**
   * Whether `f` conflicts with any footprint added: one writes a name the other reads or writes, the same or one
   * inside the other (`a.b` and `a.b.c`; `secrets` and `secrets.x`). Two reads never conflict.
   */
  conflicts(f: Footprint): boolean {
    if (this.count === 0) return false;
    if (this.alone || f === 'alone') return true;
    for (const n of f) {
      const read = n.startsWith(READ);
      const x = read ? n.slice(1) : n;
      // The same name, or one inside it.
      if (this.writes.has(x) || this.writePrefixes.has(x)) return true;
      if (!read && (this.reads.has(x) || this.readPrefixes.has(x))) return true;
      // A name it is inside.
      for (let i = x.indexOf('.'); i !== -1; i = x.indexOf('.', i + 1)) {
        const p = x.slice(0, i);
        if (this.writes.has(p) || (!read && this.reads.has(p))) return true;
      }
    }
    return false;
  }
}

/** Whether two footprints conflict (FootprintIndex.conflicts). */
export function overlaps(a: Footprint, b: Footprint): boolean {
  const index = new FootprintIndex();
  index.add(b);
  return index.conflicts(a);
}
