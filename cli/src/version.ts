// The tool's version and where its rule documentation lives online (SARIF helpUri), from package.json.
import { version, repository } from '../../package.json';

export const TOOL_VERSION: string = version;

/** CARBONLINT_DOCS_URL overrides; else the repository's docs/rules/ folder on its main branch. */
export function docsBase(env: NodeJS.ProcessEnv = process.env): string {
  const custom = env.CARBONLINT_DOCS_URL;
  if (custom) return custom.endsWith('/') ? custom : `${custom}/`;
  const repo = repository.url.replace(/^git\+/, '').replace(/\.git$/, '');
  return `${repo}/blob/main/docs/rules/`;
}
