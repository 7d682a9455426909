import { defineRule } from '../engine/rule';
import { TLS_EXAMPLE, VERIFY_EXAMPLE, tlsVerdict, type Driver } from '../data/jdbc-tls';
import { findParamValue, isLoopback } from './util/jdbc';
import { dataSources, dataSourceType, visibleJdbcUrl } from './util/datasources';
import { literalString } from './util/toml';
import { databaseWithoutTlsLegacy } from './legacy/datasources';

// `[database.<id>] type` values whose inferred URL (built from hostname/port/name when `url` is absent) has no TLS.
const INFERRED: Record<string, Driver> = { mysql: 'mysql', mariadb: 'mariadb', postgre: 'postgresql', postgresql: 'postgresql', mssql: 'sqlserver', oracle: 'oracle', db2: 'db2' };

export default defineRule({
  meta: {
    id: 'database-without-tls',
    title: 'Database connection without TLS',
    guideline: 'Always communicate with external user stores and databases over TLS',
    guidelineId: 'G06',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Checks the JDBC URL of every `[database.*]`, `[datasource.*]` and `[[datasource]]` for the driver\'s TLS parameters (after decoding `&amp;`): MySQL `useSSL=true` or `sslMode=VERIFY_CA|VERIFY_IDENTITY`; MariaDB `sslMode=verify-ca|verify-full` or `useSsl=true`; PostgreSQL `ssl=true` or `sslmode=verify-ca|verify-full`; SQL Server `encrypt=true` (and not `trustServerCertificate=true`); Oracle TCPS; DB2 `sslConnection=true`. Settings that encrypt without authenticating the server — MySQL `sslMode=REQUIRED` or `useSSL=true` with `verifyServerCertificate=false`, MariaDB `sslMode=trust` or `trustServerCertificate=true`, PostgreSQL `sslmode=require` or the `NonValidatingFactory`, SQL Server `trustServerCertificate=true` — are reported as such: the traffic is encrypted but open to a man-in-the-middle. A `[database.*]` with `type` and `hostname` but no `url` is reported too: the URL config-mapper builds has no TLS parameters. Loopback hosts (localhost, 127.0.0.1) and H2 (see `h2-database`) are left alone; URLs from templates, `$env{}`/`$ref{}` or deploy-time tokens are not visible and not checked.',
      why: 'Without TLS, database credentials and every token, session and user record cross the network in plain text, readable and alterable by anyone on the path.',
      example: {
        bad: '[database.apim_db]\ntype = "mysql"\nurl = "jdbc:mysql://db:3306/apim?useSSL=false"',
        good: '[database.apim_db]\ntype = "mysql"\nurl = "jdbc:mysql://db.example.com:3306/apim?sslMode=VERIFY_IDENTITY"',
      },
      fix: 'Enable TLS on the database server and add the driver\'s TLS parameter to the URL (and import the database\'s CA certificate into the truststore). The quick fix, offered only where a parameter explicitly turns TLS off (`useSSL=false`, `sslmode=disable`, `encrypt=false`, …), flips it; review it, because the connection fails until the database accepts TLS.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    for (const ds of dataSources(ctx.model.config)) {
      if (ds.url) {
        const jdbc = visibleJdbcUrl(ds);
        if (!jdbc || jdbc.driver === 'h2' || isLoopback(jdbc.host)) continue;
        const v = tlsVerdict(jdbc.driver, jdbc.params, jdbc.url);
        if (v.ok) continue;
        const at = v.replace && findParamValue(ds.url.value.raw, v.replace.name, v.replace.from);
        const advice = v.replace ? `Use ${v.replace.name}=${v.replace.to}` : (v.problem ? VERIFY_EXAMPLE : TLS_EXAMPLE)[jdbc.driver].replace(/^./, (c) => c.toUpperCase());
        ctx.report({
          span: ds.url.value.span,
          message: v.problem === 'unauthenticated'
            ? `${ds.label} url encrypts the connection but does not authenticate the database server: ${v.reason}, so anyone on the network path can present their own certificate and read or alter the traffic (man-in-the-middle). ${advice}, with the database's CA certificate in the truststore.`
            : `${ds.label} url connects without TLS: ${v.reason}. ${advice}, with TLS enabled on the database server.`,
          fix: at ? {
            title: `Set ${v.replace!.name}=${v.replace!.to}`,
            edits: [{ start: ds.url.value.span.start + at.start, end: ds.url.value.span.start + at.end, newText: v.replace!.to }],
            safe: false,
          } : undefined,
        });
      } else if (ds.hostname && ds.header?.headerSpan) {
        const driver = INFERRED[dataSourceType(ds) ?? ''];
        const host = literalString(ds.hostname.value)?.toLowerCase();
        if (!driver || isLoopback(host)) continue;
        ctx.report({
          span: ds.header.headerSpan,
          message: `${ds.label} has no url: the URL built from hostname and port has no TLS parameters. Write the url yourself and ${TLS_EXAMPLE[driver]}.`,
        });
      }
    }
  },
  cases: {
    valid: [
      { code: '[database.apim_db]\nurl = "jdbc:mysql://db:3306/apim?useSSL=true"\n' },
      { code: '[database.apim_db]\nurl = "jdbc:mysql://db:3306/apim?autoReconnect=true&amp;sslMode=VERIFY_IDENTITY"\n' },
      { code: '[database.identity_db]\nurl = "jdbc:postgresql://pg:5432/identity?sslmode=verify-full"\n' },
      { code: '[database.shared_db]\nurl = "jdbc:sqlserver://ms:1433;databaseName=shared;encrypt=true"\n' },
      { name: 'MySQL VERIFY_CA, PostgreSQL verify-ca, MariaDB verify-full', code: '[database.a]\nurl = "jdbc:mysql://db:3306/a?sslMode=VERIFY_CA"\n[database.b]\nurl = "jdbc:postgresql://pg/b?sslmode=verify-ca"\n[database.c]\nurl = "jdbc:mariadb://m/c?sslMode=verify-full"\n' },
      { code: '[database.shared_db]\nurl = "jdbc:oracle:thin:@tcps://ora:2484/svc"\n' },
      { code: '[database.shared_db]\nurl = "jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCPS)(HOST=ora)(PORT=2484))(CONNECT_DATA=(SERVICE_NAME=svc)))"\n' },
      { code: '[[datasource]]\nid = "WSO2CarbonDB"\nurl = "jdbc:db2://db2:50000/testdb:sslConnection=true;"\n' },
      { name: 'loopback', code: '[[datasource]]\nurl = "jdbc:mysql://localhost:3306/integratordb"\n' },
      { name: 'H2 is another rule\'s business', code: '[database.apim_db]\nurl = "jdbc:h2:./repository/database/WSO2AM_DB"\n' },
      { name: 'not visible', code: '[database.apim_db]\nurl = "$env{APIM_DB_URL}"\n[database.shared_db]\nurl = "DB_AM_CONFIG_URL"\n[database.x]\nurl = "{{ .Values.url }}"\n' },
    ],
    invalid: [
      {
        name: 'useSSL=false behind &amp;',
        code: '[database.apim_db]\ntype = "mysql"\nurl = "jdbc:mysql://mysql:3306/WSO2AM_DB?autoReconnect=true&amp;useSSL=false"\n',
        errors: [{ range: [2, 6, 2, 77], message: '[database.apim_db] url connects without TLS: useSSL=false turns TLS off. Use useSSL=true' }],
        output: '[database.apim_db]\ntype = "mysql"\nurl = "jdbc:mysql://mysql:3306/WSO2AM_DB?autoReconnect=true&amp;useSSL=true"\n',
      },
      {
        name: 'no TLS parameter; PostgreSQL prefer; SQL Server without encrypt; Oracle TCP; DB2',
        code: '[database.a]\nurl = "jdbc:mysql://db/a"\n[database.b]\nurl = "jdbc:postgresql://pg/b?sslmode=prefer"\n[datasource.C]\nurl = "jdbc:sqlserver://ms;databaseName=c"\n[[datasource]]\nid = "D"\nurl = "jdbc:oracle:thin:@ora:1521/d"\n[[datasource]]\nurl = "jdbc:db2://db2:50000/e"\n',
        errors: [
          { range: [1, 6, 1, 25], message: 'Connector/J falls back to plain text' },
          { range: [3, 6, 3, 45], message: 'sslmode=prefer falls back to plain text' },
          { range: [5, 6, 5, 42], message: '[datasource.C] url connects without TLS: it does not set encrypt=true' },
          { range: [8, 6, 8, 36], message: '[[datasource]] D url' },
          { range: [10, 6, 10, 30], message: '[[datasource]] #2 url connects without TLS: it does not set sslConnection=true' },
        ],
      },
      {
        name: 'encrypted but the server not authenticated: SQL Server trustServerCertificate, MySQL REQUIRED and verifyServerCertificate=false, PostgreSQL require',
        code: '[database.a]\nurl = "jdbc:sqlserver://ms:1433;databaseName=a;encrypt=true;trustServerCertificate=true"\n[database.b]\nurl = "jdbc:mysql://db:3306/b?sslMode=REQUIRED"\n[database.c]\nurl = "jdbc:mysql://db:3306/c?useSSL=true&amp;verifyServerCertificate=false"\n[database.d]\nurl = "jdbc:postgresql://pg:5432/d?sslmode=require"\n',
        errors: [
          { range: [1, 6, 1, 88], message: '[database.a] url encrypts the connection but does not authenticate the database server: trustServerCertificate=true accepts any server certificate, so anyone on the network path can present their own certificate and read or alter the traffic (man-in-the-middle). Use trustServerCertificate=false' },
          { range: [3, 6, 3, 47], message: 'sslMode=REQUIRED encrypts without checking the server certificate' },
          { range: [5, 6, 5, 76], message: 'useSSL=true with verifyServerCertificate=false encrypts' },
          { range: [7, 6, 7, 51], message: 'sslmode=require encrypts without checking the server certificate, so anyone on the network path' },
        ],
        output: '[database.a]\nurl = "jdbc:sqlserver://ms:1433;databaseName=a;encrypt=true;trustServerCertificate=false"\n[database.b]\nurl = "jdbc:mysql://db:3306/b?sslMode=VERIFY_IDENTITY"\n[database.c]\nurl = "jdbc:mysql://db:3306/c?useSSL=true&amp;verifyServerCertificate=true"\n[database.d]\nurl = "jdbc:postgresql://pg:5432/d?sslmode=verify-full"\n',
      },
      {
        name: 'URL inferred from hostname',
        code: '[database.apim_db]\ntype = "postgre"\nhostname = "pg.example.com"\nname = "apim"\n',
        errors: [{ range: [0, 0, 0, 18], message: 'the URL built from hostname and port has no TLS parameters' }],
      },
    ],
  },
  legacy: [databaseWithoutTlsLegacy],
});
