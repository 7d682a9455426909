// A key store replaced, added or deleted on disk changes the findings of the deployment.toml that configures it —
// whether that file is open in the editor or only known from the scan. Stores of other product homes do not.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { codes, makeWorkspace, scanEnded, startClient } from './client';
import { NO_KEYSTORES, storeBytes } from '../unit/keystore-fixtures';

const TOML = '[server]\nhostname = "gw.example.com"\n\n[keystore.tls]\nfile_name = "wso2carbon.jks"\ntype = "JKS"\npassword = "wso2carbon"\nalias = "wso2carbon"\nkey_password = "wso2carbon"\n';
const STORE = 'repository/resources/security/wso2carbon.jks';
const CONF = 'repository/conf/deployment.toml';

test('a key store created, replaced and deleted on disk re-checks the deployment.toml of its product home', { skip: NO_KEYSTORES }, async () => {
  const ws = makeWorkspace({ [`disk/${CONF}`]: TOML, [`open/${CONF}`]: TOML, [`other/${CONF}`]: TOML });
  const c = await startClient({ folders: [ws.root] });
  try {
    await scanEnded(c);
    const disk = ws.uri(`disk/${CONF}`);
    const open = ws.uri(`open/${CONF}`);
    const other = ws.uri(`other/${CONF}`);
    assert.ok(!codes(c.latest(disk)).includes('keystore-default-certificate'), 'no store on disk yet');
    c.conn.sendNotification('textDocument/didOpen', { textDocument: { uri: open, languageId: 'toml', version: 1, text: TOML } });
    await c.diagnostics(open, (p) => p.version === 1);
    assert.ok(c.registrations.some((r) => (r.registerOptions as { watchers?: Array<{ globPattern: string }> }).watchers?.some((w) => w.globPattern.includes('jks'))), 'key stores are watched');

    const watched = (changes: Array<[string, number]>) => c.conn.sendNotification('workspace/didChangeWatchedFiles', { changes: changes.map(([uri, type]) => ({ uri, type })) });
    const before = c.published.filter((p) => p.uri === other).length;
    // Created: the vendor's default store appears in both homes' security folders.
    ws.write(`disk/${STORE}`, '');
    fs.writeFileSync(ws.file(`disk/${STORE}`), storeBytes('carbon-kernel-4.9.0/wso2carbon.jks'));
    ws.write(`open/${STORE}`, '');
    fs.writeFileSync(ws.file(`open/${STORE}`), storeBytes('carbon-kernel-4.9.0/wso2carbon.jks'));
    // Both waits start before the event: diagnostics() resolves on the next matching publish.
    const both = Promise.all([
      c.diagnostics(disk, (p) => codes(p).includes('keystore-default-certificate')),
      c.diagnostics(open, (p) => p.version === 1 && codes(p).includes('keystore-default-certificate')),
    ]);
    watched([[ws.uri(`disk/${STORE}`), 1], [ws.uri(`open/${STORE}`), 1]]);
    await both;
    // Changed: replaced by a store the configured password does not open.
    fs.writeFileSync(ws.file(`disk/${STORE}`), storeBytes('generated/weak.jks'));
    const replaced = c.diagnostics(disk, (p) => !codes(p).includes('keystore-default-certificate') && codes(p).includes('keystore-unreadable'));
    watched([[ws.uri(`disk/${STORE}`), 2]]);
    await replaced;
    // Deleted.
    fs.rmSync(ws.file(`open/${STORE}`));
    const deleted = c.diagnostics(open, (p) => p.version === 1 && !codes(p).includes('keystore-default-certificate'));
    watched([[ws.uri(`open/${STORE}`), 3]]);
    await deleted;
    assert.equal(c.published.filter((p) => p.uri === other).length, before, 'the other product home was not re-checked');
  } finally {
    await c.stop();
    ws.cleanup();
  }
});
