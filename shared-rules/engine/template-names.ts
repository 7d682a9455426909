// Names of template twins (`deployment.toml.j2`, `api-manager.sh.erb`) and the project file's "associations"
// (glob → kind, VS Code's files.associations habit): which kind a file is, and which template syntax it is written in.
import * as path from 'node:path';
import type { FileKind } from './rule';
import { compileGlob } from './glob';

/** The template suffixes of every tool: Jinja (Ansible), ERB (Puppet), Go (Helm and others), generic. */
const TEMPLATE_SUFFIX = /\.(j2|jinja|jinja2|erb|tmpl|tpl|template)$/i;

export type TemplateSyntax = 'curly' | 'erb';

/** `deployment.toml.j2` → `deployment.toml`; other names unchanged. */
export function stripTemplateSuffix(name: string): string {
  return name.replace(TEMPLATE_SUFFIX, '');
}

/** Kinds an association may name: the engine's kinds and the names users know them by. */
export const ASSOCIATION_KINDS: Record<string, FileKind> = {
  toml: 'toml', 'deployment.toml': 'toml',
  properties: 'properties', 'log4j2.properties': 'properties',
  xml: 'xml', 'context.xml': 'xml',
  shell: 'shell', script: 'shell', 'startup-script': 'shell',
  nginx: 'nginx', 'nginx.conf': 'nginx', ingress: 'ingress',
  dockerfile: 'dockerfile', compose: 'compose', 'docker-compose': 'compose', systemd: 'systemd', 'systemd-unit': 'systemd',
  pod: 'pod', 'kubernetes-pod': 'pod',
};

export interface Association {
  /** A glob: without `/` it matches the file name, with `/` the path relative to `base` (else any trailing part of the path). */
  glob: string;
  kind: FileKind;
  /** The folder of the project file that declared it. */
  base?: string;
}

/** The linear-time glob matcher (cached in glob.ts); an invalid glob matches nothing (parseAssociations reports it). */
function re(glob: string): { test(p: string): boolean } {
  const c = compileGlob(glob);
  return 'error' in c ? { test: () => false } : { test: (p) => c.matches(p) };
}

/** The kind the first matching association gives (later layers are listed first). */
export function associatedKind(fileName: string, associations: readonly Association[]): FileKind | undefined {
  const slashed = fileName.split(path.sep).join('/');
  const base = slashed.slice(slashed.lastIndexOf('/') + 1);
  for (const a of associations) {
    const g = a.glob.replace(/\\/g, '/');
    if (!g.includes('/')) {
      if (re(g).test(base)) return a.kind;
      continue;
    }
    if (a.base && path.isAbsolute(fileName)) {
      const rel = path.relative(a.base, fileName);
      if (!rel.startsWith('..') && !path.isAbsolute(rel) && re(g).test(rel.split(path.sep).join('/'))) return a.kind;
      continue;
    }
    if (re(g.startsWith('**/') || g.startsWith('/') ? g.replace(/^\//, '') : `**/${g}`).test(slashed.replace(/^\//, ''))) return a.kind;
  }
  return undefined;
}

/** Folders of a Helm chart whose files are rendered with `tpl` (Go template text under a plain name). */
const CHART_FOLDER = /(^|[\\/])(confs|files|templates)[\\/]/;

/**
 * The template syntax a file is written in, or undefined for a plain file. Twins by suffix; ERB output tags `<%=`; a deployment.toml
 * (or a file in a chart's confs/, files/ or templates/) holding `{{`/`{%` is Go/Jinja text, as the TOML parser always assumed.
 */
export function templateSyntax(fileName: string, kind: FileKind, text: string): TemplateSyntax | undefined {
  const m = TEMPLATE_SUFFIX.exec(fileName);
  if (m) return m[1].toLowerCase() === 'erb' ? 'erb' : 'curly';
  // An ERB template saved under the rendered name (Puppet's deployment.toml.erb copied as deployment.toml).
  if (text.includes('<%=') && text.includes('%>')) return 'erb';
  // A pod manifest holding `{{` is a template wherever it is kept (YAML has no `{{`-keyed flow mapping worth reading).
  if ((kind === 'toml' || kind === 'pod' || CHART_FOLDER.test(fileName)) && (text.includes('{{') || text.includes('{%'))) return 'curly';
  return undefined;
}
