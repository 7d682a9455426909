// The I/O floor for §3, as a whole process: walk a folder and read every file as text, nothing else.
import * as fs from 'node:fs';
import * as path from 'node:path';

let n = 0;
const visit = (dir) => {
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) visit(p);
    else n += fs.readFileSync(p, 'utf8').length;
  }
};
visit(process.argv[2]);
process.stdout.write(`${n}\n`);
