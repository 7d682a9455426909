// Product detection's literal prefilter in one pass. Every content marker (data/product-markers.ts) runs its regex
// only when one of its literal needles occurs in the text; asking `text.includes` for each of ~30 needles scanned
// every file ~30 times. Here one regex of all the needles (plain literals, no quantifiers: linear in the text) finds
// each occurrence once, and `presentNeedles` returns exactly the set { n : text.includes(n) }:
// the alternatives are ordered longest first and the search restarts one character after each match, so at every
// position the longest needle found there is reported, and every needle found at that position is a prefix of it
// (PREFIXES adds those).
import { CONTENT_MARKERS, IS_VERSION_HINTS } from '../data/product-markers';

/** Needles detection asks about beside the markers' (the Integration Control Plane's tables, product.ts). */
const EXTRA = ['icp_server'];

const NEEDLES = [...new Set([...Object.values(CONTENT_MARKERS).flat(), ...IS_VERSION_HINTS].flatMap((m) => m.needles).concat(EXTRA))]
  .sort((a, b) => b.length - a.length || (a < b ? -1 : 1));
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ANY = new RegExp(NEEDLES.map(escape).join('|'), 'g');
const PREFIXES = new Map(NEEDLES.map((m) => [m, NEEDLES.filter((n) => m.startsWith(n))]));

/** Which of detection's needles occur in `text` (same answer as `includes` for each; one pass). */
export function presentNeedles(text: string): ReadonlySet<string> {
  const found = new Set<string>();
  ANY.lastIndex = 0;
  // Bounded: lastIndex grows by at least one each turn.
  for (let m = ANY.exec(text); m !== null; m = ANY.exec(text)) {
    for (const n of PREFIXES.get(m[0])!) found.add(n);
    ANY.lastIndex = m.index + 1;
  }
  return found;
}

/** For tests: every needle the scan knows. */
export const DETECTION_NEEDLES: readonly string[] = NEEDLES;
