// CarbonLint in a real VS Code: the packaged VSIX installed into code-server 4.100.3 (VS Code 1.100.3), driven
// through Debian's Chromium with playwright-core. Every assertion is about what the page shows (squiggles, the
// Problems panel, the quick fix menu, the hover) or what lands on disk; every step leaves a screenshot in
// artifacts/e2e/. Needs `node test/e2e/setup.mjs` first (test/e2e/run.mjs does both).
//
// Environment:
//   CARBONLINT_E2E_ISSUE6=require|auto|skip  steps 2 and 5 (workspace scan, fix-all on save: issue 6) always run
//                                           (require, the default since issue 6 landed), run only when the server
//                                           has the feature (auto: asked over LSP, for trees without issue 6), or
//                                           never (skip)
//   CARBONLINT_E2E_SERVER_OVERRIDE=<file>    replace dist/server.js in the installed extension (failure drills, e.g.
//                                           test/e2e/fixtures/silent-server.cjs); the repository is not touched
//   CARBONLINT_E2E_KEEP=1                    keep the temp profile (workspace, logs) for debugging
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CodeServer, REPO, homeDiff, packageVsix, homeSnapshot, launchChromium, makeProfile, processesMentioning, tooling, waitFor,
  writeFiles, type BrowserContext, type Profile,
} from './harness';
import { probeServer, type ServerFeatures } from './probe';
import { BASE_SETTINGS, FILES } from './workspace';
import { Workbench } from './workbench';

const ARTIFACTS = path.join(REPO, 'artifacts', 'e2e');
const ISSUE6 = (process.env.CARBONLINT_E2E_ISSUE6 ?? 'require').toLowerCase();
const STEP_MS = 120_000;

interface Run {
  profile: Profile;
  server: CodeServer;
  context?: BrowserContext;
  wb?: Workbench;
  features: ServerFeatures;
  settings: Record<string, unknown>;
  homeBefore: Set<string>;
  cacheDir: string;
  packageError?: string;
  cleaned?: boolean;
}
let run: Run | undefined;

function need(): Run & { wb: Workbench } {
  if (!run?.wb) throw new Error('the workbench did not start (see the "before" failure)');
  return run as Run & { wb: Workbench };
}

/** Runs a step; on failure saves <name>-FAILED.png and adds what the page shows to the message. */
async function step(name: string, fn: (r: Run & { wb: Workbench }) => Promise<void>): Promise<void> {
  const r = need();
  try {
    await fn(r);
  } catch (e) {
    const shot = await r.wb.screenshot(`${name}-FAILED`).catch(() => '(no screenshot)');
    const seen = /what the page shows/.test((e as Error).message) ? '' : await r.wb.describe().catch(() => '');
    (e as Error).message += `\n  screenshot: ${path.relative(REPO, shot)}${seen ? `\n  page: ${seen}` : ''}`;
    throw e;
  }
}

/** The language server processes of the installed extension (node <extensions>/carbonlint.carbonlint-<version>/dist/server.js). */
function serverPids(profile: Profile): number[] {
  return processesMentioning(profile.extensions).filter((p) => p.cmdline.includes('dist/server.js')).map((p) => p.pid).sort();
}

async function cleanup(): Promise<string[]> {
  if (!run || run.cleaned) return [];
  run.cleaned = true;
  const problems: string[] = [];
  await run.context?.close().catch((e: Error) => problems.push(`closing Chromium: ${e.message}`));
  await run.server.stop().catch((e: Error) => problems.push(e.message));
  // VS Code's own logs (extension host, the CarbonLint output channel) beside the screenshots.
  const logs = path.join(run.profile.userData, 'logs');
  if (fs.existsSync(logs)) fs.cpSync(logs, path.join(ARTIFACTS, 'logs'), { recursive: true });
  if (fs.existsSync(run.profile.log)) fs.copyFileSync(run.profile.log, path.join(ARTIFACTS, 'code-server.log'));
  const left = await waitFor('every process of the run to end', () => processesMentioning(run!.profile.root).length === 0, { ms: 10_000 })
    .then(() => [], () => processesMentioning(run!.profile.root));
  if (left.length) problems.push(`processes left running: ${left.map((p) => `${p.pid} ${p.cmdline.slice(0, 120)}`).join('; ')}`);
  if (process.env.CARBONLINT_E2E_KEEP === '1') console.log(`# kept the profile: ${run.profile.root}`);
  else fs.rmSync(run.profile.root, { recursive: true, force: true });
  return problems;
}

describe('CarbonLint in VS Code (code-server 4.100.3)', { timeout: 15 * 60_000 }, () => {
  before(async () => {
    const tools = await tooling();
    if (!tools.ready) throw new Error(`code-server/playwright-core are not installed in ${tools.dir}: run node test/e2e/setup.mjs (or node test/e2e/run.mjs)`);
    const homeBefore = homeSnapshot([tools.dir]);
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });

    const profile = makeProfile();
    const server = new CodeServer(tools.codeServer, profile);
    run = { profile, server, homeBefore, cacheDir: tools.dir, features: { scansWorkspace: false, fixAll: false, notes: [] }, settings: { ...BASE_SETTINGS } };

    let t0 = Date.now();
    const { vsix, error } = packageVsix(profile);
    run.packageError = error;
    console.log(`# packaged the VSIX in ${((Date.now() - t0) / 1000).toFixed(1)} s${error ? ' (npm run package FAILED, used the fallback)' : ''}`);

    writeFiles(profile.ws, FILES);
    server.writeSettings(run.settings);
    const installed = server.installExtension(vsix);
    assert.match(installed, /carbonlint.*successfully installed/i, `code-server --install-extension output: ${installed}`);
    const extDir = fs.readdirSync(profile.extensions).find((d) => d.startsWith('carbonlint.carbonlint-'));
    assert.ok(extDir, `the extension folder in ${profile.extensions}: ${fs.readdirSync(profile.extensions).join(', ')}`);
    const serverJs = path.join(profile.extensions, extDir, 'dist', 'server.js');
    if (process.env.CARBONLINT_E2E_SERVER_OVERRIDE) {
      fs.copyFileSync(path.resolve(REPO, process.env.CARBONLINT_E2E_SERVER_OVERRIDE), serverJs);
      console.log(`# dist/server.js of the installed extension replaced by ${process.env.CARBONLINT_E2E_SERVER_OVERRIDE}`);
    }
    run.features = await probeServer(serverJs, path.join(profile.root, 'probe')).catch((e: Error) => ({ scansWorkspace: false, fixAll: false, notes: [`probe failed: ${e.message}`] }));
    console.log(`# server features: workspace scan ${run.features.scansWorkspace}, fix-all ${run.features.fixAll} (${run.features.notes.join('; ')}); CARBONLINT_E2E_ISSUE6=${ISSUE6}`);

    t0 = Date.now();
    await server.start();
    const { context, page } = await launchChromium(tools.playwright, profile);
    run.context = context;
    run.wb = new Workbench(page, profile.ws, ARTIFACTS);
    await run.wb.open(server.url(profile.ws));
    console.log(`# workbench up in ${((Date.now() - t0) / 1000).toFixed(1)} s on port ${server.port}`);
    await run.wb.screenshot('00-workbench');
  });

  after(async () => {
    const problems = await cleanup();
    if (problems.length) console.log(`# cleanup problems: ${problems.join('; ')}`);
  });

  it('npm run package builds the VSIX', () => {
    assert.equal(run?.packageError, undefined,
      `npm run package failed, so the suite packaged with --no-rewrite-relative-links instead. vsce said:\n${run?.packageError}`);
  });

  it('1. squiggles appear in each of the four files when opened', { timeout: STEP_MS * 2 }, () => step('01-squiggles', async ({ wb }) => {
    const cases: Array<[keyof typeof FILES, string, string, (s: { error: number; warning: number }) => boolean]> = [
      ['repository/conf/deployment.toml', 'deployment-toml', '[super_admin]', (s) => s.error >= 1 && s.warning >= 1],
      ['repository/conf/log4j2.properties', 'log4j2-properties', 'AUDIT_LOGFILE.layout.pattern', (s) => s.warning >= 1],
      ['repository/conf/tomcat/carbon/META-INF/context.xml', 'context-xml', '<Manager pathname', (s) => s.warning >= 1],
      ['bin/api-manager.sh', 'api-manager-sh', 'org.wso2.carbon.bootstrap.Bootstrap', (s) => s.warning >= 1],
    ];
    for (const [rel, name, text, pred] of cases) {
      await wb.openFile(rel, text);
      const s = await wb.waitForSquiggles(`squiggles in ${rel} (CarbonLint diagnostics)`, pred);
      console.log(`# ${rel}: ${s.error} error, ${s.warning} warning, ${s.info} info squiggles`);
      await wb.screenshot(`01-squiggles-${name}`);
    }
  }));

  it('2. the Problems panel lists findings for a file that was never opened', { timeout: STEP_MS }, (t) => {
    if (ISSUE6 === 'skip' || (ISSUE6 === 'auto' && !run?.features.scansWorkspace)) {
      t.skip(ISSUE6 === 'skip' ? 'CARBONLINT_E2E_ISSUE6=skip' : 'issue 6 not in this tree: the server publishes no diagnostics for files that are not open (asked over LSP; CARBONLINT_E2E_ISSUE6=auto)');
      return;
    }
    return step('02-problems-unopened', async ({ wb }) => {
      const tomlTabs = (await wb.tabLabels()).filter((l) => l.startsWith('deployment.toml'));
      assert.ok(tomlTabs.length <= 1, `only repository/conf/deployment.toml was ever opened, tabs: ${JSON.stringify(tomlTabs)}`);
      const rows = await waitFor('the Problems panel listing staging/conf/deployment.toml (never opened) with the default admin password finding', async () => {
        const shown = await wb.problems('**/staging/**');
        return shown.some((r) => /^deployment\.toml\s*staging\/conf\b/.test(r)) && shown.some((r) => /shipped default password.*default-admin-credentials \[Ln 3, Col 12\]/.test(r)) ? shown : undefined;
      }, { last: async () => JSON.stringify(await wb.problems('**/staging/**')) });
      console.log(`# Problems panel, filtered to staging/: ${JSON.stringify(rows.map((r) => r.slice(0, 60)))}`);
      await wb.screenshot('02-problems-unopened-file');
      await wb.problems('');
    });
  });

  it('3. the default admin credentials quick fix is offered, applied, saved, and its squiggle goes away', { timeout: STEP_MS }, () => step('03-quick-fix', async ({ wb, profile }) => {
    const rel = 'repository/conf/deployment.toml';
    const file = path.join(profile.ws, rel);
    await wb.openFile(rel, '[super_admin]');
    await wb.waitForLine('the error squiggle on line 6, password = "admin"', 6, (s) => s.error >= 1);
    await wb.goTo(6, 14); // inside "admin" of password = "admin"
    await wb.quickFixMenu();
    await wb.screenshot('03-quick-fix-menu');
    await wb.page.keyboard.press('Escape');
    const offered = await wb.applyQuickFix('Read the admin password from the environment');
    console.log(`# quick fixes offered: ${JSON.stringify(offered)}`);
    await waitFor('the quick fix edit in the editor (password = "$env{CARBON_ADMIN_PASSWORD}")',
      async () => (await wb.editorText()).includes('password = "$env{CARBON_ADMIN_PASSWORD}"'), { last: () => wb.editorText() });
    await wb.page.keyboard.press('Control+S');
    await waitFor(`${rel} on disk containing the fix`, () => fs.readFileSync(file, 'utf8').includes('password = "$env{CARBON_ADMIN_PASSWORD}"'),
      { last: () => JSON.stringify(fs.readFileSync(file, 'utf8')) });
    assert.match(fs.readFileSync(file, 'utf8'), /username = "admin"\npassword = "\$env\{CARBON_ADMIN_PASSWORD\}"\n/);
    await wb.waitForLine('the error squiggle on line 6 (the password) to disappear', 6, (s) => s.error === 0);
    await wb.screenshot('03-quick-fix-applied-and-saved');
  }));

  it('4. hovering a finding shows the rule documentation', { timeout: STEP_MS }, () => step('04-hover', async ({ wb }) => {
    await wb.openFile('repository/conf/deployment.toml', '[super_admin]');
    await wb.waitForLine('the warning squiggle on line 5, username = "admin"', 5, (s) => s.warning >= 1);
    const text = await wb.hoverSquiggle('warning', 5, /What it does/);
    assert.match(text, /Change default admin credentials/);
    await wb.screenshot('04-hover-rule-docs');
  }));

  it('5. fix-all on save applies the safe fixes', { timeout: STEP_MS }, (t) => {
    if (ISSUE6 === 'skip' || (ISSUE6 === 'auto' && !run?.features.fixAll)) {
      t.skip(ISSUE6 === 'skip' ? 'CARBONLINT_E2E_ISSUE6=skip' : 'issue 6 not in this tree: the server offers no source.fixAll.carbonlint code action (asked over LSP; CARBONLINT_E2E_ISSUE6=auto)');
      return;
    }
    return step('05-fix-all-on-save', async ({ wb, server, profile }) => {
      run!.settings = { ...run!.settings, 'editor.codeActionsOnSave': { 'source.fixAll.carbonlint': 'explicit' } };
      await wb.editUserSettings(server.settingsFile, run!.settings);
      const rel = 'repository/conf/tomcat/carbon/META-INF/context.xml';
      const file = path.join(profile.ws, rel);
      await wb.openFile(rel, '<Manager pathname');
      await wb.waitForLine('the short-session-id squiggle on line 1', 1, (s) => s.warning >= 1);
      assert.ok((await wb.problems('short-session-id')).some((r) => r.includes('[Ln 1, Col 11]')), 'the Problems panel lists short-session-id before the save');
      await wb.focusEditor();
      await wb.page.keyboard.press('Control+End');
      await wb.page.keyboard.press('Enter'); // an edit, so the save is a real one
      await wb.page.keyboard.press('Control+S');
      await waitFor(`${rel} on disk with sessionIdLength="32" (fix-all on save)`, () => fs.readFileSync(file, 'utf8').includes('sessionIdLength="32"'),
        { last: () => JSON.stringify(fs.readFileSync(file, 'utf8')) });
      await wb.waitForSquiggles('the squiggles in context.xml to disappear after fix-all', (s) => s.total === 0);
      await waitFor('the Problems panel without short-session-id', async () => (await wb.problems('short-session-id')).every((r) => !r.includes('short-session-id')),
        { last: async () => JSON.stringify(await wb.problems('short-session-id')) });
      await wb.screenshot('05-fix-all-on-save');
      await wb.problems('');
    });
  });

  it('6. switching a rule off in the user settings removes its findings without a reload', { timeout: STEP_MS }, () => step('06-rule-off', async ({ wb, server, profile }) => {
    const rel = 'repository/conf/log4j2.properties';
    await wb.openFile(rel, 'AUDIT_LOGFILE.layout.pattern');
    await wb.waitForLine('the log-forging squiggle on line 8', 8, (s) => s.warning >= 1);
    assert.ok((await wb.problems('log-forging')).some((r) => r.includes('log-forging')), 'the Problems panel lists log-forging before the change');
    await wb.markPage();
    const serverBefore = serverPids(profile);
    run!.settings = { ...run!.settings, 'carbonlint.rules': { 'log-forging': 'off' } };
    await wb.editUserSettings(server.settingsFile, run!.settings);
    await wb.screenshot('06-rule-off-settings-saved');
    await wb.openFile(rel, 'AUDIT_LOGFILE.layout.pattern'); // back to the file: no reload, same window
    await wb.waitForLine('the log-forging squiggle on line 8 to disappear after "carbonlint.rules": {"log-forging": "off"} was saved in the user settings.json', 8, (s) => s.total === 0);
    await waitFor('the Problems panel without log-forging', async () => !(await wb.problems('log-forging')).some((r) => r.includes('log-forging')),
      { last: async () => JSON.stringify(await wb.problems('log-forging')) });
    assert.equal(await wb.reloaded(), false, 'the window was reloaded');
    assert.deepEqual(serverPids(profile), serverBefore, 'the language server was restarted');
    await wb.screenshot('06-rule-off-no-reload');
    await wb.problems('');
  }));

  it('7. a killed server is restarted and findings come back', { timeout: STEP_MS }, () => step('07-restart', async ({ wb, profile }) => {
    const before = await waitFor('the CarbonLint server process (node …/dist/server.js under the extensions folder)', () => {
      const pids = serverPids(profile);
      return pids.length ? pids : undefined;
    }, { ms: 10_000 });
    assert.equal(before.length, 1, `one server process, found ${before.join(', ')}`);
    process.kill(before[0], 'SIGKILL');
    console.log(`# killed the server, pid ${before[0]}`);
    const after = await waitFor('a new server process after kill -9 (vscode-languageclient restarts it)', () => {
      const pids = serverPids(profile).filter((p) => p !== before[0]);
      return pids.length ? pids : undefined;
    });
    console.log(`# restarted as pid ${after.join(', ')}`);
    await wb.openFile('bin/wso2server.sh', 'org.wso2.carbon.bootstrap.Bootstrap');
    await wb.waitForSquiggles('squiggles in bin/wso2server.sh (opened after the restart)', (s) => s.warning >= 1);
    await wb.screenshot('07-restart-new-file');
    // The new server is live, not just remembered: it answers a quick fix and re-lints the edited text.
    await wb.goTo(2, 2);
    await wb.applyQuickFix('Add -Djdk.tls.ephemeralDHKeySize=2048');
    await waitFor('the dh-key-size quick fix in bin/wso2server.sh', async () => (await wb.editorText()).includes('-Djdk.tls.ephemeralDHKeySize=2048'), { last: () => wb.editorText() });
    await waitFor('the Problems panel without dh-key-size for bin/wso2server.sh after the edit', async () => {
      const rows = await wb.problems('**/bin/wso2server.sh');
      return rows.some((r) => /^wso2server\.sh/.test(r)) && !rows.some((r) => r.includes('dh-key-size'));
    }, { last: async () => JSON.stringify(await wb.problems('**/bin/wso2server.sh')) });
    await wb.screenshot('07-restart-live-fix');
    await wb.problems('');
    await wb.openFile('bin/api-manager.sh', 'org.wso2.carbon.bootstrap.Bootstrap');
    await wb.waitForSquiggles('squiggles back in bin/api-manager.sh after the restart', (s) => s.warning >= 1);
    await wb.screenshot('07-restart-findings-back');
  }));

  it('8. the run ends every process it started and leaves nothing in $HOME', async () => {
    assert.ok(run, 'the suite started');
    const problems = await cleanup();
    assert.deepEqual(problems, [], problems.join('\n'));
    const added = homeDiff(run.homeBefore, homeSnapshot([run.cacheDir]));
    assert.deepEqual(added, [], `new under ${os.homedir()}: ${added.join(', ')}`);
  });
});
