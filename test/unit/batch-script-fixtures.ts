// Windows startup scripts for the .bat tests, modelled on WSO2's published ones (abridged, CRLF as shipped):
// the Carbon 4.4-era kernel wso2server.bat (one long CMD_LINE_ARGS line, PermGen flag, the old
// ignoreHostnameVerification switch), API-M 4.x api-manager.bat (CMD_LINE_ARGS built up over many
// `set CMD_LINE_ARGS=%CMD_LINE_ARGS% …` lines) and a micro-integrator.bat whose flags are split with `^`.

const crlf = (lines: string[]): string => lines.join('\r\n') + '\r\n';

const HEADER = [
  '@echo off',
  'REM ---------------------------------------------------------------------------',
  'REM  Licensed under the Apache License, Version 2.0 (the "License").',
  'REM ---------------------------------------------------------------------------',
  '',
  'rem ----- if JAVA_HOME is not set we\'re not happy ------------------------------',
  ':checkJava',
  'if "%JAVA_HOME%" == "" goto noJavaHome',
  'if not exist "%JAVA_HOME%\\bin\\java.exe" goto noJavaHome',
  'goto checkServer',
  '',
  ':noJavaHome',
  'echo "You must set the JAVA_HOME variable before running CARBON."',
  'goto end',
  '',
  ':checkServer',
  'if "%CARBON_HOME%"=="" set CARBON_HOME=%~sdp0..',
  'SET curDrive=%cd:~0,1%',
  'if not exist "%CARBON_HOME%\\bin\\version.txt" goto noServerHome',
  '',
  'setlocal EnableDelayedExpansion',
  'cd %CARBON_HOME%',
  'set CARBON_CLASSPATH=',
  'FOR %%C in ("%CARBON_HOME%\\bin\\*.jar") DO set CARBON_CLASSPATH=!CARBON_CLASSPATH!;".\\bin\\%%~nC%%~xC"',
  '',
  ':setupArgs',
  'if ""%1""=="""" goto doneStart',
  'if ""%1""==""--debug""  goto commandDebug',
  'shift',
  'goto setupArgs',
  '',
  ':commandDebug',
  'shift',
  'set DEBUG_PORT=%1',
  'if not "%JAVA_OPTS%"=="" echo Warning !!!. User specified JAVA_OPTS will be ignored, once you give the --debug option.',
  'set JAVA_OPTS=-Xdebug -Xnoagent -Djava.compiler=NONE -Xrunjdwp:transport=dt_socket,server=y,suspend=y,address=%DEBUG_PORT%',
  'goto findJdk',
  '',
  ':findJdk',
  'set CMD=RUN %*',
];

const FOOTER = (main: string) => [
  '',
  ':runJava',
  'echo JAVA_HOME environment variable is set to %JAVA_HOME%',
  `"%JAVA_HOME%\\bin\\java" %CMD_LINE_ARGS% ${main} %CMD%`,
  'if "%ERRORLEVEL%"=="121" goto runJava',
  ':end',
  'goto endlocal',
  ':endlocal',
  ':END',
];

/** Carbon kernel 4.4-era wso2server.bat. */
export const KERNEL_BAT = crlf([
  ...HEADER,
  '"%JAVA_HOME%\\bin\\java" -version 2>&1 | findstr /r "1.[7|8]" >NUL',
  'IF ERRORLEVEL 1 goto unknownJdk',
  '',
  ':runServer',
  'set CARBON_CLASSPATH=.\\lib;%CARBON_CLASSPATH%',
  'set CMD_LINE_ARGS=-Xbootclasspath/a:%CARBON_XBOOTCLASSPATH% -Xms256m -Xmx1024m -XX:MaxPermSize=256m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="%CARBON_HOME%\\repository\\logs\\heap-dump.hprof"  -Dcom.sun.management.jmxremote -classpath %CARBON_CLASSPATH% %JAVA_OPTS% -Dcarbon.registry.root=/ -Dcarbon.home="%CARBON_HOME%" -Djava.io.tmpdir="%CARBON_HOME%\\tmp" -Dcarbon.config.dir.path="%CARBON_HOME%\\repository\\conf" -Dcom.atomikos.icatch.hide_init_file_path="true" -Dfile.encoding=UTF8 -DworkerNode=false -Dorg.wso2.ignoreHostnameVerification=true',
  ...FOOTER('org.wso2.carbon.bootstrap.Bootstrap'),
]);

/** API Manager 4.x api-manager.bat, with an operator's JAVA_OPTS line that the script's own flag overrides. */
export const APIM_BAT = crlf([
  ...HEADER,
  'PATH %PATH%;%JAVA_HOME%\\bin\\',
  'for /f tokens^=2-5^ delims^=.-_^" %%j in (\'java -fullversion 2^>^&1\') do set "JAVA_VERSION=%%j%%k"',
  'if %JAVA_VERSION% LSS 110 goto unknownJdk',
  '',
  'rem operator hardening, added at deployment',
  'set JAVA_OPTS=%JAVA_OPTS% -Dhttpclient.hostnameVerifier=Strict -Djdk.tls.ephemeralDHKeySize=2048',
  '',
  ':runServer',
  'if %JAVA_VERSION% LEQ 18 set JAVA_VER_BASED_OPTS=-XX:MaxPermSize=256m',
  'if %JAVA_VERSION% GEQ 110 set JAVA_VER_BASED_OPTS=--add-opens=java.base/java.net=ALL-UNNAMED --add-opens java.rmi/sun.rmi.transport=ALL-UNNAMED',
  'set CMD_LINE_ARGS=-Xbootclasspath/a:%CARBON_XBOOTCLASSPATH% -Xms256m -Xmx1024m -XX:+HeapDumpOnOutOfMemoryError -XX:HeapDumpPath="%CARBON_HOME%\\repository\\logs\\heap-dump.hprof"',
  'set CMD_LINE_ARGS=%CMD_LINE_ARGS% -Dcom.sun.management.jmxremote -classpath %CARBON_CLASSPATH% %JAVA_OPTS% %JAVA_VER_BASED_OPTS%',
  'set CMD_LINE_ARGS=%CMD_LINE_ARGS% -Dcarbon.registry.root=/ -Dcarbon.home="%CARBON_HOME%" -Dwso2.server.standalone=true -Djava.command="%JAVA_HOME%\\bin\\java"',
  'set CMD_LINE_ARGS=%CMD_LINE_ARGS% -Djava.opts="%JAVA_OPTS%" -Djava.io.tmpdir="%CARBON_HOME%\\tmp" -Dcatalina.base="%CARBON_HOME%\\lib\\tomcat"',
  'set CMD_LINE_ARGS=%CMD_LINE_ARGS% -Dorg.opensaml.httpclient.https.disableHostnameVerification=true -Dhttpclient.hostnameVerifier="DefaultAndLocalhost"',
  'set CMD_LINE_ARGS=%CMD_LINE_ARGS% -Dlog4j2.contextSelector="org.apache.logging.log4j.core.async.AsyncLoggerContextSelector"',
  ...FOOTER('org.wso2.carbon.bootstrap.Bootstrap'),
]);

/** micro-integrator.bat with its flags continued over lines with `^`, and `( … )` blocks. */
export const MI_BAT = crlf([
  ...HEADER,
  ':stopServer',
  'set /p processId= < %CARBON_HOME%\\wso2carbon.pid',
  'taskkill /F /PID %processId%',
  '',
  'set profileSet=false',
  'for %%x in (%*) do (',
  '    if "%%x" == "%x:-Dprofile%" (',
  '        set profileSet=true',
  '    )',
  ')',
  'if "%profileSet%" == "false" (',
  '    set profile=-Dprofile=micro-integrator-default',
  ')',
  '',
  'set CMD_LINE_ARGS=-Xbootclasspath/a:%CARBON_XBOOTCLASSPATH% ^',
  '    -XX:+HeapDumpOnOutOfMemoryError ^',
  '    -classpath %CARBON_CLASSPATH% %JAVA_OPTS% ^',
  '    -Dcarbon.home="%CARBON_HOME%" -Dlogfiles.home="%CARBON_HOME%\\repository\\logs" ^',
  '    -Djdk.tls.rejectClientInitiatedRenegotiation=true ^',
  '    -Dorg.apache.activemq.SERIALIZABLE_PACKAGES="*" %profile%',
  ...FOOTER('org.wso2.micro.integrator.bootstrap.Bootstrap'),
]);
