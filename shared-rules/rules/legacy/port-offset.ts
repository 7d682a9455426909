// G04 in carbon.xml: `/Server/Ports/Offset` (legacy-carbon.md §5 G04).
import { defineVariant } from '../../engine/rule';
import { atPath, childText } from '../util/legacy-xml';

export const portOffsetCarbonXml = defineVariant({
  kind: 'xml',
  files: ['carbon.xml'],
  what: 'Carbon 4.4 (carbon.xml): `<Ports><Offset>` left at 0, so the servlet ports are 9443/9763 (and the PassThrough ports 8243/8280). A `-DportOffset=N` on the command line is not visible here.',
  example: { bad: '<Ports>\n  <Offset>0</Offset>\n</Ports>', good: '<Ports>\n  <Offset>3</Offset>\n</Ports>' },
  check(ctx) {
    for (const ports of atPath(ctx.model.doc, ['Server', 'Ports'])) {
      const offset = childText(ctx.model.doc, ports, 'Offset');
      if (offset && offset.value === '0') {
        ctx.report({ span: offset.span, message: 'Port offset 0: the server listens on the default ports (HTTPS 9443, HTTP 9763; gateway 8243/8280 where present), the first ones scanners try. Set an offset of your choice (or start with -DportOffset=N) and update load balancers and firewalls.' });
      }
    }
  },
  cases: {
    valid: [{ code: '<Server xmlns="http://wso2.org/projects/carbon/carbon.xml"><Ports><Offset>3</Offset></Ports></Server>' }],
    invalid: [{
      code: '<Server xmlns="http://wso2.org/projects/carbon/carbon.xml">\n  <Ports>\n    <Offset>0</Offset>\n  </Ports>\n</Server>\n',
      errors: [{ range: [2, 12, 2, 13], message: 'Port offset 0' }],
    }],
  },
});
