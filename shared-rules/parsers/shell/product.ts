// Is this a Carbon product startup script? By its Bootstrap class, or by one of the shipped names.
import type { JavaLaunch } from './model';

export const BOOTSTRAP_CLASSES = [
  'org.wso2.carbon.bootstrap.Bootstrap',
  'org.wso2.micro.integrator.bootstrap.Bootstrap',
] as const;

const PRODUCT_SCRIPT_BASES = [
  'wso2server', 'api-manager', 'api-cp', 'gateway', 'key-manager', 'traffic-manager', 'micro-integrator',
];
/** The shipped names, with their Windows twins (`wso2server.bat`, `micro-integrator.bat`, …). */
const PRODUCT_SCRIPT_NAMES = new Set(PRODUCT_SCRIPT_BASES.flatMap((b) => [`${b}.sh`, `${b}.bat`]));

function basename(fileName: string): string {
  const cut = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
  return fileName.slice(cut + 1);
}

/** The launched Bootstrap class, else the first one mentioned anywhere in the text. */
export function findBootstrapClass(text: string, launches: readonly JavaLaunch[]): string | undefined {
  for (const l of launches) {
    const main = l.mainClass?.text;
    if (main && (BOOTSTRAP_CLASSES as readonly string[]).includes(main)) return main;
  }
  let best: string | undefined;
  let bestAt = Infinity;
  for (const cls of BOOTSTRAP_CLASSES) {
    const at = text.indexOf(cls);
    if (at >= 0 && at < bestAt) {
      best = cls;
      bestAt = at;
    }
  }
  return best;
}

export function isProductScriptName(fileName: string | undefined): boolean {
  return fileName !== undefined && PRODUCT_SCRIPT_NAMES.has(basename(fileName).toLowerCase());
}
