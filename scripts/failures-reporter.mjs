// A second `node --test` reporter beside TAP: it writes each failing test's name, file and error, so the
// test command can repeat them after the real-editor suites — CI logs keep only their tail.
import { inspect } from 'node:util';

export default async function* failures(source) {
  for await (const event of source) {
    if (event.type !== 'test:fail') continue;
    const { name, file, line, details } = event.data;
    // Suites fail when a child does; the child's own entry already says why.
    if (details?.type === 'suite') continue;
    const where = file ? `${file}${line ? `:${line}` : ''}` : '';
    const error = details?.error?.cause ?? details?.error;
    const text = inspect(error, { depth: 3, breakLength: 120 }).split('\n').slice(0, 30).join('\n');
    yield `not ok - ${name}${where ? `  (${where})` : ''}\n${text.replace(/^/gm, '    ')}\n\n`;
  }
}
