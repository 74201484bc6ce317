/*
 * Module descriptor for Eclipse Paho mqttv3 1.2.5, which ships none (a plain, signed jar); moditect adds it at build
 * time so that jlink accepts the jar. Written by hand, not generated: the `uses` line is what lets Paho find network
 * modules (its own and Parley's wss module) through ServiceLoader on the module path.
 */
module org.eclipse.paho.client.mqttv3 {
    requires java.logging; // JSR47Logger, Paho's default logger
    requires java.prefs; // its websocket module base64-encodes with java.util.prefs

    exports org.eclipse.paho.client.mqttv3;
    exports org.eclipse.paho.client.mqttv3.logging;
    exports org.eclipse.paho.client.mqttv3.persist;
    exports org.eclipse.paho.client.mqttv3.util;
    // a network module implements internal.NetworkModule and registers a spi.NetworkModuleFactory
    exports org.eclipse.paho.client.mqttv3.internal;
    exports org.eclipse.paho.client.mqttv3.spi;

    uses org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory;

    provides org.eclipse.paho.client.mqttv3.spi.NetworkModuleFactory with
            org.eclipse.paho.client.mqttv3.internal.TCPNetworkModuleFactory,
            org.eclipse.paho.client.mqttv3.internal.SSLNetworkModuleFactory,
            org.eclipse.paho.client.mqttv3.internal.websocket.WebSocketNetworkModuleFactory,
            org.eclipse.paho.client.mqttv3.internal.websocket.WebSocketSecureNetworkModuleFactory;
}
