// G01 in the editor: the hover of the advisories summary lists the advisories with links; the status item shows the
// home's release and update level with their sources.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { startClient } from './client';

test('hover on the G01 summary lists advisories with links; the status item says release, level and where they came from', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-lsp-adv-'));
  const home = path.join(dir, 'wso2am-4.2.0');
  fs.mkdirSync(path.join(home, 'repository', 'conf'), { recursive: true });
  fs.mkdirSync(path.join(home, 'updates'));
  fs.writeFileSync(path.join(home, 'updates', 'product.txt'), 'wso2am-4.2.0\n');
  fs.writeFileSync(path.join(home, 'updates', 'config.json'), '{"update-level": 150}');
  const file = path.join(home, 'repository', 'conf', 'deployment.toml');
  const text = '[server]\nhostname = "am.example.com"\n';
  fs.writeFileSync(file, text);
  const uri = pathToFileURL(file).toString();
  const c = await startClient({ initOptions: { commandLinks: true } });
  try {
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'toml', version: 1, text } });
    const p = await c.diagnostics(uri, (d) => d.version === 1);
    const d = p.diagnostics.find((x) => x.code === 'security-advisories');
    assert.ok(d, 'the G01 summary');
    assert.match(String(d.message), /update level 150 from updates\/config\.json/);
    const hover = (await c.conn.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 2 } })) as Hover;
    const md = (hover.contents as MarkupContent).value;
    assert.match(md, /#### Advisories for WSO2 API Manager 4\.2\.0 at update level 150/);
    assert.match(md, /- \[WSO2-2026-5328\]\(https:\/\/security\.docs\.wso2\.com\/en\/latest\/security-announcements\/security-advisories\/2026\/WSO2-2026-5328\/\) \*\*critical\*\* 10\.0 \(open\)/);
    const status = (await c.conn.sendRequest('carbonlint/fileStatus', { uri })) as { release?: { label: string; detail: string } };
    assert.deepEqual(status.release, { label: 'API Manager 4.2.0 · update level 150', detail: 'product from updates/product.txt · version from updates/product.txt · level from updates/config.json update-level' });
  } finally {
    await c.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
