package parley.chat;

import parley.crypto.MessageId;
import parley.protocol.DropReason;
import parley.crypto.ChatId;

/** What the chat service tells its faces. Delivered in order on the chat thread: listeners hand off at once. */
public sealed interface ChatEvent {
    ChatId chat();

    /** A chat appeared (an invite was created, a join was started) or changed (phase, name, unread, state). */
    record ChatChanged(ChatId chat, Chat snapshot) implements ChatEvent {}

    /** A chat and everything it held was deleted, or an invite was cancelled or expired. */
    record ChatRemoved(ChatId chat, String why) implements ChatEvent {}

    /** The chat is ready: the inviter's welcome was taken by the broker, or the joiner got it. */
    record ChatReady(ChatId chat, Chat snapshot) implements ChatEvent {}

    /**
     * An open invite became live: its inbox exists at the broker (connected and subscribed), so a join sent now
     * arrives. Faces show the invite's link from now on, never before.
     */
    record InviteLive(ChatId chat, PendingInvite invite) implements ChatEvent {}

    /** A join got no welcome within the expected time; the service keeps waiting until told otherwise. */
    record JoinUnanswered(ChatId chat) implements ChatEvent {}

    record MessageAdded(ChatId chat, Message message) implements ChatEvent {}

    record DeliveryChanged(ChatId chat, MessageId message, Delivery delivery) implements ChatEvent {}

    /** A file's transfer moved on (progress, complete, paused, failed, gone); also sent for its own files. */
    record TransferChanged(ChatId chat, MessageId message, Attachment attachment) implements ChatEvent {}

    /** A payload was dropped: hostile, garbled or stale. Never shown; counted. */
    record PayloadDropped(ChatId chat, DropReason reason) implements ChatEvent {}
}
