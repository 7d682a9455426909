// The packaged extension on a workspace holding the whole shared corpus (85 real files of four kinds, Helm
// templates among them): it installs, activates, scans, and the Problems panel lists findings of every kind
// for files that were never opened.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CodeServer, REPO, launchChromium, makeProfile, packageVsix, tooling, waitFor, type BrowserContext, type Profile } from './harness';
import { BASE_SETTINGS } from './workspace';
import { Workbench } from './workbench';

const CORPUS = path.resolve(process.env.CARBONLINT_SHARED ?? path.join(REPO, 'test', 'fixtures', 'shared'), 'corpus');
const ARTIFACTS = path.join(REPO, 'artifacts', 'e2e-corpus');

describe('CarbonLint in VS Code on the shared corpus', { timeout: 10 * 60_000, skip: !fs.existsSync(CORPUS) && `no corpus at ${CORPUS}` }, () => {
  let profile: Profile;
  let server: CodeServer;
  let context: BrowserContext | undefined;
  let wb: Workbench;

  before(async () => {
    const tools = await tooling();
    if (!tools.ready) throw new Error(`code-server/playwright-core are not installed in ${tools.dir}: run node test/e2e/setup.mjs`);
    fs.rmSync(ARTIFACTS, { recursive: true, force: true });
    fs.mkdirSync(ARTIFACTS, { recursive: true });
    profile = makeProfile('carbonlint-e2e-corpus-');
    server = new CodeServer(tools.codeServer, profile);
    const { vsix } = packageVsix(profile);
    fs.cpSync(CORPUS, path.join(profile.ws, 'corpus'), { recursive: true });
    server.writeSettings(BASE_SETTINGS);
    assert.match(server.installExtension(vsix), /successfully installed/i);
    await server.start();
    const launched = await launchChromium(tools.playwright, profile);
    context = launched.context;
    wb = new Workbench(launched.page, profile.ws, ARTIFACTS);
    await wb.open(server.url(profile.ws));
  });

  after(async () => {
    await context?.close().catch(() => undefined);
    await server?.stop().catch(() => undefined);
    if (profile) fs.rmSync(profile.root, { recursive: true, force: true });
  });

  for (const [folder, files] of [
    ['apim-4.2.0', ['deployment.toml', 'log4j2.properties', 'api-manager.sh']],
    ['carbon-kernel-4.10.x', ['context.xml', 'wso2server.sh']],
    ['helm-apim-main', ['deployment.toml']],
  ] as const) {
    it(`the Problems panel lists findings for the unopened files of ${folder}`, async () => {
      // One file per filter: the Problems list is virtualised, so rows far down are not in the page at all.
      for (const f of files) {
        const filter = `**/corpus/${folder}/**/${f}`;
        await waitFor(`Problems rows for ${folder}/…/${f}`, async () => (await wb.problems(filter)).some((r) => r.includes(f)),
          { ms: 90_000, last: async () => JSON.stringify((await wb.problems(filter)).slice(0, 6)) });
        assert.ok((await wb.problems(filter)).some((r) => /carbonlint/.test(r)), `a CarbonLint finding is listed for ${folder}/…/${f}`);
      }
      await wb.screenshot(`problems-${folder}`);
    });
  }
});
