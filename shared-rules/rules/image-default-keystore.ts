import * as path from 'node:path';
import { defineRule } from '../engine/rule';
import type { DockerInstruction, DockerWord } from '../parsers/dockerfile/model';
import { analyzeImage, expand, plainWords, shown } from './util/image-user';

/** The keystores and truststores every pack ships (kernel 4.6–4.9 and MI: .jks; 4.10+: .p12). */
const VENDOR_STORES = new Set(['wso2carbon.jks', 'wso2carbon.p12', 'client-truststore.jks', 'client-truststore.p12', 'wso2truststore.jks', 'wso2carbon.pfx']);

/** The source words of a COPY/ADD (all but the destination); in the JSON form, each string's span inside its quotes. */
function sources(text: string, ins: DockerInstruction): DockerWord[] {
  if (!ins.exec) return plainWords(ins).slice(0, -1);
  const out: DockerWord[] = [];
  let from = ins.keywordSpan.end;
  for (const s of ins.exec.slice(0, -1)) {
    const at = text.indexOf(JSON.stringify(s), from);
    if (at < 0 || at > ins.span.end) break; // written with escapes: the plain form's words are not needed for a finding
    out.push({ raw: JSON.stringify(s), value: s, span: { start: at + 1, end: at + 1 + s.length } });
    from = at + s.length + 2;
  }
  return out;
}

export default defineRule({
  meta: {
    id: 'image-default-keystore',
    title: 'Vendor default keystore copied into an image',
    guideline: 'Change default keystores',
    guidelineId: 'G02',
    severity: 'warning',
    kind: 'dockerfile',
    products: ['apim', 'is', 'mi'],
    supplementary: true,
    docs: {
      what: 'Finds `COPY` and `ADD` instructions in the stages that make the final image which put a file named like a vendor default keystore or truststore (`wso2carbon.jks`, `wso2carbon.p12`, `client-truststore.jks`, `client-truststore.p12`, …) into the image. Only what the Dockerfile shows is reported: a keystore of another name, a folder copied as a whole, or a store mounted at run time is not.',
      why: 'The default keystores ship with every pack: their private key is public, so anyone can impersonate the server or decrypt what it encrypted. Baking one into an image also spreads it to every container and registry that holds the image.',
      example: {
        bad: 'FROM wso2/wso2am:4.2.0\nCOPY security/wso2carbon.jks /home/wso2carbon/wso2am-4.2.0/repository/resources/security/',
        good: 'FROM wso2/wso2am:4.2.0\n# the production keystore is mounted at run time (a Kubernetes Secret, a Docker secret)',
      },
      fix: 'Generate a keystore of your own (and a truststore holding only the CAs you trust), give it another name, point `[keystore.primary]`/`[truststore]` in deployment.toml at it, and mount it at run time rather than building it into the image. No quick fix: the keystore is a binary file.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    const doc = ctx.model.doc;
    const a = analyzeImage(doc);
    if (!a) return;
    // The final stage and the stages it is built FROM: files of other stages reach the image only through COPY --from.
    for (const st of [...a.chain].reverse()) {
      for (const ins of st.instructions) {
        if (ins.keyword !== 'COPY' && ins.keyword !== 'ADD') continue;
        for (const w of sources(ctx.text, ins)) {
          const v = expand(w.value, a.varsAt(ins)) ?? w.value;
          const base = path.posix.basename(v.replace(/\\/g, '/')).toLowerCase();
          if (!VENDOR_STORES.has(base)) continue;
          ctx.report({
            span: w.span,
            message: `${ins.keyword} puts ${shown(base)}, a vendor default store, into the image: its key is public. Use a keystore of your own, mounted at run time.`,
          });
        }
      }
    }
  },
  cases: {
    valid: [
      { code: 'FROM wso2/wso2am:4.2.0\nCOPY security/acme-tls.p12 /home/wso2carbon/wso2am-4.2.0/repository/resources/security/\n' },
      { name: 'only in a build stage that is not copied', code: 'FROM ubuntu AS tmp\nCOPY wso2carbon.jks /tmp/\nFROM wso2/wso2am:4.2.0\nUSER 10001\n' },
      { name: 'named only as the destination', code: 'FROM wso2/wso2is:7.0.0\nCOPY acme.p12 /home/wso2carbon/wso2is-7.0.0/repository/resources/security/wso2carbon.p12.bak\n' },
    ],
    invalid: [
      {
        code: 'FROM wso2/wso2am:4.2.0\nCOPY --chown=wso2carbon:wso2 security/wso2carbon.jks security/client-truststore.jks /home/wso2carbon/wso2am-4.2.0/repository/resources/security/\n',
        errors: [
          { range: [1, 29, 1, 52], message: 'COPY puts wso2carbon.jks, a vendor default store' },
          { range: [1, 53, 1, 83], message: 'client-truststore.jks' },
        ],
      },
      {
        name: 'JSON form',
        code: 'FROM wso2/wso2mi:4.3.0\nCOPY ["conf/client-truststore.jks", "/home/wso2carbon/wso2mi-4.3.0/repository/resources/security/"]\n',
        errors: [{ range: [1, 7, 1, 33], message: 'COPY puts client-truststore.jks' }],
      },
      {
        name: 'through an ARG',
        code: 'FROM wso2/wso2is:7.0.0\nARG STORE=wso2carbon.p12\nADD ${STORE} /home/wso2carbon/\n',
        errors: [{ range: [2, 4, 2, 12], message: 'ADD puts wso2carbon.p12' }],
      },
    ],
  },
});
