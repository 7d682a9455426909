// Where each guideline is in the two seed documents (shared/seeds: the MWARE edition and the older WSO2 edition of
// "Security Guidelines for Production Deployment"), as section › heading in the seed's own words, and the vendor
// documentation pages for what the guideline asks. Section headings were matched to the guideline titles once
// (word overlap) and reviewed; an empty list means the edition has no such guideline. Rule pages cite these
// (engine/docs.ts), so a rule's References follow its guidelineId.

export interface GuidelineSeedSections {
  /** MWARE edition (Runtime-level: API-M and Micro Integrator runtime security; OS- and network-level). */
  mware: readonly string[];
  /** WSO2 edition (WSO2 product-level security; OS- and network-level). */
  wso2: readonly string[];
}

export const SEED_SECTIONS: Record<string, GuidelineSeedSections> = {
  G01: { mware: ['API-M runtime security › Apply security updates', 'Micro Integrator runtime security › Apply security updates'], wso2: ['WSO2 product-level security › Apply security updates'] },
  G02: { mware: ['API-M runtime security › Change default keystores', 'Micro Integrator runtime security › Change default keystores'], wso2: ['WSO2 product-level security › Change default keystores'] },
  G03: { mware: ['API-M runtime security › Encrypt passwords in configuration files', 'Micro Integrator runtime security › Encrypt passwords in configuration files'], wso2: ['WSO2 product-level security › Encrypt passwords in configuration files'] },
  G04: { mware: ['API-M runtime security › Change default ports', 'Micro Integrator runtime security › Change default ports'], wso2: ['WSO2 product-level security › Change default ports'] },
  G05: { mware: ['API-M runtime security › Enable read-only access to external user stores (LDAPs etc.)', 'Micro Integrator runtime security › Enable read-only access to external user stores (LDAPs etc.)'], wso2: ['WSO2 product-level security › Enable read-only access to external user stores (LDAPs etc.)'] },
  G06: { mware: ['API-M runtime security › Always communicate (with external user stores) over TLS', 'Micro Integrator runtime security › Always communicate (with external user stores) over TLS'], wso2: ['WSO2 product-level security › Always communicate (with external user stores) over TLS'] },
  G07: { mware: ['API-M runtime security › Connect to data stores using a less privileged user', 'Micro Integrator runtime security › Connect to data stores using a less privileged user'], wso2: ['WSO2 product-level security › Connect to data stores using a less privileged user'] },
  G08: { mware: ['API-M runtime security › Configure strong HTTP(S) security', 'Micro Integrator runtime security › Configure strong HTTP(S) security'], wso2: ['WSO2 product-level security › Configure strong HTTP(S) security'] },
  G09: { mware: ['API-M runtime security › Remove weak ciphers for PassThrough transport', 'Micro Integrator runtime security › Remove weak ciphers for PassThrough transport'], wso2: ['WSO2 product-level security › Remove weak ciphers for PassThrough transport'] },
  G10: { mware: ['API-M runtime security › Update the HTTP Response header "Server" value'], wso2: ['WSO2 product-level security › Update the HTTP Response header "Server" value'] },
  G11: { mware: ['API-M runtime security › Enabling HTTP Strict Transport Security Headers (HSTS)'], wso2: ['WSO2 product-level security › Enabling HTTP Strict Transport Security Headers (HSTS)'] },
  G12: { mware: ['API-M runtime security › Preventing browser caching'], wso2: ['WSO2 product-level security › Preventing browser caching'] },
  G13: { mware: ['API-M runtime security › Increase Ephemeral Diffie-Hellman Key size', 'Micro Integrator runtime security › Increase Ephemeral Diffie-Hellman Key size'], wso2: ['WSO2 product-level security › Increase Ephemeral Diffie-Hellman Key size'] },
  G14: { mware: ['API-M runtime security › Disable client-initiated renegotiation', 'Micro Integrator runtime security › Disable client-initiated renegotiation'], wso2: ['WSO2 product-level security › Disable client-initiated renegotiation'] },
  G15: { mware: ['API-M runtime security › Enable HostName Verification', 'Micro Integrator runtime security › Enable HostName Verification'], wso2: ['WSO2 product-level security › Enable HostName Verification'] },
  G16: { mware: [], wso2: ['WSO2 product-level security › Enable additional XSS Protection'] },
  G17: { mware: ['API-M runtime security › Increase JSESSIONID length'], wso2: ['WSO2 product-level security › Increase JSESSIONID length'] },
  G18: { mware: ['API-M runtime security › Change default admin credentials'], wso2: ['WSO2 product-level security › Change default admin credentials'] },
  G19: { mware: ['API-M runtime security › Restrict access to the management console'], wso2: ['WSO2 product-level security › Restrict access to the management console'] },
  G20: { mware: ['API-M runtime security › Enable log rotation and monitoring', 'Micro Integrator runtime security › Enable log rotation and monitoring'], wso2: ['WSO2 product-level security › Enable log rotation and monitoring'] },
  G21: { mware: ['API-M runtime security › Prevent log forging', 'Micro Integrator runtime security › Prevent Log Forging'], wso2: ['WSO2 product-level security › Prevent Log Forging'] },
  G22: { mware: ['API-M runtime security › Set appropriate JVM parameters', 'Micro Integrator runtime security › Set appropriate JVM parameters'], wso2: ['WSO2 product-level security › Set appropriate JVM parameters'] },
  G23: { mware: ['API-M runtime security › Restrict outbound connections of Publisher node'], wso2: ['WSO2 product-level security › Restrict outbound connections of Publisher node'] },
  G24: { mware: ['API-M runtime security › Use a separate admin user account to login into the system'], wso2: [] },
  G25: { mware: ['API-M runtime security › Defining callback URL regular expression'], wso2: [] },
  G26: { mware: ['API-M runtime security › Configure client authentication', 'Network-level security › Configure client authentication'], wso2: [] },
  G27: { mware: ['Micro Integrator runtime security › Verify super admin credentials'], wso2: [] },
  G28: { mware: ['OS-level security › Run ESB processes with a specific OS-level user'], wso2: ['OS-level security › Run WSO2 processes with a specific OS-level user'] },
  G29: { mware: ['OS-level security › Minimize software to avoid vulnerability'], wso2: ['OS-level security › Minimize software to avoid vulnerability'] },
  G30: { mware: ['OS-level security › Enable the Firewall'], wso2: ['OS-level security › Enable the Firewall'] },
  G31: { mware: ['OS-level security › Restrict access to TCP ports used for clustering'], wso2: ['OS-level security › Restrict access to TCP ports used for clustering'] },
  G32: { mware: ['OS-level security › Use Secure Shell(SSH)'], wso2: ['OS-level security › Use Secure Shell(SSH)'] },
  G33: { mware: ['OS-level security › Keep the system up-to-date'], wso2: ['OS-level security › Keep the system up-to-date'] },
  G34: { mware: ['OS-level security › Monitor user activities'], wso2: ['OS-level security › Monitor user activities'] },
  G35: { mware: ['OS-level security › Session Data Cleanup'], wso2: ['OS-level security › Session Data Cleanup'] },
  G36: { mware: ['OS-level security › Make regular backups'], wso2: ['OS-level security › Make regular backups'] },
  G37: { mware: ['Network-level security › Create a failover setup'], wso2: ['Network-level security › Create a failover setup'] },
  G38: { mware: ['Network-level security › Maintain network-level logging'], wso2: ['Network-level security › Maintain network level logging'] },
  G39: { mware: ['Network-level security › Check open ports and services'], wso2: ['Network-level security › Check open ports and services'] },
  G40: { mware: ['Network-level security › Configure device-level security'], wso2: ['Network-level security › Configure device-level security'] },
  G41: { mware: ['Network-level security › Apply firmware updates'], wso2: ['Network-level security › Apply firmware updates'] },
  G42: { mware: ['Network-level security › Block the /services and /carbon contexts from the DMZ'], wso2: ['Network-level security › Block the /services and /carbon contexts from the DMZ'] },
};

/** The vendor's guideline page: the current edition (runtime-level sections) and the 3.2.0 one (product-level). */
export const GUIDELINE_PAGES = {
  current: 'https://apim.docs.wso2.com/en/latest/install-and-setup/setup/deployment-best-practices/security-guidelines-for-production-deployment/',
  wso2: 'https://apim.docs.wso2.com/en/3.2.0/install-and-setup/setup/deployment-best-practices/security-guidelines-for-production-deployment/',
};

/** Vendor pages on how to do what a guideline asks, for the keys the rules read (each looked up in the published docs). */
export const VENDOR_DOCS: Record<string, ReadonlyArray<{ title: string; url: string }>> = {
  G02: [{ title: 'Configuring Keystores in WSO2 API Manager', url: 'https://apim.docs.wso2.com/en/4.7.0/install-and-setup/setup/security/configuring-keystores/configuring-keystores-in-wso2-api-manager/' }],
  G03: [{ title: 'Set Passwords using Environment Variables/System Properties', url: 'https://apim.docs.wso2.com/en/3.1.0/install-and-setup/setup/security/logins-and-passwords/set-passwords-using-vars-and-sys-props/' }, { title: 'Encrypting Secrets using WSO2 Secure Vault (Micro Integrator)', url: 'https://apim.docs.wso2.com/en/4.1.0/install-and-setup/setup/mi-setup/security/encrypting_plain_text/' }],
  G04: [{ title: 'Changing the Default Ports with Offset', url: 'https://apim.docs.wso2.com/en/4.7.0/install-and-setup/setup/deployment-best-practices/changing-the-default-ports-with-offset' }],
  G05: [{ title: 'Configuring a Read-Only LDAP User Store', url: 'https://apim.docs.wso2.com/en/4.7.0/install-and-setup/setup/configure-userstores/configure-primary-user-store/configuring-a-read-only-ldap-user-store/' }],
  G08: [{ title: 'Configuring Transport Level Security', url: 'https://apim.docs.wso2.com/en/latest/install-and-setup/setup/security/configuring-transport-level-security/' }],
  G09: [{ title: 'Configuring Transport Level Security', url: 'https://apim.docs.wso2.com/en/latest/install-and-setup/setup/security/configuring-transport-level-security/' }],
  G13: [{ title: 'Configuring Transport Level Security', url: 'https://apim.docs.wso2.com/en/latest/install-and-setup/setup/security/configuring-transport-level-security/' }],
  G14: [{ title: 'Configuring Transport Level Security', url: 'https://apim.docs.wso2.com/en/latest/install-and-setup/setup/security/configuring-transport-level-security/' }],
  G15: [{ title: 'Enabling Hostname Verification', url: 'https://apim.docs.wso2.com/en/4.1.0/install-and-setup/setup/security/enabling-hostname-verification/' }],
  G18: [{ title: 'Maintaining Logins and Passwords: changing the super admin credentials', url: 'https://apim.docs.wso2.com/en/3.1.0/install-and-setup/setup/security/logins-and-passwords/maintaining-logins-and-passwords/' }],
  G20: [{ title: 'Managing Log Growth', url: 'https://apim.docs.wso2.com/en/latest/administer/logging-and-monitoring/logging/managing-log-growth/' }],
};
