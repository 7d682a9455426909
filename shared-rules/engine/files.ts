// Which files CarbonLint checks, by name (and, for scripts, by content).
import * as path from 'node:path';
import type { FileKind } from './rule';
import { LEGACY_BASE_NAMES, legacyFileOf } from './legacy-files';
import { associatedKind, stripTemplateSuffix, type Association } from './template-names';
import { embeddedKind, ROUTE_MANIFEST, YAML_NAME } from './embedded-names';
import { isNginx, mayBeNginx } from './nginx-files';
import { containerKind, containerKindOfName } from './container-files';
import { isPodManifestText } from './pod-manifest';

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
 * A template twin (`deployment.toml.j2`, `api-manager.sh.erb`) is the kind of the file it renders to;
 * `associations` (the project file's "associations") win over names. Returns undefined for files CarbonLint leaves alone.
 */
export function classify(fileName: string, text?: string, associations?: readonly Association[]): FileKind | undefined {
  const assoc = associations?.length ? associatedKind(fileName, associations) : undefined;
  if (assoc) return assoc;
  const base = stripTemplateSuffix(path.basename(fileName).toLowerCase());
  // Dockerfiles, compose files, systemd units of a product (container-files.ts).
  if (containerKindOfName(base)) return containerKind(base, text);
  // A ConfigMap/Secret manifest (plain YAML or a Helm template) is the kind of the first file it embeds.
  // A ConfigMap/Secret's embedded file, else an Ingress/HTTPRoute, else a product's pod manifest (Deployment, StatefulSet,
  // Pod, … naming a product). lintText reads a manifest that holds several of these once per reading.
  if (YAML_NAME.test(base)) {
    if (text === undefined) return undefined;
    return (embeddedKind(text, (k) => classify(k)) as FileKind | undefined) ?? (ROUTE_MANIFEST.test(text) ? 'ingress' : isPodManifestText(text) ? 'pod' : undefined);
  }
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
  if (isNginx(stripTemplateSuffix(fileName), base, text)) return 'nginx';
  return undefined;
}

/** True when a name could be a candidate before its content is read (scripts need a look inside). */
export function mayClassify(fileName: string, associations?: readonly Association[]): boolean {
  const lower = fileName.toLowerCase();
  const name = stripTemplateSuffix(lower);
  const base = path.basename(name);
  return classify(fileName, undefined, associations) !== undefined || SCRIPT_EXT.test(name) || YAML_NAME.test(name) || mayBeNginx(name) || containerKindOfName(base) !== undefined ||
    LEGACY_BASE_NAMES.has(base) || base === 'web.xml' || (base.endsWith('.xml') && /datasources/.test(name)) || base.endsWith('-datasources.xml');
}

export function isProductScriptText(text: string): boolean {
  return BOOTSTRAP_CLASSES.some((c) => text.includes(c));
}
