// Values that feed template placeholders (issue 15): where a value was found, and what is known of it.
import type { LineIndex, Span } from '../text';

/** The source of a value: the file and the span of the scalar that sets it. */
export interface ValueSite {
  file: string;
  span: Span;
}

export type Resolved =
  /** `raw`: the value as typed in its file (a YAML boolean, number or string), for conditions. */
  | { kind: 'value'; text: string; site: ValueSite; raw?: unknown }
  /** A secret reference (`!vault`, `lookup('hashi_vault', …)`, `$secret{…}`, a secretKeyRef): protected, never a finding. */
  | { kind: 'protected'; site: ValueSite }
  /**
   * Set, but to nothing: YAML `null`/`~`/no value, `{}`, `[]`; Puppet `undef`. Never substituted (its text is not
   * known to be what the tool prints); a condition on it is decided (false, see template-truth.ts).
   */
  | { kind: 'empty'; shape: 'null' | 'map' | 'list'; site: ValueSite }
  /** Not a plain reference, not set, or not evaluable: stays opaque. */
  | { kind: 'unknown' };

/** A notice about a values file (not YAML, too large, a cycle of references), at the offending spot. */
export interface ValuesNotice {
  file: string;
  span: Span;
  message: string;
}

/** One layer of values (a YAML file or a params.pp): looks a dotted path up. */
export interface ValueLayer {
  file: string;
  /** The line index of the text this layer was read from (the template lint places values findings with it). */
  lines?: () => LineIndex;
  lookup(path: readonly string[]): Resolved | { kind: 'missing' } | { kind: 'reference'; expr: string; site: ValueSite };
}

/** One way a template is rendered: a chart's values, one Ansible host, a Puppet class. */
export interface RenderCase {
  /** Named in findings, e.g. "host apim_1". */
  name: string;
  /** Lowest precedence first. */
  layers: ValueLayer[];
}
