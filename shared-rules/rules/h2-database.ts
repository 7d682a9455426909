import { defineRule } from '../engine/rule';
import { dataSources, dataSourceType, visibleJdbcUrl } from './util/datasources';

// `[database.local]` is the node-local Carbon database: the product documentation keeps it on embedded H2 in
// production (it holds nothing shared). Every other data source on H2 is the evaluation setup.
const NODE_LOCAL = new Set(['local']);

export default defineRule({
  meta: {
    id: 'h2-database',
    title: 'Embedded H2 database',
    guideline: 'Always communicate with external user stores and databases over TLS',
    guidelineId: 'G06',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds data sources on the embedded H2 database (`jdbc:h2:` URLs, or `type = "h2"` without a URL) — what every API Manager and Identity Server ships with for `apim_db`, `shared_db`, `identity_db`. `[database.local]` (the node-local Carbon database, which stays on H2 in production) is not reported.',
      why: 'H2 is for evaluation: it is not supported for production, cannot be shared by a cluster, and, with AUTO_SERVER=TRUE, opens an unencrypted TCP port of its own. The guideline asks for production databases reached over TLS.',
      example: {
        bad: '[database.apim_db]\ntype = "h2"\nurl = "jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE;DB_CLOSE_ON_EXIT=FALSE"',
        good: '[database.apim_db]\ntype = "postgre"\nurl = "jdbc:postgresql://db.example.com:5432/apim_db?sslmode=verify-full"\nusername = "apim_app"\npassword = "$secret{apim_db_password}"',
      },
      fix: 'Create the product databases on a supported RDBMS (MySQL, PostgreSQL, Oracle, SQL Server, DB2) with the product\'s scripts in `dbscripts/`, and point each `[database.*]` at it with a TLS URL and a least-privileged account. There is no quick fix.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    for (const ds of dataSources(ctx.model.config)) {
      if (ds.id && NODE_LOCAL.has(ds.id) && ds.label.startsWith('[database.')) continue;
      const h2 = ds.url ? visibleJdbcUrl(ds)?.driver === 'h2' : dataSourceType(ds) === 'h2';
      if (!h2) continue;
      const span = ds.url?.value.span ?? ds.type?.value.span;
      if (!span) continue;
      ctx.report({
        span,
        message: `${ds.label} uses the embedded H2 database that ships for evaluation. In production use a supported RDBMS (MySQL, PostgreSQL, Oracle, SQL Server, DB2), reached over TLS.`,
      });
    }
  },
  cases: {
    valid: [
      { code: '[database.apim_db]\nurl = "jdbc:postgresql://db:5432/apim?sslmode=require"\n' },
      { name: 'node-local Carbon DB', code: '[database.local]\nurl = "jdbc:h2:./repository/database/WSO2CARBON_DB;DB_CLOSE_ON_EXIT=FALSE"\n' },
    ],
    invalid: [
      {
        code: '[database.apim_db]\ntype = "h2"\nurl = "jdbc:h2:./repository/database/WSO2AM_DB;AUTO_SERVER=TRUE"\n[database.shared_db]\ntype = "h2"\n',
        errors: [
          { range: [2, 6, 2, 64], message: '[database.apim_db] uses the embedded H2 database' },
          { range: [4, 7, 4, 11], message: '[database.shared_db] uses the embedded H2 database' },
        ],
      },
      {
        name: 'MI [[datasource]]',
        code: '[[datasource]]\nid = "WSO2_CARBON_DB"\nurl= "jdbc:h2:./repository/database/WSO2CARBON_DB"\n',
        errors: [{ range: [2, 5, 2, 50], message: '[[datasource]] WSO2_CARBON_DB' }],
      },
    ],
  },
});
