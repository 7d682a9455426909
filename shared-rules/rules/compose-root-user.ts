import * as fs from 'node:fs';
import * as path from 'node:path';
import { outsideRoots } from '../keystores/confine';
import { defineRule, type RuleResources } from '../engine/rule';
import type { ComposeService } from '../parsers/compose/parse';
import { parseDockerfile } from '../parsers/dockerfile/parse';
import { knownImage } from '../data/container-images';
import { analyzeImage, isRootUser, type ImageAnalysis, shown } from './util/image-user';

/** A Dockerfile larger than this is not read for a compose service (real ones are a few kB). */
const MAX_DOCKERFILE = 1024 * 1024;
/** At most this many distinct Dockerfiles are read for one compose file; each is read once. */
const MAX_DOCKERFILES = 50;

interface Built { file: string; analysis?: ImageAnalysis }

/**
 * Where a compose file may read a Dockerfile from: its repository (the nearest folder above it with `.git`), or its
 * own folder. A hostile `build: { context: ../../.., dockerfile: etc/shadow }` (or a link out) is never opened.
 */
function readRoot(composeDir: string): string {
  let dir = composeDir;
  for (let i = 0; i < 40; i++) {
    if (fs.existsSync(path.join(dir, '.git'))) return dir;
    const up = path.dirname(dir);
    if (up === dir) break;
    dir = up;
  }
  return composeDir;
}

/** The service's own Dockerfile (`build:`), analysed; undefined when there is none or it cannot be read. */
function builtImage(fileName: string, svc: ComposeService, resources: RuleResources | undefined, cache: Map<string, Built | undefined>): Built | undefined {
  const b = svc.build;
  if (!b?.context || !resources) return undefined;
  // Remote contexts (git URLs, https tarballs) are never fetched.
  if (/^[a-z][a-z0-9+.-]*:\/\/|^git@/i.test(b.context)) return undefined;
  const composeDir = path.dirname(path.resolve(fileName));
  const dir = path.resolve(composeDir, b.context);
  const file = path.resolve(dir, b.dockerfile ?? 'Dockerfile');
  if (cache.has(file)) return cache.get(file);
  if (cache.size >= MAX_DOCKERFILES) return undefined;
  cache.set(file, undefined);
  if (outsideRoots(file, [readRoot(composeDir)])) return undefined;
  const bytes = resources.readFile(file);
  if (!bytes || bytes.length > MAX_DOCKERFILE) return undefined;
  const text = Buffer.from(bytes).toString('utf8');
  if (text.includes('\u0000')) return undefined;
  const built = { file: path.relative(composeDir, file).split(path.sep).join('/'), analysis: analyzeImage(parseDockerfile(text)) };
  cache.set(file, built);
  return built;
}

export default defineRule({
  meta: {
    id: 'compose-root-user',
    title: 'Compose service runs a product as root',
    guideline: 'Run product processes with a specific OS-level user',
    guidelineId: 'G28',
    severity: 'warning',
    kind: 'compose',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds docker-compose services that run a product — a product image (wso2/wso2am, registry.wso2.com/…, a `wso2am`-named build) or an image built (`build:`) from a Dockerfile in the workspace that runs one — as root: `user: root`, `user: "0"`, `user: "0:0"`. Without `user:`, a service is reported only where its user is known to be root (its own Dockerfile, analysed as by `dockerfile-root-user`); a product image whose user CarbonLint does not know gets an information finding that it cannot tell. A vendor image runs as the non-root wso2carbon user and is quiet.',
      why: 'A product process running as root turns any code-execution flaw in the product into full control of the container, and of the host where the container runtime allows it. The guideline asks for a dedicated OS-level user.',
      example: {
        bad: 'services:\n  apim:\n    image: wso2/wso2am:4.2.0\n    user: root',
        good: 'services:\n  apim:\n    image: wso2/wso2am:4.2.0   # runs as wso2carbon (10001)',
      },
      fix: 'Remove `user: root` (the vendor images run as wso2carbon) or set the product\'s own non-root user; for an image built here, set `USER` in its Dockerfile. No quick fix: which user owns the product home depends on the image.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const cache = new Map<string, Built | undefined>();
    for (const svc of ctx.model.doc.services) {
      const built = builtImage(ctx.fileName, svc, ctx.resources, cache);
      const image = svc.image?.text;
      const known = image ? knownImage(image) : undefined;
      const product = built?.analysis?.product ? `built from ${shown(built.file)}: ${built.analysis.product.what}` : known?.product && image ? `image ${shown(image)}` : undefined;
      if (!product) continue;
      const runs = `Service ${shown(svc.name)} runs a product (${product})`;
      if (svc.user) {
        const u = svc.user.text;
        if (u !== undefined && !u.includes('$') && isRootUser(u)) {
          ctx.report({ span: svc.user.span, message: `${runs} as root (user: ${shown(u)}): set the product's non-root user, or remove user: where the image has one.` });
        }
        continue;
      }
      // A user: merged in (`<<: *defaults`) or inherited (`extends:`) is not seen here: no judgement by omission.
      if (svc.inherits) continue;
      const verdict = built?.analysis ? built.analysis.user.verdict : known?.user ? (known.user.root ? 'root' : 'non-root') : 'unknown';
      if (verdict === 'non-root') continue;
      const at = built?.analysis ? svc.build!.span : svc.image?.span ?? svc.keySpan;
      if (verdict === 'root') {
        const line = built?.analysis?.user.user ? ` (its USER on line ${built.analysis.user.user.ins.line + 1})` : ' (no USER in its final stage)';
        ctx.report({ span: at, message: `${runs} as root: no user: here, and the image runs as root${built ? line : ''}. Set a non-root user.` });
      } else {
        ctx.report({ span: at, severity: 'info', undecided: true, message: `Cannot tell which user service ${shown(svc.name)} runs the product as: no user: here, and the image's default user is not known to CarbonLint. Set user: (or USER in its Dockerfile) to a non-root user to make it explicit.` });
      }
    }
  },
  cases: {
    valid: [
      { name: 'vendor image, no user', code: 'services:\n  apim:\n    image: wso2/wso2am:4.3.0\n' },
      { name: 'non-root user', code: 'services:\n  is:\n    image: registry.wso2.com/wso2-is/is:7.3.0.0\n    user: "802"\n' },
      { name: 'unrelated service as root', code: 'services:\n  db:\n    image: mysql:8.4\n    user: root\n  web:\n    image: nginx\n' },
      { name: 'keys merged from an anchor may hold the user', code: 'x-run: &run\n  user: "10001"\nservices:\n  gw:\n    <<: *run\n    image: wso2am:4.1.0\n' },
      { name: 'user from a variable', code: 'services:\n  apim:\n    image: wso2am:4.1.0\n    user: "${APIM_UID}"\n' },
      {
        name: 'built from a Dockerfile that sets a non-root user',
        fileName: '/w/compose/docker-compose.yml',
        code: 'services:\n  apim:\n    build: ./apim\n',
        resources: { env: {}, readFile: (p) => (p === '/w/compose/apim/Dockerfile' ? Buffer.from('FROM ubuntu\nCOPY wso2am-4.2.0 /opt/x\nUSER 10001\n') : undefined) },
      },
    ],
    invalid: [
      {
        name: 'user: root on a vendor image',
        code: 'services:\n  apim:\n    image: wso2/wso2am:4.3.0\n    user: root\n',
        errors: [{ range: [3, 10, 3, 14], message: 'Service apim runs a product (image wso2/wso2am:4.3.0) as root (user: root)' }],
      },
      {
        name: 'user "0:0" and user 0',
        code: 'services:\n  mi:\n    image: wso2/wso2mi:4.3.0\n    user: "0:0"\n  is:\n    image: wso2/wso2is:7.0.0\n    user: 0\n',
        errors: [{ range: [3, 10, 3, 15] }, { range: [6, 10, 6, 11] }],
      },
      {
        name: 'built from a Dockerfile without USER on a root base image',
        fileName: '/w/compose/docker-compose.yml',
        code: 'services:\n  apim:\n    build:\n      context: apim\n      dockerfile: Dockerfile.prod\n',
        resources: { env: {}, readFile: (p) => (p === '/w/compose/apim/Dockerfile.prod' ? Buffer.from('FROM ubuntu:24.04\nCOPY wso2am-4.2.0 /opt/wso2am-4.2.0\n') : undefined) },
        errors: [{ range: [2, 4, 2, 9], message: 'built from apim/Dockerfile.prod: COPY brings in the product pack wso2am-4.2.0' }],
      },
      {
        name: 'product image of unknown user: cannot tell',
        code: 'services:\n  gateway:\n    image: wso2am:4.1.0-SNAPSHOT\n',
        errors: [{ range: [2, 11, 2, 32], message: 'Cannot tell which user service gateway', severity: 'info' }],
      },
    ],
  },
});
