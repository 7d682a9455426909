// The port a listener really uses, for messages: its explicit `port` key (or the shipped base port) plus the
// `[server] offset` (Carbon adds the offset to every connector port at start-up, explicit ones included).
import type { EffectiveConfig } from '../../parsers/toml/model';
import { DEFAULT_PORT_OFFSET } from '../../data/defaults';
import { literalScalar } from './toml';

const INT = /^\s*-?\d{1,5}\s*$/;

/** The offset in force: a literal `[server] offset`, the product default when absent, undefined when not visible. */
export function portOffset(config: EffectiveConfig, product: string): number | undefined {
  const entry = config.get(['server', 'offset']);
  const base = product === 'mi' ? DEFAULT_PORT_OFFSET.mi : DEFAULT_PORT_OFFSET.carbon;
  if (!entry) return base;
  const raw = literalScalar(entry.value);
  return raw !== undefined && INT.test(raw) ? parseInt(raw, 10) : undefined;
}

/**
 * `base` as the server will listen on it: an explicit literal port under one of `keys` replaces the base,
 * the offset is added. Written `base+offset` when the offset is not visible (`$env{…}`, a template).
 * `base` here is the shipped port before any offset (MI's 8243/9154, not 8253/9164).
 */
export function listenPort(config: EffectiveConfig, product: string, base: number, keys: readonly (readonly string[])[] = []): string {
  let port = base;
  for (const k of keys) {
    const entry = config.get(k);
    if (!entry) continue;
    const raw = literalScalar(entry.value);
    if (raw === undefined || !INT.test(raw)) return 'the configured port'; // `$env{…}`, a template: not visible here
    port = parseInt(raw, 10);
    break;
  }
  const offset = portOffset(config, product);
  return offset === undefined ? `${port} + offset` : String(port + offset);
}
