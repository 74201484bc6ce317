/** Parley: secure chat over an MQTT broker you run yourself. */
module parley {
    requires java.desktop; // java.awt.image for QR codes; Swing for the desktop face
    requires java.logging; // the app configures the JDK logging behind System.Logger
    requires java.net.http; // the wss:// transport
    requires jdk.httpserver; // the authz service behind RabbitMQ's HTTP auth backend
    requires java.sql; // the profile store (H2 over JDBC)
    requires com.formdev.flatlaf; // the desktop face's look and feel
    requires com.google.gson;
    requires com.google.zxing;
    requires com.h2database;
    requires info.picocli;
    requires org.bouncycastle.provider;
    requires org.eclipse.paho.client.mqttv3;

    exports parley.crypto;
    exports parley.protocol;
    exports parley.text;
    exports parley.invite;
    exports parley.invite.qr;
    exports parley.store;
    exports parley.transport;
    exports parley.chat;
    exports parley.authz;

    opens parley.cli to info.picocli; // picocli fills the commands' annotated fields

    provides org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory with parley.transport.wss.WssNetworkModuleFactory,
            parley.transport.GuardedTlsNetworkModuleFactory;
}
