// Reading log4j2.properties appenders the way Log4j 2 does.
import type { PropEntry, PropertiesDocument } from '../../parsers/properties/model';

export interface Appender {
  /** The identifier in `appender.<id>.…` keys. */
  id: string;
  /** `appender.<id>.name` (what logger `ref`s point at), defaulting to the id. */
  name: string;
  type?: PropEntry;
  /** Property lookup relative to the appender: prop('layout.pattern'). */
  prop(rel: string): PropEntry | undefined;
  /** Whether Log4j will instantiate it (listed in `appenders`, or `appenders` absent, or referenced by a logger). */
  active: boolean;
}

const FILE_TYPES = /^(RollingFile|RollingRandomAccessFile|File|RandomAccessFile)$/i;

export function isFileAppender(a: Appender): boolean {
  return !!a.type && FILE_TYPES.test(a.type.value.trim());
}

export function appenders(doc: PropertiesDocument): Appender[] {
  const ids = new Map<string, Map<string, PropEntry>>();
  for (const e of doc.entries) {
    if (!e.key.startsWith('appender.')) continue;
    const dot = e.key.indexOf('.', 9);
    if (dot === -1) continue;
    const id = e.key.slice(9, dot);
    let props = ids.get(id);
    if (!props) ids.set(id, (props = new Map()));
    props.set(e.key.slice(dot + 1), e);
  }
  const listed = doc.get('appenders');
  const listedIds = listed ? new Set(listed.value.split(',').map((s) => s.trim()).filter(Boolean)) : undefined;
  const referenced = new Set<string>();
  for (const e of doc.entries) {
    if (/(^|\.)appenderRef\.[^.]+\.ref$/.test(e.key) && /^(rootLogger|logger\.)/.test(e.key)) referenced.add(e.value.trim());
  }
  return [...ids].map(([id, props]) => {
    const name = props.get('name')?.value.trim() || id;
    return {
      id, name, type: props.get('type'),
      prop: (rel: string) => props.get(rel),
      active: !listedIds || listedIds.has(id) || referenced.has(name) || referenced.has(id),
    };
  });
}
