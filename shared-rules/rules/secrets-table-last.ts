import { defineRule } from '../engine/rule';
import { endsWithBreak, eolOf } from '../engine/text';
import { blockStart, secretsSection } from './util/secrets';

export default defineRule({
  meta: {
    id: 'secrets-table-last',
    title: '[secrets] is not the last table',
    guideline: 'Encrypt passwords in configuration files',
    guidelineId: 'G03',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds a `[secrets]` table followed by other tables. The product documentation requires `[secrets]` to be the last table of deployment.toml.',
      why: 'The Secure Vault tooling expects the secrets at the end of the file; keys written after `[secrets]` by someone who did not notice the header land in the wrong table, and the cipher tool may then encrypt (or leave readable) the wrong values.',
      example: {
        bad: '[secrets]\nadmin_password = "…"\n\n[apim.cors]\nallow_origins = "https://portal.example.com"',
        good: '[apim.cors]\nallow_origins = "https://portal.example.com"\n\n[secrets]\nadmin_password = "…"',
      },
      fix: 'The quick fix moves the `[secrets]` table (with the comment lines directly above it) to the end of the file. Table order does not change what any key means, so it is safe. In Helm/Jinja templates it is not offered: move the block, with its surrounding template directives, by hand.',
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    const { doc } = ctx.model;
    const s = secretsSection(doc);
    if (!s?.next?.headerSpan || !s.table.headerSpan) return;
    const text = doc.text;
    const start = blockStart(text, s.table.headerSpan.start);
    const end = blockStart(text, s.next.headerSpan.start);
    const fix = doc.templated ? undefined : (() => {
      const eol = eolOf(text);
      const block = text.slice(start, end).trimEnd() + eol; // not /\s+$/: quadratic on a long run of blanks
      const lead = (endsWithBreak(text) ? '' : eol) + eol;
      return {
        title: 'Move [secrets] to the end of the file',
        edits: [{ start, end, newText: '' }, { start: text.length, end: text.length, newText: lead + block }],
        safe: true,
        preferred: true,
      };
    })();
    ctx.report({
      span: s.table.headerSpan,
      message: '[secrets] must be the last table in deployment.toml: move it below every other table.',
      related: [{ span: s.next.headerSpan, message: 'This table follows [secrets].' }],
      fix,
    });
  },
  cases: {
    valid: [
      { code: '[server]\nhostname = "h"\n\n[secrets]\na = "[x]"\n' },
      { name: 'no [secrets]', code: '[server]\nhostname = "h"\n' },
    ],
    invalid: [
      {
        code: '[server]\nhostname = "h"\n\n# vault\n[secrets]\na = "[x]"\n\n[apim.cors]\nallow_origins = "*"\n',
        errors: [{ range: [4, 0, 4, 9], message: '[secrets] must be the last table' }],
        output: '[server]\nhostname = "h"\n\n[apim.cors]\nallow_origins = "*"\n\n# vault\n[secrets]\na = "[x]"\n',
      },
      {
        name: 'CRLF, no final newline',
        code: '[secrets]\r\na = "[x]"\r\n[b]\r\nc = 1',
        errors: [{ range: [0, 0, 0, 9] }],
        output: '[b]\r\nc = 1\r\n\r\n[secrets]\r\na = "[x]"\r\n',
      },
    ],
  },
});
