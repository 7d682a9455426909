// Growth in the input dimensions beyond the bench's four shapes (issue 22, round 7): each dimension at a size and
// four times that size costs at most 10× (linear 4×, quadratic 16×). Each test names what the old code cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lintText, type LintFinding } from '../../shared-rules/engine/lint';
import { nonOverlapping } from '../../shared-rules/engine/fixes';
import { fingerprints } from '../../shared-rules/engine/fingerprint';
import { resolveSettings } from '../../shared-rules/engine/settings';
import { assertGrowth } from '../helpers/linear';

const SETTINGS = resolveSettings({ maxFileSize: 64 * 1024 * 1024 });
const TOML = '/ws/wso2am-4.2.0/repository/conf/deployment.toml';
/** A table with three findings (no TLS, a privileged user, a plain-text password). */
const db = (i: number) => `[database.db${i}]\nurl = "jdbc:mysql://h/db"\nusername = "root"\npassword = "admin"\n`;
const lint = (text: string) => void lintText(TOML, text, { settings: SETTINGS });

test('suppressions: a region per table, never closed (each finding was tested against every directive: 8,000 took 9.1 s, 16.6×)', { timeout: 300_000 }, () => {
  assertGrowth('regions', (n) => Array.from({ length: n }, (_, i) => `# carbonlint-disable plaintext-password\n${db(i)}`).join(''), lint, 8_000);
});

test('suppressions: one whole-file directive per table (were tested against every finding)', { timeout: 300_000 }, () => {
  assertGrowth('disable-file', (n) => Array.from({ length: n }, (_, i) => `# carbonlint-disable-file plaintext-password\n${db(i)}`).join(''), lint, 8_000);
});

test('suppressions: disable/enable pairs and next-line directives around every finding', { timeout: 300_000 }, () => {
  assertGrowth('pairs', (n) => Array.from({ length: n }, (_, i) => `# carbonlint-disable privileged-datastore-user\n${db(i)}# carbonlint-enable privileged-datastore-user\n# carbonlint-disable-next-line database-without-tls\n[x${i}]\n`).join(''), lint, 8_000);
});

/** Fixes as a script with n launch lines gets them: two safe fixes inserting at the same point of each line. */
function launchFixes(n: number): LintFinding[] {
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  return Array.from({ length: 2 * n }, (_, i) => {
    const at = 80 * (i >> 1) + 40;
    return { ruleId: i % 2 ? 'dh-key-size' : 'client-renegotiation', fix: { title: 'f', safe: true, preferred: true, edits: [{ start: at, end: at, newText: ' -Dx=1', range }] } } as unknown as LintFinding;
  });
}

test('fixes: choosing the non-overlapping fixes of a file with thousands (each was compared with every kept edit: 32,000 fixes 16.4×)', { timeout: 300_000 }, () => {
  // One fix per line is kept (the other waits for the next pass).
  assertGrowth('nonOverlapping', (n) => launchFixes(n), (fs) => assert.equal(nonOverlapping(fs, true).length, fs.length / 2), 64_000);
});

test('fingerprints: a block of comment lines that each carry a finding (each walked to the content after the block: 20,000 took 7.3 s, 12.7×)', { timeout: 300_000 }, () => {
  const all = resolveSettings({ maxFileSize: 64 * 1024 * 1024, maxFindingsPerFile: 1e9 });
  assertGrowth('fingerprints', (n) => {
    const text = `${'# carbonlint-disable-next-line plaintext-password\n'.repeat(n)}[server]\nhostname = "x"\n`;
    return { text, findings: lintText(TOML, text, { settings: all }).findings };
  }, ({ text, findings }) => assert.equal(fingerprints('a/deployment.toml', text, findings).length, findings.length), 20_000);
});

const J2 = '/ws/roles/apim/templates/carbon-home/repository/conf/deployment.toml.j2';
// Each rendering's findings are capped (maxFindingsPerFile, 1,000 by default), which bounds this path: it grew with
// findings × chains only where a project file raises the cap.
const UNCAPPED = resolveSettings({ maxFileSize: 64 * 1024 * 1024, maxFindingsPerFile: 1e9 });
const lintJ2 = (text: string) => void lintText(J2, text, { settings: UNCAPPED, values: false });

test('templates: many blocks on one condition (every branch body and every chain of the condition tested per finding: 4,000 blocks 10.8×)', { timeout: 300_000 }, () => {
  assertGrowth('same condition', (n) => Array.from({ length: n }, (_, i) => `{% if c %}\n${db(i)}{% else %}\n[x${i}]\n{% endif %}\n`).join(''), lintJ2, 4_000);
});
