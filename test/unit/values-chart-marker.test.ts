// A Helm chart is the nearest folder above a template holding a regular file Chart.yaml (values/cases.ts). On the
// disk that is asked with one lstat (diskAccess.isFile), not by reading the file; a FileAccess without isFile (the
// language server's recording overlay, the tests' memory files) is asked to read it, as before. Both must find the
// same charts: a link or a folder named Chart.yaml marks nothing, a FIFO is never opened.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { casesFor, type FileAccess } from '../../shared-rules/engine/values/cases';
import { diskAccess } from '../../shared-rules/engine/values/disk';

const readOnly: FileAccess = { read: (f) => diskAccess.read(f), list: (d) => diskAccess.list(d) };

function chartAt(root: string, marker: (file: string) => void): string {
  const chart = path.join(root, 'chart');
  fs.mkdirSync(path.join(chart, 'confs'), { recursive: true });
  fs.writeFileSync(path.join(chart, 'values.yaml'), 'adminPassword: admin\n');
  marker(path.join(chart, 'Chart.yaml'));
  return path.join(chart, 'confs', 'deployment.toml');
}

test('Chart.yaml marks a chart by an lstat on the disk, as reading it says, for a file, a link, a folder and a FIFO', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-chart-'));
  try {
    const kinds: Array<[string, (file: string) => void, boolean]> = [
      ['a file', (f) => fs.writeFileSync(f, 'name: x\n'), true],
      ['an empty file', (f) => fs.writeFileSync(f, ''), true],
      ['a link to a file', (f) => { fs.writeFileSync(`${f}.real`, 'name: x\n'); fs.symlinkSync(`${f}.real`, f); }, false],
      ['a folder', (f) => fs.mkdirSync(f), false],
      ['a FIFO', (f) => execFileSync('mkfifo', [f]), false],
      ['nothing', () => undefined, false],
    ];
    for (const [what, make, chart] of kinds) {
      const dir = path.join(root, what.replace(/ /g, '-'));
      const template = chartAt(dir, make);
      const marker = path.join(path.dirname(path.dirname(template)), 'Chart.yaml');
      assert.equal(diskAccess.isFile!(marker), chart, what);
      assert.equal(diskAccess.read(marker) !== undefined, chart, `${what}: read`);
      for (const fa of [diskAccess, readOnly]) {
        const found = casesFor(template, fa);
        assert.equal(found?.tool === 'helm' && found.cases.length === 1, chart, `${what}${fa === readOnly ? ' (read)' : ''}`);
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true });
  }
});
