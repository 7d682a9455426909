// Key aliases that config-mapper resolves before templating (key-mappings.json): the friendly key on the left and
// the raw key it stands for on the right are the same setting. TLS transport aliases live with the TLS rules.
// Source: wso2/carbon-kernel distribution/kernel/carbon-home/repository/resources/conf/key-mappings.json.
export const KEY_ALIASES: ReadonlyArray<readonly [string, string]> = [
  ['user_store.connection_url', 'user_store.properties.ConnectionURL'],
  ['user_store.connection_name', 'user_store.properties.ConnectionName'],
  ['user_store.connection_password', 'user_store.properties.ConnectionPassword'],
  ['user_store.anonymous_bind', 'user_store.properties.AnonymousBind'],
  // Not in key-mappings.json: the friendly spelling comes from infer.json (research §2.4). StartTLS has only the
  // raw property `[user_store.properties] StartTLSEnabled`.
  ['user_store.ssl_certificate_validation_enabled', 'user_store.properties.SSLCertificateValidationEnabled'],
];
