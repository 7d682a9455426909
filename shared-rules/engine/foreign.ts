// A log4j2.properties that belongs to another Java project (HBase, a Spring Boot app) is not ours to judge: the
// name is shared by every log4j2 user. A product file names the product somewhere (its appenders, loggers or
// paths); a foreign one is a complete configuration (root logger or named loggers) that never does.

/** Words every Carbon product's log4j2.properties contains (CARBON_LOGFILE, ${sys:carbon.home}, org.wso2.…, synapse). */
const PRODUCT_MARK = /wso2|carbon|synapse|mware|micro\.integrator/i;
/** A complete configuration, not a snippet: it sets the root logger or names loggers. */
const COMPLETE = /^[ \t]*(?:rootLogger|logger\.[\w.-]{1,200}?\.name)[ \t]*[.=:]/m;

/** True for a log4j2 properties file of another project: complete, and no product word anywhere in it. */
export function isForeignLog4j(text: string): boolean {
  return !PRODUCT_MARK.test(text) && COMPLETE.test(text);
}
