/**
 * {@code parley check}: probes a deployment from outside (TLS of each endpoint, the broker's ACL, retain and
 * packet limits on both listeners, the web client's security headers) and reports one {@link parley.check.CheckLine}
 * per check. It talks to the broker through {@code transport}'s TLS and Paho modules and to the web server through
 * the JDK's HttpClient; it keeps nothing.
 */
package parley.check;
