import { defineRule } from '../engine/rule';
import { adminExposureCarbonXml } from './legacy/admin-exposure';

// G42 is mostly manual (the proxy, load balancer or firewall blocks /services and /carbon). What the files show are
// the Carbon 4.4 exposure switches in carbon.xml; TOML-era files have no such switch in the linted files, so the
// rule's own check (XML files that are not Carbon 4.4 files) has nothing to read.
export default defineRule({
  meta: {
    id: 'admin-services-exposed',
    title: 'Admin services or console exposed',
    guideline: 'Block the /services and /carbon contexts from the DMZ',
    guidelineId: 'G42',
    severity: 'warning',
    kind: 'xml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds the switches that widen what /services and /carbon expose: in Carbon 4.4 products\' carbon.xml, admin service WSDLs shown (`HideAdminServiceWSDLs` false), admin services on plain HTTP (`HttpAdminServices`) and the console on plain HTTP (`EnableHTTPAdminConsole` true). Blocking the contexts at the DMZ stays a manual check.',
      why: 'The admin services (/services) and the management console (/carbon) give full control of the server. The guideline asks to keep them out of reach of the DMZ; published WSDLs describe the whole management API to whoever reaches it, and plain HTTP exposes credentials and session cookies on the way.',
      example: {
        bad: '<HideAdminServiceWSDLs>false</HideAdminServiceWSDLs>',
        good: '<HideAdminServiceWSDLs>true</HideAdminServiceWSDLs>',
      },
      fix: 'Set `HideAdminServiceWSDLs` back to true and `EnableHTTPAdminConsole` to false (safe quick fixes: they restore the shipped behaviour), remove `HttpAdminServices`, and block /services and /carbon at the proxy or firewall.',
      fixSafety: 'safe',
    },
  },
  check() {
    // No TOML-era file footprint: see the comment above.
  },
  cases: {
    valid: [{ name: 'a TOML-era XML file has no such switch', code: '<Context><Manager pathname=""/></Context>' }],
    invalid: [{
      name: 'the switch lives in a Carbon 4.4 carbon.xml (the legacy variant)',
      fileName: '/opt/wso2ei-6.5.0/conf/carbon.xml',
      code: '<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Axis2Config><HideAdminServiceWSDLs>false</HideAdminServiceWSDLs></Axis2Config></Server>',
      errors: [{ range: [0, 95, 0, 100], message: 'HideAdminServiceWSDLs is false' }],
      output: '<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Axis2Config><HideAdminServiceWSDLs>true</HideAdminServiceWSDLs></Axis2Config></Server>',
    }],
  },
  legacy: [adminExposureCarbonXml],
});
