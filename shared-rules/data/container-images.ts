// Container images CarbonLint knows: which ones run a product, and which user a container of them runs as when
// nothing overrides it. Only facts with a source; an image not listed here is "unknown" and never guessed.
//
// Sources:
// - Vendor product images: the vendor's own Dockerfiles (wso2/docker-apim master f8f1ac7, dockerfiles/{ubuntu,alpine,
//   rocky}/*: `ARG USER=wso2carbon`, `ARG USER_ID=10001`, `USER ${USER_ID}`; wso2/docker-is master 1cff21a:
//   `ARG USER_ID=802`, `USER ${USER_ID}`), published as wso2/wso2am, wso2/wso2is, wso2/wso2mi and on
//   registry.wso2.com (the compose setups of both repositories derive from registry.wso2.com/wso2-apim/am,
//   /wso2-integrator/mi and /wso2-is/is with `--chown=wso2carbon:wso2` and no USER of their own). Copied under
//   test/fixtures/containers/ (see its SOURCES.md).
// - Root by default: the Docker Official Images listed set no USER in their Dockerfiles (docker-library), so a
//   container of them runs as uid 0; the same for Red Hat's UBI base images (ubi8/ubi, ubi9/ubi and -minimal).

export interface KnownImage {
  /** Tested against the normalised repository (lower case, no registry docker.io/library prefix, no tag or digest). */
  pattern: RegExp;
  /** The user a container runs as when no USER/`user:` overrides it; undefined when not known. */
  user?: { name: string; root: boolean };
  /** True when the image itself runs a product (API-M, IS, MI, EI). */
  product: boolean;
  source: string;
}

const VENDOR = 'vendor Dockerfiles (wso2/docker-apim, wso2/docker-is): USER ${USER_ID}, the wso2carbon user';
const OFFICIAL = 'Docker Official Image without a USER instruction (runs as root)';

export const KNOWN_IMAGES: readonly KnownImage[] = [
  { pattern: /^wso2\/wso2(?:am|is|mi)(?:-[a-z]+){0,3}$/, user: { name: 'wso2carbon', root: false }, product: true, source: VENDOR },
  { pattern: /^(?:registry|docker)\.wso2\.com\/wso2-(?:apim|is|integrator)\/[a-z]+(?:-[a-z]+){0,3}$/, user: { name: 'wso2carbon', root: false }, product: true, source: VENDOR },
  // A product image whose user CarbonLint does not know (a local build tagged wso2am:4.1.0, EI 6.x images, MWARE builds).
  { pattern: /(?:^|\/)(?:wso2|mware)[-_]?(?:am|apim|is|mi|ei|esb|integrator)(?:-[a-z]+){0,3}$/, product: true, source: 'a product image name; its user is not recorded here' },
  ...['ubuntu', 'debian', 'alpine', 'busybox', 'rockylinux', 'rockylinux\\/rockylinux', 'almalinux', 'centos', 'fedora', 'amazonlinux', 'oraclelinux',
    'eclipse-temurin', 'openjdk', 'amazoncorretto', 'ibm-semeru-runtimes', 'adoptopenjdk', 'ibmjava'].map((n) => ({
    pattern: new RegExp(`^${n}$`), user: { name: 'root', root: true }, product: false, source: OFFICIAL,
  })),
  { pattern: /^registry\.access\.redhat\.com\/ubi[89](?:\/ubi(?:-minimal)?)?$|^redhat\/ubi[89](?:-minimal)?$/, user: { name: 'root', root: true }, product: false, source: 'Red Hat UBI base images run as root' },
];

/** `docker.io/library/ubuntu:24.04@sha256:…` → `ubuntu`; undefined for a reference with unresolved variables. */
export function imageRepository(ref: string): string | undefined {
  if (ref.includes('$') || ref.includes('{{') || ref.length > 512) return undefined;
  let r = ref.trim().toLowerCase();
  const at = r.indexOf('@');
  if (at >= 0) r = r.slice(0, at);
  const colon = r.lastIndexOf(':');
  if (colon > r.lastIndexOf('/')) r = r.slice(0, colon);
  r = r.replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '').replace(/^library\//, '');
  return r || undefined;
}

export function knownImage(ref: string): KnownImage | undefined {
  const repo = imageRepository(ref);
  return repo === undefined ? undefined : KNOWN_IMAGES.find((k) => k.pattern.test(repo));
}
