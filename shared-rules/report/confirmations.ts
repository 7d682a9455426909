// The "confirmations" section of .carbonlint.json: who confirmed a manual guideline's checklist, when, and for
// which product version — kept in the repository so the readiness report tracks them over time.
//   "confirmations": { "maxAgeDays": 180,
//     "G30": { "by": "ops@example.com", "date": "2026-11-01", "note": "iptables baseline", "items": [0, 1, 2], "product": "apim-4.2.0" } }
import type { ConfigError } from '../engine/project-config';
import { GUIDELINES } from '../guidelines';
import { CHECKLISTS } from './checklists';
import { compareVersions } from '../data/products';

export const DEFAULT_MAX_AGE_DAYS = 180;

export interface Confirmation {
  by: string;
  /** YYYY-MM-DD */
  date: string;
  note?: string;
  /** Indexes of the checklist items confirmed; absent = all of them. */
  items?: number[];
  /** The product (and version) it was confirmed for, e.g. "apim-4.2.0". */
  product?: string;
}

export interface Confirmations {
  maxAgeDays: number;
  byGuideline: Record<string, Confirmation>;
}

const IDS = new Set(GUIDELINES.map((g) => g.id));
const FIELDS = new Set(['by', 'date', 'note', 'items', 'product']);
const PRODUCT = /^(apim|is|mi)(-\d+\.\d+(\.\d+)?)?$/;

export function isIsoDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const d = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
}

/** Validates the section; every error names its key (confirmations.G30.date). */
export function parseConfirmations(raw: unknown): { value: Confirmations; errors: ConfigError[] } {
  const value: Confirmations = { maxAgeDays: DEFAULT_MAX_AGE_DAYS, byGuideline: {} };
  const errors: ConfigError[] = [];
  if (raw === undefined) return { value, errors };
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { value, errors: [{ key: 'confirmations', message: 'must be an object of guideline id → confirmation' }] };
  for (const [id, c] of Object.entries(raw as Record<string, unknown>)) {
    const key = `confirmations.${id}`;
    if (id === 'maxAgeDays') {
      if (typeof c !== 'number' || !Number.isInteger(c) || c < 1) errors.push({ key, message: 'must be a whole number of days, 1 or more' });
      else value.maxAgeDays = c;
      continue;
    }
    if (!IDS.has(id)) {
      errors.push({ key, message: 'unknown guideline (use G01 … G42, or maxAgeDays)' });
      continue;
    }
    if (!c || typeof c !== 'object' || Array.isArray(c)) {
      errors.push({ key, message: 'must be an object with "by" and "date"' });
      continue;
    }
    const o = c as Record<string, unknown>;
    const before = errors.length;
    for (const f of Object.keys(o)) if (!FIELDS.has(f)) errors.push({ key: `${key}.${f}`, message: 'unknown field (by, date, note, items, product)' });
    if (typeof o.by !== 'string' || !o.by.trim()) errors.push({ key: `${key}.by`, message: 'must name who confirmed it' });
    if (typeof o.date !== 'string' || !isIsoDate(o.date)) errors.push({ key: `${key}.date`, message: 'must be a date, YYYY-MM-DD' });
    if (o.note !== undefined && typeof o.note !== 'string') errors.push({ key: `${key}.note`, message: 'must be a string' });
    const n = CHECKLISTS[id]?.items.length ?? 0;
    if (o.items !== undefined && (!Array.isArray(o.items) || o.items.some((i) => !Number.isInteger(i) || i < 0 || i >= n))) {
      errors.push({ key: `${key}.items`, message: `must be an array of checklist item numbers 0 … ${n - 1}` });
    }
    if (o.product !== undefined && (typeof o.product !== 'string' || !PRODUCT.test(o.product))) errors.push({ key: `${key}.product`, message: 'must be a product such as "apim-4.2.0", "is-7.0.0", "mi-4.3.0"' });
    if (errors.length === before) value.byGuideline[id] = o as unknown as Confirmation;
  }
  return { value, errors };
}

export type ConfirmationState = 'confirmed' | 'partial' | 'stale' | 'unconfirmed';

/**
 * A confirmation's state today: stale when older than maxAgeDays or given for an older version of a product
 * this workspace now runs; partial when some checklist items are not confirmed.
 */
export function confirmationState(
  c: Confirmation | undefined, itemCount: number, now: Date, maxAgeDays: number, products: ReadonlyArray<{ product: string; version?: string; versions?: string[] }>,
): { state: ConfirmationState; reasons: string[] } {
  if (!c) return { state: 'unconfirmed', reasons: ['Not confirmed yet.'] };
  const reasons: string[] = [];
  const age = Math.floor((now.getTime() - Date.parse(`${c.date}T00:00:00Z`)) / 86_400_000);
  if (age > maxAgeDays) reasons.push(`Confirmed ${age} days ago; confirmations expire after ${maxAgeDays} days.`);
  if (c.product) {
    const [p, v] = c.product.split(/-(.*)/s);
    for (const d of products) {
      // Any release in the tree newer than the one confirmed makes the confirmation stale.
      const newer = (d.versions ?? (d.version ? [d.version] : [])).filter((dv) => v && compareVersions(dv, v) > 0);
      if (d.product === p && newer.length) reasons.push(`Confirmed for ${c.product}; this workspace has ${newer.map((dv) => `${p}-${dv}`).join(', ')}.`);
    }
  }
  if (reasons.length) return { state: 'stale', reasons };
  const items = c.items ?? [...Array(itemCount).keys()];
  const missing = [...Array(itemCount).keys()].filter((i) => !items.includes(i));
  if (missing.length) return { state: 'partial', reasons: [`Items not confirmed: ${missing.map((i) => i + 1).join(', ')}.`] };
  return { state: 'confirmed', reasons: [] };
}
