// Dockerfiles, docker-compose files and systemd units (G28, G02): recognised by name, and checked only when their
// text names a product (a WSO2/MWARE word or a product startup script) — an unrelated Dockerfile, compose setup or
// unit in the workspace is not CarbonLint's, gets no finding and no parse notice. A compose file may build a
// product image from a Dockerfile beside it, so one with a `build:` key is read too (its rule opens the Dockerfile).
import * as path from 'node:path';
import type { FileKind } from './rule';
import { stripTemplateSuffix } from './template-names';

const PRODUCT_WORD = /wso2|mware/i;
/** Product startup scripts as they appear in an ExecStart, CMD or ENTRYPOINT. */
export const PRODUCT_SCRIPT_REF = /(?:^|[\s/"'=])(?:wso2server|api-manager|api-cp|key-manager|traffic-manager|micro-integrator|integrator)\.sh\b/;
const BUILD_KEY = /^[ \t]+build[ \t]*:/m;

/** The container/unit kind a (template-stripped, lower-case) base name has, before reading the file. */
export function containerKindOfName(base: string): FileKind | undefined {
  if (base === 'dockerfile' || base === 'containerfile' || base.startsWith('dockerfile.') || base.startsWith('containerfile.') || base.endsWith('.dockerfile')) return 'dockerfile';
  if (/^(?:docker-)?compose(?:[.-][\w.-]{0,80})?\.ya?ml$/.test(base)) return 'compose';
  if (base.endsWith('.service')) return 'systemd';
  return undefined;
}

/** The same for a path (`/x/Dockerfile.j2` → dockerfile): what the server watches and re-checks. */
export function containerKindOfPath(p: string): FileKind | undefined {
  return containerKindOfName(stripTemplateSuffix(path.basename(p).toLowerCase()));
}

/** The kind, when the name is one of ours and the text belongs to a product; undefined before the text is read. */
export function containerKind(base: string, text: string | undefined): FileKind | undefined {
  const kind = containerKindOfName(base);
  if (!kind || text === undefined) return undefined;
  const head = text.length > 1_000_000 ? text.slice(0, 1_000_000) : text;
  if (PRODUCT_WORD.test(head) || PRODUCT_SCRIPT_REF.test(head)) return kind;
  if (kind === 'compose' && BUILD_KEY.test(head)) return kind;
  return undefined;
}
