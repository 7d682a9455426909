// Which product (and version) a file belongs to: from the setting, else from its path and content.
import type { Product } from './rule';

export interface ProductInfo {
  product: Product | 'unknown';
  version?: string;
  brand: 'WSO2' | 'MWARE';
  source: 'setting' | 'content' | 'path' | 'unknown';
}

const PRODUCT_SETTING = /^(apim|is|mi)(?:-(\d+\.\d+(?:\.\d+)?))?$/;
const VERSION_IN_PATH = /(?:^|[^\d.])(\d+\.\d+\.\d+)(?:[^\d.]|$)/;

/** Path segments that name a product distribution (wso2am-4.2.0, apim-4.6.0, wso2is-7.0.0, wso2mi-4.3.0, …). */
function productFromPath(p: string): Product | undefined {
  const s = p.toLowerCase().replace(/\\/g, '/');
  if (/(^|\/)[^/]*(micro-integrator|wso2mi|mware-?mi|(^|[/_-])mi)[-_]?\d*[^/]*\//.test(s) || /micro-integrator\.(sh|bat)$/.test(s)) return 'mi';
  if (/(^|\/)[^/]*(wso2am|apim|api-manager|mware-?am)[^/]*\//.test(s) || /(api-manager|api-cp|gateway|traffic-manager|key-manager)\.(sh|bat)$/.test(s)) return 'apim';
  if (/(^|\/)[^/]*(wso2is|identity-server|(^|[/_-])is)[-_]?\d*[^/]*\//.test(s)) return 'is';
  return undefined;
}

function productFromContent(text: string): Product | undefined {
  if (text.includes('org.wso2.micro.integrator') || /^\s*\[\[?internal_apis/m.test(text) || /^\s*\[(mediation|synapse_properties)\]/m.test(text)) return 'mi';
  if (/^\s*\[\[?apim[.\]]/m.test(text) || /^\s*apim\./m.test(text)) return 'apim';
  if (/^\s*\[(identity_mgt|authentication|oauth|identity\.auth_framework)[.\]]/m.test(text)) return 'is';
  return undefined;
}

export function detectProduct(fileName: string, text: string, setting = 'auto'): ProductInfo {
  const brand = /\bMWARE\b/i.test(fileName) || /\bMWARE\b/.test(text) ? 'MWARE' : 'WSO2';
  const m = PRODUCT_SETTING.exec(setting.trim().toLowerCase());
  if (m) return { product: m[1] as Product, version: m[2], brand, source: 'setting' };
  const version = VERSION_IN_PATH.exec(fileName.replace(/\\/g, '/'))?.[1];
  const fromPath = productFromPath(fileName);
  if (fromPath) return { product: fromPath, version, brand, source: 'path' };
  const fromContent = productFromContent(text);
  if (fromContent) return { product: fromContent, version, brand, source: 'content' };
  return { product: 'unknown', version, brand, source: 'unknown' };
}

/** The "Server" header value the product sends when none is configured. */
export function serverHeaderName(info: ProductInfo): string {
  return `${info.brand} Carbon Server`;
}
