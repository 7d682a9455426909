import { defineRule, type RuleResources } from '../engine/rule';
import { at, inspectStores, storeName } from '../keystores/inspect';
import { SAMPLE_DEPLOYMENT_TOML, SAMPLE_HOME, sampleResources, sampleStore } from '../keystores/sample';
import { KEYSTORE_RULE } from './util/keystore-rules';

/** No store in the home, and a read anywhere else fails the case (the rule tester reports the throw). */
function onlyInsideHome(): RuleResources {
  return {
    ...sampleResources({ files: {} }),
    readFile: (p) => {
      if (!p.startsWith(`${SAMPLE_HOME}/`)) throw new Error(`opened ${p}`);
      return undefined;
    },
  };
}

export default defineRule({
  meta: {
    id: 'keystore-unreadable',
    title: 'Keystore contents could not be checked',
    ...KEYSTORE_RULE,
    severity: 'info',
    docs: {
      what: 'Says when a keystore or truststore that deployment.toml configures is in the workspace but its contents could not be checked by the other keystore rules: its password is not known without guessing (a Secure Vault `$secret{}` alias, an `$env{VAR}` that is not set where CarbonLint runs, a `$sys{}` property, a template), the password does not open it (wrong password or a modified file: the JKS and PKCS12 integrity checks are verified), or the file is damaged, truncated, a Git LFS pointer, or a format CarbonLint cannot read. A `file_name` that leads out of the product home (an absolute path such as `/etc/shadow`, `../` climbing out, or a link planted in the home) is never opened: it gets the notice "not inspected: outside the workspace". The message names the store and the table, never the password. CarbonLint never asks for, stores or logs a password; a password from an environment variable is used only to open the store in memory.',
      why: 'A clean result should mean "checked and fine", not "could not look": this finding says which stores were not inspected, so their default certificates, key sizes and expiry dates can be checked another way.',
      example: {
        bad: '[keystore.primary]\nfile_name = "acme.p12"\npassword = "$secret{keystore_password}"   # not resolvable by CarbonLint',
        good: '[keystore.primary]\nfile_name = "acme.p12"\npassword = "$env{KEYSTORE_PASSWORD}"   # set where the server and CarbonLint run',
      },
      fix: 'To have the contents checked, make the password available the way the server gets it: for example reference it as `$env{KEYSTORE_PASSWORD}` and set that variable for the server and for CarbonLint (the editor inherits the environment VS Code was started with; in CI, set it on the step that runs `carbonlint`). For a wrong password, fix the password or the store. Or inspect the store yourself: `keytool -list -v -keystore <file>`. Turn the rule off if these notices are not useful to you. There is no quick fix.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    for (const store of inspectStores(ctx)) {
      const r = store.result;
      if (r.ok) continue;
      const message =
        r.problem === 'outside' ? `${storeName(store)}: ${r.message}.`
        : r.problem === 'password-unknown' ? `Could not check the contents of ${storeName(store, true)}: ${r.message}.`
        : r.problem === 'wrong-password' ? `Could not open ${storeName(store, true)}: ${store.passwordOrigin ?? 'the configured password'} does not open it (wrong password, or the file was modified). Its contents were not checked.`
        : `Could not read ${storeName(store, true)}: ${r.message}. Its contents were not checked.`;
      ctx.report({ ...at(store), message });
    }
  },
  cases: {
    valid: [
      { name: 'opened', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "sample"\n', resources: sampleResources() },
      { name: 'not in the workspace: may be deployed separately', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "prod.p12"\npassword = "$secret{ks}"\n', resources: sampleResources() },
      { name: 'a password from a set environment variable opens it', fileName: SAMPLE_DEPLOYMENT_TOML, code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "$env{KS_PW}"\n', resources: sampleResources({ env: { KS_PW: 'sample' } }) },
    ],
    invalid: [
      {
        name: 'an absolute file_name outside the product home is never opened, only noted',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "/etc/shadow"\n',
        resources: onlyInsideHome(),
        errors: [{ range: [1, 12, 1, 25], severity: 'info', message: 'Keystore /etc/shadow ([keystore.primary]): not inspected: outside the workspace' }],
      },
      {
        name: 'a relative file_name that climbs out of the product home is never opened, only noted',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.tls]\nfile_name = "../../../../etc/passwd"\n',
        resources: onlyInsideHome(),
        errors: [{ range: [1, 12, 1, 36], severity: 'info', message: /^Keystore \/opt\/etc\/passwd \(\[keystore\.tls\]\): not inspected: outside the workspace/ }],
      },
      {
        name: 'Secure Vault alias',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "$secret{keystore_password}"\n',
        resources: sampleResources(),
        errors: [{ range: [1, 12, 1, 28], severity: 'info', message: 'its password is a Secure Vault alias ($secret{…}), which CarbonLint does not decrypt' }],
      },
      {
        name: 'environment variable not set',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "$env{KS_PW}"\n',
        resources: sampleResources(),
        errors: [{ range: [1, 12, 1, 28], message: 'the environment variable KS_PW, which is not set where CarbonLint runs' }],
      },
      {
        name: 'wrong password: the message names where it came from, not what it is',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\npassword = "hunter2"\n',
        resources: sampleResources(),
        errors: [{ range: [1, 12, 1, 28], message: /^Could not open keystore .*: the configured password does not open it \(wrong password, or the file was modified\)/ }],
      },
      {
        name: 'shipped default password (absent key) on a truncated store',
        fileName: SAMPLE_DEPLOYMENT_TOML,
        code: '[keystore.primary]\nfile_name = "wso2carbon.jks"\n',
        resources: sampleResources({ files: { 'repository/resources/security/wso2carbon.jks': sampleStore().subarray(0, 300) } }),
        errors: [{ range: [1, 12, 1, 28], message: 'the file is truncated or damaged' }],
      },
    ],
  },
});
