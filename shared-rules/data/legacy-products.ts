// The Carbon 4.4-kernel products: names in carbon.xml, kernel per release, startup scripts. Source:
// shared/research/legacy-carbon.md §2 and §6 and corpus-legacy/SOURCES.md (kernel versions from each tag's pom.xml).
import type { Product } from '../engine/rule';
import { compareVersions } from './products';

export interface LegacyProductFacts {
  /** carbon.xml `/Server/Name` as built. */
  name: string;
  /** carbon.xml `/Server/ServerKey`. */
  key: string;
  /** The TOML-era product family the rules filter on, when there is one (EI and ESB have none). */
  product?: Product;
  /** Release → carbon-kernel version (product tag pom.xml); only releases whose pom was read. */
  kernels: Readonly<Record<string, string>>;
}

export const LEGACY_PRODUCTS: readonly LegacyProductFacts[] = [
  { name: 'WSO2 API Manager', key: 'AM', product: 'apim', kernels: { '2.1.0': '4.4.11', '2.5.0': '4.4.32', '2.6.0': '4.4.35' } },
  { name: 'WSO2 Identity Server', key: 'IS', product: 'is', kernels: { '5.3.0': '4.4.11', '5.7.0': '4.4.35', '5.8.0': '4.4.40' } },
  { name: 'WSO2 Enterprise Integrator Analytics', key: 'EI', kernels: {} },
  { name: 'WSO2 Enterprise Integrator', key: 'EI', kernels: { '6.1.1': '4.4.16', '6.5.0': '4.4.40', '6.6.0': '4.5.3' } },
  { name: 'WSO2 Enterprise Service Bus', key: 'ESB', kernels: { '5.0.0': '4.4.8' } },
];

/** The kernel from which `-Dhttpclient.hostnameVerifier` is understood (older kernels only know ignoreHostnameVerification). */
export const HOSTNAME_VERIFIER_SINCE = '4.4.17';
/** `StartTLSEnabled` on LDAP user stores (UserStoreConfigConstants.STARTTLS_ENABLED). */
export const STARTTLS_SINCE = '4.4.37';
/** `<InternalKeyStore>` in carbon.xml. */
export const INTERNAL_KEYSTORE_SINCE = '4.4.34';

/** True/false when the kernel is known, undefined when it is not (then version-dependent checks stay quiet). */
export function kernelAtLeast(kernel: string | undefined, min: string): boolean | undefined {
  return kernel === undefined ? undefined : compareVersions(kernel, min) >= 0;
}

export function legacyFacts(name: string): LegacyProductFacts | undefined {
  return LEGACY_PRODUCTS.find((p) => p.name.toLowerCase() === name.trim().toLowerCase().replace(/^mware /, 'wso2 '));
}
