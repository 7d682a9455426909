// Colour only for a terminal: NO_COLOR (no-color.org) turns it off, FORCE_COLOR (≠ 0/false) turns it on anyway.
const CODES = { error: 31, warning: 33, info: 36, hint: 90, dim: 90, bold: 1, underline: 4, red: 31, green: 32, cyan: 36 } as const;

export type Style = keyof typeof CODES;
export type Paint = (style: Style, s: string) => string;

export function colorEnabled(stream: { isTTY?: boolean }, env: NodeJS.ProcessEnv = process.env): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return !!stream.isTTY && env.TERM !== 'dumb';
}

export function painter(on: boolean): Paint {
  return on ? (style, s) => `\u001b[${CODES[style]}m${s}\u001b[0m` : (_style, s) => s;
}
