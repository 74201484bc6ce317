/*
 * Module descriptor for H2 2.5.252, an automatic module that jlink does not accept; moditect adds this at build time.
 * Only JDBC is required. The JDK modules behind H2's optional features (web console and tray icon, JMX, JNDI data
 * sources, XA, SQLXML, Java/script user functions, LDAP/JAAS authentication) are `requires static`: Parley uses
 * none of them, so they stay out of the image. H2's non-JDK optional dependencies (Lucene, OSGi, servlet, slf4j,
 * JTS) are not modules here at all; those features fail if used, which Parley never does.
 */
module com.h2database {
    requires transitive java.sql;

    requires static java.compiler;
    requires static java.desktop;
    requires static java.instrument;
    requires static java.management;
    requires static java.naming;
    requires static java.scripting;
    requires static java.transaction.xa;
    requires static java.xml;
    requires static jdk.net;

    exports org.h2;
    exports org.h2.api;
    exports org.h2.jdbc;
    exports org.h2.jdbcx;
    exports org.h2.tools;

    provides java.sql.Driver with org.h2.Driver;
}
