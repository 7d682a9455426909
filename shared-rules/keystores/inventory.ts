// The vendor's default certificates, by SHA-256 fingerprint, with the releases that ship them. Source:
// shared/corpus/keystores/INVENTORY.md §3 (every wso2carbon.* blob at every carbon-kernel v4.* tag and every
// product-is tag, read with keytool) plus `wso2carbon.cert` from the kernel 4.4.0 store (§2). Their private keys are
// in every download of those releases, so a deployment that still uses or trusts one has no secret at all.
import type { Product } from '../engine/rule';
import type { CertificateFacts } from './certificate';

export interface VendorCertificate {
  /** INVENTORY.md row, e.g. "D06". */
  id: string;
  sha256: string;
  /** The whole story for messages: which releases ship it, e.g. "API Manager 4.2.0 and Micro Integrator 4.2.0 (carbon-kernel 4.8.0–4.8.1)". */
  where: string;
  /** The kernel versions whose distribution holds it, when it comes from the kernel. */
  kernel?: string;
  /** Product releases that use it (via their kernel version or their own file). */
  releases: ReadonlyArray<readonly [Product, string]>;
}

const A = 'apim', I = 'is', M = 'mi';

export const VENDOR_CERTIFICATES: readonly VendorCertificate[] = [
  { id: 'D01', sha256: '1d729fb8c468ead820a2a0be4adb8fbabed9ab1ba126c9d21466c5706e8e4d30', where: 'carbon-kernel 4.4.0–4.4.14', kernel: 'carbon-kernel 4.4.0–4.4.14', releases: [] },
  { id: 'D02', sha256: 'eecb4d02dad4ac6b505353a7e21f4fb9a33fdcac92303ff0ff43e2190a84eaa0', where: 'carbon-kernel 4.4.15–4.4.16', kernel: 'carbon-kernel 4.4.15–4.4.16', releases: [] },
  { id: 'D03', sha256: '50f0eda5898af3a115c2c508194956e7e114fe234743e9d22f709ae7cb801bbd', where: 'Identity Server 5.7.0 and 5.8.0 (carbon-kernel 4.4.17–4.4.40)', kernel: 'carbon-kernel 4.4.17–4.4.40', releases: [[I, '5.7.0'], [I, '5.8.0']] },
  { id: 'D04', sha256: '8ace6db1dfa6246fd6d7328049090623f05934ad7165f2f22a44612ba7340b28', where: 'the Micro Integrator 1.1.0 monitoring dashboard (API Manager 3.2.0 and 4.0.0 trust it as apim_analytics3.0.0)', releases: [[M, '1.1.0']] },
  { id: 'D05', sha256: 'bc6d75f85629d1ab50da15ead7161d8a636f542b939060aa70e6db68ce5a807c', where: 'API Manager 3.0.0, Identity Server 5.9.0 and Micro Integrator 1.1.0 (carbon-kernel 4.5.0–4.5.2)', kernel: 'carbon-kernel 4.5.0–4.5.2', releases: [[I, '5.9.0'], [A, '3.0.0'], [M, '1.1.0']] },
  { id: 'D06', sha256: '3612ad8f01b4ecf4714f0bc8e071b6403dd34c4dde62d81dd4b91d1aa356dee6', where: 'API Manager 3.1.0, 3.2.0 and 4.0.0, Identity Server 5.10.0 and 5.11.0, Micro Integrator 1.2.0 and 4.0.0 (carbon-kernel 4.5.3, 4.6.0–4.6.2)', kernel: 'carbon-kernel 4.5.3, 4.6.0–4.6.2', releases: [[A, '3.1.0'], [A, '3.2.0'], [A, '4.0.0'], [I, '5.10.0'], [I, '5.11.0'], [M, '1.2.0'], [M, '4.0.0']] },
  { id: 'D07', sha256: '02e6217a58fe8ef0d191e30f6acf44cf08f47b4c18c6c64abdf2d487b48c0a00', where: 'API Manager 4.1.0, Identity Server 6.0.0 and 6.1.0, Micro Integrator 4.1.0 (carbon-kernel 4.6.3, 4.7.0–4.9.23)', kernel: 'carbon-kernel 4.6.3, 4.7.0–4.9.23', releases: [[A, '4.1.0'], [I, '6.0.0'], [I, '6.1.0'], [M, '4.1.0']] },
  { id: 'D08', sha256: '1b2429b16ef58301b74ff16253655ae85537e3a5bfd159085a5a8e23e5a3b22a', where: 'API Manager 4.2.0 and Micro Integrator 4.2.0 (carbon-kernel 4.8.0–4.8.1)', kernel: 'carbon-kernel 4.8.0–4.8.1', releases: [[A, '4.2.0'], [M, '4.2.0']] },
  { id: 'D09', sha256: '9db36ba11a21dad55653727abce15d745793e891983fe7aadfce1b39e3b7c862', where: 'Identity Server 7.0.0 (and carbon-kernel 4.9.24–4.9.25, 4.10.x, 4.12.x)', kernel: 'carbon-kernel 4.9.24–4.9.25, 4.10.x, 4.12.x', releases: [[I, '7.0.0']] },
  { id: 'D10', sha256: 'cf6f49f8ecce6e92928dc2038548e87310ed06b707d3f9e23783b66a82a24ed8', where: 'Identity Server 7.0.0 (its second key, "newkey")', releases: [[I, '7.0.0']] },
  { id: 'D11', sha256: '80f154f2c82d4f5e8fb96a6374cc2310eb141bdcb168787cad9efa5b4407f385', where: 'API Manager 4.3.0 and Micro Integrator 4.3.0 (carbon-kernel 4.9.26)', kernel: 'carbon-kernel 4.9.26', releases: [[A, '4.3.0'], [M, '4.3.0']] },
  { id: 'D12', sha256: '5d094d2099ac6e670e537d50853b60fbee3dd08858e50db06e22ffe3ad92646d', where: 'API Manager 4.4.0 (carbon-kernel 4.9.27)', kernel: 'carbon-kernel 4.9.27', releases: [[A, '4.4.0']] },
  { id: 'D13', sha256: '9bf78253a0cb3154d7f61e53a262fae12c2da7e00cb2603eeb1bd6093af981fe', where: 'Identity Server 7.1.0 and 7.2.0', releases: [[I, '7.1.0'], [I, '7.2.0']] },
  { id: 'D14', sha256: '1e1bcdeb0a46472150c55542a9cc02f39481e5dd1e6ea493c82b023cbe03b44c', where: 'API Manager 4.5.0 (carbon-kernel 4.9.28)', kernel: 'carbon-kernel 4.9.28', releases: [[A, '4.5.0']] },
  { id: 'D15', sha256: '30311c84503c955d084d9093c171b82dede7c6cb98ddd3da2b0201c2e0bc67f7', where: 'API Manager 4.6.0 (carbon-kernel 4.9.29–4.9.33, 4.11.0–4.11.1)', kernel: 'carbon-kernel 4.9.29–4.9.33, 4.11.0–4.11.1', releases: [[A, '4.6.0']] },
  { id: 'D16', sha256: 'e413604ca92796dd8ec92f4e62b0afa1089e809007a9245ebb8733d769d45a8a', where: 'the Identity Server 7.3.0 pre-releases (milestones, alpha, beta)', releases: [] },
  { id: 'D17', sha256: 'ca5c9b54f9b6d39f396a1aaa7a780481393c1dfbb567cfacfb962e6a88ad6588', where: 'API Manager 4.7.0 (carbon-kernel 4.11.2–4.11.19)', kernel: 'carbon-kernel 4.11.2–4.11.19', releases: [[A, '4.7.0']] },
  { id: 'D18', sha256: '2ba361a032ffd4b34f7df066de72b61c5e836a09f7a7bd7105eb87b4094d9712', where: 'Identity Server 7.3.0', releases: [[I, '7.3.0']] },
  { id: 'C220', sha256: '81b3c3f0fd4fa9fb05bd3ed1c691692a8aee3aa80a74adef76eee9338fc738d3', where: 'carbon-kernel 4.4.0–4.4.14 (as the trusted entry "wso2carbon.cert")', kernel: 'carbon-kernel 4.4.0–4.4.14', releases: [] },
];

const BY_SHA256 = new Map(VENDOR_CERTIFICATES.map((v) => [v.sha256, v]));

const PRODUCT_NAMES: Record<Product, string> = { apim: 'API Manager', is: 'Identity Server', mi: 'Micro Integrator' };

export function vendorCertificate(sha256: string): VendorCertificate | undefined {
  return BY_SHA256.get(sha256.toLowerCase());
}

/**
 * Self-signed `CN=localhost` with O or OU `WSO2` (or the rebranded `MWARE`): how every default certificate above
 * looks, so a release not in the list is still recognised.
 */
export function looksLikeVendorDefault(c: CertificateFacts): boolean {
  if (!c.selfIssued) return false;
  const cn = c.subjectAttrs.get('CN') ?? [];
  const orgs = [...(c.subjectAttrs.get('O') ?? []), ...(c.subjectAttrs.get('OU') ?? [])];
  return cn.some((v) => v.toLowerCase() === 'localhost') && orgs.some((v) => /^(wso2|mware)$/i.test(v.trim()));
}

/**
 * "API Manager 3.2.0 (carbon-kernel 4.5.3, 4.6.0–4.6.2)" when the linted product is one of its releases; otherwise
 * every release, e.g. "API Manager 4.2.0 and Micro Integrator 4.2.0 (carbon-kernel 4.8.0–4.8.1)".
 */
export function describeRelease(v: VendorCertificate, product?: { product: string; version?: string }): string {
  const mine = v.releases.find(([p, ver]) => p === product?.product && ver === product?.version);
  if (!mine) return v.where;
  return `${PRODUCT_NAMES[mine[0]]} ${mine[1]}${v.kernel ? ` (${v.kernel})` : ''}`;
}
