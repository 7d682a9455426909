// XML well-formedness against James Clark's XMLTEST cases (not-wf/sa and valid/sa, standalone documents). The
// collection may not be redistributed except as the original xmltest.zip, so it is not in this repository: pass
// its folder (the one holding not-wf/ and valid/). A valid document must parse without an error; a not-well-formed one
// must get at least one. CarbonLint never reads DTDs (by design, for safety), so cases whose fault lies inside the
// DOCTYPE's internal subset are counted apart.
// Run: node --import tsx scripts/conformance/xml.ts <xmltest-folder> [--list]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseXml } from '../../shared-rules/parsers/xml/parse';

export interface XmlOutcome {
  valid: { total: number; accepted: number; rejected: string[] };
  notWf: { total: number; rejected: number; accepted: string[]; acceptedInDtd: string[] };
}

function files(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.xml')).sort().map((f) => path.join(dir, f)) : [];
}

/** Whether the document's fault can only be inside its DOCTYPE (it has an internal subset `[ … ]`). */
function hasInternalSubset(text: string): boolean {
  return /<!DOCTYPE[^>[]*\[/.test(text);
}

export function xmlConformance(root: string): XmlOutcome {
  // As an editor opens it: UTF-16 by its byte order mark, else UTF-8.
  const read = (f: string) => {
    const b = fs.readFileSync(f);
    const enc = b[0] === 0xff && b[1] === 0xfe ? 'utf-16le' : b[0] === 0xfe && b[1] === 0xff ? 'utf-16be' : 'utf-8';
    return new TextDecoder(enc).decode(b);
  };
  const errors = (t: string) => parseXml(t).problems.some((p) => p.severity === 'error');
  const out: XmlOutcome = { valid: { total: 0, accepted: 0, rejected: [] }, notWf: { total: 0, rejected: 0, accepted: [], acceptedInDtd: [] } };
  for (const f of files(path.join(root, 'valid', 'sa'))) {
    out.valid.total++;
    if (errors(read(f))) out.valid.rejected.push(path.relative(root, f));
    else out.valid.accepted++;
  }
  for (const f of files(path.join(root, 'not-wf', 'sa'))) {
    out.notWf.total++;
    const t = read(f);
    if (errors(t)) out.notWf.rejected++;
    else (hasInternalSubset(t) ? out.notWf.acceptedInDtd : out.notWf.accepted).push(path.relative(root, f));
  }
  return out;
}

if (require.main === module) {
  const dir = process.argv[2];
  if (!dir || !fs.existsSync(dir)) {
    console.error('usage: xml.ts <xmltest folder holding not-wf/ and valid/>');
    process.exit(2);
  }
  const o = xmlConformance(dir);
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(b, 1)).toFixed(1)}%`;
  const outsideDtd = o.notWf.total - o.notWf.acceptedInDtd.length;
  console.log(`valid/sa:  ${o.valid.accepted}/${o.valid.total} accepted (${pct(o.valid.accepted, o.valid.total)})`);
  console.log(`not-wf/sa: ${o.notWf.rejected}/${o.notWf.total} rejected (${pct(o.notWf.rejected, o.notWf.total)}); ${o.notWf.acceptedInDtd.length} accepted have the fault in a DOCTYPE internal subset (never read); outside DTDs: ${o.notWf.rejected}/${outsideDtd} (${pct(o.notWf.rejected, outsideDtd)})`);
  if (process.argv.includes('--list')) {
    for (const r of o.valid.rejected) console.log(`valid rejected: ${r}`);
    for (const r of o.notWf.accepted) console.log(`not-wf accepted: ${r}`);
  }
}
