/** Parley: secure chat over an MQTT broker you run yourself. */
module parley {
    requires java.net.http;
    requires java.sql;
    requires com.google.gson;
    requires com.google.zxing;
    requires com.h2database;
    requires info.picocli;
    requires org.bouncycastle.provider;
    requires org.eclipse.paho.client.mqttv3;

    exports parley.crypto;
    exports parley.transport;
}
