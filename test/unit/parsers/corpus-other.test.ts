// The log4j2.properties, context.xml and startup-script parsers against every real file in the corpus,
// checked against independent readers (the JDK's own java.util.Properties when `java` is on PATH,
// fast-xml-parser, and a line-based reading of the launch blocks), plus truncation at many offsets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { parseProperties } from '../../../shared-rules/parsers/properties/parse';
import type { XmlElement } from '../../../shared-rules/parsers/xml/model';
import { parseXml } from '../../../shared-rules/parsers/xml/parse';
import { parseShell } from '../../../shared-rules/parsers/shell/parse';
import { CORPUS } from '../../helpers/shared';

const skip = !fs.existsSync(CORPUS) && 'corpus not beside the repo';

function walk(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)]))
    .sort();
}
const all = walk(CORPUS);
const propsFiles = all.filter((f) => path.basename(f) === 'log4j2.properties');
const xmlFiles = all.filter((f) => path.basename(f) === 'context.xml');
const shFiles = all.filter((f) => f.endsWith('.sh'));
const read = (f: string): string => fs.readFileSync(f, 'utf8');
const rel = (f: string): string => path.relative(CORPUS, f);

/** Every {start, end} reachable from a parse result lies inside the text (parents are not followed). */
function assertSpansInside(value: unknown, n: number, where: string): void {
  const seen = new Set<object>();
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const v = stack.pop();
    if (typeof v !== 'object' || v === null || seen.has(v)) continue;
    seen.add(v);
    const o = v as Record<string, unknown>;
    if (typeof o.start === 'number' && typeof o.end === 'number' && Object.keys(o).length === 2) {
      assert.ok(0 <= o.start && o.start <= o.end && o.end <= n, `${where}: span ${o.start}-${o.end} of ${n}`);
    }
    for (const [k, child] of Object.entries(o)) if (k !== 'parent' && k !== 'text') stack.push(child);
  }
}

test('corpus has files of each kind', { skip }, () => {
  assert.ok(propsFiles.length >= 10 && xmlFiles.length >= 4 && shFiles.length >= 15);
});

// ---------------------------------------------------------------- log4j2.properties

/**
 * A straightforward line-based reading: join odd-backslash continuations, then key, optional blanks,
 * one optional `=`/`:`, blanks, value (corpus keys have no escapes; Helm `{{- end }}` lines split at the blank).
 */
function referenceProperties(text: string): Map<string, string> {
  const out = new Map<string, string>();
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i].replace(/^[ \t\f]+/, '');
    if (line === '' || line.startsWith('#') || line.startsWith('!')) continue;
    while ((line.match(/\\*$/)?.[0].length ?? 0) % 2 === 1 && i + 1 < lines.length) {
      line = line.slice(0, -1) + lines[++i].replace(/^[ \t\f]+/, '');
    }
    const [, key, raw] = /^([^=:\s]*)[ \t\f]*[=:]?[ \t\f]*([\s\S]*)$/.exec(line)!;
    const unescape = (s: string) => s.replace(/\\(.)/g, (_, c: string) => ({ n: '\n', t: '\t', r: '\r', f: '\f' })[c] ?? c);
    out.set(unescape(key), unescape(raw));
  }
  return out;
}

const JAVA_DUMP = `
import java.io.*; import java.nio.file.*; import java.util.*;
public class PropDump {
  public static void main(String[] args) throws Exception {
    StringBuilder out = new StringBuilder("[");
    for (int i = 0; i < args.length; i++) {
      Properties p = new Properties();
      try (Reader r = Files.newBufferedReader(Paths.get(args[i]), java.nio.charset.StandardCharsets.UTF_8)) { p.load(r); }
      out.append(i > 0 ? "," : "").append("{");
      boolean first = true;
      for (String k : new TreeSet<>(p.stringPropertyNames())) {
        out.append(first ? "" : ",").append(q(k)).append(":").append(q(p.getProperty(k)));
        first = false;
      }
      out.append("}");
    }
    System.out.println(out.append("]"));
  }
  static String q(String s) {
    StringBuilder b = new StringBuilder("\\"");
    for (char c : s.toCharArray()) {
      if (c == '"' || c == '\\\\') b.append('\\\\').append(c);
      else if (c < 0x20 || c > 0x7e) b.append(String.format("\\\\u%04x", (int) c));
      else b.append(c);
    }
    return b.append('"').toString();
  }
}`;

/** java.util.Properties' own reading of each file, or undefined when no `java` is available. */
function javaProperties(files: string[]): Record<string, string>[] | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'carbonlint-props-'));
  try {
    fs.writeFileSync(path.join(dir, 'PropDump.java'), JAVA_DUMP);
    const r = spawnSync('java', ['PropDump.java', ...files], { cwd: dir, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 120_000 });
    if (r.error || r.status !== 0) return undefined;
    return JSON.parse(r.stdout);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const lastValues = (text: string): Map<string, string> => {
  const d = parseProperties(text);
  return new Map(d.entries.map((e) => [e.key, d.get(e.key)!.value]));
};

test('log4j2.properties: no throw, spans inside, values equal a line-based reference reading', { skip }, () => {
  let checkedPattern = 0;
  for (const f of propsFiles) {
    const text = read(f);
    const d = parseProperties(text);
    assertSpansInside(d, text.length, rel(f));
    assert.deepEqual(d.problems, [], rel(f));
    assert.deepEqual(lastValues(text), referenceProperties(text), rel(f));
    for (const e of d.entries) assert.equal(text.slice(e.keySpan.start, e.keySpan.end), e.key, rel(f)); // no escapes in corpus keys
    const pattern = d.get('appender.AUDIT_LOGFILE.layout.pattern');
    if (pattern) {
      checkedPattern++;
      const line = text.split(/\r?\n/).filter((l) => l.startsWith('appender.AUDIT_LOGFILE.layout.pattern')).pop()!;
      assert.equal(pattern.value, line.slice(line.indexOf('=') + 1).trim(), rel(f));
      assert.equal(text.slice(pattern.valueSpan.start, pattern.valueSpan.end).trim(), pattern.value);
    }
  }
  assert.ok(checkedPattern >= 5);
});

test('log4j2.properties: exactly what java.util.Properties reads', { skip }, (t) => {
  const java = javaProperties(propsFiles);
  if (!java) return t.skip('no java on PATH');
  propsFiles.forEach((f, i) => {
    assert.deepEqual(Object.fromEntries([...lastValues(read(f))].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))), java[i], rel(f));
  });
});

test('mi-4.3.0 log4j2.properties: the continued `loggers` list joins with indentation dropped', { skip }, () => {
  const f = path.join(CORPUS, 'mi-4.3.0/log4j2.properties');
  const text = read(f);
  const loggers = parseProperties(text).get('loggers')!;
  assert.ok(loggers.value.startsWith('AUDIT_LOG, SERVICE_LOGGER, API_LOGGER, PassThroughAccess,'));
  assert.ok(loggers.value.includes('Owasp-CsrfGuard, org-apache-axis2-wsdl-codegen-writer-PrettyPrinter,'));
  assert.ok(!loggers.value.includes('\\') && !loggers.value.includes('\n'));
  assert.ok(text.slice(loggers.valueSpan.start, loggers.valueSpan.end).split('\n').length > 10);
});

// ---------------------------------------------------------------- context.xml

/** Our element vs fast-xml-parser's object for it: same attributes, same children, recursively. */
function compareWithFxp(el: XmlElement, fx: unknown, where: string): void {
  const obj = (typeof fx === 'object' && fx !== null ? fx : {}) as Record<string, unknown>;
  const childNames = new Set(el.children.map((c) => c.name));
  const theirAttrs = Object.fromEntries(Object.entries(obj).filter(([k]) => !childNames.has(k) && k !== '#text'));
  const ourAttrs = Object.fromEntries(el.attributes.map((a) => [a.name, a.value]));
  assert.deepEqual(ourAttrs, theirAttrs, `${where}: attributes of <${el.name}>`);
  for (const name of childNames) {
    const ours = el.children.filter((c) => c.name === name);
    const theirs = Array.isArray(obj[name]) ? (obj[name] as unknown[]) : [obj[name]];
    assert.equal(ours.length, theirs.length, `${where}: <${name}> children of <${el.name}>`);
    ours.forEach((c, i) => compareWithFxp(c, theirs[i], where));
  }
}

test('context.xml: no throw, no problems, spans inside, attributes equal fast-xml-parser', { skip }, () => {
  const fxp = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });
  for (const f of xmlFiles) {
    const text = read(f);
    const d = parseXml(text);
    assertSpansInside(d, text.length, rel(f));
    assert.deepEqual(d.problems, [], rel(f));
    assert.equal(d.root?.name, 'Context', rel(f));
    const theirs = fxp.parse(text) as Record<string, unknown>;
    compareWithFxp(d.root!, theirs.Context, rel(f));
    for (const e of d.elements) {
      for (const a of e.attributes) assert.equal(text.slice(a.valueSpan.start, a.valueSpan.end), a.value, rel(f));
      assert.equal(text.slice(e.nameSpan.start, e.nameSpan.end), e.name);
    }
  }
});

test('carbon-kernel-4.10.x context.xml: the commented-out and real elements are told apart', { skip }, () => {
  const d = parseXml(read(path.join(CORPUS, 'carbon-kernel-4.10.x/tomcat-carbon-META-INF/context.xml')));
  assert.deepEqual(
    d.elements.map((e) => e.name),
    ['Context', 'Resources', 'WatchedResource', 'Manager', 'JarScanner', 'Loader'],
  );
  assert.equal(d.root!.attr('useHttpOnly')?.value, 'true');
  assert.equal(d.elements[3].attr('pathname')?.value, '');
});

// ---------------------------------------------------------------- startup scripts

/** A line-based reading of a Carbon launch block: from `$JAVACMD \` to the Bootstrap line. */
function referenceLaunch(text: string): { args: string[]; lineCount: number } {
  const lines = text.split(/\r?\n/);
  const first = lines.findIndex((l) => /^\s*\$JAVACMD \\$/.test(l));
  const last = lines.findIndex((l, i) => i > first && /bootstrap\.Bootstrap/.test(l));
  const args = lines
    .slice(first + 1, last + 1)
    .flatMap((l) => l.replace(/\\$/, '').match(/(?:"[^"]*"|[^\s"])+/g) ?? [])
    .map((w) => w.replace(/"/g, ''));
  return { args, lineCount: last - first + 1 };
}

const expectedMain = (f: string): string =>
  /\/mi-/.test(f) ? 'org.wso2.micro.integrator.bootstrap.Bootstrap' : 'org.wso2.carbon.bootstrap.Bootstrap';

test('startup scripts: no throw, spans inside, exactly the expected launches', { skip }, () => {
  let products = 0;
  for (const f of shFiles) {
    const text = read(f);
    const d = parseShell(text, f);
    assertSpansInside(d, text.length, rel(f));
    if (path.basename(f) === 'docker-entrypoint.sh') {
      assert.equal(d.isProductScript, false, rel(f));
      assert.equal(d.launches.length, 0, rel(f));
      continue;
    }
    products++;
    assert.equal(d.isProductScript, true, rel(f));
    assert.equal(d.bootstrapClass, expectedMain(f), rel(f));
    assert.equal(d.launches.length, 1, rel(f)); // not `nohup sh …/bin/x.sh`, not `$("$JAVACMD" -version)`
    const [l] = d.launches;
    assert.equal(l.command.raw, '$JAVACMD');
    assert.equal(l.mainClass?.text, expectedMain(f), rel(f));
    const ref = referenceLaunch(text);
    assert.deepEqual(
      l.args.map((a) => a.text),
      ref.args,
      rel(f),
    );
    for (const a of l.args) assert.equal(text.slice(a.span.start, a.span.end), a.raw);
    assert.equal(l.lines.length, ref.lineCount, rel(f));
    l.lines.forEach((line, i) => {
      assert.equal(line.indent, '    ', rel(f));
      assert.equal(line.continuation !== undefined, i < l.lines.length - 1, rel(f));
    });
    const javacmd = d.assignments.filter((a) => a.name === 'JAVACMD').map((a) => a.value);
    assert.deepEqual(javacmd.slice(0, 3), ['$JAVA_HOME/jre/sh/java', '$JAVA_HOME/bin/java', 'java'], rel(f));
  }
  assert.ok(products >= 15);
});

test('named scripts: the flags and main classes the rules rely on', { skip }, () => {
  const launch = (p: string) => parseShell(read(path.join(CORPUS, p)), p).launches[0];
  const apim = launch('apim-4.6.0/all-in-one-apim/api-manager.sh');
  assert.ok(apim.args.some((a) => a.text === '-Dhttpclient.hostnameVerifier=AllowAll'));
  assert.equal(apim.mainClass?.text, 'org.wso2.carbon.bootstrap.Bootstrap');
  assert.equal(apim.args.length, 44); // 42 flag lines, `-classpath` takes 2 words, then `$*`

  const kernel = launch('carbon-kernel-4.10.x/wso2server.sh');
  const hv = kernel.args.find((a) => a.text.startsWith('-Dhttpclient.hostnameVerifier='))!;
  assert.equal(hv.text, '-Dhttpclient.hostnameVerifier=DefaultAndLocalhost');
  assert.equal(hv.raw, '-Dhttpclient.hostnameVerifier="DefaultAndLocalhost"');
  assert.ok(kernel.args.some((a) => a.text === '-Dcom.sun.jndi.ldap.connect.pool.protocol=plain ssl'));

  for (const mi of ['mi-1.2.0', 'mi-4.2.0', 'mi-4.3.0']) {
    assert.equal(launch(`${mi}/micro-integrator.sh`).mainClass?.text, 'org.wso2.micro.integrator.bootstrap.Bootstrap');
  }
  const mi43 = launch('mi-4.3.0/micro-integrator.sh');
  const ser = mi43.args.find((a) => a.text.startsWith('-Dorg.apache.activemq.SERIALIZABLE_PACKAGES='))!;
  assert.equal(ser.text, '-Dorg.apache.activemq.SERIALIZABLE_PACKAGES=*');

  const helm = parseShell(read(path.join(CORPUS, 'helm-apim-3.2.x/all-in-one/wso2server.sh')), 'wso2server.sh');
  assert.equal(helm.launches.length, 1);
  assert.ok(helm.launches[0].args.some((a) => a.text === '-Dhttpclient.hostnameVerifier=AllowAll'));
  assert.ok(helm.assignments.some((a) => a.name === 'JAVA_OPTS' && a.value.includes('-Xrunjdwp')));
});

// ---------------------------------------------------------------- truncation

test('every corpus file, truncated at many offsets, through every parser: never throws, spans inside', { skip }, () => {
  for (const f of [...propsFiles, ...xmlFiles, ...shFiles]) {
    const text = read(f);
    const cuts = new Set<number>();
    for (let k = 0; k <= 60; k++) cuts.add(Math.floor((text.length * k) / 60));
    // Also cut right at and after the characters that open or close structure.
    for (let i = 0; i < text.length && cuts.size < 160; i += 1 + (i % 37)) {
      if ('<>"\'\\=$(`#{\n'.includes(text[i])) cuts.add(i).add(i + 1);
    }
    for (const cut of cuts) {
      const part = text.slice(0, cut);
      const where = `${rel(f)} cut at ${cut}`;
      assertSpansInside(parseProperties(part), part.length, where);
      assertSpansInside(parseXml(part), part.length, where);
      assertSpansInside(parseShell(part, f), part.length, where);
    }
  }
});
