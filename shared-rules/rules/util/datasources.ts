// Every database connection a deployment.toml declares: `[database.<id>]` (Carbon products), `[datasource.<id>]`
// (IS 7.2 AgentIdentity, consent DS) and `[[datasource]]` (MI, and extra IS data sources).
import type { EffectiveConfig, TomlEntry, TomlTable } from '../../parsers/toml/model';
import { literalString, pathText } from './toml';
import { visibleText } from './values';
import { parseJdbc, type JdbcUrl } from './jdbc';
import { oneLine } from './message';

export interface DataSource {
  /** `[database.apim_db]`, `[datasource.AgentIdentity]`, `[[datasource]] WSO2_CARBON_DB`. */
  label: string;
  /** The `<id>` of `[database.<id>]`, else the `id` key. */
  id?: string;
  /** Where to report something about the data source as a whole. */
  header?: TomlTable;
  url?: TomlEntry;
  username?: TomlEntry;
  type?: TomlEntry;
  hostname?: TomlEntry;
}

function named(config: EffectiveConfig, root: string): DataSource[] {
  const ids = new Set<string>();
  for (const e of config.under([root])) if (e.path.length >= 3) ids.add(e.path[1]);
  return [...ids].map((id) => {
    const key = (k: string) => config.get([root, id, k]);
    return {
      label: `[${pathText([root, id])}]`, id, header: config.table([root, id]),
      url: key('url'), username: key('username'), type: key('type'), hostname: key('hostname'),
    };
  });
}

export function dataSources(config: EffectiveConfig): DataSource[] {
  const out = [...named(config, 'database'), ...named(config, 'datasource')];
  for (const t of config.arrayTables(['datasource'])) {
    const id = literalString(t.get(['id'])?.value);
    out.push({
      label: `[[datasource]]${id ? ` ${oneLine(id)}` : ` #${t.arrayIndex + 1}`}`, id, header: t,
      url: t.get(['url']), username: t.get(['username']), type: t.get(['type']), hostname: t.get(['hostname']),
    });
  }
  return out;
}

/** The JDBC URL, parsed, when the file shows it (not a placeholder, template or deploy-time token) and names a known driver. */
export function visibleJdbcUrl(ds: DataSource): JdbcUrl | undefined {
  const raw = visibleText(ds.url);
  return raw === undefined ? undefined : parseJdbc(raw);
}

/** The literal `type` (`mysql`, `postgre`, `h2`, …), lower-cased: what config-mapper builds the URL from when `url` is absent. */
export function dataSourceType(ds: DataSource): string | undefined {
  return literalString(ds.type?.value)?.toLowerCase();
}
