// Services declared beside an Ingress (the same folder of plain manifests): a named backend port, or a Service port
// mapped to another targetPort, is resolved through them. Bounded: at most 50 entries looked at and 20 files read
// (regular files only, never a link, ≤ 512 KB each); Helm templates are skipped (their names are not known before
// rendering).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RuleResources } from '../../engine/rule';
import { parseIngress } from '../../parsers/ingress/parse';
import { services, type Services } from './ingress-exposure';

const MAX_ENTRIES = 50;
const MAX_FILES = 20;
const MAX_BYTES = 512 * 1024;
const SERVICE = /^kind\s*:\s*["']?Service["']?\s*$/m;

export function siblingServices(fileName: string, resources: RuleResources | undefined): () => Services {
  return () => {
    const out: Services = new Map();
    if (!resources || !path.isAbsolute(fileName)) return out;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.dirname(fileName), { withFileTypes: true });
    } catch {
      return out;
    }
    let read = 0;
    for (const e of entries.slice(0, MAX_ENTRIES)) {
      if (read >= MAX_FILES) break;
      const p = path.join(path.dirname(fileName), e.name);
      if (!e.isFile() || !/\.ya?ml$/i.test(e.name) || p === fileName) continue;
      const bytes = resources.readFile(p);
      if (!bytes || bytes.length > MAX_BYTES) continue;
      read++;
      const text = Buffer.from(bytes).toString('utf8');
      if (!SERVICE.test(text) || text.includes('{{')) continue;
      for (const [name, ports] of services(parseIngress(text).docs)) if (!out.has(name)) out.set(name, ports);
    }
    return out;
  };
}
