// dist/NOTICE: the third-party packages esbuild put into the bundles (from its metafiles), each with its version,
// licence and licence text, as their licences (MIT, Apache-2.0, BSD) ask of a redistribution.
import * as fs from 'node:fs';
import * as path from 'node:path';

const LICENSE_FILE = /^(licen[cs]e|copying|notice)(\.(md|txt))?$/i;

/** Package folders (node_modules/…/name) of every input of the bundles. */
function packageDirs(metafiles) {
  const dirs = new Set();
  for (const m of metafiles) {
    for (const input of Object.keys(m.inputs)) {
      const at = input.lastIndexOf('node_modules/');
      if (at < 0) continue;
      const rest = input.slice(at + 'node_modules/'.length).split('/');
      const name = rest[0].startsWith('@') ? `${rest[0]}/${rest[1]}` : rest[0];
      dirs.add(input.slice(0, at) + 'node_modules/' + name);
    }
  }
  return [...dirs].sort();
}

export function writeNotice(metafiles, out) {
  const own = JSON.parse(fs.readFileSync('package.json', 'utf8'));
  const parts = [
    `${own.displayName ?? own.name} ${own.version}, licensed under ${own.license} (see LICENSE).`,
    '',
    'The bundles in this folder (cli.js, server.js, extension.js) include the following third-party packages:',
    '',
  ];
  const texts = [];
  for (const dir of packageDirs(metafiles)) {
    const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
    const license = typeof pkg.license === 'string' ? pkg.license : pkg.license?.type ?? 'see its repository';
    parts.push(`- ${pkg.name} ${pkg.version} (${license})`);
    for (const f of fs.readdirSync(dir).filter((f) => LICENSE_FILE.test(f)).sort()) {
      texts.push(`${'='.repeat(78)}\n${pkg.name} ${pkg.version} — ${f}\n${'='.repeat(78)}\n${fs.readFileSync(path.join(dir, f), 'utf8').trim()}\n`);
    }
  }
  fs.writeFileSync(out, [...parts, '', ...texts].join('\n'));
}
