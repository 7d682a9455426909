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
  nginx: ['{', '}', ';', '"', "'", '\\', '#', '${', '$host', 'server', 'location', '/', '^~', '~*', 'listen', '443', 'proxy_pass', 'include'],
  ingress: [':', '- ', '---', '|', '>', '&a', '*a', '!!str', '{', '}', '[', ']', '"', "'", '#', 'kind: Ingress', 'path: /', 'number: 9443'],
  dockerfile: ['\\\n', '`\n', '"', "'", '${', '$', '}', ':-', '<<EOF', '<<-EOF', 'EOF', '[', ']', '["', '"]', 'FROM', 'USER', 'AS', '#', '\r'],
  compose: [':', '- ', '"', "'", '{', '}', '[', ']', '&a', '*a', '<<', '|', '>', '#', '\t', '---', 'user:', 'image:', 'build:'],
  systemd: ['[', ']', '=', '\\\n', '#', ';', '[Service]', 'User=', 'ExecStart=', '+', '-', '@', '\r'],
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
  nginx: [
    'upstream am {', 'server wso2am:9443;', '}', 'server {', 'listen 443 ssl;', 'server_name apim.example.com;',
    'location / {', 'proxy_pass https://am;', 'proxy_pass https://wso2am:9763/;', 'location /carbon { deny all; }',
    'location ~ ^/(services) { return 403; }', 'include snippets/deny.conf;', 'http {', 'stream {',
  ],
  ingress: [
    'apiVersion: networking.k8s.io/v1', 'kind: Ingress', 'metadata:', '  name: am', 'spec:', '  rules:', '  - host: am.example.com',
    '    http:', '      paths:', '      - path: /', '        backend:', '          service:', '            name: am', '            port:',
    '              number: 9443', '          serviceName: am', '          servicePort: 9763', '---', 'kind: HTTPRoute',
  ],
  dockerfile: [
    'FROM wso2/wso2am:4.2.0', 'FROM ubuntu:24.04 AS build', 'FROM build', 'ARG USER_ID=10001', 'ENV U=0', 'USER root', 'USER ${USER_ID}',
    'USER 0:0', 'COPY wso2am-4.2.0.zip /opt/', 'COPY wso2carbon.jks /home/wso2carbon/', 'RUN <<EOF', 'EOF', 'RUN apt-get update \\',
    'CMD ["/opt/wso2am-4.2.0/bin/api-manager.sh"]', 'ENTRYPOINT /opt/wso2am-4.2.0/bin/api-manager.sh',
  ],
  compose: [
    'services:', '  apim:', '    image: wso2/wso2am:4.2.0', '    image: ubuntu', '    user: root', '    user: "0:0"', '    build: ./apim',
    '    build:', '      context: .', '      dockerfile: Dockerfile', '  db:', '    image: mysql', 'x: &a [1]', 'y: *a',
  ],
  systemd: [
    '[Unit]', '[Service]', '[Install]', 'ExecStart=/opt/wso2am/bin/api-manager.sh start', 'ExecStart=+/opt/wso2is/bin/wso2server.sh', 'User=root',
    'User=wso2carbon', 'User=', 'DynamicUser=yes', 'Type=forking', 'ExecStart=/bin/sh -c \\', '  "/opt/wso2mi/bin/micro-integrator.sh"',
  ],
  pod: ['kind: Deployment', 'kind: Pod', 'spec:', '  containers:', '  - name: wso2am', '    image: wso2/wso2am:4.2.0', '    securityContext:', '      runAsUser: 0', '      runAsNonRoot: false', '      privileged: true', '---'],
};

/** File names that select each kind (and, through the path, a product) — none exists on disk. */
export const NAMES: Record<FileKind, string[]> = {
  toml: ['/fuzz/wso2am-4.2.0/repository/conf/deployment.toml', '/fuzz/wso2is-7.0.0/repository/conf/deployment.toml', '/fuzz/wso2mi-4.3.0/conf/deployment.toml', '/fuzz/x/deployment.toml'],
  properties: ['/fuzz/wso2am-4.2.0/repository/conf/log4j2.properties', '/fuzz/x/log4j2.properties'],
  xml: ['/fuzz/wso2am-4.2.0/repository/conf/tomcat/carbon/META-INF/context.xml', '/fuzz/x/context.xml'],
  shell: ['/fuzz/wso2am-4.2.0/bin/api-manager.sh', '/fuzz/wso2mi-4.3.0/bin/micro-integrator.sh', '/fuzz/x/wso2server.sh'],
  nginx: ['/fuzz/nginx/nginx.conf', '/fuzz/nginx/conf.d/apim.conf'],
  ingress: ['/fuzz/k8s/ingress.yaml'],
  dockerfile: ['/fuzz/docker/wso2am/Dockerfile', '/fuzz/x/Dockerfile'],
  compose: ['/fuzz/compose/docker-compose.yml', '/fuzz/x/compose.yaml'],
  systemd: ['/fuzz/units/wso2am.service', '/fuzz/x/x.service'],
  pod: ['/fuzz/chart/templates/deployment.yaml', '/fuzz/k8s/wso2am.yaml'],
};

export const KINDS: readonly FileKind[] = ['toml', 'properties', 'xml', 'shell', 'nginx', 'ingress', 'dockerfile', 'compose', 'systemd', 'pod'];
