// The seeds' structure: the order and sections the readiness report follows. Runtime-level (API-M runtime,
// Micro Integrator runtime), OS-level, network-level, as in the MWARE edition; "Enable additional XSS
// protection" (WSO2 edition only) keeps its WSO2 place after hostname verification.
import type { Product } from '../engine/rule';

export type SectionId = 'apim-runtime' | 'mi-runtime' | 'os' | 'network';

export interface SectionDef {
  id: SectionId;
  level: 'Runtime-level security' | 'OS-level security' | 'Network-level security';
  title: string;
  intro: string;
  /** Runtime sections cover the files of these products; OS and network sections cover the whole workspace. */
  runtime?: readonly Product[];
  guidelines: readonly string[];
}

export const SECTIONS: readonly SectionDef[] = [
  {
    id: 'apim-runtime',
    level: 'Runtime-level security',
    title: 'API-M runtime',
    intro: 'API Manager and Identity Server configuration (the WSO2 edition calls these product-level guidelines).',
    runtime: ['apim', 'is'],
    guidelines: ['G01', 'G02', 'G03', 'G04', 'G05', 'G06', 'G07', 'G08', 'G09', 'G10', 'G11', 'G12', 'G13', 'G14', 'G15', 'G16', 'G17', 'G18', 'G19', 'G20', 'G21', 'G22', 'G23', 'G24', 'G25', 'G26'],
  },
  {
    id: 'mi-runtime',
    level: 'Runtime-level security',
    title: 'Micro Integrator runtime',
    intro: 'Micro Integrator configuration.',
    runtime: ['mi'],
    guidelines: ['G01', 'G02', 'G03', 'G04', 'G05', 'G06', 'G07', 'G08', 'G09', 'G13', 'G14', 'G15', 'G27', 'G20', 'G21', 'G22'],
  },
  {
    id: 'os',
    level: 'OS-level security',
    title: 'OS-level security',
    intro: 'The servers the products run on.',
    guidelines: ['G28', 'G29', 'G30', 'G31', 'G32', 'G33', 'G34', 'G35', 'G36'],
  },
  {
    id: 'network',
    level: 'Network-level security',
    title: 'Network-level security',
    intro: 'The network around the servers.',
    guidelines: ['G37', 'G38', 'G39', 'G40', 'G41', 'G42'],
  },
];

/** Guidelines the seeds limit to some products (beyond their section), with the seeds' reason. */
export const GUIDELINE_SCOPE: Readonly<Record<string, { products: readonly Product[]; why: string }>> = {
  G23: { products: ['apim'], why: 'it concerns the API Manager Publisher (control-plane) node' },
  G35: { products: ['apim', 'is'], why: 'the seeds limit session data cleanup to Identity Server based products' },
  G41: { products: ['apim', 'is'], why: 'the MWARE edition applies it to the API-M runtime' },
};
