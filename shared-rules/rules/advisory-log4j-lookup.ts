// G01: WSO2-2021-1699 (Log4Shell) tells every listed release to remove Context Lookups (`${ctx:…}`) from its log4j2
// configuration: Log4j before 2.17.0 can recurse without end on one (CVE-2021-45105), and the advisory's check for a
// compromised deployment is a grep for them. The condition lives in mitigations.json (`forbidText`).
import * as path from 'node:path';
import { defineRule, type RuleResources } from '../engine/rule';
import { advisoryScope } from './util/advisories';
import { levelText, loudFor } from './util/advisory-level';

function stub(files: Record<string, string>): RuleResources {
  return { readFile: (p) => (files[p] !== undefined ? new TextEncoder().encode(files[p]) : undefined), env: {} };
}

const AM4 = '/srv/wso2am-4.0.0/repository/conf/log4j2.properties';
const AM4_HOME = { '/srv/wso2am-4.0.0/updates/product.txt': 'wso2am-4.0.0' };
const PATTERN = (p: string) => `appender.CARBON_LOGFILE.type = RollingFile\nappender.CARBON_LOGFILE.layout.type = PatternLayout\nappender.CARBON_LOGFILE.layout.pattern = ${p}\n`;

export default defineRule({
  meta: {
    id: 'advisory-log4j-lookup',
    title: 'Log4j Context Lookup a security advisory says to remove',
    guideline: 'Apply security updates',
    guidelineId: 'G01',
    severity: 'warning',
    kind: 'properties',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'For a release that WSO2-2021-1699 (Log4Shell, CVE-2021-44228) lists — API-M 3.0–4.0, IS 5.9–5.11, IS-KM 5.9/5.10, EI 6.1–6.6, MI 1.1/1.2/4.0 and others — a property of `log4j2.properties` whose value uses a Context Lookup (`${ctx:…}`), usually in a layout pattern. The release is detected as for `security-advisories`.',
      why: 'The advisory\'s update moved these releases to Log4j 2.16.0, which still recurses without end on a Context Lookup fed crafted Thread Context data (CVE-2021-45105, fixed in 2.17.0), and its own check for a compromised deployment is a search for `${ctx:` in the log4j configuration: "remove references to Context Lookups".',
      example: {
        bad: 'appender.CARBON_LOGFILE.layout.pattern = [%d] %5p {%c} ${ctx:user} - %m%ex%n',
        good: 'appender.CARBON_LOGFILE.layout.pattern = [%d] %5p {%c} %X{user} - %m%ex%n',
      },
      fix: 'Replace the lookup with the Thread Context pattern converter (`%X{key}`), which Log4j does not evaluate recursively, and check how the lookup got there. Info while the update level is unknown: later updates ship a Log4j that is not affected.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    if (ctx.settings.advisories.severity === 'off' || !/^log4j2.*\.properties$/i.test(path.basename(ctx.fileName))) return;
    const scope = advisoryScope(ctx);
    if (!scope.matches || !scope.info.product || !scope.info.version) return;
    const { product, version } = scope.info;
    for (const { advisory, status, pair } of scope.matches) {
      for (const m of advisory.mitigations ?? []) {
        if (m.file !== 'log4j2.properties' || !m.forbidText || (m.products && !m.products.includes(product)) || (m.versions && !m.versions.includes(version))) continue;
        if (m.kind === 'MIT' && status === 'fixed') continue;
        const quiet = m.configOnly || loudFor(m.kind, false, status) ? undefined : ('info' as const);
        for (const e of ctx.model.doc.entries) {
          // The raw value text: a lookup is never escaped, and its offset is exact there.
          const raw = ctx.text.slice(e.valueSpan.start, e.valueSpan.end);
          const at = raw.indexOf(m.forbidText);
          if (at < 0) continue;
          const close = raw.indexOf('}', at);
          const start = e.valueSpan.start + at;
          const span = { start, end: close < 0 ? e.valueSpan.end : e.valueSpan.start + close + 1 };
          ctx.report({ span, severity: quiet, message: `\`${e.key}\` uses a Context Lookup (\`${m.forbidText}…}\`): ${advisory.id} (${advisory.url}) says to ${m.note}.${levelText(status, m.kind, scope.info.updateLevel, pair.l, m.configOnly)} (${scope.label})` });
        }
      }
    }
  },
  cases: {
    valid: [
      { name: 'the Thread Context converter', code: PATTERN('[%d] %5p {%c} %X{user} - %m%ex%n'), fileName: AM4, resources: stub(AM4_HOME) },
      { name: 'a release WSO2-2021-1699 does not list (API-M 4.2.0)', code: PATTERN('[%d] ${ctx:user} - %m%n'), fileName: '/srv/wso2am-4.2.0/repository/conf/log4j2.properties', resources: stub({ '/srv/wso2am-4.2.0/updates/product.txt': 'wso2am-4.2.0' }) },
      { name: 'release unknown', code: PATTERN('[%d] ${ctx:user} - %m%n'), fileName: '/srv/conf/log4j2.properties', resources: stub({}) },
      { name: 'a commented pattern', code: '#appender.CARBON_LOGFILE.layout.pattern = ${ctx:user}\n', fileName: AM4, resources: stub(AM4_HOME) },
      { name: 'turned off', code: PATTERN('${ctx:user}'), fileName: AM4, resources: stub(AM4_HOME), settings: { advisories: { severity: 'off', maxDataAgeDays: 180 } } },
    ],
    invalid: [
      {
        name: 'API-M 4.0.0: a Context Lookup in a layout pattern',
        code: PATTERN('[%d] %5p {%c} ${ctx:user} - %m%ex%n'),
        fileName: AM4,
        resources: stub(AM4_HOME),
        errors: [{ range: [2, 55, 2, 66], severity: 'info', message: /^`appender\.CARBON_LOGFILE\.layout\.pattern` uses a Context Lookup \(`\$\{ctx:…}`\): WSO2-2021-1699 \(https:\/\/security\.docs\.wso2\.com\/.*\/WSO2-2021-1699\/\) says to remove references to Context Lookups .*\(Update level unknown: needed until the fix is applied\.\) \(WSO2 API Manager 4\.0\.0\)$/ }],
      },
    ],
  },
});
