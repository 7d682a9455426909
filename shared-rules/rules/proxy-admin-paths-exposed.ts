import { defineRule, type Fix } from '../engine/rule';
import { describePort } from './util/management-ports';
import { nginxExposures, type Exposure } from './util/nginx-exposure';
import { includeLoader } from './util/nginx-includes';

// G42 in nginx: a server block the internet reaches that forwards /carbon or /services (or `/`, which carries them)
// to a product's management port. The port is the sign that the proxy fronts a product: a proxy to anything else
// is left alone.

function pathsText(e: Exposure): string {
  return e.paths.length ? e.paths.join(' and ') : 'every path (a TCP stream proxy), /carbon and /services included';
}

/** A template placeholder left by template-lint (`${___}`) is not a name to quote. */
const clean = (s: string) => s.replace(/\$\{_+\}/g, '…');

function message(e: Exposure, head: string): string {
  const server = e.serverName ? `server \`${e.serverName}\`` : 'a server block';
  const via = e.target.upstream ? ` (upstream \`${e.target.upstream}\`)` : '';
  return clean(`\`${head}\` of ${server} forwards ${pathsText(e)} to \`${e.target.address}\`${via} — port ${describePort(e.target.port)} — ` +
    `and the server is internet-facing: ${e.facing}. Block these contexts from the DMZ (\`location ^~ /carbon { deny all; }\`, ` +
    '`location ^~ /services { deny all; }`), or list the server name in `carbonlint.exposure.internal` if only an internal network reaches it.');
}

/** Deny blocks before the `location /`, on their own lines at its indentation. */
function denyFix(text: string, e: Exposure): Fix | undefined {
  if (!e.fixable.length) return undefined;
  const start = e.at.span.start;
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lead = text.slice(lineStart, start);
  const ownLine = /^[ \t]*$/.test(lead);
  const sep = ownLine ? `\n${lead}` : ' ';
  const blocks = e.fixable.map((p) => `location ^~ ${p} { deny all; }`).join(sep);
  return {
    title: `Block ${e.fixable.join(' and ')} at the proxy (deny all)`,
    edits: [{ start, end: start, newText: `${blocks}${sep}` }],
    safe: true,
    preferred: true,
  };
}

export default defineRule({
  meta: {
    id: 'proxy-admin-paths-exposed',
    title: 'Proxy forwards /carbon or /services to a management port',
    guideline: 'Block the /services and /carbon contexts from the DMZ',
    guidelineId: 'G42',
    severity: 'warning',
    kind: 'nginx',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds nginx `server` blocks that listen on a public address (`listen 443`, `listen 80`, `0.0.0.0`, `[::]`, a public IP — or no `listen` at all) and whose location for `/carbon` or `/services` — a `location /` that has no more specific block for them, or an explicit `location /carbon` — `proxy_pass`es to a product\'s management port: 9443 or 9763 (plus a port offset up to 10), or Micro Integrator\'s 9164. Upstream blocks are resolved; `include`d files are read when they sit beside the file (not through links, at most 3 deep). A matching location with `deny all;` or a `return` is quiet (also an `if ($request_uri ~* "^/(carbon|services)") { return 403; }` in the server or the location), and so is a server whose `server_name`s or listen addresses are all listed in `exposure.internal`. A proxy to other ports is not a product\'s and is left alone.',
      why: 'The management console (/carbon) and the SOAP admin services (/services) control the whole server: users, keystores, deployed artifacts. The guideline asks to keep them out of the DMZ; a reverse proxy that forwards `/` to the servlet port publishes them along with the portals.',
      example: {
        bad: 'server {\n    listen 443 ssl;\n    server_name apim.example.com;\n    location / {\n        proxy_pass https://wso2am:9443;\n    }\n}',
        good: 'server {\n    listen 443 ssl;\n    server_name apim.example.com;\n    location ^~ /carbon { deny all; }\n    location ^~ /services { deny all; }\n    location / {\n        proxy_pass https://wso2am:9443;\n    }\n}',
      },
      fix: 'Add `location ^~ /carbon { deny all; }` and `location ^~ /services { deny all; }` to the server block (the quick fix inserts them before `location /`, at its indentation; `^~` keeps regular-expression locations from taking those paths), or remove an explicit `location /carbon` forward. If the proxy is reachable only from an internal network, list its server name or listen address in `exposure.internal`.',
      fixSafety: 'safe',
      options: [{
        setting: 'exposure.internal', default: '[]', values: 'server names (`admin.corp.example`, `*.corp.example`), listen addresses, ingress classes',
        description: 'Proxies and ingresses that only an internal network reaches: their forwards are not reported.',
      }],
    },
  },
  check(ctx) {
    for (const e of nginxExposures(ctx.model.doc.directives, ctx.settings, includeLoader(ctx.fileName, ctx.resources))) {
      const head = { start: e.at.span.start, end: (e.at.args[e.at.args.length - 1]?.span ?? e.at.nameSpan).end };
      const written = ctx.text.slice(head.start, head.end).replace(/\s+/g, ' ');
      const fix = denyFix(ctx.text, e);
      ctx.report({ span: head, message: message(e, written), ...(fix ? { fix } : {}) });
    }
  },
  cases: {
    valid: [
      { name: 'deny blocks for both contexts', code: 'server {\n  listen 443 ssl;\n  location /carbon { deny all; }\n  location /services { return 403; }\n  location / { proxy_pass https://wso2am:9443; }\n}\n' },
      { name: 'a proxy to another port is not a product\'s', code: 'server {\n  listen 80;\n  location / { proxy_pass http://app:8080; }\n}\n' },
      { name: 'the gateway port is not a management port', code: 'server {\n  listen 443;\n  location / { proxy_pass https://wso2am:8243; }\n}\n' },
      { name: 'a loopback listener', code: 'server {\n  listen 127.0.0.1:8443;\n  location / { proxy_pass https://wso2am:9443; }\n}\n' },
      { name: 'an internal server name from the setting', code: 'server {\n  listen 443;\n  server_name admin.corp.example;\n  location / { proxy_pass https://wso2am:9443; }\n}\n', settings: { exposure: { internal: ['*.corp.example'] } } },
      { name: 'a regex deny naming both contexts', code: 'server {\n  listen 443;\n  location ~ ^/(carbon|services) { deny all; }\n  location / { proxy_pass https://wso2am:9443; }\n}\n' },
      { name: 'a variable target cannot be told', code: 'server {\n  listen 443;\n  location / { proxy_pass https://$backend; }\n}\n' },
      { name: 'a regex that only mentions the word is not the path', code: 'server {\n  listen 443;\n  location /carbon { deny all; }\n  location ~ ^/api/services/ { proxy_pass https://wso2am:9443; }\n  location / { proxy_pass http://portal:8080; }\n}\n' },
      { name: 'an `if` on the request URI returning 403, at server level', code: 'server {\n  listen 443;\n  if ($request_uri ~* "^/(carbon|services)") {\n    return 403;\n  }\n  location / { proxy_pass https://wso2am:9443; }\n}\n' },
      { name: 'an `if` on the URI inside the location', code: 'server {\n  listen 443;\n  location / {\n    if ($uri ~ ^/(carbon|services)) { return 404; }\n    proxy_pass https://wso2am:9443;\n  }\n}\n' },
      { name: 'a redirect-only server', code: 'server {\n  listen 80;\n  return 301 https://$host$request_uri;\n}\n' },
    ],
    invalid: [
      {
        name: 'location / through an upstream to 9443, fixed with deny blocks at its indentation',
        code: 'upstream am {\n    server wso2_apim:9443;\n}\nserver {\n    listen 443 ssl;\n    server_name apim.example.com;\n    location / {\n        proxy_pass https://am;\n    }\n}\n',
        errors: [{ range: [6, 4, 6, 14], message: /`location \/` of server `apim\.example\.com` forwards \/carbon and \/services to `wso2_apim:9443` \(upstream `am`\) — port 9443, .*`listen 443 ssl` binds every address/ }],
        output: 'upstream am {\n    server wso2_apim:9443;\n}\nserver {\n    listen 443 ssl;\n    server_name apim.example.com;\n    location ^~ /carbon { deny all; }\n    location ^~ /services { deny all; }\n    location / {\n        proxy_pass https://am;\n    }\n}\n',
      },
      {
        name: 'an explicit location /carbon to 9444 (offset 1); / has a deny for /services only',
        code: 'server {\n  listen 0.0.0.0:443;\n  location /services { deny all; }\n  location /carbon {\n    proxy_pass https://is:9444/carbon;\n  }\n}\n',
        errors: [{ range: [3, 2, 3, 18], message: /forwards \/carbon to `is:9444` — port 9444 \(9443 \+ offset 1\)/ }],
      },
      {
        name: 'no listen directive: port 80 of every address; MI management port',
        code: 'server {\n  location / { proxy_pass http://mi:9164; }\n}\n',
        errors: [{ range: [1, 2, 1, 12], message: /9164, Micro Integrator's management API port .*no `listen` directive/ }],
        output: 'server {\n  location ^~ /carbon { deny all; }\n  location ^~ /services { deny all; }\n  location / { proxy_pass http://mi:9164; }\n}\n',
      },
      {
        name: 'a regex that only mentions the word is not the path: `location /` decides /services',
        code: 'server {\n  listen 443;\n  location /carbon { deny all; }\n  location ~ ^/api/services/ { proxy_pass http://api:8080; }\n  location / { proxy_pass https://wso2am:9443; }\n}\n',
        errors: [{ range: [4, 2, 4, 12], message: /forwards \/services to `wso2am:9443`/ }],
        output: 'server {\n  listen 443;\n  location /carbon { deny all; }\n  location ~ ^/api/services/ { proxy_pass http://api:8080; }\n  location ^~ /services { deny all; }\n  location / { proxy_pass https://wso2am:9443; }\n}\n',
      },
      {
        name: 'a regex location starting with the paths forwards both',
        code: 'server {\n  listen 443;\n  location ~* ^/(carbon|services) {\n    proxy_pass https://wso2am:9443;\n  }\n}\n',
        errors: [{ range: [2, 2, 2, 33], message: /`location ~\* \^\/\(carbon\|services\)` of a server block forwards \/carbon and \/services to `wso2am:9443`/ }],
      },
      {
        name: 'a TCP stream proxy forwards every path',
        code: 'stream {\n  server {\n    listen 443;\n    proxy_pass wso2am:9443;\n  }\n}\n',
        errors: [{ range: [3, 4, 3, 26], message: /forwards every path \(a TCP stream proxy\)/ }],
      },
    ],
  },
});
