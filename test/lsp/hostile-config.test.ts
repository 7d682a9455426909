// Hostile configuration over real JSON-RPC (issue 16, items 1 and 5): an invalid glob in .carbonlint.json's
// "exclude", in files.exclude or in carbonlint.exclude is a configuration problem on that entry, and the server
// keeps serving; a project file with tens of thousands of bad keys gets its diagnostics in linear time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codes, makeWorkspace, scanEnded, startClient } from './client';
import { projectDiagnostics } from '../../server/src/project-file';
import { parseProjectConfig } from '../../shared-rules/engine/project-config';
import { CONFIGURABLE_RULE_IDS } from '../../shared-rules/rules';
import { assertLinear } from '../helpers/linear';

const ADMIN = '[super_admin]\nusername = "admin"\npassword = "admin"\n';
const TOML = 'repository/conf/deployment.toml';

test('an invalid exclude glob is a diagnostic on its entry; files.exclude too; the server keeps serving', async () => {
  const project = '{\n  "exclude": [\n    "old/**",\n    "[z-a]"\n  ]\n}\n';
  const vscodeSettings = '{\n  "files.exclude": {\n    "[y-b]": true\n  }\n}\n';
  const ws = makeWorkspace({ [TOML]: ADMIN, 'old/repository/conf/deployment.toml': ADMIN, '.carbonlint.json': project, '.vscode/settings.json': vscodeSettings });
  const c = await startClient({ folders: [ws.root], filesExclude: { '[y-b]': true }, settings: { exclude: ['*a*a*a*a*a*a*a*a*a*a*b', '[q-c]'] } });
  try {
    await scanEnded(c);
    const d = await c.until('the project file\'s diagnostics', () => c.latest(ws.uri('.carbonlint.json')));
    assert.equal(d.diagnostics.length, 1);
    const [diag] = d.diagnostics;
    assert.equal(diag.code, 'project-config');
    assert.match(String(diag.message), /^exclude\.\[z-a\]: not a valid glob/);
    assert.deepEqual(diag.range, { start: { line: 3, character: 4 }, end: { line: 3, character: 11 } }, 'on the "[z-a]" entry');
    assert.ok(codes(c.latest(ws.uri(TOML))).includes('default-admin-credentials'), 'the workspace is scanned');
    assert.equal(c.latest(ws.uri('old/repository/conf/deployment.toml')), undefined, 'the valid pattern still excludes');
    const shown = c.notifications.filter((n) => n.method === 'window/showMessage').map((n) => (n.params as { message: string }).message).join('\n');
    assert.match(shown, /files\.exclude: "\[y-b\]" is not a valid glob/);
    assert.match(shown, /carbonlint\.exclude: "\[q-c\]" is not a valid glob/);
    // The folder's .vscode/settings.json holds the files.exclude entry: a diagnostic on it there.
    const marked = await c.until('the settings file\'s diagnostics', () => c.latest(ws.uri('.vscode/settings.json')));
    assert.deepEqual(marked.diagnostics.map((x) => [x.code, x.range.start.line, x.range.start.character, x.range.end.character]), [['settings', 2, 4, 11]]);
    // Still serving: an opened document is checked.
    const uri = ws.uri('repository/conf/other/deployment.toml');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text: ADMIN } });
    await c.diagnostics(uri, (p) => codes(p).includes('default-admin-credentials'));
    assert.equal(c.proc.exitCode, null);
  } finally {
    await c.stop();
    ws.cleanup();
  }
});

test('project-file diagnostics are linear in the number of bad keys (60,000 unknown rules took 18.5 s)', () => {
  const make = (k: number) => JSON.stringify({ rules: Object.fromEntries(Array.from({ length: k }, (_, i) => [`no-such-rule-${i}`, 'error'])), ...Object.fromEntries(Array.from({ length: k }, (_, i) => [`unknown-${i}`, 1])) }, null, 1);
  const diagnose = (text: string) => {
    const { errors, config } = parseProjectConfig(text, CONFIGURABLE_RULE_IDS);
    const ds = projectDiagnostics({ file: '/ws/.carbonlint.json', text, errors, config });
    assert.equal(ds.length, errors.length);
  };
  assertLinear('project diagnostics', make, diagnose, 6000);
  const text = make(60_000);
  const t0 = performance.now();
  diagnose(text);
  const ms = performance.now() - t0;
  assert.ok(ms < 5000, `120,000 bad keys took ${ms.toFixed(0)} ms`);
  // Each one at its own key.
  const { errors, config } = parseProjectConfig(text, CONFIGURABLE_RULE_IDS);
  const ds = projectDiagnostics({ file: '/ws/.carbonlint.json', text, errors, config });
  const last = ds.find((x) => String(x.message).startsWith('rules.no-such-rule-59999'))!;
  assert.equal(text.split('\n')[last.range.start.line].slice(last.range.start.character, last.range.end.character), '"no-such-rule-59999"');
});
