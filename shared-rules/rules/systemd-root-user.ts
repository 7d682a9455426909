import { defineRule } from '../engine/rule';
import { PRODUCT_SCRIPT_REF } from '../engine/container-files';
import { isRootUser, shown } from './util/image-user';

/** ExecStart prefixes (systemd.service "Command lines"): `+` runs with full privileges whatever User= says. */
const PREFIX = /^[-@:+!]{0,4}/;

export default defineRule({
  meta: {
    id: 'systemd-root-user',
    title: 'systemd unit runs a product as root',
    guideline: 'Run product processes with a specific OS-level user',
    guidelineId: 'G28',
    severity: 'warning',
    kind: 'systemd',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds systemd service units (`*.service`, and their Ansible/Puppet templates `*.service.j2`/`.erb`) whose `ExecStart` runs a product startup script (`wso2server.sh`, `api-manager.sh`, `micro-integrator.sh`, …) as root: no `User=` in `[Service]` (system units run as root), `User=root` or `User=0`, or an `ExecStart=+…` (the `+` prefix runs the command with full privileges whatever `User=` says). `DynamicUser=yes` and user units (under `systemd/user/`) are not root. In a template, `User={{ wso2_user }}` is checked with the value the inventory gives it.',
      why: 'A product process running as root turns any code-execution flaw in the product into full control of the host. The guideline asks for a dedicated OS-level user.',
      example: {
        bad: '[Service]\nExecStart=/opt/wso2am-4.2.0/bin/api-manager.sh start\nType=forking',
        good: '[Service]\nExecStart=/opt/wso2am-4.2.0/bin/api-manager.sh start\nUser=wso2carbon\nGroup=wso2\nType=forking',
      },
      fix: 'Create a system user for the product, give it the product home, and set `User=` (and `Group=`) in `[Service]`. No quick fix: the user must exist and own the product home.',
      fixSafety: 'none',
    },
  },
  check(ctx) {
    if (/[\\/]systemd[\\/]user[\\/]/.test(ctx.fileName)) return;
    const entries = ctx.model.doc.entries.filter((e) => e.section === 'Service');
    const starts = entries.filter((e) => e.key === 'ExecStart' && PRODUCT_SCRIPT_REF.test(` ${e.value.replace(PREFIX, '')}`));
    if (!starts.length) return;
    const script = (PRODUCT_SCRIPT_REF.exec(` ${starts[0].value}`)?.[0] ?? '').replace(/^[\s/"'=]/, '');
    for (const e of starts) {
      if (PREFIX.exec(e.value)![0].includes('+')) {
        ctx.report({ span: e.valueSpan, message: `ExecStart=+ runs ${script} with full privileges (root), whatever User= says: remove the + prefix.` });
      }
    }
    const users = entries.filter((e) => e.key === 'User');
    const user = users[users.length - 1];
    const dynamic = entries.some((e) => e.key === 'DynamicUser' && /^(?:yes|true|on|1)$/i.test(e.value));
    if (user && user.value !== '') {
      if (isRootUser(user.value)) ctx.report({ span: user.valueSpan, message: `User=${shown(user.value)} runs the product (${script}) as root: set a dedicated non-root user.` });
      return;
    }
    if (dynamic) return;
    const s = starts[0];
    ctx.report({ span: s.keySpan, message: `No User= in [Service]: systemd runs the product (${script}) as root. Set User= (and Group=) to a dedicated non-root user.` });
  },
  cases: {
    valid: [
      { code: '[Unit]\nDescription=WSO2 API Manager\n\n[Service]\nExecStart=/opt/wso2am/bin/api-manager.sh start\nUser=wso2carbon\nGroup=wso2\n' },
      { name: 'not a product service', code: '[Service]\nExecStart=/usr/sbin/nginx\n', fileName: 'nginx.service' },
      { name: 'DynamicUser', code: '[Service]\nExecStart=/opt/wso2mi/bin/micro-integrator.sh\nDynamicUser=yes\n' },
      { name: 'a user unit', fileName: '/home/u/.config/systemd/user/wso2am.service', code: '[Service]\nExecStart=/opt/wso2am/bin/api-manager.sh\n' },
    ],
    invalid: [
      {
        name: 'no User=',
        code: '[Service]\nExecStart=/opt/wso2is-7.0.0/bin/wso2server.sh start\nType=forking\n',
        errors: [{ range: [1, 0, 1, 9], message: 'No User= in [Service]: systemd runs the product (wso2server.sh) as root' }],
      },
      {
        name: 'User=root, continued ExecStart',
        code: '[Service]\nExecStart=/bin/sh -c \\\n  "/opt/wso2am/bin/api-manager.sh start"\nUser=root\n',
        errors: [{ range: [3, 5, 3, 9], message: 'User=root runs the product (api-manager.sh) as root' }],
      },
      {
        name: 'ExecStart=+ overrides User=',
        code: '[Service]\nUser=wso2carbon\nExecStart=+/opt/wso2mi/bin/micro-integrator.sh\n',
        errors: [{ range: [2, 10, 2, 46], message: 'ExecStart=+ runs micro-integrator.sh with full privileges' }],
      },
    ],
  },
});
