// What a deployment.toml's own content says about its product: tables and values that only one product ships.
// Matched line-wise on the raw text (detection runs before parsing and for every file kind), so each marker is a
// multiline regex anchored at a line start, guarded by literal needles (a cheap `includes` before the regex). Weight 2 = only that product has it; 1 = typical but shared sometimes.
import type { Product } from '../engine/rule';

export interface Marker {
  re: RegExp;
  /**
   * Literal text that every match of `re` contains (any one of them for an alternation): a text that contains none
   * of them cannot match, so the regex is not run over it. Must stay in step with `re`.
   */
  needles: readonly string[];
  weight: 1 | 2;
}

export const CONTENT_MARKERS: Record<Product, readonly Marker[]> = {
  apim: [
    { re: /^[ \t]*\[\[?apim[.\]]/m, needles: ['[apim'], weight: 2 }, // [apim], [apim.*], [[apim.gateway.environment]]
    { re: /^[ \t]*apim\.[A-Za-z_]/m, needles: ['apim.'], weight: 2 }, // dotted apim.* keys at the top level
    { re: /^[ \t]*\[database\.apim_db\]/m, needles: ['[database.apim_db]'], weight: 2 },
    { re: /org\.wso2\.carbon\.apimgt\./, needles: ['org.wso2.carbon.apimgt.'], weight: 1 },
  ],
  is: [
    { re: /^[ \t]*\[database\.identity_db\]/m, needles: ['[database.identity_db]'], weight: 2 },
    { re: /^[ \t]*\[account_recovery[.\]]/m, needles: ['[account_recovery'], weight: 2 },
    { re: /^[ \t]*\[identity\.auth_framework[.\]]/m, needles: ['[identity.auth_framework'], weight: 2 },
    { re: /^[ \t]*\[identity_mgt[.\]]/m, needles: ['[identity_mgt'], weight: 1 }, // API-M with the embedded key manager may set these too
    { re: /^[ \t]*\[authentication[.\]]/m, needles: ['[authentication'], weight: 1 },
    { re: /^[ \t]*\[\[resource\.access_control\]\]/m, needles: ['[[resource.access_control]]'], weight: 1 },
    { re: /^[ \t]*\[datasource\.AgentIdentity\]/m, needles: ['[datasource.AgentIdentity]'], weight: 2 },
    { re: /keymanager-operations/, needles: ['keymanager-operations'], weight: 1 }, // IS configured as API-M key manager
  ],
  mi: [
    { re: /^[ \t]*\[\[?internal_apis[.\]]/m, needles: ['[internal_apis'], weight: 2 },
    { re: /^[ \t]*\[(mediation|synapse_properties|message_formatters|management_api|icp_config|dashboard_config)[.\]]/m, needles: ['[mediation', '[synapse_properties', '[message_formatters', '[management_api', '[icp_config', '[dashboard_config'], weight: 2 },
    { re: /^[ \t]*\[\[(service_catalog|synapse_handlers|transport\.rabbitmq\.(listener|sender))\]\]/m, needles: ['[[service_catalog]]', '[[synapse_handlers]]', '[[transport.rabbitmq.'], weight: 2 },
    { re: /^[ \t]*\[\[datasource\]\]/m, needles: ['[[datasource]]'], weight: 1 }, // IS may declare extra [[datasource]] blocks too
    { re: /org\.wso2\.micro\.integrator/, needles: ['org.wso2.micro.integrator'], weight: 2 },
    { re: /symmetric\.key\.value/, needles: ['symmetric.key.value'], weight: 2 }, // MI's [truststore] alias for the symmetric key
    { re: /^[ \t]*file_name[ \t]*=[ \t]*"repository\/resources\/security\/wso2carbon\.jks"/m, needles: ['"repository/resources/security/wso2carbon.jks"'], weight: 1 }, // MI 4.x path form
    { re: /<MI_HOME>/, needles: ['<MI_HOME>'], weight: 1 },
  ],
};

/** IS release hints from content (research §2.1, §2.4, §2.20): first match wins, newest first. */
// `followedBy`: literal text that must occur somewhere after the regex's first match. It replaces a `[\s\S]*` tail,
// which backtracked from the end of the file at every candidate line (quadratic: 57 s for 1 MB of such lines).
export const IS_VERSION_HINTS: ReadonlyArray<{ re: RegExp; needles: readonly string[]; followedBy?: string; hint: string; kernel: string }> = [
  { re: /^[ \t]*\[datasource\.AgentIdentity\]/m, needles: ['[datasource.AgentIdentity]'], hint: '7.2+', kernel: '4.10' },
  { re: /^[ \t]*file_name[ \t]*=[ \t]*"(wso2carbon|client-truststore)\.p12"/m, needles: ['.p12"'], hint: '7.1+', kernel: '4.10' },
  { re: /^[ \t]*type[ \t]*=[ \t]*"read_write_ldap_unique_id"/m, needles: ['"read_write_ldap_unique_id"'], followedBy: 'EmbeddedLDAP', hint: '5.10–5.11', kernel: '4.6' },
];
