// G15 in Carbon 4.4 axis2.xml: the https transportSender's `HostnameVerifier` parameter (legacy-carbon.md §5 G15,
// second row). Shipped commented in every product; absent = Synapse's default verifier, not reported.
import { defineVariant } from '../../engine/rule';
import { atPath, childrenNamed, leafText } from '../util/legacy-xml';

const AXIS2 = (param: string) => `<axisconfig name="AxisJava2.0">\n<transportSender name="https" class="org.apache.synapse.transport.passthru.PassThroughHttpSSLSender">\n${param}</transportSender>\n</axisconfig>`;

export const senderHostnameLegacy = defineVariant({
  kind: 'xml',
  files: ['axis2.xml'],
  what: 'Carbon 4.4 (axis2.xml): the https `transportSender` with `<parameter name="HostnameVerifier">` set to `AllowAll` (error: no verification), `DefaultAndLocalhost` (warning) or a value Synapse does not know. The shipped files keep the parameter commented out (Synapse\'s default verifier applies) and are not reported.',
  example: {
    bad: '<parameter name="HostnameVerifier">AllowAll</parameter>',
    good: '<parameter name="HostnameVerifier">Strict</parameter>',
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const t of atPath(doc, ['axisconfig', 'transportSender'])) {
      if (t.attr('name')?.value !== 'https') continue;
      for (const p of childrenNamed(t, 'parameter')) {
        if (p.attr('name')?.value !== 'HostnameVerifier') continue;
        const v = leafText(doc, p);
        if (!v || v.value === 'Strict' || v.value === '') continue;
        const literal = doc.text.slice(v.span.start, v.span.end) === v.value;
        const fix = literal ? { title: 'Verify backend hostnames strictly', edits: [{ start: v.span.start, end: v.span.end, newText: 'Strict' }], safe: false } : undefined;
        if (v.value === 'AllowAll') ctx.report({ span: v.span, message: 'The https sender\'s HostnameVerifier is AllowAll: calls to HTTPS backends do not verify hostnames. Use Strict.', fix });
        else if (v.value === 'DefaultAndLocalhost') ctx.report({ span: v.span, severity: 'warning', message: 'The https sender\'s HostnameVerifier is DefaultAndLocalhost: localhost, 127.0.0.1 and ::1 are not verified. Use Strict.', fix });
        else ctx.report({ span: v.span, severity: 'warning', message: 'The https sender\'s HostnameVerifier is a value Synapse does not recognise (Strict, DefaultAndLocalhost, AllowAll; case-sensitive). Use Strict.', fix });
      }
    }
  },
  cases: {
    valid: [
      { name: 'shipped: the parameter is commented out', code: AXIS2('<!--<parameter name="HostnameVerifier">DefaultAndLocalhost</parameter>-->\n') },
      { code: AXIS2('<parameter name="HostnameVerifier">Strict</parameter>\n') },
    ],
    invalid: [{
      code: AXIS2('<parameter name="HostnameVerifier">AllowAll</parameter>\n'),
      errors: [{ range: [2, 35, 2, 43], severity: 'error', message: 'AllowAll' }],
      output: AXIS2('<parameter name="HostnameVerifier">Strict</parameter>\n'),
    }],
  },
});
