package parley.chat;

import parley.transport.ConnectionState;

/** The read-only view of a chat its faces get: the record's user-facing fields and the connection in words. */
final class ChatSnapshots {
    private ChatSnapshots() {}

    static Chat of(ChatRecord record, ConnectionState connection, ChatBroker broker) {
        return new Chat(record.id, record.name, record.phase, record.inviter, record.created, record.expires,
                record.lastActivity, record.unread, connectionView(connection), record.verified,
                record.currentEpoch().map(EpochKey::epoch).orElse(0L), record.currentEpoch().map(EpochKey::since),
                record.rekeyOffer.isPresent(), broker);
    }

    static Chat.Connection connectionView(ConnectionState state) {
        return switch (state) {
            case ConnectionState.Connecting c -> new Chat.Connection(Chat.Connection.Status.CONNECTING,
                    c.attempt() > 1 ? "connecting (attempt " + c.attempt() + ")" : "connecting");
            case ConnectionState.Connected c -> new Chat.Connection(Chat.Connection.Status.ONLINE, "online");
            case ConnectionState.Waiting w -> new Chat.Connection(Chat.Connection.Status.WAITING,
                    CheckSentences.plainReason(w.reason()) + "; retrying in " + Math.max(1, w.delay().toSeconds()) + " s");
            case ConnectionState.TakenOver t -> new Chat.Connection(Chat.Connection.Status.WAITING,
                    "another device or Parley uses this chat's inbox (" + t.drops() + " take-overs); retrying in "
                            + Math.max(1, t.backoff().toSeconds()) + " s");
            case ConnectionState.Failed f -> new Chat.Connection(Chat.Connection.Status.FAILED,
                    CheckSentences.shortFailure(f.kind()));
            case ConnectionState.Closed c -> new Chat.Connection(Chat.Connection.Status.OFFLINE, "offline");
        };
    }
}
