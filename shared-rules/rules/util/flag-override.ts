// Explains which of several `-Dname=…` flags wins. The JVM keeps the last one, and every Carbon script
// expands `$JAVA_OPTS` before its own hard-coded flags, so a safe value put in JAVA_OPTS is silently
// overridden by the script's line further down (research §2.13).
import type { RelatedInfo } from '../../engine/rule';
import type { JavaLaunch, ShellDocument } from '../../parsers/shell/model';
import { launchFlags, viaJavaOpts } from './jvm-flags';
import { whereIs, type SysProp } from './jvm';
import { oneLine } from './message';

export interface OverrideNote {
  /** A sentence to append to the message ('' when there is nothing to say). */
  note: string;
  related: RelatedInfo[];
}

/** For the flag in force (`all`'s last), the earlier, different values it overrides, or why JAVA_OPTS cannot help. */
export function overrideNote(doc: ShellDocument, launch: JavaLaunch, name: string, all: readonly SysProp[]): OverrideNote {
  const winner = all[all.length - 1];
  const ref = doc.dialect === 'batch' ? '%JAVA_OPTS%' : '$JAVA_OPTS';
  const norm = (v: string) => v.trim().toLowerCase();
  const overridden = all.slice(0, -1).filter((p) => norm(p.value) !== norm(winner.value));
  if (overridden.length > 0) {
    const last = overridden[overridden.length - 1];
    const related = overridden.slice(-5).map((p) => ({ // the nearest few are enough to follow the chain
      span: p.word.span,
      message: `Overridden: -D${name}=${oneLine(winner.value)} ${whereIs(doc.text, winner.flag)} comes later on the java command, and the JVM keeps the last value.`,
    }));
    return {
      note: ` It overrides the ${oneLine(last.value) || 'empty value'} set ${whereIs(doc.text, last.flag)}: for the same property the later flag wins${viaJavaOpts(last.flag) && !viaJavaOpts(winner.flag) ? `, and ${ref} is expanded before the script's own flags` : ''}.`,
      related,
    };
  }
  const { uses } = launchFlags(doc, launch);
  const javaOptsFirst = uses.some((u) => u.name.toUpperCase() === 'JAVA_OPTS' && u.index <= winner.index);
  if (!viaJavaOpts(winner.flag) && javaOptsFirst) {
    return { note: ` Setting it in JAVA_OPTS would not help: ${ref} is expanded earlier on the java command and the later flag wins; change this one.`, related: [] };
  }
  return { note: '', related: [] };
}
