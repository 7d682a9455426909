// Checks one `-Dname=value` system property on every product launch of a startup script. The value in force is the
// last one the JVM reads (see flag-override for why an earlier one does not count). A launch without the flag is
// reported at the java command, with an edit that adds it before the main class; a value in force that must change is
// reported where it is written, with the earlier values it overrides, and rewritten in place.
import type { RuleContext, Severity } from '../../engine/rule';
import { insertFlag, productLaunches, sysProps } from './jvm';
import { overrideNote } from './flag-override';

export interface FlagCheck {
  /** The system property: `-D<name>=…`. */
  name: string;
  /** What a fix sets it to (the value of an added flag, too). */
  to: string;
  /** The message for a launch that does not pass the flag; omitted when its absence is fine. */
  missing?: string;
  /** The finding about the value in force (trimmed), or undefined when that value is acceptable. */
  judge(value: string): { message: string; severity?: Severity } | undefined;
  /** The fixes may be applied without review (they are then the preferred fix). */
  safe: boolean;
  /** Why the fixes need review, appended to their titles. */
  review?: string;
}

export function checkFlag(ctx: RuleContext<'shell'>, c: FlagCheck): void {
  const { doc } = ctx.model;
  const fix = (title: string, edits: Array<{ start: number; end: number; newText: string }>) =>
    ({ title: c.review ? `${title} (${c.review})` : title, edits, safe: c.safe, preferred: c.safe || undefined });
  for (const launch of productLaunches(doc)) {
    const all = sysProps(doc, launch, c.name);
    const prop = all[all.length - 1];
    if (!prop) {
      if (c.missing === undefined) continue;
      const flag = `-D${c.name}=${c.to}`;
      const edit = insertFlag(ctx.text, launch, flag);
      ctx.report({ span: launch.command.span, message: c.missing, fix: edit && fix(`Add ${flag}`, [edit]) });
      continue;
    }
    const bad = c.judge(prop.value.trim());
    if (!bad) continue;
    const { note, related } = overrideNote(doc, launch, c.name, all);
    ctx.report({
      span: prop.word.span,
      severity: bad.severity,
      message: bad.message + note,
      related: related.length ? related : undefined,
      fix: fix(`Set it to ${c.to}`, [{ start: prop.valueStart, end: prop.valueEnd, newText: c.to }]),
    });
  }
}
