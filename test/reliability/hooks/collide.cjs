// Preloaded into a `carbonlint --fix` run: puts a directory where writeAtomic will create its temp file for each
// path in $CARBONLINT_COLLIDE (JSON list), so the temp write fails midway, as a full disk or a racing process would.
// The temp name (.<name>.carbonlint-<pid>.tmp) needs the CLI's own pid, which only code inside it knows.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
for (const file of JSON.parse(process.env.CARBONLINT_COLLIDE || '[]')) {
  fs.mkdirSync(path.join(path.dirname(file), `.${path.basename(file)}.carbonlint-${process.pid}.tmp`), { recursive: true });
}
