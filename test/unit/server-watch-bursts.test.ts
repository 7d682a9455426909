// The language server under a burst of watched-file events (git checkout, a folder deleted or moved, stores
// regenerated): deletions are forgotten in one pass over the known files, key stores matched to their product
// homes by lookup. Both tried every pair (8,000 deleted files of 8,000 known: 112 s with the server unresponsive).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { FileChangeType, type Connection } from 'vscode-languageserver/node';
import { WorkspaceScanner, type ScanHost } from '../../server/src/scan';
import { onWatchedFiles } from '../../server/src/watch';
import { URI } from '../../server/src/uri';
import { anyStoreInHome } from '../../shared-rules/keystores/resolve';
import { Folders } from '../../server/src/config';
import { assertGrowth } from '../helpers/linear';

/** A scanner that knows `files` from disk (as a scan would leave it), and the URIs whose findings it cleared. */
function scannerKnowing(files: string[], open: ReadonlySet<string> = new Set()) {
  const cleared: string[] = [];
  const connection = {
    sendDiagnostics: (p: { uri: string; diagnostics: unknown[] }) => { if (!p.diagnostics.length) cleared.push(p.uri); return Promise.resolve(); },
    sendNotification: () => Promise.resolve(),
  } as unknown as Connection;
  const host = { connection, isOpen: (uri: string) => open.has(uri) } as unknown as ScanHost;
  const scanner = new WorkspaceScanner(host);
  // What checkFile records for a file read from disk (its finding count by URI): set directly, no disk needed.
  const fromDisk = (scanner as unknown as { fromDisk: Map<string, number> }).fromDisk;
  for (const f of files) fromDisk.set(URI.fromPath(f), 1);
  const deps = { connection, scanner, projects: {} as never, projectChanged() {}, keystoresChanged() {} };
  const deleted = (paths: string[]) => onWatchedFiles(paths.map((p) => ({ uri: URI.fromPath(p), type: FileChangeType.Deleted })), deps);
  return { scanner, cleared, known: () => [...fromDisk.keys()].map(URI.toPath).sort(), deleted };
}

const home = (i: number) => path.resolve(`/ws/wso2am-4.2.0-${i}`);
const toml = (i: number) => path.join(home(i), 'repository', 'conf', 'deployment.toml');

test('deleted paths: a file, a folder and what is under it go; a sibling sharing a prefix and an open file stay', async () => {
  const files = [toml(1), toml(2), toml(12), path.join(home(3), 'bin', 'api-manager.sh'), toml(3)];
  const { known, cleared, deleted } = scannerKnowing(files, new Set([URI.fromPath(toml(3))]));
  await deleted([toml(1), home(3), path.resolve('/elsewhere')]);
  assert.deepEqual(known(), [toml(12), toml(2), toml(3)].sort());
  assert.deepEqual(cleared.map(URI.toPath).sort(), [toml(1), path.join(home(3), 'bin', 'api-manager.sh')].sort());
});

test('deleted paths: a burst of N deletions costs time linear in N, not N × known files', { timeout: 300_000 }, async () => {
  // assertGrowth times synchronous work: onWatchedFiles does no await for deletions alone, so the forgetting happens
  // within the call (the returned promise only settles later).
  assertGrowth('deletions', (n) => Array.from({ length: n }, (_, i) => toml(i)), (files) => {
    const s = scannerKnowing(files);
    void s.deleted(files);
    assert.equal(s.known().length, 0);
  }, 2_000);
});

test('key stores: a deployment.toml is concerned when a changed store lies in its product home, as before', () => {
  // The plain definition (the former storeInHome, tried for each store).
  const homeOf = (cfg: string) => {
    const dir = path.dirname(path.resolve(cfg));
    const up = path.dirname(dir);
    return path.basename(dir) !== 'conf' ? dir : path.basename(up) === 'repository' ? path.dirname(up) : up;
  };
  const inHome = (cfg: string, s: string) => {
    const rel = path.relative(homeOf(cfg), path.resolve(s));
    return rel !== '' && !rel.startsWith('..') && !path.isAbsolute(rel);
  };
  const configs = [toml(1), toml(2), path.resolve('/ws/mi/conf/deployment.toml'), path.resolve('/ws/loose/deployment.toml'), path.resolve('/deployment.toml')];
  const stores = [
    [path.join(home(1), 'repository', 'resources', 'security', 'wso2carbon.jks')],
    [path.resolve('/ws/mi/repository/resources/security/client-truststore.jks'), path.resolve('/ws/wso2am-4.2.0-12/x.jks')],
    [path.resolve('/ws/loose/keystore.p12')],
    [path.resolve('/ws/loose'), path.resolve('/x.jks')],
    [],
  ];
  for (const list of stores) {
    const any = anyStoreInHome(list);
    for (const c of configs) assert.equal(any(c), list.some((s) => inHome(c, s)), `${c} ← ${list.join(', ')}`);
  }
});

test('key stores: matching a burst of stores to the deployment.toml files costs time linear in both', { timeout: 300_000 }, () => {
  assertGrowth('stores', (n) => ({ n, stores: Array.from({ length: n }, (_, i) => path.join(home(i), 'repository', 'resources', 'security', 'wso2carbon.jks')) }), ({ n, stores }) => {
    const any = anyStoreInHome(stores);
    let hit = 0;
    for (let i = 0; i < n; i++) if (any(toml(i))) hit++;
    assert.equal(hit, n);
  }, 4_000);
});

test('workspace folders: the innermost folder holding a path, not a sibling sharing its prefix', () => {
  const folders = new Folders();
  const uris = ['/ws', '/ws/a', '/ws/a/b', '/ws/ab', '/other'].map((p) => URI.fromPath(path.resolve(p)));
  folders.set([...uris, { uri: 'untitled:x' }].map((u) => (typeof u === 'string' ? { uri: u } : u)));
  const inner = (p: string) => folders.containing(path.resolve(p))?.path;
  assert.equal(inner('/ws/a/b/c/deployment.toml'), path.resolve('/ws/a/b'));
  assert.equal(inner('/ws/a/bc/deployment.toml'), path.resolve('/ws/a'));
  assert.equal(inner('/ws/ab'), path.resolve('/ws/ab'));
  assert.equal(inner('/ws/x'), path.resolve('/ws'));
  assert.equal(inner('/nowhere/x'), undefined);
});

test('workspace folders: finding the folder of every file costs time linear in files and folders', { timeout: 300_000 }, () => {
  assertGrowth('folders', (n) => {
    const folders = new Folders();
    folders.set(Array.from({ length: n }, (_, i) => ({ uri: URI.fromPath(home(i)) })));
    return { n, folders };
  }, ({ n, folders }) => {
    for (let i = 0; i < n; i++) assert.equal(folders.containing(toml(i))?.path, home(i));
  }, 2_000);
});
