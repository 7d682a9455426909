// Reading log4j2.properties appenders the way Log4j 2 does.
import type { PropEntry, PropertiesDocument } from '../../parsers/properties/model';
import { endsWithBreak, eolOf, type OffsetEdit } from '../../engine/text';

export interface Appender {
  /** The identifier in `appender.<id>.…` keys. */
  id: string;
  /** `appender.<id>.name` (what logger `ref`s point at), defaulting to the id. */
  name: string;
  type?: PropEntry;
  /** Property lookup relative to the appender: prop('layout.pattern'). */
  prop(rel: string): PropEntry | undefined;
  /** Its properties in file order, keys relative to `appender.<id>.` (the last definition of a key wins). */
  entries: Array<{ rel: string; entry: PropEntry }>;
  /** Whether Log4j will instantiate it (listed in `appenders`, or `appenders` absent, or referenced by a logger). */
  active: boolean;
}

const FILE_TYPES = /^(RollingFile|RollingRandomAccessFile|File|RandomAccessFile|MemoryMappedFile)$/i;
const ROLLING_TYPES = /^(RollingFile|RollingRandomAccessFile)$/i;

export function isFileAppender(a: Appender): boolean {
  return !!a.type && FILE_TYPES.test(a.type.value.trim());
}

export function isRollingAppender(a: Appender): boolean {
  return !!a.type && ROLLING_TYPES.test(a.type.value.trim());
}

// A parsed document is never changed after parsing, and log-forging, log-rotation and log-retention each ask for its
// appenders on every lint: build them once per document.
const appendersMemo = new WeakMap<PropertiesDocument, readonly Appender[]>();
const activeMemo = new WeakMap<PropertiesDocument, readonly Appender[]>();

export function appenders(doc: PropertiesDocument): readonly Appender[] {
  let r = appendersMemo.get(doc);
  if (!r) appendersMemo.set(doc, (r = Object.freeze(buildAppenders(doc))));
  return r;
}

const APPENDER_REF = /(^|\.)appenderRef\.[^.]+\.ref$/;

function buildAppenders(doc: PropertiesDocument): Appender[] {
  const ids = new Map<string, Map<string, PropEntry>>();
  for (const e of doc.entries) {
    if (!e.key.startsWith('appender.')) continue;
    const dot = e.key.indexOf('.', 9);
    if (dot === -1) continue;
    const id = e.key.slice(9, dot);
    let props = ids.get(id);
    if (!props) ids.set(id, (props = new Map()));
    const rel = e.key.slice(dot + 1);
    props.delete(rel); // re-insert so the map keeps the last definition's position
    props.set(rel, e);
  }
  const listed = doc.get('appenders');
  // Loops here and below, not split/map/filter and [...map].map(…).sort(…): the arrays those make differ in V8's
  // element kinds from file to file, and this function was recompiled ~3 times a run for it (round 7, issue 22).
  let listedIds: Set<string> | undefined;
  if (listed) {
    listedIds = new Set();
    for (const s of listed.value.split(',')) {
      const t = s.trim();
      if (t) listedIds.add(t);
    }
  }
  const referenced = new Set<string>();
  for (const e of doc.entries) {
    // The cheap prefix test first: most keys are appender properties, not logger references.
    // (every match ends with `.ref`: logger.x.name/level keys skip the regex)
    if ((e.key.startsWith('rootLogger') || e.key.startsWith('logger.')) && e.key.endsWith('.ref') && APPENDER_REF.test(e.key)) referenced.add(e.value.trim());
  }
  const out: Appender[] = [];
  for (const [id, props] of ids) {
    const name = props.get('name')?.value.trim() || id;
    const entries: Array<{ rel: string; entry: PropEntry }> = [];
    for (const [rel, entry] of props) entries.push({ rel, entry });
    entries.sort((a, b) => a.entry.span.start - b.entry.span.start);
    out.push({
      id, name, type: props.get('type'),
      prop: (rel: string) => props.get(rel),
      entries,
      active: !listedIds || listedIds.has(id) || referenced.has(name) || referenced.has(id),
    });
  }
  return out;
}

/** The appenders Log4j instantiates (see `Appender.active`). */
export function activeAppenders(doc: PropertiesDocument): readonly Appender[] {
  let r = activeMemo.get(doc);
  if (!r) activeMemo.set(doc, (r = Object.freeze(appenders(doc).filter((a) => a.active))));
  return r;
}

/** Component types configured under the appender whose key starts with `prefix` (`policies.` → the policy types). */
export function componentTypes(a: Appender, prefix: string): Array<{ rel: string; value: string; entry: PropEntry }> {
  return a.entries
    .filter(({ rel }) => rel.startsWith(prefix) && rel.endsWith('.type'))
    .map(({ rel, entry }) => ({ rel, value: entry.value.trim(), entry }));
}

/** The triggering policies that roll the file during operation (time, size, cron); OnStartup alone bounds nothing. */
export function triggeringPolicies(a: Appender): string[] {
  // `policies.<name>.type` under a `Policies` composite, or a single `policy.type`.
  return componentTypes(a, 'polic').map((t) => t.value).filter((v) => /^(TimeBased|SizeBased|Cron)TriggeringPolicy$/i.test(v));
}

/** Whether a rollover strategy action deletes old files. */
export function hasDeleteAction(a: Appender): boolean {
  return componentTypes(a, 'strategy.').some((t) => /^Delete$/i.test(t.value) && t.rel !== 'strategy.type');
}

/** Where a new property line for the appender goes: just after its last one. */
function afterLastProperty(text: string, a: Appender): number {
  const last = a.entries[a.entries.length - 1].entry;
  const lineBreak = /\r\n|\r|\n/g;
  lineBreak.lastIndex = last.span.end;
  const m = lineBreak.exec(text);
  return m ? m.index + m[0].length : text.length;
}

/**
 * Adds `appender.<id>.<line>` lines for the appender (`lines` relative to it) after its last property, with a line
 * break first when the file does not end with one.
 */
export function appendProperties(text: string, a: Appender, lines: readonly string[]): OffsetEdit {
  const at = afterLastProperty(text, a);
  const eol = eolOf(text);
  // At the end of a file without a final line break, start a new line; if that last line ends in a continuation
  // backslash, a blank line ends the continued value first.
  const open = at === text.length && text.length > 0 && !endsWithBreak(text);
  const continued = open && trailingBackslashes(text) % 2 === 1;
  const lead = open ? (continued ? eol + eol : eol) : '';
  return { start: at, end: at, newText: lead + lines.map((l) => `appender.${a.id}.${l}${eol}`).join('') };
}

/** How many backslashes end the text, counted from the end (a `/\\+$/` regex is quadratic on a long run). */
function trailingBackslashes(text: string): number {
  let i = text.length;
  while (i > 0 && text.charCodeAt(i - 1) === 92) i--;
  return text.length - i;
}

/** The source text of a value equals its decoded value (no escapes or continuations), so offsets map 1:1. */
export function plainValue(text: string, e: PropEntry): boolean {
  return text.slice(e.valueSpan.start, e.valueSpan.end) === e.value;
}
