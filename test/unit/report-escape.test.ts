// The readiness report escapes what comes from the repository (folder names, a keystore file_name, values): as
// markdown-it renders the Markdown (raw HTML allowed, the strictest case) and in the HTML report there is no raw
// <script>, no <img … onerror=…>, no javascript: link, and a backtick in a name does not break its code span.
// A workspace without any recognised file says so, with what CarbonLint looks for.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import MarkdownIt from 'markdown-it';
import { run, layout, rm } from './cli-helpers';
import { codeSpan, mdEscape, mdText, mdUrl } from '../../shared-rules/report/md-escape';

const md = new MarkdownIt({ html: true, linkify: true });
const HOSTILE = 'wso2am-4.2.0 <img src=x onerror=alert(1)> ](javascript:alert(1)) a`b';
const TOML = '[super_admin]\nusername = "admin"\npassword = "admin"\n\n[keystore.tls]\nfile_name = "](javascript:alert(2))<script>alert(3)</script>`x`.jks"\npassword = "p"\n';

/** What a browser would run or load from `html`. */
function dangers(html: string): string[] {
  const out: string[] = [];
  for (const m of html.matchAll(/<(script|img|iframe|svg|object|embed)\b/gi)) out.push(m[0]);
  for (const m of html.matchAll(/<[a-z][^>]*\son\w+\s*=/gi)) out.push(m[0]);
  for (const m of html.matchAll(/\b(?:href|src)\s*=\s*["']?\s*(?:javascript|vbscript|data):/gi)) out.push(m[0]);
  return out;
}

test('Markdown report rendered by markdown-it: no script, no onerror, no javascript: link, intact code spans', () => {
  const dir = layout({ [`${HOSTILE}/repository/conf/deployment.toml`]: TOML });
  try {
    const r = run(['report', dir, '--format', 'md']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('onerror'), 'the hostile name is in the report (escaped)');
    const html = md.render(r.stdout);
    assert.deepEqual(dangers(html), []);
    // The file name inside a code span renders whole, backtick included.
    assert.ok(html.includes('<code>wso2am-4.2.0 &lt;img src=x onerror=alert(1)&gt; ](javascript:alert(1)) a`b/repository/conf/deployment.toml</code>'), 'code span intact');
    for (const m of html.matchAll(/href="([^"]*)"/g)) assert.ok(!/^\s*(javascript|vbscript|data):/i.test(m[1]), m[1]);
  } finally {
    rm(dir);
  }
});

test('HTML report: the same names are inert', () => {
  const dir = layout({ [`${HOSTILE}/repository/conf/deployment.toml`]: TOML });
  try {
    const r = run(['report', dir, '--format', 'html']);
    assert.equal(r.status, 0, r.stderr);
    assert.ok(r.stdout.includes('onerror'));
    assert.deepEqual(dangers(r.stdout), []);
  } finally {
    rm(dir);
  }
});

test('md-escape: plain text, code spans, links', () => {
  const render = (s: string) => md.renderInline(s);
  assert.equal(render(mdEscape('<script>x</script> *a* [l](javascript:y) `c` & _u_')), '&lt;script&gt;x&lt;/script&gt; *a* [l](javascript:y) `c` &amp; _u_');
  assert.equal(render(codeSpan('a`b``c')), '<code>a`b``c</code>');
  assert.equal(render(codeSpan('`x`')), '<code>`x`</code>');
  assert.equal(render(mdText('key `a.b` is <b>')), 'key <code>a.b</code> is &lt;b&gt;');
  assert.equal(mdUrl('javascript:alert(1)'), './javascript:alert%281%29');
  assert.equal(render(`[x](${mdUrl('a b)(c')})`), '<a href="a%20b%29%28c">x</a>');
  assert.equal(render(mdEscape('# not a heading')).startsWith('#'), true);
});

test('a workspace with no recognised file: the report says so and lists what CarbonLint looks for', () => {
  const dir = layout({ 'README.txt': 'nothing here\n', 'conf/app.yaml': 'a: 1\n' });
  try {
    for (const format of ['md', 'html']) {
      const r = run(['report', dir, '--format', format]);
      assert.equal(r.status, 0, r.stderr);
      assert.match(r.stdout, /No configuration file was found: nothing was checked/, format);
      for (const name of ['deployment.toml', 'log4j2.properties', 'context.xml', 'wso2server.sh']) assert.ok(r.stdout.includes(name), `${format} names ${name}`);
    }
    const withFile = layout({ 'wso2am-4.2.0/repository/conf/deployment.toml': '[server]\nhostname = "h"\n' });
    try {
      assert.doesNotMatch(run(['report', withFile, '--format', 'md']).stdout, /No configuration file was found/);
    } finally {
      rm(withFile);
    }
  } finally {
    rm(dir);
  }
});
