// Words and symbols for statuses, shared by the Markdown and HTML renderers.
import type { ConfirmationState } from './confirmations';
import type { Entry, ReadinessReport, Status } from './model';

export const STATUS_LABEL: Record<Status, string> = { passed: 'passed', failed: 'failed', 'not-applicable': 'not applicable', manual: 'manual' };
export const STATUS_ICON: Record<Status, string> = { passed: '✅', failed: '❌', 'not-applicable': '➖', manual: '📋' };
export const CONFIRMATION_LABEL: Record<ConfirmationState, string> = { confirmed: 'confirmed', partial: 'partly confirmed', stale: 'confirmation stale', unconfirmed: 'to confirm' };

/** An entry's label: a guideline that is partly checkable and whose checks read files says "partly checked", not "manual". */
export function entryLabel(e: Pick<Entry, 'status' | 'checkable' | 'checked'>): string {
  return e.status === 'manual' && e.checkable === 'partial' && e.checked.length ? 'partly checked' : STATUS_LABEL[e.status];
}

/** "API Manager 4.2.0 / 4.6.0 (WSO2), Micro Integrator 4.3.0 (MWARE)" or "none detected" (every version the tree holds). */
export function productsLine(r: ReadinessReport): string {
  if (!r.products.length) return 'none detected';
  return r.products.map((p) => {
    const versions = p.versions ?? (p.version ? [p.version] : []);
    return `${p.name}${versions.length ? ` ${versions.join(' / ')}` : ''}${p.kernel ? ` on ${p.kernel}` : ''} (${p.brand})`;
  }).join(', ');
}

/** The link to a finding's file; renderers default to the workspace-relative path. */
export type LinkFn = (file: string, line?: number) => string;
export const defaultLink: LinkFn = (file) => file.split('/').map(encodeURIComponent).join('/');
