// Where the keys of a JSON document are, in one pass: the offsets of top-level keys ("rules"), of keys one level
// down ("rules.plaintext-pasword") and of string entries of top-level arrays ("exclude.[z-a]"), first occurrence
// wins. The project file's problems are placed with it: one search per problem from the start of the file was
// quadratic (60,000 bad keys took seconds, doubling as the file doubled).

export interface Span {
  at: number;
  len: number;
}

/** Locations by dotted path; the text should be valid JSON (a problem with a key comes after a successful parse). */
export function jsonLocations(text: string): Map<string, Span> {
  const spans = new Map<string, Span>();
  // One frame per open container: its path, whether it is an object, and (objects) the key just read.
  const stack: Array<{ path: string; object: boolean; key?: string; expectKey: boolean }> = [];
  const put = (p: string, at: number, len: number) => {
    if (!spans.has(p)) spans.set(p, { at, len });
  };
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 /* " */) {
      let j = i + 1;
      while (j < text.length && text.charCodeAt(j) !== 0x22) j += text.charCodeAt(j) === 0x5c /* \ */ ? 2 : 1;
      const raw = text.slice(i, j + 1);
      const top = stack[stack.length - 1];
      if (top && stack.length <= 2) {
        let value: string | undefined;
        try {
          value = JSON.parse(raw) as string;
        } catch {
          value = undefined;
        }
        if (value !== undefined) {
          if (top.object && top.expectKey) {
            top.key = value;
            put(top.path ? `${top.path}.${value}` : value, i, raw.length);
          } else if (!top.object && stack.length === 2) put(`${top.path}.${value}`, i, raw.length);
        }
      }
      if (top?.object && top.expectKey) top.expectKey = false;
      i = j;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      const top = stack[stack.length - 1];
      const path = !top ? '' : top.object ? (top.path ? `${top.path}.${top.key ?? ''}` : (top.key ?? '')) : `${top.path}[]`;
      stack.push({ path, object: c === 0x7b, expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) stack.pop();
    else if (c === 0x2c /* , */) {
      const top = stack[stack.length - 1];
      if (top?.object) top.expectKey = true;
    }
  }
  return spans;
}
