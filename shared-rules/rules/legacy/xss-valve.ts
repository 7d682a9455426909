// G16 in Carbon 4.4 catalina-server.xml: the console's input-validation valve `org.wso2.carbon.ui.valve.XSSValve`
// on the Host (its settings are carbon.xml `Security/XSSPreventionConfig`, shipped in every home). No shipped
// catalina-server.xml has it (legacy-carbon.md §5 G16). As in the TOML era this is information, not a defect.
import { defineVariant } from '../../engine/rule';
import { atPath, childrenNamed } from '../util/legacy-xml';

const XSS_VALVE = 'org.wso2.carbon.ui.valve.XSSValve';
const CATALINA = (valves: string) => `<Server>\n<Service name="Catalina">\n<Engine name="Catalina" defaultHost="localhost">\n<Host name="localhost">\n${valves}</Host>\n</Engine>\n</Service>\n</Server>\n`;

export const xssValveLegacy = defineVariant({
  kind: 'xml',
  files: ['catalina-server.xml'],
  what: `Carbon 4.4 (catalina-server.xml): no \`<Valve className="${XSS_VALVE}"/>\` on the Host, the management console's input-validation valve (configured by carbon.xml \`XSSPreventionConfig\`). Information, as for deployment.toml: the products already encode output.`,
  example: { bad: '<Host name="localhost" …>\n    <Valve className="org.wso2.carbon.tomcat.ext.valves.CompositeValve"/>\n</Host>', good: `<Host name="localhost" …>\n    <Valve className="org.wso2.carbon.tomcat.ext.valves.CompositeValve"/>\n    <Valve className="${XSS_VALVE}"/>\n</Host>` },
  check(ctx) {
    const hosts = atPath(ctx.model.doc, ['Server', 'Service', 'Engine', 'Host']);
    if (hosts.length === 0) return;
    if (hosts.some((h) => childrenNamed(h, 'Valve').some((v) => v.attr('className')?.value.trim() === XSS_VALVE))) return;
    ctx.report({
      span: hosts[0].nameSpan,
      severity: 'info',
      message: `No ${XSS_VALVE} on the Host: the management console gets no input validation beyond output encoding. Add <Valve className="${XSS_VALVE}"/> where additional XSS protection is required, and tune carbon.xml XSSPreventionConfig (it rejects requests whose parameters match its patterns).`,
    });
  },
  cases: {
    valid: [{ code: CATALINA(`<Valve className="${XSS_VALVE}"/>\n`) }],
    invalid: [{
      name: 'shipped Host valves; a commented XSSValve does not count',
      code: CATALINA(`<Valve className="org.wso2.carbon.tomcat.ext.valves.CompositeValve"/>\n<!--<Valve className="${XSS_VALVE}"/>-->\n`),
      errors: [{ range: [3, 1, 3, 5], severity: 'info', message: 'No org.wso2.carbon.ui.valve.XSSValve on the Host' }],
    }],
  },
});
