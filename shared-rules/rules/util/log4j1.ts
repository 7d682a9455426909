// Reading log4j 1.x `log4j.properties` (Carbon 4.4 products) the way PropertyConfigurator does: an appender is
// `log4j.appender.<id>=<class>` with options `log4j.appender.<id>.<Option>`, and only the appenders named by
// `log4j.rootLogger` / `log4j.rootCategory` / `log4j.logger.*` / `log4j.category.*` are instantiated.
import type { PropEntry, PropertiesDocument } from '../../parsers/properties/model';

export interface Appender1 {
  id: string;
  /** `log4j.appender.<id>` = the class name. */
  cls: PropEntry;
  /** Option lookup (`File`, `MaxBackupIndex`, `layout.ConversionPattern`); each name part's first letter may be either case (JavaBeans decapitalise it). */
  prop(rel: string): PropEntry | undefined;
  /** The last line of the appender's definition (where new options go). */
  last: PropEntry;
}

const memo = new WeakMap<PropertiesDocument, readonly Appender1[]>();

/** The appenders a logger refers to, in file order. */
export function activeAppenders1(doc: PropertiesDocument): readonly Appender1[] {
  let r = memo.get(doc);
  if (!r) memo.set(doc, (r = Object.freeze(build(doc))));
  return r;
}

const PREFIX = 'log4j.appender.';

/** `layout.ConversionPattern` and `Layout.conversionPattern` name the same bean property. */
function optionKey(rel: string): string {
  return rel.split('.').map((p) => p.charAt(0).toLowerCase() + p.slice(1)).join('.');
}

function build(doc: PropertiesDocument): Appender1[] {
  const classes = new Map<string, PropEntry>();
  const options = new Map<string, Map<string, PropEntry>>();
  const lastLine = new Map<string, PropEntry>();
  for (const e of doc.entries) {
    if (!e.key.startsWith(PREFIX)) continue;
    const rest = e.key.slice(PREFIX.length);
    const dot = rest.indexOf('.');
    const id = dot === -1 ? rest : rest.slice(0, dot);
    if (!id) continue;
    if (dot === -1) classes.set(id, e);
    else {
      let o = options.get(id);
      if (!o) options.set(id, (o = new Map()));
      o.set(optionKey(rest.slice(dot + 1)), e);
    }
    const prev = lastLine.get(id);
    if (!prev || prev.span.start < e.span.start) lastLine.set(id, e);
  }
  const referenced = new Set<string>();
  for (const e of doc.entries) {
    if (!/^log4j\.(rootLogger|rootCategory|logger\.|category\.)/.test(e.key)) continue;
    // `[level], appender, appender…`: the first token is the level (possibly empty).
    const parts = e.value.split(',');
    for (let i = 1; i < parts.length; i++) {
      const name = parts[i].trim();
      if (name) referenced.add(name);
    }
  }
  const out: Appender1[] = [];
  for (const [id, cls] of classes) {
    if (!referenced.has(id)) continue;
    const o = options.get(id) ?? new Map<string, PropEntry>();
    out.push({ id, cls, prop: (rel) => o.get(optionKey(rel)), last: lastLine.get(id)! });
  }
  return out.sort((a, b) => a.cls.span.start - b.cls.span.start);
}

export type Rolling1 = 'file' | 'daily' | 'size' | 'other';

/**
 * How the appender rolls: `file` = log4j's plain FileAppender (never rolled), `daily` = a DailyRollingFileAppender
 * (log4j's or Carbon's subclass: rolled by date, nothing ever deleted), `size` = log4j's RollingFileAppender
 * (MaxFileSize / MaxBackupIndex). Anything else (console, memory, JDBC, log4j-extras, unknown subclasses) is `other`:
 * not judged.
 */
export function rollingOf(a: Appender1): Rolling1 {
  const c = a.cls.value.trim();
  if (c === 'org.apache.log4j.FileAppender') return 'file';
  if (c === 'org.apache.log4j.DailyRollingFileAppender' || c === 'org.wso2.carbon.utils.logging.appenders.CarbonDailyRollingFileAppender') return 'daily';
  if (c === 'org.apache.log4j.RollingFileAppender') return 'size';
  return 'other';
}

/** log4j 1.x PatternLayout conversions: `%[-][width][.max]<char>[{option}]`, one letter; `%%` is a literal. */
export function conversions1(pattern: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < pattern.length) {
    const p = pattern.indexOf('%', i);
    if (p === -1 || p + 1 >= pattern.length) break;
    if (pattern[p + 1] === '%') {
      i = p + 2;
      continue;
    }
    let j = p + 1;
    while (j < pattern.length && /[-.0-9]/.test(pattern[j])) j++;
    if (j < pattern.length) out.push(pattern[j]);
    j++;
    if (pattern[j] === '{') {
      const close = pattern.indexOf('}', j);
      j = close === -1 ? pattern.length : close + 1;
    }
    i = j;
  }
  return out;
}

/** Carbon's TenantAwarePatternLayout (the layout that understands `%K`, the per-event log UUID, CK ≥ 4.4.3). */
export const TENANT_AWARE_LAYOUT = /^org\.wso2\.carbon\.utils\.logging\.TenantAwarePatternLayout$/;
