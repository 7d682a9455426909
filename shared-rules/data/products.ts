// Product facts that detection and messages need: display names, release lines → Carbon kernel line, and the
// API-M 4.5+ split distributions. Source: shared/research/wso2-config-map.md §1 (product pom.xml kernel versions).
import type { Product } from '../engine/rule';

export type Distribution = 'all-in-one' | 'control-plane' | 'gateway' | 'traffic-manager' | 'key-manager';

export const PRODUCT_NAMES: Record<Product, string> = {
  apim: 'API Manager',
  is: 'Identity Server',
  mi: 'Micro Integrator',
};

/**
 * Carbon kernel line per product release line (the greatest listed line ≤ the version applies). MI has its own
 * config tool and no Carbon kernel default.json, so it has no entry.
 */
const KERNEL_LINES: Record<Product, ReadonlyArray<readonly [string, string]>> = {
  apim: [['3.2', '4.6'], ['4.0', '4.6'], ['4.2', '4.8'], ['4.4', '4.9'], ['4.5', '4.9'], ['4.6', '4.9'], ['4.7', '4.9']],
  is: [['5.10', '4.6'], ['5.11', '4.6'], ['6.0', '4.9'], ['6.1', '4.9'], ['7.0', '4.10'], ['7.1', '4.10'], ['7.2', '4.10']],
  mi: [],
};

/** Numeric comparison of dotted versions ("4.10" > "4.9"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = versionParts(a);
  const pb = versionParts(b);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

// Each rule and detection compares the same few version strings on every lint: each is split once. A pure function
// of the string (nothing can go stale); bounded, then started afresh. The parts are only read.
const PARTS = new Map<string, readonly number[]>();

function versionParts(v: string): readonly number[] {
  let p = PARTS.get(v);
  if (p === undefined) {
    p = v.split('.').map((n) => parseInt(n, 10) || 0);
    if (PARTS.size >= 512) PARTS.clear();
    PARTS.set(v, p);
  }
  return p;
}

/** The Carbon kernel line (e.g. "4.9") of a product release, when known. */
export function kernelLine(product: Product, version: string | undefined): string | undefined {
  if (!version) return undefined;
  let found: string | undefined;
  for (const [line, kernel] of KERNEL_LINES[product]) {
    if (compareVersions(line, version) <= 0) found = kernel;
  }
  return found;
}

/** API-M release lines that ship separate distributions (control plane, gateway, traffic manager). */
export const APIM_SPLIT_SINCE = '4.5';

/** Startup scripts beside (or in bin/ above) a deployment.toml, and what each one says about the install. */
export const SCRIPT_HINTS: ReadonlyArray<{ script: string; product: Product; distribution?: Distribution }> = [
  { script: 'api-cp.sh', product: 'apim', distribution: 'control-plane' },
  { script: 'gateway.sh', product: 'apim', distribution: 'gateway' },
  { script: 'traffic-manager.sh', product: 'apim', distribution: 'traffic-manager' },
  { script: 'key-manager.sh', product: 'apim', distribution: 'key-manager' },
  { script: 'api-manager.sh', product: 'apim', distribution: 'all-in-one' },
  { script: 'micro-integrator.sh', product: 'mi' },
];
