// The parse-only floor for §3, as a whole process: walk a folder, read every file, classify it and parse it with the
// engine's own parser (parseModel) — no product detection, no template renderings, no rules, no report. With
// `--jobs 2` a worker thread parses every other file, as the CLI's second thread would (its own isolate, the engine
// bundle loaded again). Usage: node parse-all.mjs ENGINE_BUNDLE ROOT [--jobs N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);

/** Parses files[i] for i ≡ part (mod parts); returns a count the parse cannot be optimised away from. */
function parseShare(bundle, files, part, parts) {
  const engine = require(bundle);
  let n = 0;
  for (let i = part; i < files.length; i += parts) {
    const text = fs.readFileSync(files[i], 'utf8');
    const kind = engine.classify(files[i], text);
    if (kind === undefined) continue;
    n += engine.parseModel(kind, text, files[i]).problems.length + 1;
  }
  return n;
}

if (isMainThread) {
  const [bundle, root, flag, jobsArg] = process.argv.slice(2);
  const jobs = flag === '--jobs' ? Number(jobsArg) : 1;
  const files = [];
  const visit = (dir) => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) visit(p);
      else if (e.isFile()) files.push(p);
    }
  };
  visit(root);
  const workers = [];
  for (let w = 1; w < jobs; w++) {
    workers.push(new Promise((resolve, reject) => {
      const worker = new Worker(new URL(import.meta.url), { workerData: { bundle, files, part: w, parts: jobs } });
      worker.once('message', resolve);
      worker.once('error', reject);
    }));
  }
  const mine = parseShare(bundle, files, 0, jobs);
  const theirs = await Promise.all(workers);
  process.stdout.write(`${mine + theirs.reduce((a, b) => a + b, 0)}\n`);
} else {
  const { bundle, files, part, parts } = workerData;
  parentPort.postMessage(parseShare(bundle, files, part, parts));
}
