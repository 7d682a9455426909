// What each transport runs with when deployment.toml says nothing: config-mapper's default.json of the kernel or
// product (absence == shipped default). Sources: carbon-kernel default.json (4.6–4.9: "+TLSv1,+TLSv1.1,+TLSv1.2";
// 4.10 adds "+TLSv1.3"), product-apim default.json (PassThrough HttpsProtocols "TLSv1,TLSv1.1,TLSv1.2", 4.7.0 adds
// TLSv1.3; HostnameVerifier "DefaultAndLocalhost"; binary receiver lists), micro-integrator config-tool default.json.
import type { ProductInfo } from '../../engine/product';
import { compareVersions } from '../products';

/** Whether a release is `min` or later, compared numerically ("4.10.0" > "4.9.0"); undefined when the version is unknown. */
export function versionAtLeast(version: string | undefined, min: string): boolean | undefined {
  return version ? compareVersions(version, min) >= 0 : undefined;
}

/** Tomcat `protocols` default; kernel 4.10 (IS 7.x) adds TLSv1.3. */
export function tomcatDefaultProtocols(p: ProductInfo): string[] {
  const kernel410 = p.kernel ? compareVersions(p.kernel, '4.10') >= 0 : p.product === 'is' && versionAtLeast(p.version, '7.0.0') === true;
  return kernel410 ? ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] : ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
}

export function tomcatDefaultProtocolsText(p: ProductInfo): string {
  return tomcatDefaultProtocols(p).map((x) => `+${x}`).join(',');
}

/** PassThrough listener and sender `HttpsProtocols` default (API-M). */
export function passthroughDefaultProtocols(p: ProductInfo): string[] {
  return versionAtLeast(p.version, '4.7.0') === true ? ['TLSv1', 'TLSv1.1', 'TLSv1.2', 'TLSv1.3'] : ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
}

/** MI HTTPS listener `HttpsProtocols` and internal API `httpsProtocols` defaults. */
export const MI_DEFAULT_PROTOCOLS: readonly string[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];

/** Tomcat 8.5/9's own SSLHostConfig default when `ciphers` is absent (the kernel sets none before 4.12). */
export const TOMCAT_DEFAULT_CIPHERS = 'HIGH:!aNULL:!eNULL:!EXPORT:!DES:!RC4:!MD5:!kRSA';

/** API-M binary (Traffic Manager) receiver defaults. */
export const BINARY_RECEIVER_DEFAULT_PROTOCOLS: readonly string[] = ['TLSv1', 'TLSv1.1', 'TLSv1.2'];
export const BINARY_RECEIVER_DEFAULT_CIPHERS: readonly string[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA256',
  'TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA', 'TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA', 'TLS_DHE_RSA_WITH_AES_128_CBC_SHA',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
];

/** API-M PassThrough sender `HostnameVerifier` default (MI has none: Synapse then uses its standard verifier). */
export const PASSTHRU_SENDER_DEFAULT_VERIFIER = 'DefaultAndLocalhost';

/** Suites written by a fix where a list is missing: forward-secret AEAD suites every supported JDK implements. */
export const RECOMMENDED_TLS12_CIPHERS: readonly string[] = [
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_DHE_RSA_WITH_AES_256_GCM_SHA384', 'TLS_DHE_RSA_WITH_AES_128_GCM_SHA256',
];
export const RECOMMENDED_TLS13_CIPHERS: readonly string[] = ['TLS_AES_256_GCM_SHA384', 'TLS_AES_128_GCM_SHA256'];
