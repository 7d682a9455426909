// The CLI's view of the project file: --config FILE, else the nearest .carbonlint.json; any problem exits 2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { loadProject, type LoadedProject } from '../../shared-rules/report/load-project';
import { CliError } from './errors';

export function loadCliProject(inputs: readonly string[], explicit?: string): LoadedProject {
  if (explicit && !fs.existsSync(explicit)) throw new CliError(`--config ${explicit}: no such file`);
  const first = path.resolve(inputs[0] ?? '.');
  const start = fs.existsSync(first) && fs.statSync(first).isFile() ? path.dirname(first) : first;
  const project = loadProject(fs.existsSync(start) ? start : process.cwd(), explicit);
  if (project.errors.length) {
    const where = path.relative(process.cwd(), project.file ?? '') || project.file;
    throw new CliError(`${where}: invalid project configuration\n${project.errors.map((e) => `  ${e.key || '(file)'}: ${e.message}`).join('\n')}`);
  }
  return project;
}
