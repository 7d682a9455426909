// One lint's view of the stores: resolve every reference, read each file once (an unchanged one on disk not at all, see store-files.ts), open it once with a configured
// password, and group the tables that share a file so each store is reported once. Shared by the keystore rules
// of one lintText call (memoised on the parsed model, which that call creates once).
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { RelatedInfo, RuleContext } from '../engine/rule';
import type { Span } from '../engine/text';
import { openStoreFile, type AnalyzedEntry, type OpenResult } from './open';
import { forgetStore, isDiskResources, readStore, type StoreFile } from './store-files';
import type { CertificateFacts } from './certificate';
import { OUTSIDE_MESSAGE, outsideByName, outsideRoots } from './confine';
import { hasDiskSnapshot, knownAbsent } from '../engine/disk-snapshot';
import { productLayout, storeRefs, tableLabel, type Password, type StoreRef } from './resolve';
import { Budget, withBudget } from './budget';

/** Bigger "keystores" get an information finding instead of a parse (forge's RC2 runs at about 0.2 MB/s). */
export const MAX_STORE_BYTES = 1024 * 1024;

export type InspectResult = OpenResult | { ok: false; problem: 'password-unknown' | 'too-large' | 'outside'; message: string };

export interface InspectedStore {
  /** The store file as shown in messages: relative to the product home when inside it. */
  display: string;
  /** "Keystore" or "Truststore" (a file used as both is a keystore). */
  noun: 'Keystore' | 'Truststore';
  /** The tables that use this file, e.g. "[keystore.tls], [keystore.primary], [keystore.internal]". */
  tables: string;
  /** True when some table uses the file as the truststore: its trusted entries are what the server trusts. */
  truststore: boolean;
  /** Where its findings go, and the other tables that name it. */
  span: Span;
  related: RelatedInfo[];
  /** How the password that opened it (or failed to) was given, for messages; never the password. */
  passwordOrigin?: string;
  result: InspectResult;
}

const memo = new WeakMap<object, InspectedStore[]>();

export function inspectStores(ctx: RuleContext<'toml'>): InspectedStore[] {
  let stores = memo.get(ctx.model);
  if (!stores) {
    // One budget (iterations, bytes, time) for every store this file names: see budget.ts.
    stores = withBudget(new Budget(), () => inspect(ctx));
    memo.set(ctx.model, stores);
  }
  return stores;
}

function inspect(ctx: RuleContext<'toml'>): InspectedStore[] {
  // One result array, filled by push, for every return: V8 then gives the lists it returns one element kind, where
  // `[]` here and `[...groups].map(…)` there gave three, and each rule looping over them was recompiled as each turned
  // up (round 7, issue 22).
  const out: InspectedStore[] = [];
  const resources = ctx.resources;
  if (!resources) return out;
  const layout = productLayout(ctx.fileName, resources, ctx.product);
  if (!layout) return out;
  const filesOf = new Map<string, StoreFile | undefined>();
  // A store that is not in the workspace is not reported: it may well be deployed separately (a secret mount).
  // A file_name that leads out of the product home is never opened (confine.ts): it gets a notice.
  const roots = [layout.home, ...(resources.productHome ? [resources.productHome] : [])];
  // A CLI run's snapshot already answers for every file under its walk without a call (knownAbsent): not needed there.
  const absentDir = absentFolders(isDiskResources(resources) && !hasDiskSnapshot());
  // The tables share candidates (tls and internal inherit primary's): each is asked once per lint.
  const outsideOf = new Map<string, boolean>();
  const isOutside = (c: string) => {
    let o = outsideOf.get(c);
    if (o === undefined) outsideOf.set(c, (o = absentDir(c) ? outsideByName(c, roots) : outsideRoots(c, roots)));
    return o;
  };
  const read = (p: string) => {
    if (!filesOf.has(p)) {
      const gone = absentDir(p);
      if (gone) forgetStore(p);
      filesOf.set(p, gone ? undefined : readStore(resources, p));
    }
    return filesOf.get(p);
  };
  const groups = new Map<string, StoreRef[]>();
  const outside = new Set<string>();
  for (const ref of storeRefs(ctx.model.config, layout, resources, ctx.product)) {
    const inside = ref.candidates.filter((c) => !isOutside(c));
    const file = inside.find((c) => read(c) !== undefined) ?? (ref.ownFile && !inside.length && ref.candidates.length ? ref.candidates[0] : undefined);
    if (!file) continue;
    if (!inside.length) outside.add(file);
    groups.set(file, [...(groups.get(file) ?? []), ref]);
  }
  for (const [file, refs] of groups) {
    // The table that writes file_name itself carries the finding; the others are related information.
    const ordered = [...refs.filter((r) => r.ownFile), ...refs.filter((r) => !r.ownFile)];
    const main = ordered[0];
    const rel = path.relative(layout.home, file);
    const truststore = refs.some((r) => r.role === 'truststore');
    const related = ordered.slice(1).filter((r) => r.span.start !== main.span.start || r.span.end !== main.span.end)
      .map((r) => ({ span: r.span, message: `${tableLabel(r.role)} uses the same store.` }));
    const { result, origin } = outside.has(file) ? { result: { ok: false as const, problem: 'outside' as const, message: OUTSIDE_MESSAGE }, origin: undefined } : open(read(file)!, ordered.map((r) => r.password));
    out.push({
      display: rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file,
      noun: refs.every((r) => r.role === 'truststore') ? 'Truststore' : 'Keystore',
      tables: ordered.map((r) => tableLabel(r.role)).join(', '),
      truststore,
      span: main.span,
      related,
      passwordOrigin: origin,
      result,
    });
  }
  return out;
}

/**
 * For one lint on the real disk: whether a candidate's folder is absent, asked once per folder. A file in an absent
 * folder is absent too, so its lstat (confine) and stat (store-files) are skipped: a configuration outside a product
 * tree (or one without repository/resources/security) probed every candidate twice per keystroke. Never remembered
 * across lints: a folder created since is looked into at once. Other resources may serve files the disk lacks.
 */
function absentFolders(disk: boolean): (file: string) => boolean {
  if (!disk) return () => false;
  const absent = new Map<string, boolean>();
  return (file) => {
    const dir = path.dirname(path.resolve(file));
    let a = absent.get(dir);
    if (a === undefined) {
      try {
        a = knownAbsent(dir) || !fs.lstatSync(dir, { throwIfNoEntry: false });
      } catch {
        a = false; // not a plain "no such folder" (ENOTDIR, EACCES): ask about the file itself, as before
      }
      absent.set(dir, a);
    }
    return a;
  };
}

/** Tries each configured password once (the tables of a group may name different ones); never a guess. */
function open(file: StoreFile, passwords: Password[]): { result: InspectResult; origin?: string } {
  if (file.size > MAX_STORE_BYTES) return { result: { ok: false, problem: 'too-large', message: `the file is larger than ${MAX_STORE_BYTES / 1024 / 1024} MiB` } };
  const known = passwords.filter((p): p is Extract<Password, { known: true }> => p.known);
  if (known.length === 0) {
    const first = passwords.find((p): p is Extract<Password, { known: false }> => !p.known);
    return { result: { ok: false, problem: 'password-unknown', message: first?.reason ?? 'its password is unknown' } };
  }
  const tried = new Set<string>();
  let failure: { result: InspectResult; origin?: string } | undefined;
  for (const p of known) {
    if (tried.has(p.value)) continue;
    tried.add(p.value);
    const result = openStoreFile(file, p.value);
    if (result.ok || result.problem !== 'wrong-password') return { result, origin: describe(p) };
    failure ??= { result, origin: describe(p) };
  }
  return failure!;
}

function describe(p: Extract<Password, { known: true }>): string {
  switch (p.origin) {
    case 'default': return 'the shipped default password (no password key is set)';
    case 'env': return `the password from the environment variable ${p.envVar}`;
    case 'plain-secret': return 'the still-unencrypted [secrets] password';
    default: return 'the configured password';
  }
}

/** The finding's location and related tables for a store. */
export function at(store: InspectedStore): { span: Span; related?: RelatedInfo[] } {
  return { span: store.span, related: store.related.length ? store.related : undefined };
}

/** How messages name a store: "Keystore repository/resources/security/wso2carbon.jks ([keystore.tls], [keystore.primary])". */
export function storeName(store: InspectedStore, midSentence = false): string {
  return `${midSentence ? store.noun.toLowerCase() : store.noun} ${store.display} (${store.tables})`;
}

/** Opened stores only, with their entries that have a parsed certificate. */
export function openedStores(ctx: RuleContext<'toml'>): Array<{ store: InspectedStore; entries: Array<AnalyzedEntry & { cert: CertificateFacts }> }> {
  const out = [];
  for (const store of inspectStores(ctx)) {
    if (!store.result.ok) continue;
    out.push({ store, entries: store.result.entries.filter((e): e is AnalyzedEntry & { cert: CertificateFacts } => e.cert !== undefined) });
  }
  return out;
}
