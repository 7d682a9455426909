// Preloaded into a CLI run: writes the process's peak resident memory (KiB) to $CARBONLINT_RSS_LOG at exit,
// so a test can bound memory without an external `time -v`.
'use strict';
const fs = require('node:fs');
process.on('exit', () => {
  if (process.env.CARBONLINT_RSS_LOG) fs.writeFileSync(process.env.CARBONLINT_RSS_LOG, String(process.resourceUsage().maxRSS));
});
