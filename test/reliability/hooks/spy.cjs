// Preloaded (node --require) into a server or CLI under test: records every file-system call that names a path
// and every outgoing network attempt, one JSON line each, to $CARBONLINT_SPY_LOG. Tests then assert what never
// happened (no write to the workspace, no read of a file an XML entity points at, no connection).
'use strict';
const fs = require('node:fs');
const net = require('node:net');
const http = require('node:http');
const https = require('node:https');
const dns = require('node:dns');

const LOG = process.env.CARBONLINT_SPY_LOG;
// Opened before anything is wrapped, written with writeSync (never wrapped), and guarded: logging must not log itself.
const fd = LOG ? fs.openSync(LOG, 'a') : -1;
const writeSync = fs.writeSync;
let busy = false;
const log = (op, target, extra) => {
  if (busy || fd < 0) return;
  busy = true;
  try {
    writeSync(fd, JSON.stringify({ op, target: String(target), ...extra }) + '\n');
  } catch { /* never disturb the process under test */ } finally {
    busy = false;
  }
};

const PATH_FNS = [
  'open', 'openSync', 'readFile', 'readFileSync', 'writeFile', 'writeFileSync', 'appendFile', 'appendFileSync',
  'rename', 'renameSync', 'copyFile', 'copyFileSync', 'cp', 'cpSync', 'unlink', 'unlinkSync', 'rm', 'rmSync', 'rmdir',
  'rmdirSync', 'mkdir', 'mkdirSync', 'truncate', 'truncateSync', 'createReadStream', 'createWriteStream', 'utimes',
  'utimesSync', 'chmod', 'chmodSync', 'chown', 'chownSync', 'symlink', 'symlinkSync', 'link', 'linkSync', 'opendir',
  'opendirSync', 'readdir', 'readdirSync', 'stat', 'statSync', 'lstat', 'lstatSync', 'realpath', 'realpathSync',
];
const PROMISE_FNS = ['open', 'readFile', 'writeFile', 'appendFile', 'rename', 'copyFile', 'cp', 'unlink', 'rm', 'rmdir', 'mkdir', 'truncate', 'utimes', 'chmod', 'symlink', 'link', 'opendir', 'readdir', 'stat', 'lstat', 'realpath'];

function wrap(obj, name, prefix) {
  const orig = obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = function (target, ...rest) {
    if ((typeof target === 'string' || target instanceof URL || Buffer.isBuffer(target))) {
      const flags = name.startsWith('open') && typeof rest[0] === 'string' ? rest[0] : undefined;
      const dest = /rename|copy|cp|link|symlink/i.test(name) && typeof rest[0] === 'string' ? rest[0] : undefined;
      log(prefix + name, target, { flags, dest });
    }
    return orig.call(this, target, ...rest);
  };
}
for (const n of PATH_FNS) wrap(fs, n, '');
for (const n of PROMISE_FNS) wrap(fs.promises, n, 'promises.');

function wrapNet(obj, name, label) {
  const orig = obj[name];
  if (typeof orig !== 'function') return;
  obj[name] = function (...args) {
    const a = args[0];
    const target = typeof a === 'object' && a !== null && !(a instanceof URL) ? `${a.host ?? a.hostname ?? a.path ?? ''}:${a.port ?? ''}` : String(a);
    log('net', target, { via: label });
    return orig.apply(this, args);
  };
}
wrapNet(net, 'connect', 'net.connect');
wrapNet(net, 'createConnection', 'net.createConnection');
wrapNet(net.Socket.prototype, 'connect', 'Socket.connect');
wrapNet(http, 'request', 'http.request');
wrapNet(http, 'get', 'http.get');
wrapNet(https, 'request', 'https.request');
wrapNet(https, 'get', 'https.get');
wrapNet(dns, 'lookup', 'dns.lookup');
if (typeof globalThis.fetch === 'function') {
  const f = globalThis.fetch;
  globalThis.fetch = function (...args) {
    log('net', String(args[0]), { via: 'fetch' });
    return f.apply(this, args);
  };
}
