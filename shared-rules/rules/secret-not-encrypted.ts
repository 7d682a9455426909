import { defineRule } from '../engine/rule';
import { stringText } from './util/toml';
import { plainSecret } from './util/secrets';
import { secretNotEncryptedLegacy } from './legacy/secure-vault';

/** Cipher tool output is base64 (RSA or, with -Dsymmetric, AES): long, no spaces or punctuation beyond + / =. */
function looksEncrypted(s: string): boolean {
  const t = s.replace(/\s+/g, '');
  return t.length >= 20 && /^[A-Za-z0-9+/]+={0,2}$/.test(t);
}

export default defineRule({
  meta: {
    id: 'secret-not-encrypted',
    title: 'Secure Vault secret not encrypted',
    guideline: 'Encrypt passwords in configuration files',
    guidelineId: 'G03',
    severity: 'warning',
    kind: 'toml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds `[secrets]` entries that are not cipher text: values still written as `"[plain text]"` (the cipher tool has not been run), and values that are neither bracketed nor base64 cipher text.',
      why: 'Square brackets mark a secret the cipher tool has yet to encrypt: until `ciphertool.sh -Dconfigure` runs, the password is as readable as if it were written in place. A bare value that is not cipher text is also plain text — and the server fails to decrypt it at start-up.',
      example: {
        bad: '[super_admin]\npassword = "$secret{admin_password}"\n\n[secrets]\nadmin_password = "[s3cret]"',
        good: '[super_admin]\npassword = "$secret{admin_password}"\n\n[secrets]\nadmin_password = "fYw9…base64 cipher text from ciphertool.sh…=="',
      },
      fix: 'Run `<PRODUCT_HOME>/bin/ciphertool.sh -Dconfigure` (Identity Server 7: add `-Dsymmetric` for AES) with the server stopped: it encrypts every bracketed value in `[secrets]` in place. There is no quick fix: encryption needs the product\'s keystore.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    for (const e of ctx.model.config.under(['secrets'])) {
      const text = stringText(e.value);
      if (!text) continue;
      const alias = e.path.slice(1).join('.');
      if (plainSecret(e) !== undefined) {
        ctx.report({ span: e.value.span, message: `Secure Vault alias \`${alias}\` is still plain text ("[…]"): run the cipher tool (ciphertool.sh -Dconfigure) to encrypt it.` });
      } else if (!/^\$(env|sys)\{/.test(text) && !looksEncrypted(text)) {
        ctx.report({ span: e.value.span, message: `Secure Vault alias \`${alias}\` does not look like cipher tool output (base64). If it is the password itself, write it as "[…]" and run the cipher tool; as it is, it stays readable and the server cannot decrypt it.` });
      }
    }
  },
  cases: {
    valid: [
      { code: '[secrets]\nadmin_password = "qQM/xV1yJkJ46XTkww0ER7gxsW9rlMYs0cAWxOjPta7b6Vs3Zw5/BI1DgvGxwoSec=="\n' },
      { name: 'templates are opaque', code: '[secrets]\nadmin_password = {{ .Values.adminPassword | quote }}\n' },
      { name: 'only the [secrets] table', code: '[apim]\nnote = "[not a secret]"\n' },
    ],
    invalid: [
      {
        code: '[super_admin]\npassword = "$secret{admin_password}"\n\n[secrets]\nadmin_password = "[s3cret]"\n',
        errors: [{ range: [4, 17, 4, 27], message: 'Secure Vault alias `admin_password` is still plain text' }],
      },
      {
        name: 'neither bracketed nor cipher text',
        code: '[secrets]\nkeystore_password = "password_3"\n',
        errors: [{ range: [1, 20, 1, 32], message: 'does not look like cipher tool output' }],
      },
    ],
  },
  legacy: [secretNotEncryptedLegacy],
});
