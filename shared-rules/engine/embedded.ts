// Files embedded in Kubernetes manifests: a ConfigMap's `data` (or a Secret's `stringData`) whose key is
// `deployment.toml`, `log4j2.properties`, `context.xml` or a product startup script, held in a literal block
// scalar (`|`, `|-`, `|+`). Each is linted as that file through a virtual document (the block's text without its
// indentation, mapped back line by line); quick fixes are re-indented so the YAML stays valid. The manifest may be
// a Helm template: the block's text then goes through template linting like a chart's confs/ file.
// The block is found by its key line and YAML's indentation rule for block scalars, which also holds in a Helm
// template that is not YAML yet. Folded (`>`) and quoted values are read through the YAML CST
// (embedded-scalars.ts); their quick fixes are kept only where the edit maps exactly.
import * as path from 'node:path';
import type { FileKind } from './rule';
import { classify } from './files';
import { LineIndex, type Span } from './text';
import { VirtualBuilder, type VirtualDocument } from './virtual';
import type { LintFinding, LintOptions, LintResult } from './lint';

import { foldedAndQuoted, verbatimIn, type ScalarStyle } from './embedded-scalars';
import { BLOCK_KEY, MANIFEST, YAML_NAME } from './embedded-names';
import { secretDataEntries } from './embedded-base64';

export interface EmbeddedBlock {
  key: string;
  kind: FileKind;
  /** Offset of the key. */
  keyAt: number;
  vdoc: VirtualDocument;
  indent: string;
  /** Set for a folded or quoted value (unset: a literal block). */
  style?: ScalarStyle;
  /** A Secret's base64 `data:` value: every position maps to the key (embedded-base64.ts). */
  base64?: true;
}

export function isManifestName(fileName: string): boolean {
  return YAML_NAME.test(fileName);
}

/** The embedded files of a ConfigMap/Secret manifest, in file order (at most 50). */
export function embeddedBlocks(text: string): EmbeddedBlock[] {
  if (!MANIFEST.test(text)) return [];
  const out: EmbeddedBlock[] = [];
  const index = new LineIndex(text);
  const starts = index.lineStarts;
  for (const m of text.matchAll(BLOCK_KEY)) {
    if (out.length >= 50) break;
    const kind = classify(m[3]);
    if (!kind) continue;
    const keyIndent = m[1].length;
    // Block lines: those after the key line indented deeper than the key, and blank lines between them.
    const keyLine = index.positionAt(m.index!).line;
    let indent: string | undefined;
    const lines: Array<{ start: number; end: number }> = [];
    for (let l = keyLine + 1; l < starts.length; l++) {
      const ls = starts[l];
      const le = l + 1 < starts.length ? starts[l + 1] : text.length;
      const body = text.slice(ls, le).replace(/\r?\n$|\r$/, '');
      if (!body.trim()) {
        lines.push({ start: ls, end: ls + body.length });
        continue;
      }
      const ind = /^[ \t]*/.exec(body)![0];
      if (ind.length <= keyIndent) break;
      indent ??= ind;
      if (!body.startsWith(indent)) break;
      lines.push({ start: ls, end: ls + body.length });
    }
    if (!indent) continue;
    while (lines.length && !text.slice(lines[lines.length - 1].start, lines[lines.length - 1].end).trim()) lines.pop();
    const vb = new VirtualBuilder(text);
    for (const ln of lines) {
      const from = Math.min(ln.start + indent.length, ln.end);
      vb.keep(from, ln.end);
      vb.keep(ln.end, Math.min(ln.end + 1, text.length)); // the line break (LF; CRLF keeps its CR in the line)
    }
    out.push({ key: m[3], kind, keyAt: m.index! + m[1].length, vdoc: vb.build(), indent });
  }
  for (const s of foldedAndQuoted(text, (k) => classify(k) !== undefined)) {
    if (out.length >= 50) break;
    out.push({ key: s.key, kind: classify(s.key)!, keyAt: s.keyAt, vdoc: s.vdoc, indent: '', style: s.style });
  }
  // A Secret's `data:` is base64, whatever its YAML style: read decoded, never as the text it is written as.
  const encoded = secretDataEntries(text, (k) => classify(k) !== undefined);
  if (encoded.length) {
    const keys = new Set(encoded.map((e) => e.keyAt));
    const plain = out.filter((b) => !keys.has(b.keyAt));
    out.length = 0;
    out.push(...plain);
    for (const e of encoded) out.push({ key: e.key, kind: classify(e.key)!, keyAt: e.keyAt, vdoc: e.vdoc, indent: '', base64: true });
  }
  return out.sort((a, b) => a.keyAt - b.keyAt);
}

type LintFn = (fileName: string, text: string, options: LintOptions) => LintResult;

/** Lints every embedded file of a manifest; findings in manifest positions. */
export function lintEmbedded(fileName: string, text: string, options: LintOptions, lint: LintFn): LintResult | undefined {
  const blocks = embeddedBlocks(text);
  if (!blocks.length) return undefined;
  const index = new LineIndex(text);
  const findings: LintFinding[] = [];
  let product: LintResult['product'] | undefined;
  const values: NonNullable<LintResult['values']> = [];
  let placeholders: LintResult['placeholders'];
  for (const b of blocks) {
    // Named as the embedded file beside the manifest, so product detection and template handling see its kind.
    const name = path.join(path.dirname(fileName), b.key);
    const r = lint(name, b.vdoc.text, { ...options, kind: b.kind, embedded: true });
    product ??= r.product;
    if (r.placeholders) {
      placeholders ??= { resolved: 0, protected: 0, unknown: 0 };
      placeholders.resolved += r.placeholders.resolved;
      placeholders.protected += r.placeholders.protected;
      placeholders.unknown += r.placeholders.unknown;
    }
    for (const v of r.values ?? []) {
      const tspan = b.vdoc.spanToSource(v.template.span);
      const trange = index.range(tspan);
      const used = `value used by ${b.key}:${v.template.range.start.line + 1}`;
      const message = v.finding.message.replace(used, `value used by ${path.basename(fileName)}:${trange.start.line + 1}`);
      const related = v.finding.related?.map((x) => ({ ...x, span: tspan, range: trange, file: fileName }));
      values.push({ ...v, finding: { ...v.finding, message, ...(related ? { related } : {}) }, template: { file: fileName, span: tspan, range: trange } });
    }
    const map = (s: Span): Span => b.vdoc.spanToSource(s);
    for (const f of r.findings) {
      const span = map(f.span);
      // Base64 data: the decoded line number tells where in the file; nothing of its text is quoted.
      const where = b.base64 ? `in ${b.key}, base64 \`data\`, decoded line ${b.vdoc.text.slice(0, f.span.start).split('\n').length}` : `in ${b.key}`;
      const out: LintFinding = { ...f, span, range: index.range(span), message: `${f.message} (${where})` };
      // A folded or quoted value takes a fix only where every edit is a verbatim stretch written verbatim.
      const style = b.style;
      const exact = !style || !f.fix || f.fix.edits.every((e) => b.vdoc.contiguous(e) && verbatimIn(style, e.newText));
      // No quick fix in base64 data: the edit would have to re-encode the whole value, a change nobody can review
      // in the editor (the diff is base64 on both sides), and the finding's range is the key, not the text it fixes.
      if (f.fix && exact && !b.base64) {
        out.fix = {
          ...f.fix,
          edits: f.fix.edits.map((e) => {
            const s = map(e);
            // New lines of the embedded file get the block's indentation — except after a line break that ends an
            // edit at the very end of the block: the line after it is YAML again (`---`, the next key).
            const atEnd = e.end >= b.vdoc.text.length && e.newText.endsWith('\n');
            const body = atEnd ? e.newText.slice(0, -1) : e.newText;
            return { start: s.start, end: s.end, newText: body.replace(/\n/g, `\n${b.indent}`) + (atEnd ? '\n' : ''), range: index.range(s) };
          }),
        };
      }
      else delete out.fix;
      if (f.related) out.related = f.related.map((x) => { const s = map(x.span); return { ...x, span: s, range: index.range(s) }; });
      findings.push(out);
    }
  }
  findings.sort((a, b) => a.span.start - b.span.start || a.ruleId.localeCompare(b.ruleId));
  const result: LintResult = { kind: blocks[0].kind, product: product!, findings };
  if (values.length) result.values = values;
  if (placeholders) result.placeholders = placeholders;
  return result;
}
