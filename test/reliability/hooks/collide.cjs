// Preloaded into a `carbonlint --fix` run: puts a directory where writeAtomic creates its temp file for each path in
// $CARBONLINT_COLLIDE (JSON list), so the temp write fails, as a full disk or a racing process would. The temp name
// is random (.<name>.carbonlint-<random>.tmp, created with O_EXCL), so the directory is made just before each
// exclusive open of such a name: every name writeAtomic tries is taken.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const targets = new Set(JSON.parse(process.env.CARBONLINT_COLLIDE || '[]').map((f) => path.resolve(f)));
const openSync = fs.openSync;
fs.openSync = function (p, flags, ...rest) {
  if (typeof p === 'string' && typeof flags === 'number' && flags & fs.constants.O_EXCL) {
    const m = /^\.(.+)\.carbonlint-[0-9a-f]+\.tmp$/.exec(path.basename(p));
    if (m && targets.has(path.join(path.dirname(path.resolve(p)), m[1]))) fs.mkdirSync(p, { recursive: true });
  }
  return openSync.call(this, p, flags, ...rest);
};
