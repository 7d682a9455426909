// Parses a file of a given kind into the model its rules read, plus the file-level problems found.
import type { FileKind, Models } from './rule';
import type { ParseProblem } from '../parsers/diagnostics';
import type { Span } from './text';
import { parseToml } from '../parsers/toml/parse';
import { effectiveConfig } from '../parsers/toml/effective';
import { parseProperties } from '../parsers/properties/parse';
import { parseXml } from '../parsers/xml/parse';
import { parseShell } from '../parsers/shell/parse';
import { parseNginx } from '../parsers/nginx/parse';
import { parseIngress } from '../parsers/ingress/parse';
import { mentionsManagementPort } from './nginx-files';
import { parseDockerfile } from '../parsers/dockerfile/parse';
import { parseCompose } from '../parsers/compose/parse';
import { parseUnit } from '../parsers/systemd/parse';
import { parsePodManifest } from '../parsers/pod/parse';

export interface Parsed<K extends FileKind> {
  model: Models[K];
  problems: ParseProblem[];
}

/** `invalidUtf8At`: where the reader decoded bytes that are not UTF-8 (TOML files must be UTF-8). */
export function parseModel<K extends FileKind>(kind: K, text: string, fileName: string, read: { invalidUtf8At?: number; templated?: boolean; templateSpans?: readonly Span[] } = {}): Parsed<K> {
  switch (kind) {
    case 'toml': {
      const doc = parseToml(text, read);
      return { model: { doc, config: effectiveConfig(doc) }, problems: doc.problems } as unknown as Parsed<K>;
    }
    case 'properties': {
      const doc = parseProperties(text);
      return { model: { doc }, problems: doc.problems ?? [] } as unknown as Parsed<K>;
    }
    case 'xml': {
      const doc = parseXml(text);
      return { model: { doc }, problems: doc.problems } as unknown as Parsed<K>;
    }
    case 'shell':
      return { model: { doc: parseShell(text, fileName) }, problems: [] } as unknown as Parsed<K>;
    case 'nginx': {
      const doc = parseNginx(text);
      // A proxy of another project (no product port in it) gets no notice either.
      return { model: { doc }, problems: mentionsManagementPort(text) ? doc.problems : [] } as unknown as Parsed<K>;
    }
    case 'ingress': {
      const doc = parseIngress(text);
      return { model: { doc }, problems: mentionsManagementPort(text) ? doc.problems : [] } as unknown as Parsed<K>;
    }
    case 'dockerfile': {
      const doc = parseDockerfile(text);
      return { model: { doc }, problems: doc.problems } as unknown as Parsed<K>;
    }
    case 'compose': {
      const doc = parseCompose(text);
      return { model: { doc }, problems: doc.problems } as unknown as Parsed<K>;
    }
    case 'systemd':
      return { model: { doc: parseUnit(text) }, problems: [] } as unknown as Parsed<K>;
    case 'pod': {
      // A rendered template branch is not YAML everywhere (template output stands for lines): no syntax notice there.
      const doc = parsePodManifest(text, { templated: read.templated });
      return { model: { doc }, problems: doc.problems } as unknown as Parsed<K>;
    }
  }
  throw new Error(`unknown kind ${kind as string}`);
}
