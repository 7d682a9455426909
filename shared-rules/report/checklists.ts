// Each guideline's advice from the seed documents, as a short checklist the user confirms in the readiness
// report. Item order matters: confirmations in .carbonlint.json name items by index (append, never reorder).

export interface Checklist {
  /** One sentence: what the seeds ask for. */
  advice: string;
  items: readonly string[];
}

export const CHECKLISTS: Readonly<Record<string, Checklist>> = {
  G01: {
    advice: 'Apply all the security patches relevant to your product version.',
    items: [
      'Every security patch released for this product version is applied (vendor updates tool or support portal).',
      'Someone receives the monthly security patch notifications and acts on critical ones at once.',
      'The product version still receives patches; if not, an upgrade to the latest version is planned.',
      'Container images are rebuilt from the vendor images that carry the security fixes.',
    ],
  },
  G02: {
    advice: 'Replace the shipped self-signed keys with your own for every cryptographic operation.',
    items: [
      'The shipped keystore (wso2carbon.jks) is replaced by your own keys for TLS, signing and encryption.',
      'Every key is at least 2048 bits.',
      'Every certificate is signed with SHA-256.',
      'No vendor default certificate is left in any keystore or in the trust store (client-truststore.jks).',
    ],
  },
  G03: {
    advice: 'Encrypt the plain-text passwords in configuration files with Secure Vault.',
    items: [
      'Every password and secret in deployment.toml is a Secure Vault reference ($secret{…}) or comes from the environment.',
      'The cipher tool has run (ciphertool.sh -Dconfigure): [secrets] holds ciphertext, no "[plain]" values.',
      'Passwords in other configuration files (log4j2.properties, datasources) are encrypted too.',
    ],
  },
  G04: {
    advice: 'Change the default ports (HTTPS 9443, HTTP 9763, services 8243/8280) with a port offset.',
    items: [
      'A port offset (or explicit ports) replaces the default ports.',
      'Firewall and load-balancer rules use the changed ports.',
    ],
  },
  G05: {
    advice: 'Connect to external user stores (LDAP, Active Directory) read-only when the product only reads users.',
    items: [
      'Every external user store the product only reads from is configured read-only.',
      'The user store bind account cannot write to the directory.',
    ],
  },
  G06: {
    advice: 'Reach external databases, user stores (LDAP) and other services over TLS only.',
    items: [
      'Every database connection URL turns TLS on (useSSL=true, sslmode=require, encrypt=true, …) and verifies the server.',
      'LDAP user stores are reached over ldaps:// or StartTLS.',
      'Other back-end services are called over HTTPS.',
      'The embedded H2 database is not used in production.',
    ],
  },
  G07: {
    advice: 'Connect to databases and user stores as a user that cannot change their schema.',
    items: [
      'Database users of the product cannot change the schema (no DDL rights).',
      'No data store is reached as root, sa, postgres, system or another superuser.',
      'The LDAP bind user has only the rights the product needs.',
    ],
  },
  G08: {
    advice: 'Enable only strong TLS versions and ciphers on every HTTPS transport.',
    items: [
      'Only TLS 1.2 (and 1.3) are enabled; SSL, TLS 1.0 and TLS 1.1 are off.',
      'No DES/3DES, MD5, RC4, DSS, NULL, EXPORT or anonymous cipher suite is enabled.',
      'Only forward-secret suites are enabled, GCM preferred over CBC.',
      'Strong ciphers are set for the Tomcat transport, the PassThrough transport and the Thrift authentication service.',
      'Existing client applications were tested against these settings.',
    ],
  },
  G09: {
    advice: 'Configure PreferredCiphers for the PassThrough transport so weak ciphers are refused.',
    items: [
      'PreferredCiphers is set for the PassThrough (and Micro Integrator) HTTPS listener in deployment.toml.',
      'A TLS scan of the PassThrough port shows that no weak cipher is accepted.',
    ],
  },
  G10: {
    advice: 'Do not reveal the product in the HTTP "Server" response header.',
    items: [
      'The server name of every HTTP(S) connector is set in deployment.toml.',
      'A response from each public endpoint was checked: it does not say "WSO2 Carbon Server" or "MWARE Carbon Server".',
    ],
  },
  G11: {
    advice: 'Enable HTTP Strict Transport Security for every application the server runs.',
    items: [
      'HSTS is enabled for the management console.',
      'HSTS is enabled for every other web application (and Jaggery application) deployed.',
    ],
  },
  G12: {
    advice: 'Make applications with sensitive dynamic pages send cache-prevention headers.',
    items: [
      'Every application you deployed that shows sensitive data sends cache-prevention headers (Cache-Control: no-store).',
      'The cache-prevention headers of the shipped applications are still enabled.',
    ],
  },
  G13: {
    advice: 'Start the JVM with -Djdk.tls.ephemeralDHKeySize=2048.',
    items: [
      'The startup script (.sh) passes -Djdk.tls.ephemeralDHKeySize=2048 or more.',
      'The Windows startup script (.bat), service wrappers and container entry points pass it too.',
    ],
  },
  G14: {
    advice: 'Start the JVM with -Djdk.tls.rejectClientInitiatedRenegotiation=true.',
    items: [
      'The startup script (.sh) passes -Djdk.tls.rejectClientInitiatedRenegotiation=true.',
      'The Windows startup script (.bat), service wrappers and container entry points pass it too.',
    ],
  },
  G15: {
    advice: 'Enable strict hostname verification in the startup script.',
    items: [
      'The startup script passes -Dhttpclient.hostnameVerifier=Strict.',
      'Hostname verification is not switched off anywhere (-Dorg.wso2.ignoreHostnameVerification=true, AllowAll verifiers).',
    ],
  },
  G16: {
    advice: 'Where additional XSS protection is required, configure the input validation valve.',
    items: [
      'You decided whether additional XSS protection is required for this deployment.',
      'If it is, the XSS validation valve is configured in deployment.toml.',
    ],
  },
  G17: {
    advice: 'Increase the session id length (Tomcat default: 16 bytes) in context.xml.',
    items: [
      'Every context.xml sets sessionIdLength of at least 32 bytes (Manager or SessionIdGenerator).',
      'The web applications deployed with their own context.xml were checked too.',
    ],
  },
  G18: {
    advice: 'Change the default admin/admin administrator credentials.',
    items: [
      'The administrator is no longer admin/admin: its name and password are your own.',
      'The new password is strong and stored only encrypted or in the environment.',
    ],
  },
  G19: {
    advice: 'Let only administrators log in to the management console, with responsibilities split among them.',
    items: [
      'Only administrative users have the permission to log in to the management console.',
      'Users who only sign in to connected service providers cannot log in to the console.',
      'Administrative permissions are split among administrators by task instead of one all-powerful account.',
    ],
  },
  G20: {
    advice: 'Have a log rotation scheme and monitor the logs.',
    items: [
      'Every file log rolls over by time and/or size.',
      'The number of kept log files is limited (or a retention action deletes old ones).',
      'The logs are monitored (central log collection or alerting).',
    ],
  },
  G21: {
    advice: 'Make forged log entries detectable, e.g. with a UUID (%u) at the start of each AUDIT record.',
    items: [
      'The AUDIT log pattern starts with %u (a UUID per event) or neutralises line breaks in messages.',
      'The CARBON log pattern does the same.',
    ],
  },
  G22: {
    advice: 'Run a recommended JDK with JVM parameters that fit it.',
    items: [
      'The JDK is a version the vendor recommends for this product release.',
      'Heap settings (-Xms/-Xmx) fit the machine (about twice the heap in physical memory).',
      'Obsolete parameters such as -XX:MaxPermSize (gone since JDK 8) are removed.',
    ],
  },
  G23: {
    advice: 'Allow the Publisher (control-plane) node outbound connections only to the internal nodes it needs.',
    items: [
      'Outbound connections of the Publisher / control-plane node are limited to the internal nodes it must reach.',
      'A firewall or egress policy enforces this.',
    ],
  },
  G24: {
    advice: 'Use two admin accounts: one to log in, another as the system user for internal communication.',
    items: [
      'People log in with an admin account that is not the system user.',
      'The system user used for internal service communication is a separate account whose credentials no person uses.',
    ],
  },
  G25: {
    advice: 'When password recovery is used, allow only your own callback URLs with a regular expression.',
    items: [
      'A callback URL regular expression is defined for password recovery (and self-registration, if enabled).',
      'The expression allows only your own callback URLs, not ".*".',
    ],
  },
  G26: {
    advice: 'Change the default credentials the shipped web applications use to call the product REST APIs.',
    items: [
      'app_password in [identity.auth_framework.endpoint] is set to a value of your own.',
      'hash in [account_recovery.endpoint.auth] is the SHA-256 of that value.',
      'Externally hosted authenticationendpoint / accountrecoveryendpoint applications use the new password.',
    ],
  },
  G27: {
    advice: 'Check the Micro Integrator user store before going live and remove unwanted super admin records.',
    items: [
      'The user store was checked and unwanted super admin records are removed.',
      '[super_admin] in deployment.toml does not use admin/admin.',
      'Super admins created from deployment.toml are managed by hand (the management API cannot manage them).',
    ],
  },
  G28: {
    advice: 'Run the product as a dedicated OS user with only the permissions it needs, never root.',
    items: [
      'The product runs as a dedicated OS user, not root or Administrator.',
      'That user has only the permissions the product needs.',
      'Service units and containers set that user (systemd User=, Dockerfile USER).',
    ],
  },
  G29: {
    advice: 'Install only the software the deployment needs and keep monitoring it.',
    items: [
      'Only the software and packages the deployment needs are installed on the servers.',
      'Installed software is monitored continuously (inventory and vulnerability alerts).',
    ],
  },
  G30: {
    advice: 'Enable an OS-level firewall and open only the required ports.',
    items: [
      'An OS-level firewall (iptables, nftables, firewalld, Windows Firewall) is enabled on every server.',
      'Only the required inbound ports are open.',
      'Only the required outbound connections are allowed.',
    ],
  },
  G31: {
    advice: 'Let only cluster members reach the clustering ports (4000, 4001, … by default).',
    items: [
      'A host-level firewall blocks the clustering ports from unrecognised hosts.',
      'Only the other members of the product cluster can reach them.',
    ],
  },
  G32: {
    advice: 'Administer the servers over SSH, configured by best practice.',
    items: [
      'Servers are administered over SSH.',
      'The SSH port is changed from the default.',
      'Root / administrator login over SSH is disabled.',
      'Login uses user keys.',
      'A legal or security banner is shown before SSH authentication.',
    ],
  },
  G33: {
    advice: 'Install the OS security updates (including the Java runtime), after testing them in staging.',
    items: [
      'Security updates of the OS packages and the Java runtime are installed regularly.',
      'Updates are tested in a staging environment first.',
    ],
  },
  G34: {
    advice: 'Monitor the activities of OS users.',
    items: [
      'OS-level logging of user activity is enabled.',
      'The logs are reviewed regularly or collected by central log monitoring.',
    ],
  },
  G35: {
    advice: 'Clean up session data in chunks to avoid database deadlocks under load.',
    items: [
      'Session data cleanup runs in chunks ([session_data] cleanup.clean_expired_session_data_in_chunks_of).',
      'The chunk size (8192 suggested) suits the database type, server capacity and SSO load.',
    ],
  },
  G36: {
    advice: 'Back up important files and archive them continuously.',
    items: [
      'Configuration, keystores, deployed artefacts and databases are backed up continuously.',
      'Backups are archived away from the servers.',
      'Restoring from a backup has been tested.',
    ],
  },
  G37: {
    advice: 'Run a failover setup and monitor the health of the server instances.',
    items: [
      'High availability: at least two nodes with failover (VMs), or replicas managed by the orchestrator (Kubernetes).',
      'Server health is monitored: resource use, response time anomalies, incoming connections.',
      'Routing changes to avoid downtime are planned.',
    ],
  },
  G38: {
    advice: 'Keep and monitor the logs of proxies, load balancers and other network devices.',
    items: [
      'Proxy servers, load balancers and other network devices keep logs.',
      'Those logs are monitored.',
    ],
  },
  G39: {
    advice: 'Scan for open ports periodically; open only the ones the products need.',
    items: [
      'Open ports are checked periodically with a port-scanning tool.',
      'Only the ports the products need are open to internal and external networks.',
      'Any other open port is known and monitored.',
    ],
  },
  G40: {
    advice: 'Check network devices for anomalies and change their default credentials.',
    items: [
      'Network devices are checked periodically for anomalies (routing tables, firewall rules).',
      'The default credentials of every network device were changed before first use.',
    ],
  },
  G41: {
    advice: 'Apply firmware updates to network devices regularly.',
    items: [
      'Firmware updates of the network devices are applied regularly.',
      'Someone follows the device vendors\' firmware security advisories.',
    ],
  },
  G42: {
    advice: 'Block the /services and /carbon contexts at the DMZ and expose only the applications needed.',
    items: [
      'The /services context (admin services) is blocked at the proxy, load balancer or firewall.',
      'The /carbon context (management console) is blocked there too.',
      'Only the applications users need are exposed beyond the DMZ, by allowlist.',
    ],
  },
};
