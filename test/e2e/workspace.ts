// The e2e workspace and the user settings the suite starts code-server with.

// The workspace: one insecure file of each kind, one that is never opened (step 2; its path
// shares no letter 'r' with repository/conf/deployment.toml, so Quick Open never offers it for that one), one opened only after the
// server was killed (step 7).
export const FILES = {
  'repository/conf/deployment.toml': '[server]\nhostname = "localhost"\n\n[super_admin]\nusername = "admin"\npassword = "admin"\ncreate_admin_account = true\n',
  'repository/conf/log4j2.properties': [
    'appenders = CARBON_CONSOLE, AUDIT_LOGFILE',
    '',
    'appender.AUDIT_LOGFILE.type = RollingFile',
    'appender.AUDIT_LOGFILE.name = AUDIT_LOGFILE',
    'appender.AUDIT_LOGFILE.fileName = ${sys:carbon.home}/repository/logs/audit.log',
    'appender.AUDIT_LOGFILE.filePattern = ${sys:carbon.home}/repository/logs/audit-%d{MM-dd-yyyy}.log',
    'appender.AUDIT_LOGFILE.layout.type = PatternLayout',
    'appender.AUDIT_LOGFILE.layout.pattern = TID: [%tenantId] [%d] %5p {%c} - %m%ex%n',
    'appender.AUDIT_LOGFILE.policies.type = Policies',
    'appender.AUDIT_LOGFILE.policies.time.type = TimeBasedTriggeringPolicy',
    'appender.AUDIT_LOGFILE.strategy.type = DefaultRolloverStrategy',
    '',
  ].join('\n'),
  'repository/conf/tomcat/carbon/META-INF/context.xml': '<Context><Manager pathname=""/></Context>\n',
  'bin/api-manager.sh': [
    '#!/bin/sh',
    '# Startup script for the API Manager',
    'JAVACMD="$JAVA_HOME/bin/java"',
    'while [ "$status" = "$START_EXIT_STATUS" ]',
    'do',
    '    $JAVACMD \\',
    '    -Xbootclasspath/a:"$CARBON_XBOOTCLASSPATH" \\',
    '    $JVM_MEM_OPTS \\',
    '    -XX:+HeapDumpOnOutOfMemoryError \\',
    '    $JAVA_OPTS \\',
    '    -Dcarbon.home="$CARBON_HOME" \\',
    '    org.wso2.carbon.bootstrap.Bootstrap $*',
    '    status=$?',
    'done',
    '',
  ].join('\n'),
  'staging/conf/deployment.toml': '[super_admin]\nusername = "admin"\npassword = "admin"\n',
  'bin/wso2server.sh': '#!/bin/sh\n$JAVACMD \\\n    $JAVA_OPTS \\\n    org.wso2.carbon.bootstrap.Bootstrap $*\n',
} as const;

export const BASE_SETTINGS: Record<string, unknown> = {
  'workbench.startupEditor': 'none',
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.secondarySideBar.defaultVisibility': 'hidden',
  'chat.commandCenter.enabled': false,
  'git.enabled': false,
  'extensions.autoUpdate': false,
  'extensions.autoCheckUpdates': false,
  'extensions.ignoreRecommendations': true,
  'update.mode': 'none',
  'telemetry.telemetryLevel': 'off',
  'security.workspace.trust.enabled': false,
  'files.autoSave': 'off',
  'editor.minimap.enabled': false,
  'editor.hover.delay': 300,
  // The suite types settings.json into the editor (step 5, step 6): no auto-closing or auto-indent, so what is
  // typed is what gets saved.
  '[jsonc]': { 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never', 'editor.autoSurround': 'never', 'editor.autoIndent': 'none', 'editor.formatOnType': false, 'editor.formatOnSave': false },
};
