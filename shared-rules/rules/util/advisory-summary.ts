// The G01 summary of one product home, shared by security-advisories on deployment.toml and its Carbon 4.4 variant
// on carbon.xml: the same counts, severity and wording whichever file revealed the release.
import type { RuleContext, Severity } from '../../engine/rule';
import { ADVISORY_DATA_DATE, SEVERITY_RANK, dataAgeDays, type AdvisoryMatch, type AdvisorySeverity } from '../../data/advisories';
import { advisoryScope, severityOf, sourcesText, type AdvisoryScope } from './advisories';

const MOST = 3;

function countBy(ms: readonly AdvisoryMatch[]): string {
  const order: AdvisorySeverity[] = ['critical', 'high', 'medium', 'low', 'unknown', 'none'];
  const label: Record<AdvisorySeverity, string> = { critical: 'critical', high: 'high', medium: 'medium', low: 'low', unknown: 'unrated', none: 'informational' };
  return order.map((s) => [s, ms.filter((m) => m.advisory.severity === s).length] as const).filter(([, n]) => n > 0).map(([s, n]) => `${n} ${label[s]}`).join(', ');
}

function worst(ms: readonly AdvisoryMatch[]): AdvisoryMatch[] {
  return [...ms].sort((a, b) => SEVERITY_RANK[b.advisory.severity] - SEVERITY_RANK[a.advisory.severity] || (b.advisory.cvss3?.score ?? 0) - (a.advisory.cvss3?.score ?? 0) || (a.advisory.published < b.advisory.published ? 1 : -1));
}

type Summary = { severity: Severity; message: string; identity: string } | undefined;

// Keyed by everything the summary reads — the release (product, version, update level: they decide the matches),
// the label, where the facts came from, the setting and the data's age — not by the scope object: every
// deployment.toml of the same release gets the same summary, so sorting and counting ~100 advisories happens once
// per release, not once per file (10% of a 10,000-file CLI run) or per keystroke. Pure data: nothing can go stale.
const SUMMARIES = new Map<string, Summary>();
const REMEMBERED = 256;

/** The summary finding's severity and message, or undefined when turned off or the release is unknown. */
export function advisorySummary(ctx: RuleContext): Summary {
  const setting = ctx.settings.advisories;
  if (setting.severity === 'off') return undefined;
  const scope = advisoryScope(ctx);
  if (!scope.matches) return undefined; // product or release unknown: nothing a domain expert could not dispute
  const age = dataAgeDays(new Date(ctx.resources?.now?.() ?? Date.now()));
  const { info } = scope;
  const key = [info.product, info.version, info.updateLevel ?? '', scope.label, sourcesText(info), setting.severity, setting.maxDataAgeDays, age].join('\u0000');
  const hit = SUMMARIES.get(key);
  if (hit) return hit;
  const summary = summarise(scope, setting, age); // shared by many files: frozen (callers spread it into a finding)
  if (summary) Object.freeze(summary);
  if (SUMMARIES.size >= REMEMBERED) SUMMARIES.clear();
  SUMMARIES.set(key, summary);
  return summary;
}

function summarise(scope: AdvisoryScope, setting: RuleContext['settings']['advisories'], age: number): Summary {
  const { info, matches, label } = scope;
  if (!matches) return undefined;
  const notFixed = matches.filter((m) => m.status !== 'fixed');
  const fixed = matches.length - notFixed.length;
  const dataNote = age > setting.maxDataAgeDays
    ? ` The bundled advisory data is from ${ADVISORY_DATA_DATE}, ${age} days old (more than advisories.maxDataAgeDays = ${setting.maxDataAgeDays}): newer advisories are missing — update CarbonLint.`
    : ` Advisory data of ${ADVISORY_DATA_DATE}.`;
  const parts: string[] = [`${label} (${sourcesText(info)}):`];
  let severity: Severity;
  if (!matches.length) {
    parts.push('no published security advisory lists this release.');
    severity = 'hint';
  } else if (!notFixed.length) {
    parts.push(`all ${matches.length} published advisories that list this release are fixed at update level ${info.updateLevel}.`);
    severity = 'hint';
  } else {
    const open = notFixed.filter((m) => m.status === 'open');
    const unknown = notFixed.length - open.length;
    const named = info.updateLevel !== undefined && open.length ? open : notFixed;
    const top = worst(named.filter((m) => m.advisory.severity !== 'none')).slice(0, MOST).map((m) => m.advisory.id);
    parts.push(`${matches.length} published advisor${matches.length === 1 ? 'y lists' : 'ies list'} this release;`);
    if (info.updateLevel !== undefined) {
      parts.push(`${open.length} open at update level ${info.updateLevel} (${countBy(open) || 'none'}), ${fixed} fixed${unknown ? `, ${unknown} without a stated fixing level (${countBy(notFixed.filter((m) => m.status === 'unknown'))})` : ''}.`);
    } else {
      parts.push(`${countBy(notFixed)}; confirm that your update level includes their fixes.`);
    }
    if (top.length) parts.push(`Most severe: ${top.join(', ')}.`);
    parts.push('`carbonlint advisories` lists them with links.');
    // With a known level, only open advisories set the severity: U2 levels are cumulative, and one without a
    // stated fixing level is more likely fixed than not at a recent level — it is counted, not alarmed on.
    const driving = info.updateLevel !== undefined ? open : notFixed;
    severity = driving.length ? severityOf(worst(driving)[0].advisory.severity) : 'info';
  }
  if (setting.severity !== 'auto' && setting.severity !== 'off') severity = setting.severity; // 'off' never gets here
  // The data note changes with the clock (and its day count daily once the data is old): it stays out of the
  // finding's identity, so a baseline or SARIF fingerprint does not turn the finding into a new one on a date.
  return { severity, message: parts.join(' ') + dataNote, identity: parts.join(' ') };
}
