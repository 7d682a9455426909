// Why a JSON file does not parse, without quoting it: V8's SyntaxError messages quote a piece of the text
// ('Unexpected token 'x', "{"pass": x…" is not valid JSON'), and a project or baseline file may hold a secret.
// Only the position (line and column) is kept.

/** "not valid JSON at line L, column C (position N)" (or "… ends too early"), from the error JSON.parse threw on `text`. */
export function jsonSyntaxMessage(text: string, e: unknown): string {
  const msg = e instanceof Error ? e.message : '';
  const m = /\bposition (\d{1,12})\b/.exec(msg);
  if (m) {
    const pos = Math.min(Number(m[1]), text.length);
    let line = 1;
    let lineStart = 0;
    for (let i = text.indexOf('\n'); i !== -1 && i < pos; i = text.indexOf('\n', i + 1)) {
      line++;
      lineStart = i + 1;
    }
    // "position N" stays: the language server places its diagnostic there (server/src/project-file.ts).
    return `not valid JSON at line ${line}, column ${pos - lineStart + 1} (position ${pos})`;
  }
  if (/end of (JSON )?input|Unterminated/i.test(msg)) return 'not valid JSON: the text ends too early';
  return 'not valid JSON';
}
