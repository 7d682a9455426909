// A generated workspace: the corpus replicated into product homes (wso2am-4.2.0-NNNN/repository/conf/…, bin/…),
// four files per home (one of each kind, taken round-robin from the corpus), under a temp folder.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { byKind } from './corpus.mjs';
import { onExit } from './cleanup.mjs';

const PLACE = {
  toml: () => 'repository/conf/deployment.toml',
  properties: () => 'repository/conf/log4j2.properties',
  xml: () => 'repository/conf/tomcat/context.xml',
  shell: (f) => `bin/${path.basename(f.rel)}`,
};

export function makeWorkspace(corpus, files) {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-bench-ws-')));
  const kinds = Object.keys(PLACE).map((k) => [k, byKind(corpus, k)]);
  const homes = Math.ceil(files / kinds.length);
  const width = String(homes).length;
  const list = [];
  let bytes = 0;
  for (let i = 0; i < homes; i++) {
    const home = path.join(root, `wso2am-4.2.0-${String(i).padStart(width, '0')}`);
    for (const [kind, of] of kinds) {
      if (list.length === files) break;
      const src = of[i % of.length];
      const dest = path.join(home, PLACE[kind](src));
      fs.mkdirSync(path.dirname(dest), { recursive: true });
      fs.writeFileSync(dest, src.text);
      list.push(dest);
      bytes += Buffer.byteLength(src.text);
    }
  }
  return { root, files: list, bytes, cleanup: onExit(() => fs.rmSync(root, { recursive: true, force: true })) };
}
