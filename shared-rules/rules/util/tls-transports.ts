// Every TLS endpoint a deployment.toml configures, with all the key spellings config-mapper accepts (aliases from
// key-mappings.json), the list syntax each runtime parses, and which products and API-M profiles run it.
import type { Product } from '../../engine/rule';
import type { ProductInfo } from '../../engine/product';
import {
  BINARY_RECEIVER_DEFAULT_CIPHERS, BINARY_RECEIVER_DEFAULT_PROTOCOLS, MI_DEFAULT_PROTOCOLS, passthroughDefaultProtocols, TOMCAT_DEFAULT_CIPHERS,
  tomcatDefaultProtocols, tomcatDefaultProtocolsText,
} from '../../data/tls/defaults';
import type { CipherDialect } from '../../data/tls/cipher-lists';
import type { Distribution } from '../../data/products';
import type { EffectiveConfig } from '../../parsers/toml/model';
import { listenPort } from './ports';

export type TransportId = 'tomcat' | 'passthru-listener' | 'passthru-sender' | 'binary-receiver' | 'mi-listener' | 'mi-sender' | 'mi-internal-api';

/** How a protocol list is parsed and how a fix writes it. */
export type ProtocolSyntax = 'tomcat-plus' | 'tomcat-comma' | 'comma' | 'array';

export interface ProtocolKey {
  path: string[];
  syntax: ProtocolSyntax;
  /** The table a fix writes the key into, when not the key's parent ([transport.http] for MI's listener.*). */
  section?: string[];
  /** Set when the key does not decide the enabled protocols (the reason, for the message). */
  ineffective?: string;
}

export interface TransportSpec {
  id: TransportId;
  product: Product;
  label: string;
  /** Protocol keys; the first is where a fix writes a missing list. */
  protocolKeys: ProtocolKey[];
  /** SSLContext algorithm keys (`sslProtocol`): only an SSL* value is reported. */
  sslProtocolKeys: string[][];
  cipherKeys: string[][];
  /** The table a fix writes a missing cipher list into, when not the key's parent. */
  cipherSection?: string[];
  cipherDialect: CipherDialect;
  /** Shipped protocols when no key is written; undefined = the JVM's defaults (absence is not reported). */
  defaultProtocols?(p: ProductInfo): readonly string[];
  /** How the default is written in default.json, for messages. */
  defaultProtocolsText?(p: ProductInfo): string;
  /** The listening port: shipped base (before the offset) and the keys that set it explicitly; the label names it. */
  port?: { base: number; keys?: string[][] };
  /** Shipped cipher list when absent (a list, or an OpenSSL string for Tomcat); 'jvm' = the JVM's enabled suites. */
  defaultCiphers?: readonly string[] | string | 'jvm';
}

const P = (s: string) => s.split('.');
const SSL_HOST = 'transport.https.sslHostConfig.properties';

export const TRANSPORTS: readonly TransportSpec[] = [
  {
    id: 'tomcat', product: 'apim', label: 'Tomcat HTTPS transport (servlet port 9443)',
    port: { base: 9443, keys: [P('transport.https.properties.port')] },
    protocolKeys: [
      { path: P(`${SSL_HOST}.protocols`), syntax: 'tomcat-plus' },
      { path: P('transport.https.properties.protocols'), syntax: 'tomcat-plus' },
      { path: P(`${SSL_HOST}.sslEnabledProtocols`), syntax: 'tomcat-comma', ineffective: '`sslEnabledProtocols` is not an <SSLHostConfig> attribute: Tomcat ignores it there, so `protocols` still decides' },
      { path: P('transport.https.properties.sslEnabledProtocols'), syntax: 'tomcat-comma', ineffective: 'the connector-level `sslEnabledProtocols` does not replace the `protocols` the template writes on <SSLHostConfig>' },
    ],
    sslProtocolKeys: [P(`${SSL_HOST}.sslProtocol`), P('transport.https.properties.ssl_protocol'), P('transport.https.properties.sslProtocol')],
    cipherKeys: [P(`${SSL_HOST}.ciphers`), P('transport.https.properties.ciphers')],
    cipherDialect: 'tomcat',
    defaultCiphers: TOMCAT_DEFAULT_CIPHERS,
    defaultProtocols: tomcatDefaultProtocols,
    defaultProtocolsText: tomcatDefaultProtocolsText,
  },
  {
    id: 'passthru-listener', product: 'apim', label: 'PassThrough HTTPS listener (gateway port 8243)',
    port: { base: 8243, keys: [P('transport.passthru_https.listener.parameters.port')] },
    protocolKeys: [{ path: P('transport.passthru_https.listener.parameters.HttpsProtocols'), syntax: 'comma' }],
    sslProtocolKeys: [],
    cipherKeys: [P('transport.passthru_https.listener.parameters.PreferredCiphers')],
    cipherDialect: 'jsse',
    defaultProtocols: passthroughDefaultProtocols,
    defaultCiphers: 'jvm',
  },
  {
    id: 'passthru-sender', product: 'apim', label: 'PassThrough HTTPS sender (gateway calls to backends)',
    protocolKeys: [{ path: P('transport.passthru_https.sender.parameters.HttpsProtocols'), syntax: 'comma' }],
    sslProtocolKeys: [],
    cipherKeys: [P('transport.passthru_https.sender.parameters.PreferredCiphers')],
    cipherDialect: 'jsse',
    defaultProtocols: passthroughDefaultProtocols,
  },
  {
    id: 'binary-receiver', product: 'apim', label: 'binary event receiver (Traffic Manager SSL port 9711)',
    port: { base: 9711 },
    protocolKeys: [
      { path: P('transport.receiver.ssl_enabled_protocols'), syntax: 'array' },
      { path: P('transport.binary.receiver.sslEnabledProtocols'), syntax: 'array' },
    ],
    sslProtocolKeys: [],
    cipherKeys: [P('transport.receiver.ciphers'), P('transport.binary.receiver.ciphers')],
    cipherDialect: 'jsse',
    defaultProtocols: () => BINARY_RECEIVER_DEFAULT_PROTOCOLS,
    defaultCiphers: BINARY_RECEIVER_DEFAULT_CIPHERS,
  },
  {
    id: 'mi-listener', product: 'mi', label: 'Micro Integrator HTTPS listener (port 8253)',
    port: { base: 8243 },
    protocolKeys: [
      { path: P('transport.http.listener.secured_protocols'), syntax: 'comma', section: P('transport.http') },
      { path: P('transport.https.listener.parameter.HttpsProtocols'), syntax: 'comma' },
    ],
    sslProtocolKeys: [],
    cipherKeys: [P('transport.http.listener.preferred_ciphers'), P('transport.https.listener.parameter.PreferredCiphers')],
    cipherSection: P('transport.http'),
    cipherDialect: 'jsse',
    defaultProtocols: () => MI_DEFAULT_PROTOCOLS,
    defaultCiphers: 'jvm',
  },
  {
    id: 'mi-sender', product: 'mi', label: 'Micro Integrator HTTPS sender (calls to backends)',
    protocolKeys: [
      { path: P('transport.http.sender.secured_protocols'), syntax: 'comma', section: P('transport.http') },
      { path: P('transport.https.sender.parameter.HttpsProtocols'), syntax: 'comma' },
    ],
    sslProtocolKeys: [],
    cipherKeys: [P('transport.https.sender.parameter.PreferredCiphers')],
    cipherDialect: 'jsse',
  },
  {
    id: 'mi-internal-api', product: 'mi', label: 'Micro Integrator management API (port 9164)',
    port: { base: 9154 },
    protocolKeys: [{ path: P('internal_api_ssl_config.parameter.httpsProtocols'), syntax: 'comma' }],
    sslProtocolKeys: [P('internal_api_ssl_config.parameter.sslProtocol')],
    cipherKeys: [],
    cipherDialect: 'jsse',
    defaultProtocols: () => MI_DEFAULT_PROTOCOLS,
  },
];

/** The label with the port the server will really use (explicit port key, `[server] offset`). */
export function transportLabel(spec: TransportSpec, config: EffectiveConfig, product: string): string {
  if (!spec.port) return spec.label;
  const port = listenPort(config, product === 'unknown' ? spec.product : product, spec.port.base, spec.port.keys);
  return spec.label.replace(/port \d+\)$/, `port ${port})`);
}

/** The servlet transport also serves Identity Server. */
function productsOf(t: TransportSpec): Product[] {
  return t.id === 'tomcat' ? ['apim', 'is'] : [t.product];
}

export type ApimProfile = Distribution;

/** The API-M distribution: product detection's answer, else the folder that holds the file. */
export function apimDistribution(product: ProductInfo, fileName: string): ApimProfile {
  return product.distribution ?? apimProfile(fileName);
}

/**
 * Which API-M distribution or profile a file configures, from the folder that holds it (`HOME/repository/conf` is
 * skipped, so the product home's name counts): wso2am-universal-gw-4.6.0, gateway/, wso2am-tm-4.6.0, is-as-km, …
 * Anything else is all-in-one.
 */
export function apimProfile(fileName: string): ApimProfile {
  const dirs = fileName.replace(/\\/g, '/').toLowerCase().split('/').slice(0, -1);
  while (dirs.length > 0 && (dirs[dirs.length - 1] === 'conf' || dirs[dirs.length - 1] === 'repository')) dirs.pop();
  const words = new Set((dirs[dirs.length - 1] ?? '').split(/[-_.]/));
  if (words.has('gateway') || words.has('gw')) return 'gateway';
  if (words.has('tm') || (words.has('traffic') && words.has('manager'))) return 'traffic-manager';
  if (words.has('cp') || words.has('acp') || words.has('control')) return 'control-plane';
  if (words.has('km') || (words.has('key') && words.has('manager'))) return 'key-manager';
  return 'all-in-one';
}

const PROFILE_TRANSPORTS: Record<ApimProfile, readonly TransportId[]> = {
  'all-in-one': ['tomcat', 'passthru-listener', 'passthru-sender', 'binary-receiver'],
  gateway: ['tomcat', 'passthru-listener', 'passthru-sender'],
  'traffic-manager': ['tomcat', 'binary-receiver'],
  'control-plane': ['tomcat'],
  'key-manager': ['tomcat'],
};

export interface ApplicableTransport {
  spec: TransportSpec;
  /** The product runs this transport, so a missing key means its shipped default. */
  runs: boolean;
}

/**
 * The transports whose keys are checked: for a known product, its own (`runs` when its profile has it); for an
 * unknown product, all of them, judged only on what is written.
 */
export function transportsFor(product: ProductInfo, fileName: string): ApplicableTransport[] {
  if (product.product === 'unknown') return TRANSPORTS.map((spec) => ({ spec, runs: false }));
  const profile = product.product === 'apim' ? PROFILE_TRANSPORTS[apimDistribution(product, fileName)] : undefined;
  return TRANSPORTS.filter((t) => productsOf(t).includes(product.product as Product))
    .map((spec) => ({ spec, runs: profile ? profile.includes(spec.id) : true }));
}
