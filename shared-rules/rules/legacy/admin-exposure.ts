// G42 exposure switches in Carbon 4.4 carbon.xml (legacy-carbon.md §4): `/Server/Axis2Config/HideAdminServiceWSDLs`
// (shipped true; false publishes every admin service's WSDL at /services/<Name>?wsdl), `/Server/Axis2Config/
// HttpAdminServices` (shipped commented; any value exposes admin services on the plain-HTTP transport) and
// `/Server/EnableHTTPAdminConsole` (shipped commented; true serves /carbon over HTTP).
import { defineVariant } from '../../engine/rule';
import { atPath, childText } from '../util/legacy-xml';
import { oneLine } from '../util/message';

const CARBON = (body: string) => `<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">\n${body}</Server>\n`;

export const adminExposureCarbonXml = defineVariant({
  kind: 'xml',
  files: ['carbon.xml'],
  what: 'Carbon 4.4 (carbon.xml): `<HideAdminServiceWSDLs>false</HideAdminServiceWSDLs>` (the admin services\' WSDLs are published), an uncommented `<HttpAdminServices>` (admin services over plain HTTP), or `<EnableHTTPAdminConsole>true</EnableHTTPAdminConsole>` (the management console over plain HTTP). Whether the proxy forwards /services and /carbon is not visible here.',
  example: {
    bad: '<Axis2Config>\n  <HideAdminServiceWSDLs>false</HideAdminServiceWSDLs>\n  <HttpAdminServices>*</HttpAdminServices>\n</Axis2Config>',
    good: '<Axis2Config>\n  <HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>\n</Axis2Config>',
  },
  check(ctx) {
    const doc = ctx.model.doc;
    for (const axis2 of atPath(doc, ['Server', 'Axis2Config'])) {
      const hide = childText(doc, axis2, 'HideAdminServiceWSDLs');
      if (hide && /^false$/i.test(hide.value)) {
        ctx.report({
          span: hide.span,
          message: 'HideAdminServiceWSDLs is false: every admin service publishes its WSDL at /services/<Name>?wsdl, a map of the management API for anyone who reaches /services. Set it to true (the shipped value) and block /services at the proxy.',
          fix: { title: 'Hide the admin service WSDLs', edits: [{ start: hide.span.start, end: hide.span.end, newText: 'true' }], safe: true, preferred: true },
        });
      }
      const http = childText(doc, axis2, 'HttpAdminServices');
      if (http) {
        ctx.report({
          span: http.el.nameSpan,
          message: `HttpAdminServices is set${http.value ? ` ("${oneLine(http.value)}")` : ''}: admin services also answer on the plain-HTTP transport, so credentials and data cross the network unencrypted. Remove the element (it ships commented out).`,
        });
      }
    }
    for (const server of atPath(doc, ['Server'])) {
      const console = childText(doc, server, 'EnableHTTPAdminConsole');
      if (console && /^true$/i.test(console.value)) {
        ctx.report({
          span: console.span,
          message: 'EnableHTTPAdminConsole is true: the management console (/carbon) is served over plain HTTP, exposing logins and session cookies. Set it to false (or remove it: it ships commented out).',
          fix: { title: 'Serve the console over HTTPS only', edits: [{ start: console.span.start, end: console.span.end, newText: 'false' }], safe: true, preferred: true },
        });
      }
    }
  },
  cases: {
    valid: [
      { name: 'shipped: WSDLs hidden, the HTTP switches commented', code: CARBON('<Axis2Config>\n<HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>\n<!--HttpAdminServices>*</HttpAdminServices-->\n</Axis2Config>\n<!-- EnableHTTPAdminConsole>true</EnableHTTPAdminConsole -->\n') },
    ],
    invalid: [
      {
        name: 'a real EI 6.5 deployment: WSDLs shown, admin services and console over HTTP',
        code: CARBON('<Axis2Config>\n    <HideAdminServiceWSDLs>false</HideAdminServiceWSDLs>\n    <HttpAdminServices>*</HttpAdminServices>\n</Axis2Config>\n<EnableHTTPAdminConsole>true</EnableHTTPAdminConsole>\n'),
        errors: [
          { range: [2, 27, 2, 32], message: 'HideAdminServiceWSDLs is false' },
          { range: [3, 5, 3, 22], message: 'HttpAdminServices is set ("*")' },
          { range: [5, 24, 5, 28], message: 'EnableHTTPAdminConsole is true' },
        ],
        output: CARBON('<Axis2Config>\n    <HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>\n    <HttpAdminServices>*</HttpAdminServices>\n</Axis2Config>\n<EnableHTTPAdminConsole>false</EnableHTTPAdminConsole>\n'),
      },
    ],
  },
});
