// The tool's version and where its rule documentation lives online (SARIF helpUri, JSON docsUrl).
import { version } from '../../package.json';

export const TOOL_VERSION: string = version;

/** The project's repository (package.json's repository.url says the same); rule pages are docs/rules/<id>.md in it. */
export const REPOSITORY_URL = 'https://github.com/carbonlint/carbonlint';

/** CARBONLINT_DOCS_URL overrides; else the repository's docs/rules/ folder on its main branch. */
export function docsBase(env: NodeJS.ProcessEnv = process.env): string {
  const custom = env.CARBONLINT_DOCS_URL;
  if (custom) return custom.endsWith('/') ? custom : `${custom}/`;
  return `${REPOSITORY_URL}/blob/main/docs/rules/`;
}

/** A rule's page, or undefined for a code without one (file-level notices). */
export function docsUrl(ruleId: string, hasPage: boolean, base = docsBase()): string | undefined {
  return hasPage ? `${base}${ruleId}.md` : undefined;
}
