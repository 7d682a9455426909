// What the readiness report says when the workspace holds no file CarbonLint recognises: in words, with what it
// looks for, so an empty result is never mistaken for a clean one.
import { PRODUCT_SCRIPT_NAMES } from '../engine/files';

export const NO_FILES_HEADLINE = 'No configuration file was found: nothing was checked.';

/** What CarbonLint reads, as list items (plain text; renderers escape and mark names as code). */
export const LOOKS_FOR: readonly string[] = [
  '`deployment.toml` (and copies named like `*deployment*.toml`, e.g. `deployment-prod.toml`)',
  '`log4j2.properties` (and `log4j2-*.properties`)',
  'Tomcat `context.xml`',
  `the product startup scripts (${[...PRODUCT_SCRIPT_NAMES].map((n) => `\`${n}\``).join(', ')}, their \`.bat\` twins, and renamed scripts that start a Carbon \`Bootstrap\` class)`,
];

export const NO_FILES_ADVICE =
  'Point CarbonLint at the product folder (for example `<PRODUCT_HOME>` or its `repository/conf`), and check that `.carbonlint.json` `exclude` does not hide the files. Until then every guideline below is reported without evidence.';
