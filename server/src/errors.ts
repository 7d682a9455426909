// Errors for the log: the kind and where, never the message — an engine error could quote the file's text,
// and configuration files hold secrets.
export function describeError(e: unknown): string {
  const err = e instanceof Error ? e : new Error(typeof e);
  const at = err.stack?.split('\n').find((l) => l.trim().startsWith('at '))?.trim() ?? '';
  return `${err.name} ${at}`.trim();
}
