/**
 * MQTT over secure websockets for Paho 1.2.5, built on the JDK's {@link java.net.http.WebSocket}.
 *
 * <p>Paho's own websocket transport accepts only binary and close frames, so a websocket PING (libwebsockets-based
 * Mosquitto sends one every 5 minutes) or a continuation frame drops the connection (docs/protocol.md section 7). The
 * JDK client answers PINGs itself and reassembles fragmented messages. {@link parley.transport.wss.WssTransportSupport}
 * is the entry point: it maps a {@code wss://} broker address to this package's own URI scheme and carries the
 * {@link javax.net.ssl.SSLContext} in the {@link org.eclipse.paho.client.mqttv3.MqttConnectOptions}.
 */
package parley.transport.wss;
