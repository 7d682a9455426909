import { sessionDataCleanupLegacy } from './legacy/identity';
import { defineRule } from '../engine/rule';
import { SESSION_CLEANUP_CHUNK } from '../data/defaults';
import { literalScalar, replaceValue } from './util/toml';

const CLEANUP = ['session_data', 'cleanup'];

export default defineRule({
  meta: {
    id: 'session-data-cleanup',
    title: 'Session data cleanup',
    guideline: 'Session data cleanup',
    guidelineId: 'G35',
    severity: 'warning',
    kind: 'toml',
    products: ['is', 'apim'],
    docs: {
      what: `Finds expired session data cleanup turned off (\`[session_data.cleanup] enable_expired_data_cleanup = false\`) and a cleanup chunk size (\`clean_expired_session_data_in_chunks_of\`, also written \`[session_data] cleanup.clean_expired_session_data_in_chunks_of\`) far above the recommended ${SESSION_CLEANUP_CHUNK.default} — more than ${SESSION_CLEANUP_CHUNK.max}. Absent keys are the shipped defaults (cleanup on, chunks of ${SESSION_CLEANUP_CHUNK.default}) and are not reported.`,
      why: 'Without cleanup the session tables grow without bound; deleting expired sessions in very large chunks under load causes deadlocks and database locks, which the guideline avoids by cleaning in chunks.',
      example: {
        bad: '[session_data]\ncleanup.clean_expired_session_data_in_chunks_of = 500000',
        good: `[session_data]\ncleanup.clean_expired_session_data_in_chunks_of = ${SESSION_CLEANUP_CHUNK.default}`,
      },
      fix: `The quick fixes turn cleanup back on and set the chunk size to ${SESSION_CLEANUP_CHUNK.default}, the guideline's value (tune it for your database later). Both are safe: they restore the shipped behaviour.`,
      fixSafety: 'safe',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    const enable = config.get([...CLEANUP, 'enable_expired_data_cleanup']);
    if (enable && literalScalar(enable.value) === 'false') {
      ctx.report({
        span: enable.value.span,
        message: 'Expired session data cleanup is turned off: the session tables grow without bound. Turn it on and clean in chunks.',
        fix: { title: 'Turn session data cleanup on', edits: [replaceValue(enable, enable.value.kind === 'string' ? '"true"' : 'true')], safe: true, preferred: true },
      });
    }
    const chunk = config.get([...CLEANUP, 'clean_expired_session_data_in_chunks_of']);
    const n = Number(literalScalar(chunk?.value));
    if (chunk && Number.isInteger(n) && n > SESSION_CLEANUP_CHUNK.max) {
      const value = String(SESSION_CLEANUP_CHUNK.default);
      ctx.report({
        span: chunk.value.span,
        message: `Session data is cleaned in chunks of ${n}, far above the recommended ${value}: large deletes under load cause deadlocks and database locks.`,
        fix: { title: `Clean in chunks of ${value}`, edits: [replaceValue(chunk, chunk.value.kind === 'string' ? `"${value}"` : value)], safe: true, preferred: true },
      });
    }
  },
  cases: {
    valid: [
      { name: 'absent = shipped defaults', code: '[server]\nhostname = "h"\n' },
      { code: '[session_data]\ncleanup.clean_expired_session_data_in_chunks_of = 8192\n' },
      { code: '[session_data.cleanup]\nclean_expired_session_data_in_chunks_of = "16384"\nenable_expired_data_cleanup = true\n' },
    ],
    invalid: [
      {
        code: '[session_data]\ncleanup.clean_expired_session_data_in_chunks_of = 500000\ncleanup.enable_expired_data_cleanup = false\n',
        errors: [{ range: [1, 50, 1, 56], message: 'chunks of 500000' }, { range: [2, 38, 2, 43], message: 'turned off' }],
        output: '[session_data]\ncleanup.clean_expired_session_data_in_chunks_of = 8192\ncleanup.enable_expired_data_cleanup = true\n',
      },
      {
        name: 'string form keeps its quotes',
        code: '[session_data.cleanup]\nclean_expired_session_data_in_chunks_of = "100000"\n',
        errors: [{ range: [1, 42, 1, 50] }],
        output: '[session_data.cleanup]\nclean_expired_session_data_in_chunks_of = "8192"\n',
      },
    ],
  },
  legacy: [sessionDataCleanupLegacy],
});
