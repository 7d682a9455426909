// Which container images run a WSO2/MWARE product, and which of them are the vendor's own (whose USER is known).
/** The template filler template-lint.ts writes for output it cannot resolve. Linear: disjoint parts. */
const FILLER = /\$\{_+\}/g;

/** The repository part of an image reference (registry and path, no tag or digest), lower-case. */
export function imageRepository(image: string): string {
  const noDigest = image.split('@')[0];
  const slash = noDigest.lastIndexOf('/');
  const colon = noDigest.lastIndexOf(':');
  return (colon > slash ? noDigest.slice(0, colon) : noDigest).trim().toLowerCase();
}

/** `wso2/wso2am`, `docker.wso2.com/wso2is`, `registry.wso2.com/wso2-is/is`, `mware/…`, `acme/apim-gw`. */
const PRODUCT_REPO = /wso2|mware|apim/;
/** The vendor's published images: Docker Hub's wso2/ and mware/ organisations and the vendor registries. */
const VENDOR_REPO = /^(?:(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\/)?(?:wso2|mware)\/|^(?:docker|registry)\.wso2\.com\//;

export type ImageVerdict = 'vendor' | 'product' | 'other' | 'unknown';

/**
 * What an image reference says: a vendor product image (its USER is the non-root wso2carbon), another product
 * image (built by someone else: its user is not known), not a product, or unknown (template output in the repository).
 */
export function imageVerdict(image: string | undefined): ImageVerdict {
  if (image === undefined) return 'unknown';
  const repo = imageRepository(image); // the filler holds no ':', '/' or '@'
  const hasFiller = repo.includes('${_');
  const known = repo.replace(FILLER, '');
  if (PRODUCT_REPO.test(known)) return VENDOR_REPO.test(repo) && !hasFiller ? 'vendor' : 'product';
  return hasFiller || !known ? 'unknown' : 'other';
}

/** A container name that says it runs a product (`wso2am`, `wso2is-gateway`, `mware-mi`, `apim`). */
export function isProductContainerName(name: string | undefined): boolean {
  return name !== undefined && PRODUCT_REPO.test(name.toLowerCase());
}
