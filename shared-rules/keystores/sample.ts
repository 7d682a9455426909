// A tiny store for the rules' own case tables (the RuleTester lints text, so the store comes from a stub).
// JKS, store password "sample", one key entry "wso2carbon" whose certificate is the public default certificate of
// carbon-kernel 4.4.0 (D01: CN=localhost, O=WSO2, 1024-bit RSA, SHA1withRSA, valid 2010-02-19 to 2035-02-13).
// There is no private key in it: the key blob is a 4-byte placeholder, which our reader never decrypts.
import * as path from 'node:path';
import type { RuleResources } from '../engine/rule';

const SAMPLE_JKS_BASE64 = [
  '/u3+7QAAAAIAAAABAAAAAQAKd3NvMmNhcmJvbgAAAAAAAAAAAAAABG5vbmUAAAABAAVYLjUwOQAAAjkwggI1MIIBnqADAgECAgRL',
  'fjeCMA0GCSqGSIb3DQEBBQUAMFUxCzAJBgNVBAYTAlVTMQswCQYDVQQIDAJDQTEWMBQGA1UEBwwNTW91bnRhaW4gVmlldzENMAsG',
  'A1UECgwEV1NPMjESMBAGA1UEAwwJbG9jYWxob3N0MB4XDTEwMDIxOTA3MDIyNloXDTM1MDIxMzA3MDIyNlowVTELMAkGA1UEBhMC',
  'VVMxCzAJBgNVBAgMAkNBMRYwFAYDVQQHDA1Nb3VudGFpbiBWaWV3MQ0wCwYDVQQKDARXU08yMRIwEAYDVQQDDAlsb2NhbGhvc3Qw',
  'gZ8wDQYJKoZIhvcNAQEBBQADgY0AMIGJAoGBAJSn+hXW9Zzz9ORBKIC9Oi6wzM4zhqwHaKW2vZAqjOeLlpUW7zXwyk4tkivwsydP',
  'NaWUm+9oDlEAB2lsQJv7jwWNsF7SGx5R03kenC+cf8Nbxlxwa+Tncjo6uruEsK/Vke244KiSCHP8BOuHI+r5CS0x9edFLgesoYlP',
  'PFoJxTs5AgMBAAGjEjAQMA4GA1UdDwEB/wQEAwIE8DANBgkqhkiG9w0BAQUFAAOBgQBbnA9HtyvUsB2r4itHjiJCVEbkhMJldj2E',
  'jQ/KAs/ascA2H49h9ObFu46fKQ0bKEzoWMUttba5kdBNjWMys+muM6ubIrmyMlE7h3UN4YdP9iciOz0miBEq/hccQLAu0hV0Bsh1',
  'YcS1VknIxKS1zLKwVy+6E9ArxBz8T9ary4dIKiQbEbt0uQu176J7+y3gX54KsjDq',
].join('');

export function sampleStore(): Uint8Array {
  return Buffer.from(SAMPLE_JKS_BASE64, 'base64');
}

/** Where the cases' API Manager lives; lint the case as `SAMPLE_DEPLOYMENT_TOML`. */
export const SAMPLE_HOME = '/opt/wso2am-4.2.0';
export const SAMPLE_DEPLOYMENT_TOML = `${SAMPLE_HOME}/repository/conf/deployment.toml`;

/**
 * A RuleResources stub: `files` maps paths relative to SAMPLE_HOME to their bytes (default: the sample store as the
 * shipped wso2carbon.jks); `now` is an ISO date.
 */
export function sampleResources(opts: { files?: Record<string, Uint8Array>; env?: Record<string, string>; now?: string } = {}): RuleResources {
  const files = opts.files ?? { 'repository/resources/security/wso2carbon.jks': sampleStore() };
  const home = path.resolve(SAMPLE_HOME);
  const now = Date.parse(opts.now ?? '2026-11-23T00:00:00Z');
  return {
    readFile: (p) => files[path.relative(home, p).split(path.sep).join('/')],
    env: opts.env ?? {},
    now: () => now,
  };
}
