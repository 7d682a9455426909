// An ESLint-style RuleTester: runs every rule's own case table through the real engine.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FileKind, Rule, RuleCases, RuleResources } from '../../shared-rules/engine/rule';
import { legacySamplePath } from '../../shared-rules/engine/legacy-files';
import { lintText } from '../../shared-rules/engine/lint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { applyEdits } from '../../shared-rules/engine/text';
import { nonOverlapping } from '../../shared-rules/engine/fixes';

const DEFAULT_NAME: Record<FileKind, string> = {
  toml: 'deployment.toml', properties: 'log4j2.properties', xml: 'context.xml', shell: 'wso2server.sh', nginx: 'nginx.conf', ingress: 'ingress.yaml',
  dockerfile: 'Dockerfile', compose: 'docker-compose.yml', systemd: 'wso2am.service', pod: 'deployment.yaml',
};

export function runRuleCases(rule: Rule): void {
  runCases(rule, rule.meta.kind, DEFAULT_NAME[rule.meta.kind], rule.cases, '');
  // Legacy (Carbon 4.4) variants: their cases are linted as the variant's first file in a legacy home.
  for (const v of rule.legacy ?? []) runCases(rule, v.kind, legacySamplePath(v.files[0]), v.cases, ` legacy ${v.files.join('/')}`);
}

function runCases(rule: Rule, kind: FileKind, defaultName: string, cases: RuleCases, tag: string): void {
  const lint = (code: string, fileName: string | undefined, settings: object | undefined, resources?: RuleResources) =>
    lintText(fileName ?? defaultName, code, { settings: resolveSettings(settings), kind, rules: [rule], resources })
      .findings.filter((f) => f.ruleId === rule.meta.id);

  cases.valid.forEach((c, i) => {
    test(`${rule.meta.id}${tag} valid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      assert.deepEqual(lint(c.code, c.fileName, c.settings, c.resources).map((f) => `${f.range.start.line}:${f.range.start.character} ${f.message}`), []);
    });
  });
  cases.invalid.forEach((c, i) => {
    test(`${rule.meta.id}${tag} invalid #${i + 1}${c.name ? ` (${c.name})` : ''}`, () => {
      const found = lint(c.code, c.fileName, c.settings, c.resources);
      assert.deepEqual(
        found.map((f) => [f.range.start.line, f.range.start.character, f.range.end.line, f.range.end.character]),
        c.errors.map((e) => e.range),
        'finding ranges',
      );
      c.errors.forEach((e, j) => {
        if (typeof e.message === 'string') assert.ok(found[j].message.includes(e.message), `message "${found[j].message}" should include "${e.message}"`);
        else if (e.message) assert.match(found[j].message, e.message);
        if (e.severity) assert.equal(found[j].severity, e.severity);
      });
      const fixable = found.filter((f) => f.fix);
      if (c.output === undefined) {
        assert.equal(fixable.length, 0, 'case has fixes but no expected output');
        return;
      }
      const chosen = nonOverlapping(found, false);
      assert.equal(chosen.length, fixable.length, 'every fix applies in one pass');
      const output = applyEdits(c.code, chosen.flatMap((f) => f.fix!.edits));
      assert.equal(output, c.output);
      // The fix removes what it fixed, and a second application changes nothing.
      const again = lint(output, c.fileName, c.settings, c.resources);
      assert.equal(again.filter((f) => f.fix).length, 0, 'fixed output still has fixable findings');
    });
  });
}
