import { senderHostnameLegacy } from './legacy/sender-hostname';
import { defineRule } from '../engine/rule';
import type { TomlEntry } from '../parsers/toml/model';
import { insertKey, keyInsertionPoint, literalScalar, pathText, replaceValue, tomlString, writtenKey } from './util/toml';
import { isFullDeployment } from './util/scope';
import { apimDistribution } from './util/tls-transports';
import { PASSTHRU_SENDER_DEFAULT_VERIFIER } from '../data/tls/defaults';

// The HTTPS sender's hostname verifier (Synapse compares the value case-sensitively: Strict, DefaultAndLocalhost,
// AllowAll; any other value fails every HTTPS call). API-M's default.json sets DefaultAndLocalhost; MI sets none
// (Synapse's standard verifier). The JVM-wide -Dhttpclient.hostnameVerifier is the startup-script part of G15.
const KEYS = {
  apim: [['transport', 'passthru_https', 'sender', 'parameters', 'HostnameVerifier']],
  mi: [['transport', 'http', 'sender', 'hostname_verifier'], ['transport', 'https', 'sender', 'parameter', 'HostnameVerifier']],
};
const WSS_KEY = ['transport', 'wss', 'sender', 'parameters', 'ws.client.enable.hostname.verification'];

export default defineRule({
  meta: {
    id: 'sender-hostname-verification',
    title: 'Backend hostname verification off or weakened',
    guideline: 'Enable hostname verification',
    guidelineId: 'G15',
    severity: 'error',
    kind: 'toml',
    products: ['apim', 'mi'],
    docs: {
      what: 'Finds the HTTPS sender\'s hostname verifier set to `AllowAll` (error: no verification) or `DefaultAndLocalhost` (warning: localhost names are not verified) — `[transport.passthru_https.sender.parameters] HostnameVerifier` in API-M, `[transport.http] sender.hostname_verifier` ≡ `[transport.https.sender.parameter] HostnameVerifier` in the Micro Integrator — and values Synapse does not know (it compares case-sensitively and then rejects every HTTPS call). WebSocket `ws.client.enable.hostname.verification = false` is an error too. In a full API-M deployment.toml with a gateway, a missing `HostnameVerifier` is reported at information level: the shipped default is `DefaultAndLocalhost`, which still verifies every remote host. (MI without the key uses Synapse\'s standard verifier: not reported.) The JVM flag `-Dhttpclient.hostnameVerifier` in the startup script is checked by the script rules.',
      why: 'Without hostname verification the gateway accepts any certificate a trusted CA issued for any name, so whoever can redirect its traffic to a backend can read and change it (man in the middle). The guideline asks for the Strict mode.',
      example: {
        bad: '[transport.passthru_https.sender.parameters]\nHostnameVerifier = "AllowAll"',
        good: '[transport.passthru_https.sender.parameters]\nHostnameVerifier = "Strict"',
      },
      fix: 'Set the verifier to `Strict`. The quick fix rewrites (or adds) the value. It is not applied automatically: backends reached by an IP address or by a name their certificate does not carry will then fail — fix their certificates (or the endpoint URLs) first.',
      fixSafety: 'unsafe',
    },
  },
  check(ctx) {
    const { config } = ctx.model;
    const product = ctx.product.product;
    const keys = product === 'apim' ? KEYS.apim : product === 'mi' ? KEYS.mi : [...KEYS.apim, ...KEYS.mi];
    const strict = (e: TomlEntry) => ({ title: 'Verify backend hostnames strictly', edits: [replaceValue(e, tomlString('Strict'))], safe: false });
    let written = false;
    for (const path of keys) {
      const e = config.get(path);
      if (!e) continue;
      written = true;
      const v = literalScalar(e.value);
      if (v === undefined || v === 'Strict') continue;
      const key = writtenKey(e);
      if (v === 'AllowAll') {
        ctx.report({ span: e.value.span, message: `\`${key} = "AllowAll"\` turns off hostname verification for calls to HTTPS backends. Use "Strict".`, fix: strict(e) });
      } else if (v === 'DefaultAndLocalhost') {
        ctx.report({ span: e.value.span, severity: 'warning', message: `\`${key} = "DefaultAndLocalhost"\` skips hostname verification for localhost, 127.0.0.1 and ::1. Use "Strict".`, fix: strict(e) });
      } else {
        ctx.report({ span: e.value.span, severity: 'warning', message: `\`${key}\` is ${JSON.stringify(v)}, which Synapse does not recognise (Strict, DefaultAndLocalhost, AllowAll; case-sensitive): every HTTPS call to a backend then fails hostname verification. Use "Strict".`, fix: strict(e) });
      }
    }
    const wss = config.get(WSS_KEY);
    if (wss && String(literalScalar(wss.value)).toLowerCase() === 'false') {
      ctx.report({ span: wss.value.span, message: 'WebSocket (wss) calls to backends do not verify hostnames. Remove the setting or set it to "true".', fix: { title: 'Verify WebSocket backend hostnames', edits: [replaceValue(wss, wss.value.kind === 'boolean' ? 'true' : '"true"')], safe: false } });
    }
    const gateway = ['all-in-one', 'gateway'].includes(apimDistribution(ctx.product, ctx.fileName));
    if (written || product !== 'apim' || !gateway || !isFullDeployment(ctx)) return;
    const path = KEYS.apim[0];
    const insert = insertKey(ctx.text, config, path, tomlString('Strict'));
    ctx.report({
      span: keyInsertionPoint(config, path).reportSpan,
      severity: 'info',
      message: `\`[${pathText(path.slice(0, -1))}] HostnameVerifier\` is not set, so the gateway uses the shipped "${PASSTHRU_SENDER_DEFAULT_VERIFIER}", which does not verify localhost names. The guideline asks for "Strict".`,
      fix: insert ? { title: 'Verify backend hostnames strictly', edits: [insert], safe: false } : undefined,
    });
  },
  cases: {
    valid: [
      { code: '[transport.passthru_https.sender.parameters]\nHostnameVerifier = "Strict"\n' },
      { name: 'MI shorthand', code: '[transport.http]\nsender.hostname_verifier = "Strict"\n' },
      { name: 'MI without the key: Synapse\'s standard verifier', fileName: 'wso2mi-4.3.0/conf/deployment.toml', code: '[server]\nhostname = "localhost"\n' },
      { name: 'templates are not literals', code: '[transport.passthru_https.sender.parameters]\nHostnameVerifier = {{ .Values.hostnameVerifier | quote }}\n' },
      { name: 'a Traffic Manager has no gateway sender', fileName: 'wso2am-tm-4.6.0/repository/conf/deployment.toml', code: '[server]\nhostname = "tm"\n' },
    ],
    invalid: [
      {
        name: 'AllowAll (as the financial-services accelerator ships it)',
        code: '[transport.passthru_https.sender.parameters]\nHostnameVerifier = "AllowAll"\n',
        errors: [{ range: [1, 19, 1, 29], message: 'turns off hostname verification', severity: 'error' }],
        output: '[transport.passthru_https.sender.parameters]\nHostnameVerifier = "Strict"\n',
      },
      {
        name: 'MI DefaultAndLocalhost',
        code: '[transport.http]\nsender.hostname_verifier = "DefaultAndLocalhost"\n',
        errors: [{ range: [1, 27, 1, 48], severity: 'warning' }],
        output: '[transport.http]\nsender.hostname_verifier = "Strict"\n',
      },
      {
        name: 'values are case-sensitive',
        code: '[transport.https.sender.parameter]\nHostnameVerifier = "strict"\n',
        errors: [{ range: [1, 19, 1, 27], message: 'does not recognise', severity: 'warning' }],
        output: '[transport.https.sender.parameter]\nHostnameVerifier = "Strict"\n',
      },
      {
        name: 'absent in an API-M gateway: the shipped DefaultAndLocalhost (information)',
        fileName: 'wso2am-4.2.0/repository/conf/deployment.toml',
        code: '[server]\nhostname = "apim"\n',
        errors: [{ range: [0, 0, 0, 8], severity: 'info' }],
        output: '[server]\nhostname = "apim"\n\n[transport.passthru_https.sender.parameters]\nHostnameVerifier = "Strict"\n',
      },
      {
        name: 'WebSocket backends',
        code: '[transport.wss.sender.parameters]\n"ws.client.enable.hostname.verification" = false\n',
        errors: [{ range: [1, 43, 1, 48], severity: 'error' }],
        output: '[transport.wss.sender.parameters]\n"ws.client.enable.hostname.verification" = true\n',
      },
    ],
  },
  legacy: [senderHostnameLegacy],
});
