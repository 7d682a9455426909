// A copy of the repository's own files (tracked and new, not ignored; tests and node_modules left out), for the
// suites that build or pack in a scratch folder without touching the working tree's dist/.
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO } from './shared';

export function copyRepo(to: string): void {
  const files = execFileSync('git', ['ls-files', '-co', '--exclude-standard'], { cwd: REPO, encoding: 'utf8' })
    .split('\n')
    .filter((f) => f && !f.startsWith('test/') && f !== 'node_modules' && !f.startsWith('node_modules/'))
    .filter((f) => {
      const st = fs.lstatSync(path.join(REPO, f), { throwIfNoEntry: false });
      return !!st && st.isFile();
    });
  for (const f of files) {
    fs.mkdirSync(path.dirname(path.join(to, f)), { recursive: true });
    fs.copyFileSync(path.join(REPO, f), path.join(to, f));
  }
}
