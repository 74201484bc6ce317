package parley.transport;

/**
 * What an {@link InboxConnection} reports. Called on the executor given to {@link MqttTransport#open}, never on
 * an MQTT I/O thread; give a serial executor to get the calls in order.
 */
public interface ConnectionListener {

    /**
     * A message arrived in the own inbox. {@code retained} is the MQTT retain flag: the protocol drops such
     * messages (a rogue may have planted them), and the transport passes them on so that they get counted.
     */
    void onMessage(byte[] payload, boolean retained);

    void onStateChanged(ConnectionState state);
}
