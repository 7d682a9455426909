// Fragments each file kind's parser treats specially: the tokens a fuzzer should throw at it, and the lines the
// generated (grammar-shaped) inputs are built from. Secrets and insecure settings are here so rules fire and fix.
import type { FileKind } from '../../shared-rules/engine/rule';

export const TOKENS: Record<FileKind, string[]> = {
  toml: [
    '[', ']', '[[', ']]', '"', "'", '"""', "'''", '=', '.', ',', '{', '}', '\\', '\\u00', '\\U0011FFFF', '#', '\t', '\r',
    'inf', '-nan', '0x', '+1_', '1979-05-27T07:32:00Z', '1979-05-27 07:32', 'true', '$secret{', '$env{X}', '${a.b}',
  ],
  properties: ['\\', '\\\n', '\\\r\n', '=', ':', ' ', '\\u', '\\uZZZZ', '\\u0041', '#', '!', '\f', '%u', '%m', '%n', '${', '}'],
  xml: [
    '<', '>', '</', '/>', '"', "'", '=', '&', '&amp;', '&#x0;', '&#1114112;', '&x;', '&lt', '<![CDATA[', ']]>', '<?', '?>',
    '<?xml version="1.0"?>', '<!DOCTYPE', '<!ENTITY', '<!--', '-->', ']>', '<Manager', '<Context>', '</Context>', ':',
  ],
  shell: [
    '\\\n', '\\\r\n', '"', "'", '$(', '${', '`', '(', ')', '}', '((', '))', '<<EOF', '<<-X', 'EOF', ';', ';;', '&&', '|',
    '&', '>', '2>&1', '$\'', '#', 'java', '$JAVACMD', 'exec', 'A=(', '-Djdk.tls.ephemeralDHKeySize=', '\r',
  ],
  pod: [':', '-', '---', '{', '}', '[', ']', '"', "'", '|', '>', '&a', '*a', '!!str', '#', '\t', '${___}', 'runAsUser: 0', 'privileged: true'],
};

/** Whole lines of each kind, valid or nearly so, including what the rules look for. */
export const LINES: Record<FileKind, string[]> = {
  toml: [
    '[super_admin]', 'username = "admin"', 'password = "admin"', 'create_admin_account = true', '[secrets]',
    'admin_password = "[x]"', '[database.apim_db]', 'url = "jdbc:mysql://db:3306/apim?user=u&password=p"',
    'password = "s3cret"', '[[datasource]]', 'id = "WSO2_DS"', '[keystore.tls]', 'key_password = \'ks\'',
    '[transport.https.sslHostConfig.properties]', 'protocols = "TLSv1, TLSv1.1, TLSv1.2"', 'ciphers = ["A", "B",]',
    '[server]', 'hostname = "localhost"', 'offset = 0x10', 'a.b."c.d" = { x = 1, y = [1, [2, [3]]] }',
    'multi = """', 'line', '"""', "lit = '''", "'''", '[[internal_apis.users]]', 'user.name = "admin"',
    'user.password = "admin"', 'password = "$secret{admin}"', 'password = "{{ .Values.pw }}"', 'key = 1979-05-27',
  ],
  properties: [
    'appenders = AUDIT_LOGFILE, CARBON_LOGFILE', 'appender.AUDIT_LOGFILE.type = RollingFile',
    'appender.AUDIT_LOGFILE.name = AUDIT_LOGFILE', 'appender.AUDIT_LOGFILE.layout.type = PatternLayout',
    'appender.AUDIT_LOGFILE.layout.pattern = [%d] %5p - %m%ex%n', 'appender.CARBON_LOGFILE.layout.pattern = %m%n',
    'appender.CARBON_LOGFILE.type = RollingFile', 'appender.CARBON_LOGFILE.name = CARBON_LOGFILE',
    'appender.x.password = s3cret', 'key\\', '    continued', 'a\\u0020b = c', '=novalue', ':', '\\', 'k = v\\\\',
  ],
  xml: [
    '<?xml version="1.0" encoding="UTF-8"?>', '<Context>', '</Context>', '<Manager className="org.apache.catalina.session.StandardManager" sessionIdLength="16"/>',
    '<Manager>', '</Manager>', '<SessionIdGenerator sessionIdLength="8"/>', '<WatchedResource>WEB-INF/web.xml</WatchedResource>',
    '<Resource name="jdbc/x" password="p" url="jdbc:h2:x"/>', '<!DOCTYPE Context [ <!ENTITY a "aaaa"> ]>',
    '<Valve className="x" a=b c=\'d\'/>', '<Loader delegate="true"/>', '<!-- <Manager/> -->',
  ],
  shell: [
    '#!/bin/sh', 'JAVACMD="$JAVA_HOME/bin/java"', 'export JAVA_OPTS="-Xms256m"', '$JAVACMD \\',
    '    -Djdk.tls.ephemeralDHKeySize=2048 \\', '    -Djdk.tls.ephemeralDHKeySize=1024 \\', '    $JAVA_OPTS \\',
    '    -Djavax.net.ssl.keyStorePassword=wso2carbon \\', '    org.wso2.carbon.bootstrap.Bootstrap $*',
    'exec "$JAVA_HOME/bin/java" -cp x org.wso2.micro.integrator.bootstrap.Bootstrap', 'if [ -z "$X" ]; then', 'fi',
    'cat <<EOF', 'EOF', 'while true; do', 'done', 'case "$1" in', 'esac', 'X=$(echo "$(pwd)")', 'A=(a b "c d")',
  ],
  pod: ['kind: Deployment', 'kind: Pod', 'spec:', '  containers:', '  - name: wso2am', '    image: wso2/wso2am:4.2.0', '    securityContext:', '      runAsUser: 0', '      runAsNonRoot: false', '      privileged: true', '---'],
};

/** File names that select each kind (and, through the path, a product) — none exists on disk. */
export const NAMES: Record<FileKind, string[]> = {
  toml: ['/fuzz/wso2am-4.2.0/repository/conf/deployment.toml', '/fuzz/wso2is-7.0.0/repository/conf/deployment.toml', '/fuzz/wso2mi-4.3.0/conf/deployment.toml', '/fuzz/x/deployment.toml'],
  properties: ['/fuzz/wso2am-4.2.0/repository/conf/log4j2.properties', '/fuzz/x/log4j2.properties'],
  xml: ['/fuzz/wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml', '/fuzz/x/context.xml'],
  shell: ['/fuzz/wso2am-4.2.0/bin/api-manager.sh', '/fuzz/wso2mi-4.3.0/bin/micro-integrator.sh', '/fuzz/x/wso2server.sh'],
  pod: ['/fuzz/chart/templates/deployment.yaml', '/fuzz/k8s/wso2am.yaml'],
};

export const KINDS: readonly FileKind[] = ['toml', 'properties', 'xml', 'shell', 'pod'];
