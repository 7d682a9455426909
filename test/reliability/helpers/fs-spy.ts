// In-process counterpart of hooks/spy.cjs: records the paths the code under test passes to fs and whether it
// opens network connections, between start() and the returned stop().
import { createRequire } from 'node:module';

// The modules themselves (not import namespaces, whose bindings are read-only): the code under test calls through them.
const req = createRequire(__filename);
const fs = req('node:fs') as typeof import('node:fs');
const net = req('node:net') as typeof import('node:net');
const http = req('node:http') as typeof import('node:http');

const FS_FNS = ['open', 'openSync', 'readFile', 'readFileSync', 'createReadStream', 'stat', 'statSync', 'lstatSync', 'realpathSync', 'existsSync', 'readdirSync', 'writeFile', 'writeFileSync', 'renameSync', 'rename'] as const;

export function spyFs(): { calls: string[]; stop(): void } {
  const calls: string[] = [];
  const fsMod = fs as unknown as Record<string, (...a: unknown[]) => unknown>;
  const saved: Array<[Record<string, unknown>, string, unknown]> = [];
  const patch = (obj: Record<string, unknown>, name: string, label: string) => {
    const orig = obj[name] as (...a: unknown[]) => unknown;
    if (typeof orig !== 'function') return;
    saved.push([obj, name, orig]);
    obj[name] = function (this: unknown, ...args: unknown[]) {
      calls.push(`${label}${name} ${String(args[0])}`);
      return orig.apply(this, args);
    };
  };
  for (const n of FS_FNS) patch(fsMod, n, 'fs.');
  patch(net as unknown as Record<string, unknown>, 'connect', 'net.');
  patch(net as unknown as Record<string, unknown>, 'createConnection', 'net.');
  patch(http as unknown as Record<string, unknown>, 'request', 'http.');
  patch(http as unknown as Record<string, unknown>, 'get', 'http.');
  return {
    calls,
    stop() {
      for (const [obj, name, orig] of saved.reverse()) obj[name] = orig;
    },
  };
}
