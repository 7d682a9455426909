// Strange workspaces on disk: files too big, one-line megabytes, binary content, entries that cannot be read.
import { spawnSync } from 'node:child_process';
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const INSECURE_TOML = '[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n';

export function write(root: string, rel: string, content: string | Buffer): string {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  fs.writeFileSync(f, content);
  return f;
}

/** `size` bytes made of `unit` repeated, written in 1 MiB blocks (no 50 MB string in the test process). */
export function writeRepeated(root: string, rel: string, unit: string, size: number): string {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  const block = Buffer.from(unit.repeat(Math.ceil((1 << 20) / unit.length)).slice(0, 1 << 20));
  const fd = fs.openSync(f, 'w');
  try {
    for (let n = 0; n < size; n += block.length) fs.writeSync(fd, block, 0, Math.min(block.length, size - n));
  } finally {
    fs.closeSync(fd);
  }
  return f;
}

/** Random bytes with a NUL early on, as a binary file that was misnamed would have. */
export function binary(size: number): Buffer {
  const b = crypto.randomBytes(size);
  b[16] = 0;
  return b;
}

/** One megabyte on a single line, per kind: long enough for super-linear code to show. */
export const ONE_LINE_MB: Record<string, string> = {
  'deployment.toml': 'ciphers = [' + '"TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256", '.repeat(25_000) + ']',
  'log4j2.properties': 'appender.AUDIT_LOGFILE.layout.pattern = ' + '[%d] %5p {%t} %c - %m%ex '.repeat(40_000),
  'context.xml': '<Context>' + '<Manager sessionIdLength="16"/><WatchedResource>WEB-INF/web.xml</WatchedResource>'.repeat(12_000) + '</Context>',
  'wso2server.sh': 'java -cp x org.wso2.carbon.bootstrap.Bootstrap; '.repeat(20_000),
};

/** A FIFO: opening it for reading blocks until a writer comes — what a naive readFileSync does forever. */
export function fifo(root: string, rel: string): string {
  const f = path.join(root, rel);
  fs.mkdirSync(path.dirname(f), { recursive: true });
  const r = spawnSync('mkfifo', [f]);
  if (r.status !== 0) throw new Error(`mkfifo failed: ${r.stderr}`);
  return f;
}
