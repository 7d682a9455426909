// Every database connection a deployment.toml declares: `[database.<id>]` (Carbon products), `[datasource.<id>]`
// (IS 7.2 AgentIdentity, consent DS) and `[[datasource]]` (MI, and extra IS data sources).
import type { EffectiveConfig, TomlEntry, TomlTable } from '../../parsers/toml/model';
import { literalString, pathText } from './toml';

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
      label: `[[datasource]]${id ? ` ${id}` : ` #${t.arrayIndex + 1}`}`, id, header: t,
      url: t.get(['url']), username: t.get(['username']), type: t.get(['type']), hostname: t.get(['hostname']),
    });
  }
  return out;
}
