// The rule format: one module per rule exports a `Rule` — metadata, check, optional fix, docs and test cases.
import type { OffsetEdit, Span } from './text';
import type { Settings } from './settings';
import type { ProductInfo } from './product';
import type { TomlDocument, EffectiveConfig } from '../parsers/toml/model';
import type { PropertiesDocument } from '../parsers/properties/model';
import type { XmlDocument } from '../parsers/xml/model';
import type { ShellDocument } from '../parsers/shell/model';
import type { LegacyFile } from './legacy-files';
import type { NginxDocument } from '../parsers/nginx/model';
import type { IngressDocument } from '../parsers/ingress/model';
import type { DockerfileDocument } from '../parsers/dockerfile/model';
import type { ComposeDocument } from '../parsers/compose/parse';
import type { UnitDocument } from '../parsers/systemd/parse';
import type { PodDocument } from '../parsers/pod/model';

export type FileKind = 'toml' | 'properties' | 'xml' | 'shell' | 'nginx' | 'ingress' | 'dockerfile' | 'compose' | 'systemd' | 'pod';
export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Product = 'apim' | 'is' | 'mi';

/** What each file kind's rules receive. */
export interface Models {
  toml: { doc: TomlDocument; config: EffectiveConfig };
  properties: { doc: PropertiesDocument };
  xml: { doc: XmlDocument };
  shell: { doc: ShellDocument };
  nginx: { doc: NginxDocument };
  ingress: { doc: IngressDocument };
  dockerfile: { doc: DockerfileDocument };
  compose: { doc: ComposeDocument };
  systemd: { doc: UnitDocument };
  /** Kubernetes pod specs (Deployment, StatefulSet, Pod, … and Helm templates of them). */
  pod: { doc: PodDocument };
}

export interface RuleDocs {
  /** What the rule finds (one or two sentences). */
  what: string;
  /** Why it matters: the risk, in the guideline's terms. */
  why: string;
  /** A failing snippet and its corrected form. */
  example: { bad: string; good: string };
  /** How to fix it by hand, and what the quick fix does. */
  fix: string;
  /** 'safe': the quick fix never changes meaning beyond the hardening; 'unsafe': review it; 'none': no quick fix. */
  fixSafety: 'safe' | 'unsafe' | 'none';
  /** Settings that change what the rule reports (a key of Settings, dotted), for the Options section of its page. */
  options?: ReadonlyArray<RuleOption>;
}

export interface RuleOption {
  /** Dotted key: `carbonlint.<setting>` in the editor, the same path in .carbonlint.json. */
  setting: string;
  default: string;
  values: string;
  description: string;
}

export interface RuleMeta {
  /** kebab-case, stable: used in settings, suppressions, SARIF. */
  id: string;
  title: string;
  /** The exact title from shared/guidelines.md. */
  guideline: string;
  /** Guideline number, e.g. "G18". */
  guidelineId: string;
  severity: Severity;
  kind: FileKind;
  products: readonly Product[];
  docs: RuleDocs;
  /**
   * Sees one way of failing the guideline in a side file (a Dockerfile copying a default keystore): its silence
   * proves nothing, so the readiness report never counts it as the check that passes the guideline.
   */
  supplementary?: boolean;
}

export interface Fix {
  title: string;
  edits: OffsetEdit[];
  /** True when the fix may be applied without review (fix-all, `--fix`). */
  safe: boolean;
  /** Mark as the obvious fix (LSP isPreferred). */
  preferred?: boolean;
}

export interface RelatedInfo {
  span: Span;
  message: string;
}

export interface Finding {
  span: Span;
  /** Never contains a secret's value: name keys and aliases, not what they hold. */
  message: string;
  /** Overrides the rule's default severity for this finding (e.g. a weaker variant). */
  severity?: Severity;
  fix?: Fix;
  related?: RelatedInfo[];
  /** What identifies the finding for fingerprints (baselines, SARIF) when the message holds text that changes with
   * the clock, such as the age of bundled data; defaults to the message. Never a secret, like the message. */
  identity?: string;
  /** The rule cannot decide from the files (an image whose user is not known): the finding says so, and the readiness
   * report lists it as a note rather than failing the guideline on it. */
  undecided?: boolean;
}

/**
 * What a rule may see beyond the file's text: files next to it (keystores named in deployment.toml) and the
 * environment the server or CLI runs in (for `$env{VAR}`). Optional, so rules and callers that need neither work
 * unchanged; lintText supplies a node:fs-backed default.
 */
export interface RuleResources {
  /** The bytes of a file (absolute path); undefined when it is missing, not a regular file, unreadable or too large. Never throws. */
  readFile(absPath: string): Uint8Array | undefined;
  /** Environment variables of the server or CLI process. */
  env: Readonly<Record<string, string | undefined>>;
  /** The product home (absolute), when the caller knows it better than the linted file's path does. */
  productHome?: string;
  /** Current time in milliseconds (certificate expiry); defaults to Date.now(). Tests pin it. */
  now?(): number;
}

export interface RuleContext<K extends FileKind = FileKind> {
  fileName: string;
  text: string;
  model: Models[K];
  settings: Settings;
  product: ProductInfo;
  report(finding: Finding): void;
  /** Files beside the linted one and the process environment; see RuleResources. */
  resources?: RuleResources;
  /** Which Carbon 4.4 configuration file this is (carbon.xml, user-mgt.xml, …); undefined for the TOML-era files. */
  legacyFile?: LegacyFile;
  /**
   * The caller keeps only each finding's span, severity and message (a template's values rendering, LintOptions.bare):
   * a rule may leave out `fix`, `related` and `identity` — never change what it keeps.
   */
  bare?: boolean;
}

export interface ValidCase {
  name?: string;
  code: string;
  /** File name to lint it as (defaults by kind: deployment.toml, log4j2.properties, context.xml, wso2server.sh). */
  fileName?: string;
  settings?: Partial<Settings>;
  /** A stub for the files and environment the rule may read (keystore rules); the default reads the real disk. */
  resources?: RuleResources;
}

export interface InvalidCase extends ValidCase {
  /** Each expected finding: the exact zero-based range [startLine, startChar, endLine, endChar] and message part. */
  errors: Array<{ range: [number, number, number, number]; message?: string | RegExp; severity?: Severity }>;
  /** Text after applying every finding's fix (in one pass); omit when no fix is offered. */
  output?: string;
}

export interface RuleCases {
  valid: ValidCase[];
  invalid: InvalidCase[];
}

/**
 * The same guideline held by another model: the Carbon 4.4 products (API-M 2.x, IS 5.x, EI 6.x, ESB 5.0) keep it in
 * XML or properties files. A variant runs only on the legacy files it names; the rule's own `check` runs on the
 * files of `meta.kind` that are not legacy files. One rule, one id, one guideline, several models.
 */
export interface RuleVariant<K extends FileKind = FileKind> {
  kind: K;
  files: readonly LegacyFile[];
  check(ctx: RuleContext<K> & { legacyFile: LegacyFile }): void;
  /** Cases linted as `fileName` (default: the first of `files` in a legacy home, see legacy-files.ts). */
  cases: RuleCases;
  /** What the variant checks, for the rule page and hover (one or two sentences). */
  what: string;
  example: { bad: string; good: string };
}

export interface Rule<K extends FileKind = FileKind> {
  meta: RuleMeta & { kind: K };
  check(ctx: RuleContext<K>): void;
  cases: RuleCases;
  /** Legacy (Carbon 4.4) variants of this rule; see RuleVariant. */
  legacy?: readonly RuleVariant[];
}

/** The check a rule runs on a file of this kind (and legacy role), if any. */
export function checkFor(rule: Rule, kind: FileKind, legacyFile: LegacyFile | undefined): ((ctx: RuleContext) => void) | undefined {
  if (legacyFile === undefined) return rule.meta.kind === kind ? (rule.check as (ctx: RuleContext) => void) : undefined;
  const v = rule.legacy?.find((x) => x.kind === kind && x.files.includes(legacyFile));
  return v ? (v.check as (ctx: RuleContext) => void) : undefined;
}

/** Every file kind a rule reads (its own and its legacy variants'). */
export function kindsOf(rule: Rule): FileKind[] {
  return [...new Set([rule.meta.kind, ...(rule.legacy ?? []).map((v) => v.kind)])];
}

/** Identity helper that keeps the kind parameter tied to the model type. */
export function defineRule<K extends FileKind>(rule: Rule<K>): Rule<K> {
  return rule;
}

/** Identity helper for a legacy variant: keeps its kind tied to the model type. */
export function defineVariant<K extends FileKind>(variant: RuleVariant<K>): RuleVariant {
  return variant as unknown as RuleVariant;
}
