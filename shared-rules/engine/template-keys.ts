// Finding keys for a template's renderings (template-lint.ts, template-cover.ts): a key identifies a finding across
// renderings and render cases, and is only compared, never read. A string key holding the message (~200 characters)
// made every Map operation hash its whole text: ~0.5 µs a finding, 20 µs for the IS chart's values findings. Here a
// key is a number: one per distinct (rest, message) pair, the messages seen with the same rest compared by content.

/** Returns `key(rest, message)`: equal numbers for equal (rest, message) pairs and different otherwise, within one maker. */
export function findingKeys(): (rest: string, message: string) => number {
  const byRest = new Map<string, Array<{ message: string; key: number }>>();
  let next = 0;
  return (rest, message) => {
    let seen = byRest.get(rest);
    if (!seen) byRest.set(rest, (seen = []));
    for (const s of seen) if (s.message === message) return s.key;
    seen.push({ message, key: next });
    return next++;
  };
}

/** A small number per distinct string (values file paths in keys: their strings are long, their count is small). */
export function numbering(): (s: string) => number {
  const ids = new Map<string, number>();
  return (s) => {
    let id = ids.get(s);
    if (id === undefined) ids.set(s, (id = ids.size));
    return id;
  };
}
