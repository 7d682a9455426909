// A tolerant, position-aware Dockerfile scanner (docs/decisions.md, "Dockerfiles"): one forward pass over the lines,
// continuation lines joined, comment lines inside an instruction dropped (as BuildKit does), heredoc bodies skipped
// to their delimiter. Every loop advances by at least one character or line: linear in the file's length.
import type { Span } from '../../engine/text';
import { addProblem, type ParseProblem } from '../diagnostics';
import type { DockerfileDocument, DockerInstruction, DockerStage, DockerWord } from './model';

/** Keywords Docker knows; another word at the start of a line is reported once per line (and skipped). */
const KEYWORDS = new Set(['ADD', 'ARG', 'CMD', 'COPY', 'ENTRYPOINT', 'ENV', 'EXPOSE', 'FROM', 'HEALTHCHECK', 'LABEL', 'MAINTAINER',
  'ONBUILD', 'RUN', 'SHELL', 'STOPSIGNAL', 'USER', 'VOLUME', 'WORKDIR']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);
/** `<<EOF`, `<<-EOF`, `<<"EOF"`, `<<'EOF'`: the delimiter word. */
const HEREDOC = /<<(-?)(["']?)([A-Za-z_][A-Za-z0-9_]{0,63})\2/g;
const DIRECTIVE = /^#[ \t]*escape[ \t]*=[ \t]*([\\`])[ \t]*$/i;
const EXEC_FORM = new Set(['CMD', 'ENTRYPOINT', 'RUN', 'SHELL', 'COPY', 'ADD']);

interface Line { start: number; end: number; next: number }

function lines(text: string): Line[] {
  const out: Line[] = [];
  let i = 0;
  while (i <= text.length) {
    let j = i;
    while (j < text.length && text[j] !== '\n' && text[j] !== '\r') j++;
    const next = j >= text.length ? text.length + 1 : text[j] === '\r' && text[j + 1] === '\n' ? j + 2 : j + 1;
    out.push({ start: i, end: j, next });
    if (j >= text.length) break;
    i = next;
  }
  return out;
}

export function parseDockerfile(text: string): DockerfileDocument {
  const problems: ParseProblem[] = [];
  const ls = lines(text);
  let escape = '\\';
  let li = 0;
  // Parser directives: only at the very top, before any other line.
  for (; li < ls.length; li++) {
    const t = text.slice(ls[li].start, ls[li].end).trim();
    const m = DIRECTIVE.exec(t);
    if (m) { escape = m[1]; continue; }
    if (/^#[ \t]*[a-z]+[ \t]*=/i.test(t)) continue; // another directive (syntax=, check=)
    break;
  }
  li = 0;
  const instructions: DockerInstruction[] = [];
  while (li < ls.length) {
    const l = ls[li];
    let s = l.start;
    while (s < l.end && (text[s] === ' ' || text[s] === '\t')) s++;
    if (s >= l.end || text[s] === '#') { li++; continue; }
    let k = s;
    while (k < l.end && /[A-Za-z]/.test(text[k])) k++;
    const keyword = text.slice(s, k).toUpperCase();
    if (!KEYWORDS.has(keyword) || (k < l.end && text[k] !== ' ' && text[k] !== '\t' && text[k] !== escape)) {
      addProblem(problems, { span: { start: s, end: Math.max(k, Math.min(l.end, s + 1)) }, message: `Not a Dockerfile instruction: this line was skipped.`, severity: 'warning', code: 'dockerfile-syntax' });
      li = skipContinued(text, ls, li, escape);
      continue;
    }
    // Collect the argument parts of each physical line until one does not end with the escape character.
    const parts: Span[] = [];
    let cur = k;
    let endLine = li;
    for (;;) {
      const pl = ls[endLine];
      let e = pl.end;
      while (e > cur && (text[e - 1] === ' ' || text[e - 1] === '\t')) e--;
      const continued = e > cur && text[e - 1] === escape && endLine + 1 < ls.length;
      parts.push({ start: cur, end: continued ? e - 1 : e });
      if (!continued) break;
      endLine++;
      // Comment and empty lines inside a continued instruction are dropped.
      while (endLine < ls.length) {
        const t = text.slice(ls[endLine].start, ls[endLine].end).trimStart();
        if (t.startsWith('#') || (t === '' && endLine + 1 < ls.length)) endLine++;
        else break;
      }
      if (endLine >= ls.length) { endLine = ls.length - 1; break; }
      cur = ls[endLine].start;
    }
    const ins = build(text, keyword, { start: s, end: k }, parts, li);
    instructions.push(ins);
    li = endLine + 1;
    if (HEREDOC_KEYWORDS.has(keyword)) li = heredocs(text, ls, li, ins, problems);
  }
  const globalArgs: DockerInstruction[] = [];
  const stages: DockerStage[] = [];
  for (const ins of instructions) {
    if (ins.keyword === 'FROM') {
      const ws = ins.words.filter((w) => !w.value.startsWith('--'));
      const asAt = ws.findIndex((w) => w.value.toLowerCase() === 'as');
      stages.push({ from: ins, image: ws[0], name: asAt >= 0 ? ws[asAt + 1]?.value.toLowerCase() : undefined, instructions: [] });
    } else if (stages.length) stages[stages.length - 1].instructions.push(ins);
    else if (ins.keyword === 'ARG') globalArgs.push(ins);
  }
  return { globalArgs, stages, instructions, escape, problems };
}

function skipContinued(text: string, ls: Line[], li: number, escape: string): number {
  while (li + 1 < ls.length) {
    const t = text.slice(ls[li].start, ls[li].end).trimEnd();
    if (!t.endsWith(escape)) break;
    li++;
  }
  return li + 1;
}

/** Skips the bodies of the instruction's heredocs (in order); an unterminated one runs to the end, with a notice. */
function heredocs(text: string, ls: Line[], li: number, ins: DockerInstruction, problems: ParseProblem[]): number {
  for (const m of ins.args.matchAll(HEREDOC)) {
    const strip = m[1] === '-';
    const name = m[3];
    const start = li < ls.length ? ls[li].start : text.length;
    let end = li;
    while (end < ls.length) {
      let t = text.slice(ls[end].start, ls[end].end);
      if (strip) t = t.replace(/^\t+/, '');
      if (t === name) break;
      end++;
    }
    if (end >= ls.length) {
      addProblem(problems, { span: ins.keywordSpan, message: `Heredoc <<${name} is not closed: the rest of the file is its body.`, severity: 'warning', code: 'dockerfile-syntax' });
      ins.heredocs.push({ name, body: { start, end: text.length } });
      return ls.length;
    }
    ins.heredocs.push({ name, body: { start, end: ls[end].start } });
    li = end + 1;
  }
  return li;
}

function build(text: string, keyword: string, keywordSpan: Span, parts: Span[], line: number): DockerInstruction {
  // Joined arguments and, for each part, where it starts in the joined string (to map words back to the file).
  let args = '';
  const starts: number[] = [];
  for (const p of parts) { starts.push(args.length); args += text.slice(p.start, p.end); }
  // Offsets are asked for in increasing order: a cursor over the parts keeps this linear.
  let pc = 0;
  const toFile = (o: number, end = false): number => {
    while (pc + 1 < starts.length && (starts[pc + 1] < o || (!end && starts[pc + 1] === o))) pc++;
    return parts[pc].start + (o - starts[pc]);
  };
  const words: DockerWord[] = [];
  let i = 0;
  while (i < args.length) {
    while (i < args.length && (args[i] === ' ' || args[i] === '\t')) i++;
    if (i >= args.length) break;
    const ws = i;
    let q = '';
    let value = '';
    while (i < args.length && (q || (args[i] !== ' ' && args[i] !== '\t'))) {
      const c = args[i];
      if (q) { if (c === q) q = ''; else value += c; }
      else if (c === '"' || c === "'") q = c;
      else value += c;
      i++;
    }
    words.push({ raw: args.slice(ws, i), value, span: { start: toFile(ws), end: toFile(i, true) } });
  }
  const end = words.length ? words[words.length - 1].span.end : keywordSpan.end;
  const ins: DockerInstruction = { keyword, keywordSpan, args: args.trim(), words, span: { start: keywordSpan.start, end }, line, heredocs: [] };
  if (EXEC_FORM.has(keyword) && ins.args.startsWith('[')) {
    try {
      const v: unknown = JSON.parse(ins.args);
      if (Array.isArray(v) && v.every((x) => typeof x === 'string')) ins.exec = v as string[];
    } catch { /* shell form after all */ }
  }
  return ins;
}
