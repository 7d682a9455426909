// content-needles.ts: product detection's literal prefilter in one pass must say exactly what `includes` says for
// every needle — that is all detectProduct's results depend on (the regexes behind the needles are unchanged).
// Checked on every text fixture of the repository and on generated texts with needles spliced in, overlapping,
// nested (a needle inside a longer one), at the start and end, after CR / U+2028 line breaks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { DETECTION_NEEDLES, presentNeedles } from '../../shared-rules/engine/content-needles';
import { detectProduct, fromContent, hasMatch } from '../../shared-rules/engine/product';
import { CONTENT_MARKERS, IS_VERSION_HINTS } from '../../shared-rules/data/product-markers';
import { REPO } from '../helpers/shared';

function expected(text: string): string[] {
  return DETECTION_NEEDLES.filter((n) => text.includes(n)).sort();
}

/**
 * What `has` answers, asking for the needles in a shuffled order (the answers are computed lazily and remembered),
 * and asking twice; a string that is no needle is never present.
 */
let order = 7;
function answered(text: string): string[] {
  const p = presentNeedles(text);
  const asked = [...DETECTION_NEEDLES];
  for (let i = asked.length - 1; i > 0; i--) {
    order = (Math.imul(order, 1103515245) + 12345) & 0x7fffffff;
    const j = order % (i + 1);
    [asked[i], asked[j]] = [asked[j], asked[i]];
  }
  const first = asked.filter((n) => p.has(n));
  assert.deepEqual(asked.filter((n) => p.has(n)), first);
  assert.equal(p.has(text.slice(0, 3) || 'x'), DETECTION_NEEDLES.includes(text.slice(0, 3) || 'x') && text.includes(text.slice(0, 3)));
  return first.sort();
}

function fixtureTexts(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (/\.(toml|properties|sh|xml|yaml|yml|j2|tpl|txt|conf)$/i.test(e.name)) out.push(fs.readFileSync(p, 'utf8'));
    }
  };
  walk(path.join(REPO, 'test/fixtures'));
  return out;
}

test('presentNeedles equals includes for every fixture text', () => {
  const texts = fixtureTexts();
  assert.ok(texts.length > 500);
  for (const t of texts) {
    assert.deepEqual([...presentNeedles(t)].sort(), expected(t));
    assert.deepEqual(answered(t), expected(t));
  }
});

test('presentNeedles equals includes on generated texts: overlapping, nested, adjacent needles', () => {
  let seed = 22;
  const rnd = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
  const fillers = ['', '\n', '\r\n', '\u2028', ' ', '[', '[[', ']', '.', 'x', '"', '=', '\t'];
  for (let i = 0; i < 5000; i++) {
    let t = '';
    const parts = 1 + rnd(8);
    for (let j = 0; j < parts; j++) {
      const n = DETECTION_NEEDLES[rnd(DETECTION_NEEDLES.length)];
      // A whole needle, or a cut one (its head or tail), so partial overlaps occur too.
      const cut = rnd(4);
      t += cut === 0 ? n.slice(0, 1 + rnd(n.length)) : cut === 1 ? n.slice(rnd(n.length)) : n;
      t += fillers[rnd(fillers.length)];
    }
    assert.deepEqual([...presentNeedles(t)].sort(), expected(t), JSON.stringify(t));
    assert.deepEqual(answered(t), expected(t), JSON.stringify(t));
  }
  // Nested: a needle that starts another one ('[apim' and '[apim.' style), back to back and overlapping.
  for (const a of DETECTION_NEEDLES) {
    for (const b of DETECTION_NEEDLES) {
      for (const t of [a + b, a.slice(0, -1) + b, `${a}\n${b}`, a.slice(1) + b.slice(0, -1)]) assert.deepEqual([...presentNeedles(t)].sort(), expected(t));
    }
  }
});

test('presentNeedles: linear on hostile text (1 MB of needle heads)', () => {
  const t = '[[apim.'.repeat(150_000);
  const t0 = process.hrtime.bigint();
  assert.deepEqual([...presentNeedles(t)].sort(), expected(t));
  assert.ok(Number(process.hrtime.bigint() - t0) / 1e6 < 2000);
});

test('detectProduct still reads content markers, IS version hints and the ICP tables', () => {
  assert.equal(detectProduct('/x/deployment.toml', '[apim.throttling]\nenable = true\n').product, 'apim');
  assert.equal(detectProduct('/x/deployment.toml', '[database.identity_db]\nurl = "x"\n[account_recovery.endpoint]\n').product, 'is');
  assert.equal(detectProduct('/x/is/deployment.toml', '[keystore.primary]\nfile_name = "wso2carbon.p12"\n').versionHint, '7.1+');
  const icp = detectProduct('/x/deployment.toml', '[icp_server]\nport = 9743\n[mediation]\n');
  assert.equal(icp.product, 'unknown');
  assert.equal(icp.source, 'content');
});

// hasMatch searches a marker from the line of its first needle, and fromContent leaves out products that cannot win
// or tie: both must answer what the plain search over the whole text, scoring every product, answers.
const MARKERS = [...Object.values(CONTENT_MARKERS).flat(), ...IS_VERSION_HINTS];

function plainMatch(m: { re: RegExp; followedBy?: string }, text: string): boolean {
  const found = new RegExp(m.re.source, m.re.flags.replace('g', '')).exec(text);
  return found !== null && (m.followedBy === undefined || text.includes(m.followedBy, found.index + found[0].length));
}

function plainContent(text: string): { product?: string; score: number } {
  const scores = Object.entries(CONTENT_MARKERS).map(([p, ms]) => ({ p, s: ms.reduce((n, m) => n + (plainMatch(m, text) ? m.weight : 0), 0) }));
  scores.sort((a, b) => b.s - a.s);
  if (scores[0].s === 0 || scores[0].s === scores[1].s) return { score: 0 };
  return { product: scores[0].p, score: scores[0].s };
}

function sameAnswers(text: string): void {
  const present = presentNeedles(text);
  for (const m of MARKERS) assert.equal(hasMatch(m, text, present), plainMatch(m, text), `${m.re} on ${JSON.stringify(text.slice(0, 300))}`);
  assert.deepEqual(fromContent(text, presentNeedles(text)), plainContent(text), JSON.stringify(text.slice(0, 300)));
}

test('every marker regex matches within one line (what searching from the first needle\'s line relies on)', () => {
  for (const m of MARKERS) {
    // Escapes removed (`\.` is a dot, `\[` a bracket): no class, wildcard or escape left that could take a line break.
    const bare = m.re.source.replace(/\\[.[\]()|*+?{}^$\\\-\/]/g, '');
    assert.doesNotMatch(bare, /\[\^|\\[sSwWdDbBnrRuxcpk]/, `${m.re}`);
    // Outside character classes (whose listed characters are not line breaks), no wildcard.
    assert.doesNotMatch(bare.replace(/\[[^\]]*\]/g, 'C'), /\./, `${m.re}`);
    assert.ok(!m.re.flags.includes('s'), `${m.re}`);
  }
});

test('markers searched from their first needle\'s line, products left out when they cannot win: the plain answers', () => {
  const texts = fixtureTexts();
  for (const t of texts) sameAnswers(t);
  // Generated: marker lines (whole, indented, cut, repeated) among other lines, with every kind of line break, so
  // that a needle occurs first where its regex does not match (mid-line, cut short) and matches only later.
  let seed = 15;
  const rnd = (n: number): number => ((seed = (Math.imul(seed, 1103515245) + 12345) & 0x7fffffff) % n);
  const samples = ['[apim.throttling]', 'apim.sync = 1', '[database.apim_db]', 'org.wso2.carbon.apimgt.x', '[database.identity_db]', '[account_recovery.endpoint]',
    '[identity.auth_framework.endpoint]', '[identity_mgt]', '[authentication.authenticator.x]', '[[resource.access_control]]', '[datasource.AgentIdentity]',
    'keymanager-operations', '[internal_apis.x]', '[mediation]', '[[service_catalog]]', '[[datasource]]', 'org.wso2.micro.integrator', 'symmetric.key.value',
    'file_name = "repository/resources/security/wso2carbon.jks"', '<MI_HOME>', 'file_name = "wso2carbon.p12"', 'type = "read_write_ldap_unique_id"', 'EmbeddedLDAP',
    '[[apim.gateway.environment]]', 'x = 1'];
  const breaks = ['\n', '\r\n', '\r', '\u2028', '\u2029'];
  for (let i = 0; i < 4000; i++) {
    let t = '';
    for (let j = 1 + rnd(10); j > 0; j--) {
      const s = samples[rnd(samples.length)];
      const form = rnd(5);
      t += form === 0 ? `x = "${s}"` : form === 1 ? `  \t${s}` : form === 2 ? s.slice(0, 1 + rnd(s.length)) : s;
      t += breaks[rnd(breaks.length)];
    }
    sameAnswers(t);
  }
});
