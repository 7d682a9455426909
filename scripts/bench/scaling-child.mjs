// One scaling shape measured in a process started with other V8 flags (see scaling.mjs): prints { g100 }.
// argv: bundle folder, the corpus deployment.toml to replicate, shape index, rounds.
import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { growth, shapes, DIR } from './scaling.mjs';

const [dir, baseFile, index, rounds] = process.argv.slice(2);
const engine = createRequire(import.meta.url)(path.join(dir, 'engine.js'));
const s = shapes({ rel: path.basename(baseFile), text: fs.readFileSync(baseFile, 'utf8') })[Number(index)];
const g = await growth(engine, engine.resolveSettings(), path.join(DIR, s.file), s.texts, Number(rounds));
process.stdout.write(JSON.stringify({ g100: g.g100 }) + '\n');
