// G06 in datasources/*.xml: `definition[@type='RDBMS']/configuration/url` (legacy-carbon.md §5 G06). The JDBC TLS
// verdict is the TOML era's (data/jdbc-tls.ts); H2 and loopback hosts are left to other rules.
import { defineVariant } from '../../engine/rule';
import { TLS_EXAMPLE, tlsVerdict } from '../../data/jdbc-tls';
import { findParamValue, isLoopback, parseJdbc } from '../util/jdbc';
import { atPath, childText, isPlaceholder } from '../util/legacy-xml';

export const databaseWithoutTlsLegacy = defineVariant({
  kind: 'xml',
  files: ['datasources'],
  what: 'Carbon 4.4 (datasources/*.xml): an RDBMS datasource `url` to a remote database without the driver\'s TLS parameter (MySQL `useSSL=true`/`sslMode`, PostgreSQL `sslmode`, SQL Server `encrypt=true`, Oracle TCPS, DB2 `sslConnection=true`), or with TLS turned off.',
  example: {
    bad: '<url>jdbc:mysql://mysql:3306/carbon_db?autoReconnect=true&amp;useSSL=false</url>',
    good: '<url>jdbc:mysql://mysql:3306/carbon_db?autoReconnect=true&amp;useSSL=true</url>',
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const ds of atPath(doc, ['datasources-configuration', 'datasources', 'datasource'])) {
      const name = childText(doc, ds, 'name')?.value ?? 'datasource';
      for (const conf of atPath({ ...doc, root: ds }, ['datasource', 'definition', 'configuration'])) {
        const url = childText(doc, conf, 'url');
        if (!url || isPlaceholder(url.value)) continue;
        const jdbc = parseJdbc(url.value);
        if (!jdbc || jdbc.driver === 'h2' || isLoopback(jdbc.host)) continue;
        const v = tlsVerdict(jdbc.driver, jdbc.params, jdbc.url);
        if (v.ok) continue;
        const raw = doc.text.slice(url.span.start, url.span.end);
        const at = v.replace && findParamValue(raw, v.replace.name, v.replace.from);
        ctx.report({
          span: url.span,
          message: `Datasource ${name} connects without TLS: ${v.reason}. ${v.replace ? `Use ${v.replace.name}=${v.replace.to}` : TLS_EXAMPLE[jdbc.driver].replace(/^./, (c) => c.toUpperCase())}, with TLS enabled on the database server.`,
          fix: at ? { title: `Set ${v.replace!.name}=${v.replace!.to}`, edits: [{ start: url.span.start + at.start, end: url.span.start + at.end, newText: v.replace!.to }], safe: false } : undefined,
        });
      }
    }
  },
  cases: {
    valid: [{ name: 'H2 and loopback', code: '<datasources-configuration><datasources><datasource><name>A</name><definition type="RDBMS"><configuration><url>jdbc:h2:./repository/database/WSO2CARBON_DB</url></configuration></definition></datasource><datasource><name>B</name><definition type="RDBMS"><configuration><url>jdbc:mysql://localhost:3306/x</url></configuration></definition></datasource></datasources></datasources-configuration>' }],
    invalid: [{
      code: '<datasources-configuration><datasources><datasource><name>WSO2_CARBON_DB</name><definition type="RDBMS"><configuration>\n<url>jdbc:mysql://mysql:3306/carbon_db?autoReconnect=true&amp;useSSL=false</url>\n</configuration></definition></datasource></datasources></datasources-configuration>',
      errors: [{ range: [1, 5, 1, 74], message: 'Datasource WSO2_CARBON_DB connects without TLS: useSSL=false' }],
      output: '<datasources-configuration><datasources><datasource><name>WSO2_CARBON_DB</name><definition type="RDBMS"><configuration>\n<url>jdbc:mysql://mysql:3306/carbon_db?autoReconnect=true&amp;useSSL=true</url>\n</configuration></definition></datasource></datasources></datasources-configuration>',
    }],
  },
});
