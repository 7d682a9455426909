// Mutations of a seed file. Pure functions of (text, parameters): positions are fractions in [0, 1), so a mutation
// means the same thing on any text and fast-check can shrink it. Byte-level ones go through UTF-8 and back, as a
// file read with readFileSync(…, 'utf8') does (invalid sequences become U+FFFD).
import type { FileKind } from '../../shared-rules/engine/rule';

export type Mutation =
  | { op: 'flip'; at: number; mask: number }
  | { op: 'truncate'; at: number }
  | { op: 'truncateLine'; at: number }
  | { op: 'shuffle'; seed: number; swaps: number }
  | { op: 'insertLine'; at: number; text: string }
  | { op: 'insertInline'; at: number; text: string }
  | { op: 'crlf' }
  | { op: 'cr' }
  | { op: 'bom' }
  | { op: 'badUtf8'; at: number; which: number }
  | { op: 'nul'; at: number }
  | { op: 'loneSurrogate'; at: number; high: boolean }
  | { op: 'dupLine'; at: number; times: number }
  | { op: 'delete'; at: number; len: number };

/** Template text as Helm/Go and Jinja charts leave it in rendered-from files (and broken variants). */
export const TEMPLATES = [
  '{{ .Values.x }}', '{{- if .Values.enabled }}', '{{ end }}', '{{- end -}}', '{{ else }}', '{% if x %}', '{% endif %}',
  '{# note #}', '{{', '}}', '{%', '{{ .Values.password | quote }}', '{{/* c */}}', '{{ $k := .x }}',
  '{{ range $i, $e := .Values.list }}', '"{{ .Values.s }}"', '{{ .Values.a }}.{{ .Values.b }}',
];

export const COMMENTS: Record<FileKind, string[]> = {
  toml: ['# comment', '#', '# [secrets]', '#password = "x"'],
  properties: ['# comment', '! comment', '#\\', '! appender.x = y'],
  xml: ['<!-- comment -->', '<!--', '-->', '<!-- <Manager sessionIdLength="8"/> -->', '<!---->'],
  shell: ['# comment', '#!/bin/sh', ': <<\'C\'\nC', '# java -Djdk.tls.ephemeralDHKeySize=512'],
  nginx: ['# comment', '#', '# location /carbon { deny all; }'],
  ingress: ['# comment', '#', '# kind: Ingress'],
  dockerfile: ['# comment', '# escape=`', '# USER 10001', '#\\'],
  compose: ['# comment', '#', '# user: "0"'],
  systemd: ['# comment', '; comment', '#User=wso2carbon'],
  pod: ['# comment', '#', '# runAsUser: 0'],
};

/** Byte sequences that are not UTF-8: lone continuation, truncated lead, overlong, surrogate, out of range. */
const BAD_UTF8 = [[0x80], [0xc3], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xf4, 0x90, 0x80, 0x80], [0xff, 0xfe], [0xe2, 0x82]];

const pos = (at: number, len: number): number => Math.min(len, Math.max(0, Math.floor(at * (len + 1))));

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) s.push(i + 1);
  return s;
}

function viaBytes(text: string, f: (b: Buffer) => Buffer): string {
  return f(Buffer.from(text, 'utf8')).toString('utf8');
}

/** A small deterministic PRNG (mulberry32) for the shuffle, so the mutation stays a pure function of its seed. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function mutate(text: string, m: Mutation): string {
  switch (m.op) {
    case 'flip':
      return viaBytes(text, (b) => {
        if (b.length === 0) return b;
        const i = Math.min(b.length - 1, Math.floor(m.at * b.length));
        b[i] ^= m.mask || 1;
        return b;
      });
    case 'truncate':
      return text.slice(0, pos(m.at, text.length));
    case 'truncateLine': {
      const s = lineStarts(text);
      return text.slice(0, s[Math.min(s.length - 1, Math.floor(m.at * s.length))]);
    }
    case 'shuffle': {
      const lines = text.split('\n');
      const r = prng(m.seed);
      for (let k = 0; k < m.swaps && lines.length > 1; k++) {
        const i = Math.floor(r() * lines.length);
        const j = Math.floor(r() * lines.length);
        [lines[i], lines[j]] = [lines[j], lines[i]];
      }
      return lines.join('\n');
    }
    case 'insertLine': {
      const s = lineStarts(text);
      const at = s[Math.min(s.length - 1, Math.floor(m.at * s.length))];
      return text.slice(0, at) + m.text + '\n' + text.slice(at);
    }
    case 'insertInline': {
      const at = pos(m.at, text.length);
      return text.slice(0, at) + m.text + text.slice(at);
    }
    case 'crlf':
      return text.replace(/\r?\n/g, '\r\n');
    case 'cr':
      return text.replace(/\r?\n/g, '\r');
    case 'bom':
      return '\ufeff' + text;
    case 'badUtf8':
      return viaBytes(text, (b) => {
        const i = pos(m.at, b.length);
        return Buffer.concat([b.subarray(0, i), Buffer.from(BAD_UTF8[m.which % BAD_UTF8.length]), b.subarray(i)]);
      });
    case 'nul': {
      const at = pos(m.at, text.length);
      return text.slice(0, at) + '\u0000' + text.slice(at);
    }
    case 'loneSurrogate': {
      const at = pos(m.at, text.length);
      return text.slice(0, at) + (m.high ? '\ud800' : '\udc00') + text.slice(at);
    }
    case 'dupLine': {
      const s = lineStarts(text);
      const k = Math.min(s.length - 1, Math.floor(m.at * s.length));
      const line = text.slice(s[k], k + 1 < s.length ? s[k + 1] : text.length);
      const sep = line.endsWith('\n') ? '' : '\n';
      return text.slice(0, s[k]) + (line + sep).repeat(m.times) + text.slice(s[k]);
    }
    case 'delete': {
      const at = pos(m.at, text.length);
      return text.slice(0, at) + text.slice(Math.min(text.length, at + m.len));
    }
  }
}

/** Short description for reports ("flip@0.31", "insertLine@0.5 {{ end }}"). */
export function describe(m: Mutation): string {
  const { op, ...rest } = m as Mutation & Record<string, unknown>;
  const parts = Object.entries(rest).map(([k, v]) => `${k}=${typeof v === 'number' ? +v.toFixed(3) : JSON.stringify(v).slice(0, 40)}`);
  return parts.length ? `${op}(${parts.join(',')})` : op;
}
