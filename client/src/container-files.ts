// Dockerfiles, compose files and systemd units (issue 19): which editors' documents the client hands to the server,
// and whether the workspace holds one that belongs to a product (an unrelated Dockerfile starts no server).
import { workspace } from 'vscode';
import { classify } from '../../shared-rules/engine/files';

const TWIN = '{j2,jinja,jinja2,erb,tmpl,tpl,template}';

/** Document selector entries (compose files are YAML, already selected by `**\/*.{yaml,yml}`). */
export const CONTAINER_PATTERNS: Array<{ language?: string; pattern?: string }> = [
  { language: 'dockerfile' }, { pattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.dockerfile,*.Dockerfile}' },
  { pattern: '**/*.service' }, { pattern: `**/*.service.${TWIN}` },
];

const LOOK_FOR = '**/{Dockerfile,Containerfile,Dockerfile.*,*.dockerfile,*.Dockerfile,docker-compose*.{yml,yaml},compose*.{yml,yaml},*.service,*.service.*}';
const MAX_LOOKS = 10;

/** Whether one of the first few Dockerfiles, compose files or units of the workspace is a product's. */
export async function productContainerFileInSight(): Promise<boolean> {
  const files = await workspace.findFiles(LOOK_FOR, '**/node_modules/**', MAX_LOOKS).then((f) => f, () => []);
  for (const uri of files) {
    const text = await workspace.fs.readFile(uri).then((b) => Buffer.from(b.subarray(0, 256 * 1024)).toString('utf8'), () => '');
    if (text && classify(uri.path, text) !== undefined) return true;
  }
  return false;
}
