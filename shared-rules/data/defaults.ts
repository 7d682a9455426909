// Shipped defaults: what the product uses when deployment.toml does not set a key (config-mapper default.json of
// the Carbon kernel, the identity features and MI's config tool). An absent key IS this value.
// Source: shared/research/wso2-config-map.md §2.1, §2.3, §2.15, §2.18–2.20.
import type { ProductInfo } from '../engine/product';
import { compareVersions } from './products';

/** Password of every shipped keystore and truststore, and the shipped key alias. */
export const DEFAULT_KEYSTORE_PASSWORD = 'wso2carbon';

/** File names (basenames) of the keystores and truststores every installation ships with the same keys in. */
export const DEFAULT_KEYSTORE_FILES: ReadonlySet<string> = new Set([
  'wso2carbon.jks', 'wso2carbon.p12', 'client-truststore.jks', 'client-truststore.p12',
]);

export interface ShippedStores {
  keystore: string;
  truststore: string;
  /** False when the kernel line is unknown and the name is a guess between .jks and .p12. */
  exact: boolean;
}

/**
 * The keystore and truststore the product uses when `[keystore.primary]` / `[truststore]` are absent: kernel 4.6–4.9
 * default.json says .jks, kernel 4.10+ says .p12; MI's config tool uses the .jks files under repository/resources/security.
 */
export function shippedStores(info: ProductInfo): ShippedStores {
  // MI's config tool, and every API-M release up to 4.7 (kernel 4.6–4.9), use .jks whatever the exact version.
  if (info.product === 'mi' || (info.product === 'apim' && !info.kernel)) return { keystore: 'wso2carbon.jks', truststore: 'client-truststore.jks', exact: true };
  if (!info.kernel) return { keystore: 'wso2carbon.jks (or .p12)', truststore: 'client-truststore.jks (or .p12)', exact: false };
  const p12 = compareVersions(info.kernel, '4.10') >= 0;
  const ext = p12 ? 'p12' : 'jks';
  return { keystore: `wso2carbon.${ext}`, truststore: `client-truststore.${ext}`, exact: true };
}

/** The super admin (API-M, IS) and the MI file user store's default user: admin/admin. */
export const DEFAULT_ADMIN_USER = 'admin';
export const DEFAULT_ADMIN_PASSWORD = 'admin';

/** MI's file-based user store is on unless `[internal_apis.file_user_store] enable = false`. */
export const MI_FILE_USER_STORE_DEFAULT = true;

/** `[identity.auth_framework.endpoint] app_password` default, and `[account_recovery.endpoint.auth] hash` = its SHA-256. */
export const DEFAULT_APP_PASSWORD = 'dashboard';
export const DEFAULT_APP_PASSWORD_HASH = '66cd9688a2ae068244ea01e70f0e230f5623b7fa4cdecb65070a09ec06452262';

/** `[server] offset` default: 0 for Carbon products; MI adds 10 internally (8290/8253, management API 9164). */
export const DEFAULT_PORT_OFFSET = { carbon: 0, mi: 10 } as const;

/** `[session_data.cleanup] clean_expired_session_data_in_chunks_of`: shipped and recommended value, and what counts as far above it. */
export const SESSION_CLEANUP_CHUNK = { default: 8192, max: 4 * 8192 } as const;

/** `[identity_mgt.recovery] callback_url` and `[identity_mgt.lite_user_registration] callback_url` default: any URL. */
export const DEFAULT_CALLBACK_REGEX = '.*';
