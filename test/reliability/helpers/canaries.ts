// Files full of distinctive secrets (each "Zq9-LEAKCANARY-n"), in every password-ish place of the four file kinds:
// what CarbonLint prints, logs, uploads (SARIF) or shows (hovers, code-action titles) must contain none of them.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';

export const CANARY = 'LEAKCANARY';
const c = (n: number) => `Zq9-${CANARY}-${n}`;

export const SECRET_FILES: Record<string, string> = {
  'wso2am-4.2.0/repository/conf/deployment.toml': `[server]
hostname = "localhost"

[super_admin]
username = "admin"
password = "${c(1)}"
create_admin_account = true

[user_store]
type = "database_unique_id"
connection_password = "${c(2)}"

[database.apim_db]
type = "mysql"
url = "jdbc:mysql://apimuser:${c(3)}@db:3306/apim?useSSL=false&password=${c(4)}"
username = "apimuser"
password = "${c(5)}"

[database.shared_db]
url = "jdbc:oracle:thin:shareduser/${c(6)}@db:1521/ORCL"
password = '${c(7)}'

[[datasource]]
id = "WSO2_CARBON_DB"
url = "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE;PASSWORD=${c(8)}"
username = "wso2carbon"
password = "${c(9)}"

[keystore.tls]
file_name = "wso2carbon.jks"
password = "${c(10)}"
key_password = "${c(11)}"

[truststore]
password = """${c(12)}"""

[apim.key_manager]
client_secret = "${c(13)}"

[transport.https.properties]
keystorePass = "${c(14)}"
sslProtocol = "TLSv1"

[apim.throttling]
password = ${c(15)}
event_listener = { username = "tm", password = "${c(18)}" }

[apim.throttling]
password = "${c(19)}"

[secrets]
admin_password = "[${c(16)}]"
keystore_password = "${c(17)}"
`,
  'wso2am-4.2.0/repository/conf/log4j2.properties': `appenders = AUDIT_LOGFILE, JDBC
appender.AUDIT_LOGFILE.type = RollingFile
appender.AUDIT_LOGFILE.name = AUDIT_LOGFILE
appender.AUDIT_LOGFILE.layout.type = PatternLayout
appender.AUDIT_LOGFILE.layout.pattern = [%d] %m%n
appender.JDBC.type = JDBC
appender.JDBC.connectionSource.password = ${c(20)}
appender.JDBC.connectionSource.url = jdbc:mysql://u:${c(21)}@db/logs?password=${c(24)}
appender.SMTP.smtpPassword = ${c(22)}
appender.bad.password = Zq9\\uZZZZ-${CANARY}-23
`,
  'wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml': `<?xml version="1.0" encoding="UTF-8"?>
<Context>
  <Resource name="jdbc/x" password="${c(30)}" url="jdbc:mysql://u:${c(31)}@db/x"/>
  <Manager className="org.apache.catalina.session.StandardManager" sessionIdLength="16"/>
  <Realm className="org.apache.catalina.realm.JDBCRealm" connectionPassword="${c(32)}"/>
  <Resource name="jdbc/y" password=${c(33)} />
  <Environment name="secret" value="${c(34)}" type="java.lang.String"/>
</Context>
`,
  // Secrets under names without a secret-ish word, and the SHA-256 of app_password that a quick fix writes.
  'wso2is-7.0.0/repository/conf/deployment.toml': `[server]
hostname = "localhost"

[encryption]
key = "${c(50)}"

[apim.gateway]
hmac_key = "${c(51)}"

[identity.auth_framework.endpoint]
app_password = "${c(52)}"

[account_recovery.endpoint.auth]
hash = "0000000000000000000000000000000000000000000000000000000000000000"

[super_admin]
username = "admin"
password = "admin"
`,
  'wso2is-7.0.0/repository/conf/tomcat/context.xml': `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE Context [
<!ENTITY dbpw "${c(53)}">
]>
<Context>
  <Manager className="org.apache.catalina.session.StandardManager" sessionIdLength="16"/>
</Context>
`,
  'wso2am-4.2.0/bin/api-manager.sh': `#!/bin/sh
JAVA_OPTS="-Djavax.net.ssl.trustStorePassword=${c(43)}"
KEYSTORE_PASSWORD='${c(44)}'
$JAVACMD \\
    -Xms256m \\
    -Djavax.net.ssl.keyStorePassword=${c(40)} \\
    -Djavax.net.ssl.trustStorePassword="${c(41)}" \\
    -Dcarbon.registry.password=${c(42)} \\
    $JAVA_OPTS \\
    org.wso2.carbon.bootstrap.Bootstrap $*
`,
};

/** Writes the files under `root`; returns their absolute paths. */
export function writeSecretWorkspace(root: string): string[] {
  return Object.entries(SECRET_FILES).map(([rel, text]) => {
    const f = path.join(root, rel);
    fs.mkdirSync(path.dirname(f), { recursive: true });
    fs.writeFileSync(f, text);
    return f;
  });
}

/** The canaries found in `text` (e.g. ["Zq9-LEAKCANARY-15"]), for a precise failure message. */
export function leaks(text: string): string[] {
  return [...new Set(text.match(new RegExp(`Zq9(?:\\\\uZZZZ)?-${CANARY}-\\d+`, 'g')) ?? [])];
}

/** Every (line, character) where a canary starts, per file, for hovers and code actions. */
export function canaryPositions(text: string): Array<{ line: number; character: number }> {
  const out: Array<{ line: number; character: number }> = [];
  text.split('\n').forEach((l, line) => {
    for (let i = l.indexOf(CANARY); i !== -1; i = l.indexOf(CANARY, i + 1)) out.push({ line, character: i });
  });
  return out;
}

/** Every canary value in the fixture (with the escaped variant as written in log4j2.properties, decoded). */
export function canaryValues(): string[] {
  return [...new Set(Object.values(SECRET_FILES).join('\n').match(new RegExp(`Zq9-${CANARY}-\\d+`, 'g')) ?? [])];
}

/**
 * Traces of the canaries in `text` beyond the whole value: any 8-character piece of one (short of the shared
 * "Zq9-LEAKCANARY-" stem, which the whole-value check covers), and its SHA-256, SHA-1 or MD5 in hex (either case) or
 * base64. A hash of a short secret is the secret: it can be confirmed by guessing.
 */
export function traces(text: string): string[] {
  const found: string[] = [];
  for (const v of canaryValues()) {
    for (const algo of ['sha256', 'sha1', 'md5']) {
      const d = createHash(algo).update(v, 'utf8').digest();
      for (const form of [d.toString('hex'), d.toString('hex').toUpperCase(), d.toString('base64')]) {
        if (text.includes(form.slice(0, 16))) found.push(`${algo} of ${v}`);
      }
    }
    // Pieces that hold the number: the stem alone is common to all canaries and is covered by leaks().
    const tail = v.slice(v.lastIndexOf('-') + 1);
    for (let i = Math.max(0, v.length - tail.length - 7); i + 8 <= v.length; i++) {
      const piece = v.slice(i, i + 8);
      if (new RegExp(`${piece.replace(/[-]/g, '\\-')}(?!\\d)`).test(text)) found.push(`piece "${piece}" of ${v}`);
    }
  }
  return [...new Set(found)];
}
