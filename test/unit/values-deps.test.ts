// Which templates a changed path concerns (server/src/values-deps.ts): what each template's last lint read or
// listed, replaced by its next lint, dropped when it used no values or is forgotten; an older FileAccess adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ValuesDependencies } from '../../server/src/values-deps';

test('dependents follow each template\'s latest reads and listings', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-values-deps-'));
  try {
    const p = (rel: string) => path.join(root, rel);
    const deps = new ValuesDependencies(() => 'admin: {}\n'); // every read answered by the "editor"
    const a = p('a/templates/deployment.toml');
    const b = p('b/templates/deployment.toml');
    const sorted = (xs: string[]) => [...xs].sort();

    let access = deps.access(a);
    access.read(p('a/values.yaml'));
    access.list(p('group_vars'));
    const old = access;
    access = deps.access(b);
    access.read(p('a/values.yaml'));
    deps.settle(b, true);
    assert.deepEqual(sorted(deps.dependents(p('a/values.yaml'))), sorted([a, b]));
    assert.deepEqual(deps.dependents(p('group_vars/all.yml')), [a], 'a file in a listed folder');
    assert.deepEqual(deps.dependents(p('group_vars')), [a], 'the listed folder itself');
    assert.deepEqual(deps.dependents(a), [], 'a template is not its own dependent');

    // a's next lint reads something else: its old reads no longer count; the old FileAccess adds nothing.
    deps.access(a).read(p('a/values-prod.yaml'));
    old.read(p('a/stale.yaml'));
    assert.deepEqual(deps.dependents(p('a/values.yaml')), [b]);
    assert.deepEqual(deps.dependents(p('group_vars/all.yml')), []);
    assert.deepEqual(deps.dependents(p('a/values-prod.yaml')), [a]);
    assert.deepEqual(deps.dependents(p('a/stale.yaml')), []);

    // No values used after all, or forgotten: nothing left.
    deps.settle(a, false);
    assert.deepEqual(deps.dependents(p('a/values-prod.yaml')), []);
    deps.forget(b);
    assert.deepEqual(deps.dependents(p('a/values.yaml')), []);
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
