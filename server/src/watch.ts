// Following the workspace on disk: the server registers file watchers for the recognised names (and for every
// created or deleted path, so a folder moved or deleted as a whole is seen too) and turns the events into
// re-checks. Clients without dynamic registration (Neovim 0.7) keep the findings of the last scan.
import * as path from 'node:path';
import { DidChangeWatchedFilesNotification, FileChangeType, WatchKind, type Connection, type FileEvent } from 'vscode-languageserver/node';
import { PROJECT_CONFIG_NAME } from '../../shared-rules/engine/project-config';
import { SKIPPED_FOLDERS } from '../../shared-rules/engine/workspace';
import type { ProjectFiles } from './project-file';
import type { WorkspaceScanner } from './scan';
import { URI } from './uri';
import { containerKindOfPath } from '../../shared-rules/engine/container-files';

/** Key store files: the keystore rules read them, so a changed store changes the findings of its deployment.toml. */
export const KEYSTORE_EXTENSIONS = ['.jks', '.jceks', '.p12', '.pfx'];

export const WATCHERS = [
  { globPattern: '**/*deployment*.toml' },
  { globPattern: '**/log4j2*.properties' },
  { globPattern: '**/context.xml' },
  // Carbon 4.4 homes (API-M 2.x, IS 5.x, EI 6.x, ESB 5.0): the path decides (engine/legacy-files.ts).
  { globPattern: '**/conf/**/*.xml' },
  { globPattern: '**/conf/{log4j,security/cipher-text,security/secret-conf}.properties' },
  { globPattern: '**/*.{sh,bat,cmd}' },
  { globPattern: '**/*.{j2,jinja,jinja2,erb,tmpl,tpl,template}' }, // template twins (deployment.toml.j2, api-manager.sh.erb…)
  { globPattern: '**/*.{yaml,yml}' }, // ConfigMaps embedding a checked file; Ingresses and HTTPRoutes; values files (values.yaml, group_vars…)
  // Values files without a YAML name: Puppet manifests, Ansible inventories, group_vars/host_vars files without extension.
  { globPattern: '**/*.pp' },
  { globPattern: '**/{inventory,hosts,hosts.ini,inventory.ini}' },
  { globPattern: '**/{group_vars,host_vars}/**' },
  { globPattern: '**/*.conf' }, // nginx configurations (twins are under the template suffixes above)
  { globPattern: '**/sites-{enabled,available}/*' },
  { globPattern: '**/{Dockerfile,Containerfile,Dockerfile.*,Containerfile.*,*.dockerfile,*.Dockerfile,*.service}' }, // product images and units
  { globPattern: `**/${PROJECT_CONFIG_NAME}` },
  { globPattern: `**/*.{${KEYSTORE_EXTENSIONS.map((e) => e.slice(1)).join(',')}}` },
  { globPattern: '**/*', kind: WatchKind.Create | WatchKind.Delete },
];

export function registerWatchers(connection: Connection): void {
  void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers: WATCHERS });
}

export interface WatchDeps {
  connection: Connection;
  scanner: WorkspaceScanner;
  projects: ProjectFiles;
  /** A project file changed: settings and exclusions may be different everywhere. */
  projectChanged(): void;
  /** Key store files were created, changed or deleted: the deployment.toml files of their product homes are checked again. */
  keystoresChanged(stores: string[]): void;
  /** Every path created, changed or deleted: templates that read it for their values are linted again. */
  pathsChanged?(paths: string[]): void;
  /** Dockerfiles were created, changed or deleted: the compose files that may build them are checked again. */
  dockerfilesChanged?(): void;
}

export async function onWatchedFiles(changes: FileEvent[], deps: WatchDeps): Promise<void> {
  const unique = new Map<string, FileEvent>();
  for (const c of changes) {
    // Dependency and VCS folders churn (npm install, git checkout) and hold nothing we report on.
    if (URI.isFile(c.uri) && !URI.toPath(c.uri).split(path.sep).some((seg) => SKIPPED_FOLDERS.has(seg))) unique.set(`${c.type} ${c.uri}`, c);
  }
  let project = false;
  const stores: string[] = [];
  let dockerfiles = false;
  // Deletions in a row are forgotten together (one pass over the known files), before the next other event.
  let deleted: string[] = [];
  const forget = () => {
    deps.scanner.forget(deleted);
    deleted = [];
  };
  for (const c of unique.values()) {
    const p = URI.toPath(c.uri);
    if (containerKindOfPath(p) === 'dockerfile') dockerfiles = true;
    if (KEYSTORE_EXTENSIONS.includes(path.extname(p).toLowerCase())) {
      stores.push(p);
      continue;
    }
    if (path.basename(p) === PROJECT_CONFIG_NAME) {
      project = true;
      if (c.type === FileChangeType.Deleted) void deps.connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
      continue;
    }
    if (c.type === FileChangeType.Deleted) {
      deleted.push(p);
      continue;
    }
    forget();
    if (c.type === FileChangeType.Created) await deps.scanner.checkCreated(p);
    else if (deps.scanner.candidate(p)) await deps.scanner.checkFile(p);
  }
  forget();
  if (project) {
    deps.projects.invalidate();
    for (const c of unique.values()) {
      const p = URI.toPath(c.uri);
      if (path.basename(p) === PROJECT_CONFIG_NAME && c.type !== FileChangeType.Deleted) deps.projects.load(p);
    }
    deps.projectChanged();
  }
  if (stores.length) deps.keystoresChanged(stores);
  deps.pathsChanged?.([...unique.values()].map((c) => URI.toPath(c.uri)));
  if (dockerfiles) deps.dockerfilesChanged?.();
}
