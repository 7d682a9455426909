// Hostile context.xml documents: entity expansion bombs and external entities (a local file, a loopback URL).
// A parser that honoured any of them would take exponential time or memory, read the file, or make a request.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export const MARKER = 'XXE-MARKER-7f3a9c';

/** Session manager config that a rule reads, with the entity where a value is expected. */
const body = (ref: string) => `<Context>\n  <Manager className="org.apache.catalina.session.StandardManager" sessionIdLength="${ref}"/>\n  <WatchedResource>${ref}</WatchedResource>\n</Context>\n`;

function billionLaughs(): string {
  let decls = '  <!ENTITY lol0 "lol">\n';
  for (let i = 1; i <= 10; i++) decls += `  <!ENTITY lol${i} "${`&lol${i - 1};`.repeat(10)}">\n`;
  return `<?xml version="1.0"?>\n<!DOCTYPE Context [\n${decls}]>\n${body('&lol10;')}`;
}

function quadratic(): string {
  const big = 'a'.repeat(100_000);
  return `<?xml version="1.0"?>\n<!DOCTYPE Context [<!ENTITY a "${big}">]>\n<Context>\n  <Manager sessionIdLength="16" note="${'&a;'.repeat(20_000)}"/>\n  <WatchedResource>${'&a;'.repeat(20_000)}</WatchedResource>\n</Context>\n`;
}

export function xxePayloads(markerFile: string, url: string): Array<{ name: string; text: string }> {
  return [
    { name: 'billion-laughs', text: billionLaughs() },
    { name: 'quadratic-blowup', text: quadratic() },
    { name: 'external-file', text: `<?xml version="1.0"?>\n<!DOCTYPE Context [<!ENTITY xxe SYSTEM "file://${markerFile}">]>\n${body('&xxe;')}` },
    { name: 'external-file-plain-path', text: `<!DOCTYPE Context [<!ENTITY xxe SYSTEM "${markerFile}">]>\n${body('&xxe;')}` },
    { name: 'external-http', text: `<?xml version="1.0"?>\n<!DOCTYPE Context [<!ENTITY xxe SYSTEM "${url}/entity">]>\n${body('&xxe;')}` },
    { name: 'external-dtd', text: `<?xml version="1.0"?>\n<!DOCTYPE Context SYSTEM "${url}/context.dtd">\n${body('16')}` },
    { name: 'parameter-entity', text: `<?xml version="1.0"?>\n<!DOCTYPE Context [<!ENTITY % ext SYSTEM "${url}/param.dtd"> %ext; <!ENTITY % f SYSTEM "file://${markerFile}">]>\n${body('&exfil;')}` },
    { name: 'public-id', text: `<!DOCTYPE Context PUBLIC "-//X//DTD X//EN" "${url}/public.dtd">\n${body('16')}` },
    { name: 'xinclude', text: `<Context xmlns:xi="http://www.w3.org/2001/XInclude">\n  <xi:include href="file://${markerFile}" parse="text"/>\n  <xi:include href="${url}/inc.xml"/>\n  <Manager sessionIdLength="16"/>\n</Context>\n` },
  ];
}

/** A loopback HTTP listener (port 0) that records every connection and request it gets. */
export async function startListener(): Promise<{ url: string; hits: string[]; close(): Promise<void> }> {
  const hits: string[] = [];
  const server = http.createServer((req, res) => {
    hits.push(`${req.method} ${req.url}`);
    res.end(`<!ENTITY exfil "${MARKER}">`);
  });
  server.on('connection', () => hits.push('connection'));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    hits,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
