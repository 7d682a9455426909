import { defineRule } from '../engine/rule';
import { cachePreventionConsole } from './legacy/console-cache';

// G12 is mostly manual (every deployed web application that shows sensitive pages needs its own cache-prevention
// filter). What the files show is the Carbon 4.4 management console's web.xml; deployment.toml has no key for the
// console's filter, so the rule's own check (XML files that are not Carbon 4.4 files) has nothing to read.
export default defineRule({
  meta: {
    id: 'cache-prevention-missing',
    title: 'Browser cache prevention missing on the management console',
    guideline: 'Prevent browser caching',
    guidelineId: 'G12',
    severity: 'warning',
    kind: 'xml',
    products: ['apim', 'is', 'mi'],
    docs: {
      what: 'Finds a Carbon 4.4 management console web.xml without carbon-ui\'s cache-prevention filter (`URLBasedCachePreventionFilter` or `ContentTypeBasedCachePreventionFilter`), or with one that no filter mapping applies to the console\'s JSP pages. Web applications you deployed yourself stay a manual check.',
      why: 'The console\'s pages show users, roles, keystores and configuration. Without no-cache headers a browser or an intermediate proxy may keep them, and the next user of a shared machine can read them from the cache or with the Back button after logout.',
      example: {
        bad: '<web-app>\n    <!-- no URLBasedCachePreventionFilter -->\n</web-app>',
        good: '<filter>\n    <filter-name>URLBasedCachePreventionFilter</filter-name>\n    <filter-class>org.wso2.carbon.ui.filters.cache.URLBasedCachePreventionFilter</filter-class>\n</filter>\n<filter-mapping>\n    <filter-name>URLBasedCachePreventionFilter</filter-name>\n    <url-pattern>*.jsp</url-pattern>\n</filter-mapping>',
      },
      fix: 'Declare `org.wso2.carbon.ui.filters.cache.URLBasedCachePreventionFilter` and map it to `*.jsp`, as API-M 2.x, IS 5.x and EI 6.x ship it. The quick fix adds the declaration after the last `<filter>` and the mapping after the last `<filter-mapping>` (the order older web.xml DTDs require); review it and restart the server.',
      fixSafety: 'unsafe',
    },
  },
  check() {
    // No TOML-era file footprint: see the comment above.
  },
  cases: {
    valid: [{ name: 'a TOML-era XML file has no console web.xml', code: '<Context><Manager pathname=""/></Context>' }],
    invalid: [{
      name: 'the console web.xml of a Carbon 4.4 home (the legacy variant)',
      fileName: '/opt/wso2esb-5.0.0/repository/conf/tomcat/carbon/WEB-INF/web.xml',
      code: '<web-app><filter><filter-name>CSRFGuard</filter-name><filter-class>org.owasp.csrfguard.CsrfGuardFilter</filter-class></filter></web-app>',
      errors: [{ range: [0, 1, 0, 8], message: 'declares no cache-prevention filter' }],
      output: '<web-app><filter><filter-name>CSRFGuard</filter-name><filter-class>org.owasp.csrfguard.CsrfGuardFilter</filter-class></filter>\n<filter>\n    <filter-name>URLBasedCachePreventionFilter</filter-name>\n    <filter-class>org.wso2.carbon.ui.filters.cache.URLBasedCachePreventionFilter</filter-class>\n</filter>\n<filter-mapping>\n    <filter-name>URLBasedCachePreventionFilter</filter-name>\n    <url-pattern>*.jsp</url-pattern>\n</filter-mapping></web-app>',
    }],
  },
  legacy: [cachePreventionConsole],
});
