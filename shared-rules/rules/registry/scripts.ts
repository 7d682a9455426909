// Product startup script rules (JVM flags on the java launch command; .sh and .bat).
import type { Rule } from '../../engine/rule';
import dhKeySize from '../dh-key-size';
import clientRenegotiation from '../client-renegotiation';
import jvmHostnameVerification from '../jvm-hostname-verification';
import jvmHeapSettings from '../jvm-heap-settings';
import obsoleteJvmFlags from '../obsolete-jvm-flags';

export const scriptRules: Rule[] = [
  dhKeySize,
  clientRenegotiation,
  jvmHostnameVerification,
  jvmHeapSettings,
  obsoleteJvmFlags,
] as Rule[];
