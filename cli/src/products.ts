// --product: checked against the products and release lines CarbonLint knows, which the error lists.
import { UsageError } from './errors';

/** Release lines with shipped files in the corpus and version-specific rule behaviour (shared-rules/data/products.ts). */
export const KNOWN_PRODUCTS: Record<string, readonly string[]> = {
  apim: ['3.2.0', '4.0.0', '4.1.0', '4.2.0', '4.3.0', '4.4.0', '4.5.0', '4.6.0', '4.7.0'],
  is: ['5.10.0', '5.11.0', '6.0.0', '6.1.0', '7.0.0', '7.1.0', '7.2.0'],
  mi: ['1.2.0', '4.0.0', '4.1.0', '4.2.0', '4.3.0', '4.4.0'],
};

const SHAPE = /^(apim|is|mi)(?:-(\d{1,3})\.(\d{1,3})(?:\.(\d{1,3}))?)?$/;

export function knownProductsText(): string {
  return ['auto', ...Object.entries(KNOWN_PRODUCTS).map(([p, vs]) => `${p}, ${vs.map((v) => `${p}-${v}`).join(', ')}`)].join('\n  ');
}

/** Throws a usage error listing the known values unless `value` is auto, a product, or a product at a known release line. */
export function checkProduct(value: string): void {
  if (value === 'auto') return;
  const m = SHAPE.exec(value);
  // A patch release of a known line (apim-4.2.1) is accepted: rules key on the release line.
  const ok = m && (!m[2] || KNOWN_PRODUCTS[m[1]].some((v) => v.startsWith(`${m[2]}.${m[3]}.`)));
  if (!ok) throw new UsageError(`--product "${value}" is not a product CarbonLint knows; use one of:\n  ${knownProductsText()}`);
}
