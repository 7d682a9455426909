// The configuration files of the Carbon 4.4 products (API-M 2.x, IS 5.x, EI 6.x, ESB 5.0), recognised only where
// they sit in a Carbon home: under a `conf` folder (`repository/conf/` for API-M/IS/ESB, `conf/` and
// `wso2/<profile>/conf/` for EI) at their shipped relative path, with the shipped root element, and — when the
// path is absolute — without a `deployment.toml` beside them (TOML-era homes generate these files from it).
// A `web.xml` or `carbon.xml` anywhere else is not a Carbon file. Source: shared/research/legacy-carbon.md §1–§2.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { knownAbsent } from './disk-snapshot';

export type LegacyFile =
  | 'carbon.xml' | 'catalina-server.xml' | 'axis2.xml' | 'user-mgt.xml' | 'datasources' | 'identity.xml'
  | 'api-manager.xml' | 'secret-conf.properties' | 'cipher-text.properties' | 'log4j.properties' | 'console-web.xml';

interface Shape {
  file: LegacyFile;
  /** The path below the conf folder, lower case, `*` = one file name. */
  below: string;
  kind: 'xml' | 'properties';
  /** A root start tag the shipped file has (checked when the text is known). */
  root?: string;
}

const SHAPES: readonly Shape[] = [
  { file: 'carbon.xml', below: 'carbon.xml', kind: 'xml', root: '<Server' },
  { file: 'catalina-server.xml', below: 'tomcat/catalina-server.xml', kind: 'xml', root: '<Server' },
  { file: 'axis2.xml', below: 'axis2/axis2.xml', kind: 'xml', root: '<axisconfig' },
  { file: 'user-mgt.xml', below: 'user-mgt.xml', kind: 'xml', root: '<UserManager' },
  { file: 'datasources', below: 'datasources/*', kind: 'xml', root: '<datasources-configuration' },
  { file: 'identity.xml', below: 'identity/identity.xml', kind: 'xml', root: '<Server' },
  { file: 'api-manager.xml', below: 'api-manager.xml', kind: 'xml', root: '<APIManager' },
  { file: 'secret-conf.properties', below: 'security/secret-conf.properties', kind: 'properties' },
  { file: 'cipher-text.properties', below: 'security/cipher-text.properties', kind: 'properties' },
  { file: 'log4j.properties', below: 'log4j.properties', kind: 'properties' },
  { file: 'console-web.xml', below: 'tomcat/carbon/web-inf/web.xml', kind: 'xml', root: '<web-app' },
];

/** Base names that may be legacy files (a look at the path decides): for watchers and name-only pre-filters. */
export const LEGACY_BASE_NAMES: ReadonlySet<string> = new Set(SHAPES.map((s) => s.below.split('/').pop()!).filter((b) => b !== '*'));

export interface LegacyMatch {
  file: LegacyFile;
  kind: 'xml' | 'properties';
  /** The conf folder (as written in fileName, `/` separators). */
  confRoot: string;
}

// Asked for every file on every lint: a base name no shape can end with (deployment.toml, log4j2.properties, a
// script) is answered without trying the shapes. Shapes are lower case: a match ends with one of these names.
const SHAPE_BASES: ReadonlySet<string> = new Set(SHAPES.filter((s) => !s.below.endsWith('/*')).map((s) => s.below.slice(s.below.lastIndexOf('/') + 1)));

/** Where the path matches a shape: the conf root, or undefined. */
function matchPath(fileName: string): LegacyMatch | undefined {
  const norm = fileName.replace(/\\/g, '/');
  const lower = norm.toLowerCase();
  const base = lower.slice(lower.lastIndexOf('/') + 1);
  if (!SHAPE_BASES.has(base) && !base.endsWith('.xml')) return undefined;
  for (const s of SHAPES) {
    let tail = s.below;
    if (s.below.endsWith('/*')) {
      const base = lower.slice(lower.lastIndexOf('/') + 1);
      if (!base.endsWith('.xml')) continue;
      tail = s.below.slice(0, -1) + base; // datasources/<name>.xml
    }
    if (!(lower === 'conf/' + tail || lower.endsWith('/conf/' + tail))) continue;
    const confRoot = norm.slice(0, norm.length - tail.length - 1);
    return { file: s.file, kind: s.kind, confRoot };
  }
  return undefined;
}

const tomlBeside = new Map<string, boolean>();

/** A TOML-era home: its conf folder holds deployment.toml (then these XML files are generated from it). */
function hasDeploymentToml(confRoot: string): boolean {
  if (!path.isAbsolute(confRoot)) return false;
  const hit = tomlBeside.get(confRoot);
  if (hit !== undefined) return hit;
  let found = false;
  try {
    const file = path.join(confRoot, 'deployment.toml');
    found = !knownAbsent(file) && (fs.statSync(file, { throwIfNoEntry: false })?.isFile() ?? false);
  } catch {
    found = false;
  }
  if (tomlBeside.size >= 256) tomlBeside.clear();
  tomlBeside.set(confRoot, found);
  return found;
}

/** The legacy file this is, when it sits in a Carbon 4.4 home; `text` (when known) must have the shipped root element. */
export function legacyFileOf(fileName: string, text?: string): LegacyMatch | undefined {
  const m = matchPath(fileName);
  if (!m) return undefined;
  const shape = SHAPES.find((s) => s.file === m.file)!;
  if (text !== undefined && shape.root !== undefined && !hasRoot(text, shape.root)) return undefined;
  if (hasDeploymentToml(m.confRoot)) return undefined;
  return m;
}

/** The root start tag appears (a tag name, not a prefix of a longer one). Bounded: indexOf only. */
function hasRoot(text: string, tag: string): boolean {
  let at = text.indexOf(tag);
  while (at >= 0) {
    const c = text.charAt(at + tag.length);
    if (c === '>' || c === '/' || c === ' ' || c === '\t' || c === '\r' || c === '\n') return true;
    at = text.indexOf(tag, at + tag.length);
  }
  return false;
}

/** For tests: forget cached deployment.toml lookups. */
export function clearLegacyCache(): void {
  tomlBeside.clear();
}

/** A path in a legacy home for a legacy file (rule cases, docs). */
export function legacySamplePath(file: LegacyFile): string {
  const s = SHAPES.find((x) => x.file === file)!;
  return 'repository/conf/' + s.below.replace('web-inf', 'WEB-INF').replace('*', 'master-datasources.xml');
}
