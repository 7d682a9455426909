// Which files CarbonLint checks, by name (and, for scripts, by content).
import * as path from 'node:path';
import type { FileKind } from './rule';
import { LEGACY_BASE_NAMES, legacyFileOf } from './legacy-files';

/** Product startup scripts by their shipped names (API-M, IS, MI and the split API-M distributions). */
export const PRODUCT_SCRIPT_NAMES = new Set([
  'wso2server.sh', 'api-manager.sh', 'api-cp.sh', 'gateway.sh', 'key-manager.sh', 'traffic-manager.sh',
  'micro-integrator.sh', 'integrator.sh',
]);

/** Their Windows twins (`wso2server.bat`, `api-manager.bat`, `micro-integrator.bat`, …). */
export const PRODUCT_BATCH_NAMES = new Set([...PRODUCT_SCRIPT_NAMES].map((n) => n.replace(/\.sh$/, '.bat')));

/** Script extensions whose files may be renamed product scripts (recognised by their Bootstrap class). */
const SCRIPT_EXT = /\.(sh|bat|cmd)$/;

const BOOTSTRAP_CLASSES = ['org.wso2.carbon.bootstrap.Bootstrap', 'org.wso2.micro.integrator.bootstrap.Bootstrap'];

/** deployment.toml, and the copies people keep beside it (deployment-full.toml, wso2am-4.6.0-deployment.toml). */
function isDeploymentToml(base: string): boolean {
  return base === 'deployment.toml' || (base.endsWith('.toml') && /(^|[-_.])deployment([-_.]|\.toml$)/.test(base));
}

/**
 * The kind of a file by its name; `text` lets renamed product scripts in (recognised by their Bootstrap class).
 * Returns undefined for files CarbonLint leaves alone.
 */
export function classify(fileName: string, text?: string): FileKind | undefined {
  const base = path.basename(fileName).toLowerCase();
  if (isDeploymentToml(base)) return 'toml';
  // log4j2.properties and the variants kept beside it (log4j2WithoutLocalAppenders.properties, log4j2-tm.properties).
  if (base.startsWith('log4j2') && base.endsWith('.properties')) return 'properties';
  if (base === 'context.xml') return 'xml';
  const legacy = legacyFileOf(fileName, text);
  if (legacy) return legacy.kind;
  if (SCRIPT_EXT.test(base)) {
    if (PRODUCT_SCRIPT_NAMES.has(base) || PRODUCT_BATCH_NAMES.has(base)) return 'shell';
    if (text !== undefined && BOOTSTRAP_CLASSES.some((c) => text.includes(c))) return 'shell';
  }
  return undefined;
}

/** True when a name could be a candidate before its content is read (scripts need a look inside). */
export function mayClassify(fileName: string): boolean {
  const lower = fileName.toLowerCase();
  const base = path.basename(lower);
  return classify(fileName) !== undefined || SCRIPT_EXT.test(lower) || LEGACY_BASE_NAMES.has(base) || base === 'web.xml' || (base.endsWith('.xml') && /datasources/.test(lower)) || base.endsWith('-datasources.xml');
}

export function isProductScriptText(text: string): boolean {
  return BOOTSTRAP_CLASSES.some((c) => text.includes(c));
}
