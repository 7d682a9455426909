// One template lint renders its text several times (template-lint.ts) and lints each rendering; the disk does not
// change between those renderings in any way that matters (they run in one synchronous call). Inside such a call,
// a disk memo checked fresh once (home-cache.ts) is taken as fresh for the rest of it instead of being statted
// again per rendering. Outside one, every use checks again, as before.
let depth = 0;
let epoch = 0;

/** Runs `fn` as one lint: disk facts checked during it are checked once. Nested calls join the outer one. */
export function asOneLint<T>(fn: () => T): T {
  if (depth++ === 0) epoch++;
  try {
    return fn();
  } finally {
    depth--;
  }
}

/** The current one-lint call's id, or undefined outside one. */
export function currentLint(): number | undefined {
  return depth > 0 ? epoch : undefined;
}
