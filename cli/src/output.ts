// Where a command's output goes: stdout, or --output FILE (written atomically, its folder created).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { writeAtomic } from './atomic';
import { CliError } from './errors';

export function emit(text: string, file?: string): void {
  if (!file) {
    process.stdout.write(text);
    return;
  }
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    writeAtomic(path.resolve(file), text);
  } catch (e) {
    throw new CliError(`${file}: cannot write (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
}
