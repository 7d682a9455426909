#!/usr/bin/env node
// node scripts/bench/profile.mjs [--kind toml] [--rule ID] [--shape NAME --factor 100] [--reps N] [--top N]
// Profiles lintText (node --cpu-prof) on an unminified bundle, so function names and bundle lines are readable
// (the bundle keeps a `// shared-rules/…` comment above each module: the line points into it).
// Without --shape: every corpus file of --kind (all kinds by default); with --rule: that rule alone.
import { execFileSync } from 'node:child_process';
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarise } from './cpuprofile.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const REPO = path.resolve(HERE, '..', '..');
const { values: o } = parseArgs({ options: { kind: { type: 'string' }, rule: { type: 'string' }, shape: { type: 'string' }, factor: { type: 'string', default: '100' }, reps: { type: 'string' }, top: { type: 'string', default: '25' }, child: { type: 'boolean' } } });

if (o.child) {
  // In the profiled process: lint repeatedly, nothing else.
  const { createRequire } = await import('node:module');
  const engine = createRequire(import.meta.url)(process.env.BENCH_ENGINE);
  const settings = engine.resolveSettings();
  const rules = o.rule ? engine.allRules.filter((r) => r.meta.id === o.rule) : undefined;
  let inputs;
  if (o.shape) {
    const { SHAPES } = await import('./generators.mjs');
    const s = SHAPES[o.shape];
    inputs = [{ abs: `/nonexistent/wso2am-4.2.0/repository/conf/${s.file}`, text: s.make(s.n * Number(o.factor)) }];
  } else {
    const { loadCorpus } = await import('./corpus.mjs');
    inputs = loadCorpus(REPO, engine).filter((f) => !o.kind || f.kind === o.kind);
  }
  const reps = Number(o.reps ?? (o.shape ? Math.max(1, 300 / Number(o.factor)) : 30));
  for (let i = 0; i < reps; i++) for (const f of inputs) engine.lintText(f.abs, f.text, { settings, rules });
} else {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-profile-'));
  try {
    const entry = path.join(dir, 'entry.ts');
    fs.writeFileSync(entry, ['engine/lint', 'engine/files', 'engine/settings', 'rules'].map((m) => `export * from ${JSON.stringify(path.join(REPO, 'shared-rules', m))};`).join('\n'));
    const engine = path.join(dir, 'engine.js');
    await esbuild.build({ entryPoints: [entry], outfile: engine, bundle: true, platform: 'node', target: 'node20', format: 'cjs', logLevel: 'warning' });
    const args = process.argv.slice(2);
    execFileSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${dir}`, fileURLToPath(import.meta.url), '--child', ...args], { stdio: 'inherit', env: { ...process.env, BENCH_ENGINE: engine } });
    const prof = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile'));
    const s = summarise(path.join(dir, prof), { top: Number(o.top) });
    console.log(`profile of lintText (${o.shape ? `${o.shape} ×${o.factor}` : `corpus ${o.kind ?? 'all kinds'}`}${o.rule ? `, rule ${o.rule} only` : ''}), ${s.total} samples; bundle: ${engine}`);
    console.log(`self time:\n${s.self.join('\n')}\n\ninclusive time:\n${s.inclusive.join('\n')}`);
    fs.copyFileSync(engine, path.join(os.tmpdir(), 'carbonlint-profile-engine.js'));
    console.log(`(bundle kept as ${path.join(os.tmpdir(), 'carbonlint-profile-engine.js')} to look the lines up)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
