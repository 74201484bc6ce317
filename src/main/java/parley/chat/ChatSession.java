package parley.chat;

import java.lang.System.Logger.Level;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import parley.crypto.ChatKey;
import parley.crypto.EphemeralKeyPair;
import parley.crypto.InboxId;
import parley.crypto.MessageId;
import parley.crypto.SafetyCode;
import parley.protocol.Ack;
import parley.protocol.DropReason;
import parley.protocol.Join;
import parley.protocol.Msg;
import parley.protocol.Opened;
import parley.protocol.PayloadCodec;
import parley.protocol.Plaintext;
import parley.protocol.Rekey;
import parley.protocol.RekeyOk;
import parley.protocol.Welcome;
import parley.store.ProfileStore.Direction;
import parley.store.ProfileStore.Status;
import parley.store.ProfileStore.StoredMessage;
import parley.transport.BrokerProfile;
import parley.transport.ConnectionListener;
import parley.transport.ConnectionState;
import parley.transport.InboxConnection;

/**
 * One chat's protocol state machine (PROTOCOL.md sections 4 and 6): invite, join, welcome, messages, acks and
 * re-sends. Confined to the chat thread; every method runs there.
 */
final class ChatSession {
    private static final System.Logger LOG = System.getLogger(ChatSession.class.getName());
    /** The outbox id under which a handshake (join or welcome) is re-sent on the same back-off as messages. */
    private static final String HANDSHAKE = "handshake";
    /** The outbox id under which our pending rekey is re-sent until its rekey-ok arrives. */
    private static final String REKEY = "rekey";

    private final ChatContext ctx;
    final ChatRecord record;
    private InboxConnection connection;
    private ConnectionState connectionState = new ConnectionState.Closed();
    private final Map<String, ResendBackoff> resends = new LinkedHashMap<>();
    private final List<MessageId> pendingAcks = new ArrayList<>();
    private final EnumMap<DropReason, Long> drops = new EnumMap<>(DropReason.class);
    private Scheduler.Scheduled ackFlush;
    private Scheduler.Scheduled resendTimer;
    /** When {@link #resendTimer} fires. */
    private Instant resendTimerAt;
    private Scheduler.Scheduled phaseTimer;
    private Scheduler.Scheduled keyTimer;
    private boolean deleted;
    /** Inviter: ChatReady is announced once the broker has taken the welcome, so a face that exits then loses nothing. */
    private boolean readyAnnounced;
    /** Responder: our rekey-ok has not been taken by the broker yet. */
    private boolean answerUnsent;

    ChatSession(ChatContext ctx, ChatRecord record) {
        this.ctx = ctx;
        this.record = record;
    }

    // ---- life cycle ----

    /** Connects the chat's inbox and arms its timers; also used after a restart. */
    void resume() {
        record.retiring.ifPresent(this::retire);
        switch (record.phase) {
            case INVITED -> schedulePhaseTimer(record.expires.orElseThrow(), this::expireInvite);
            case JOINING -> schedulePhaseTimer(ctx.clock().instant().plus(ctx.timings().joinUnanswered()),
                    () -> ctx.emit(new ChatEvent.JoinUnanswered(record.id)));
            case ACTIVE -> armKeyTimer();
        }
        connect();
    }

    private void connect() {
        BrokerProfile profile = ctx.brokerFor().apply(record);
        InboxId inbox = record.ownInbox;
        connection = ctx.transport().open(profile, inbox, new ConnectionListener() {
            @Override
            public void onMessage(byte[] payload, boolean retained) {
                if (connection != null && record.ownInbox.equals(inbox) && !deleted) {
                    received(payload, retained);
                }
            }

            @Override
            public void onStateChanged(ConnectionState state) {
                if (record.ownInbox.equals(inbox) && !deleted) {
                    connectionChanged(state);
                }
            }
        }, ctx.scheduler());
        connection.start();
    }

    private void connectionChanged(ConnectionState state) {
        connectionState = state;
        ctx.emit(new ChatEvent.ChatChanged(record.id, snapshot()));
        if (state instanceof ConnectionState.Connected) {
            sendUnsentAnswer(); // before anything under the new key
            resendAll();
            flushAcks();
            rekeyIfDue();
        }
    }

    void close() {
        cancelTimers();
        if (connection != null) {
            connection.close();
            connection = null;
        }
        connectionState = new ConnectionState.Closed();
    }

    /** Forgets the chat: the broker drops its inbox's session, the profile drops its keys and history. */
    void delete(String why) {
        deleted = true;
        close();
        retire(record.ownInbox);
        ctx.store().deleteChat(record.id.value());
        ctx.emit(new ChatEvent.ChatRemoved(record.id, why));
    }

    private void expireInvite() {
        if (record.phase == ChatPhase.INVITED && !deleted) {
            LOG.log(Level.INFO, "invite {0} expired", record.id);
            delete("the invite expired");
        }
    }

    /** Makes the broker forget an inbox's session, so nothing queued for it survives (PROTOCOL.md section 4). */
    private void retire(InboxId inbox) {
        BrokerProfile profile = ctx.brokerFor().apply(record);
        ctx.transport().open(profile, inbox, new ConnectionListener() {
            @Override
            public void onMessage(byte[] payload, boolean retained) {}

            @Override
            public void onStateChanged(ConnectionState state) {}
        }, ctx.scheduler()).retire().whenCompleteAsync((ok, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "could not retire inbox {0} yet: {1}", inbox.abbreviated(), failure.getMessage());
                return; // kept in record.retiring: tried again on the next start
            }
            if (record.retiring.equals(Optional.of(inbox)) && !deleted) {
                record.retiring = Optional.empty();
                persist();
            }
        }, ctx.scheduler());
    }

    // ---- receiving ----

    private void received(byte[] payload, boolean retained) {
        if (retained) {
            drop(DropReason.RETAINED); // a rogue may plant a retained payload in any inbox (PROTOCOL.md section 1)
            return;
        }
        switch (PayloadCodec.open(payload, record.receiveKeys(), record.ownInbox)) {
            case Opened.Rejected rejected -> {
                if (rejected.ackable().isPresent() && rejected.key().map(record::isEpochKey).orElse(false)) {
                    queueAck(rejected.ackable().get()); // authenticated but unusable: ack so the sender stops
                }
                drop(rejected.reason());
            }
            case Opened.Accepted accepted -> accepted(accepted.plaintext(), accepted.key());
        }
    }

    private void accepted(Plaintext plaintext, ChatKey key) {
        boolean underInviteKey = key.equals(record.inviteKey) && !record.isEpochKey(key);
        switch (plaintext) {
            case Join join when underInviteKey -> joinArrived(join);
            case Welcome welcome when underInviteKey -> welcomeArrived(welcome);
            case Msg msg when !underInviteKey && record.phase == ChatPhase.ACTIVE -> {
                peerUsedKey(key);
                messageArrived(msg);
            }
            case Ack ack when !underInviteKey && record.phase == ChatPhase.ACTIVE -> {
                peerUsedKey(key);
                ackArrived(ack);
            }
            case Rekey rekey when !underInviteKey && record.phase == ChatPhase.ACTIVE -> {
                peerUsedKey(key);
                rekeyArrived(rekey, key);
            }
            case RekeyOk rekeyOk when !underInviteKey && record.phase == ChatPhase.ACTIVE -> {
                peerUsedKey(key);
                rekeyOkArrived(rekeyOk, key);
            }
            default -> drop(DropReason.UNEXPECTED); // e.g. a msg under the invite key: anyone who saw the QR has it
        }
    }

    private void joinArrived(Join join) {
        if (!record.inviter) {
            drop(DropReason.UNEXPECTED);
        } else if (record.phase == ChatPhase.INVITED) {
            acceptJoin(join);
        } else if (record.acceptedJoin.equals(Optional.of(join.id()))) {
            drop(DropReason.DUPLICATE);
        } else {
            drop(DropReason.UNEXPECTED); // only the first valid join is accepted
        }
    }

    /** The inviter's side of the join: new inbox, new key, welcome, retire the invite inbox. */
    private void acceptJoin(Join join) {
        Instant now = ctx.clock().instant();
        FreshAgreement agreed = FreshAgreement.with(join.epk(), record.inviteKey);
        InboxId inviteInbox = record.ownInbox;
        close();
        record.retiring = Optional.of(inviteInbox);
        record.ownInbox = InboxId.random();
        becomeActive(agreed.key(), join.inbox(), join.id(), join.seq(), join.name(), now);
        record.handshake = Optional.of(new Handshake(MessageId.random(), record.nextSeq(), now.toEpochMilli(),
                agreed.ownPublic(), ctx.displayName()));
        record.handshakeConfirmed = false;
        persist();
        LOG.log(Level.INFO, "chat {0}: join accepted; inbox {1} is retired", record.id, inviteInbox.abbreviated());
        retire(inviteInbox);
        armKeyTimer();
        connect(); // the welcome goes out on the new inbox's connection, before anything under the chat key
    }

    /** Both sides of the join end here: epoch 0, the safety code, and the peer's chat inbox. */
    private void becomeActive(ChatKey chatKey, InboxId peer, MessageId handshakeId, long peerSeq,
                              Optional<String> peerName, Instant now) {
        record.peerInbox = Optional.of(peer);
        record.epochs.add(new EpochKey(0, chatKey, now, Optional.empty()));
        record.safetyDigits = Optional.of(SafetyCode.of(chatKey, record.ownInbox, peer).digits());
        record.phase = ChatPhase.ACTIVE;
        record.expires = Optional.empty();
        record.acceptedJoin = Optional.of(handshakeId);
        record.peerSeq = peerSeq;
        peerName.ifPresent(n -> record.name = n);
        record.lastActivity = Optional.of(now);
    }

    private void welcomeArrived(Welcome welcome) {
        if (record.inviter) {
            drop(DropReason.UNEXPECTED);
        } else if (record.phase == ChatPhase.JOINING) {
            completeJoin(welcome);
        } else if (record.acceptedJoin.equals(Optional.of(welcome.id()))) {
            drop(DropReason.DUPLICATE);
            queueAck(welcome.id()); // our ack may have been lost: the inviter re-sends until it sees one
        } else {
            drop(DropReason.UNEXPECTED);
        }
    }

    /** The joiner's side: derive the chat key from the welcome, forget the ephemeral key, confirm. */
    private void completeJoin(Welcome welcome) {
        Instant now = ctx.clock().instant();
        byte[] secret = record.ephemeralPrivate.orElseThrow();
        EphemeralKeyPair ephemeral = EphemeralKeyPair.restore(secret, record.handshake.orElseThrow().epk());
        ChatKey chatKey;
        try {
            chatKey = ephemeral.deriveChatKey(welcome.epk(), record.inviteKey);
        } finally {
            ephemeral.destroy();
            Arrays.fill(secret, (byte) 0);
        }
        record.ephemeralPrivate = Optional.empty();
        becomeActive(chatKey, welcome.inbox(), welcome.id(), welcome.seq(), welcome.name(), now);
        record.handshakeConfirmed = true;
        resends.remove(HANDSHAKE);
        cancelPhaseTimer();
        persist();
        LOG.log(Level.INFO, "chat {0}: welcome arrived; chat key agreed", record.id);
        armKeyTimer();
        queueAck(welcome.id());
        flushAcks();
        ctx.emit(new ChatEvent.ChatReady(record.id, snapshot()));
    }

    /**
     * The peer sent under {@code key}: that proves the welcome arrived (stop re-sending it), and starts the grace
     * hour of every older epoch key, after which it is erased (PROTOCOL.md section 5, step 4).
     */
    private void peerUsedKey(ChatKey key) {
        boolean changed = false;
        if (!record.handshakeConfirmed) {
            record.handshakeConfirmed = true;
            resends.remove(HANDSHAKE);
            changed = true;
        }
        long used = record.epochOf(key).map(EpochKey::epoch).orElse(-1L);
        Instant eraseAt = ctx.clock().instant().plus(ctx.timings().oldKeyGrace());
        for (int i = 0; i < record.epochs.size(); i++) {
            EpochKey e = record.epochs.get(i);
            if (e.epoch() < used && e.eraseAt().isEmpty()) {
                record.epochs.set(i, e.eraseAt(eraseAt));
                changed = true;
            }
        }
        if (changed) {
            persist();
            armKeyTimer();
        }
    }

    private void messageArrived(Msg msg) {
        queueAck(msg.id()); // duplicates too: the sender re-sends until it hears an ack
        if (ctx.store().hasMessage(record.id.value(), Direction.IN, msg.id().value())) {
            drop(DropReason.DUPLICATE);
            return;
        }
        if (msg.seq() > record.peerSeq + 1) {
            LOG.log(Level.DEBUG, "chat {0}: {1} messages missing before seq {2} (they may still come)",
                    record.id, msg.seq() - record.peerSeq - 1, msg.seq());
        }
        record.peerSeq = Math.max(record.peerSeq, msg.seq());
        record.unread++;
        record.lastActivity = Optional.of(ctx.clock().instant());
        StoredMessage stored = ctx.store().addMessage(record.id.value(), ChatRecordCodec.encode(record),
                msg.id().value(), Direction.IN, msg.seq(), msg.ts(), Status.RECEIVED,
                msg.text().getBytes(StandardCharsets.UTF_8));
        ctx.emit(new ChatEvent.MessageAdded(record.id, ChatService.toMessage(record.id, stored)));
        ctx.emit(new ChatEvent.ChatChanged(record.id, snapshot()));
    }

    private void ackArrived(Ack ack) {
        for (MessageId id : ack.ids()) {
            resends.remove(id.value());
            if (ctx.store().setStatus(record.id.value(), id.value(), Status.DELIVERED)) {
                ctx.emit(new ChatEvent.DeliveryChanged(record.id, id, Delivery.DELIVERED));
            }
        }
        if (resends.isEmpty()) {
            cancelResendTimer();
        }
    }

    private void drop(DropReason reason) {
        drops.merge(reason, 1L, Long::sum);
        LOG.log(Level.DEBUG, "chat {0}: dropped a payload ({1})", record.id, reason.label());
        ctx.emit(new ChatEvent.PayloadDropped(record.id, reason));
    }

    // ---- sending ----

    Message send(String text) {
        if (record.phase != ChatPhase.ACTIVE) {
            throw new ChatException(ChatException.Problem.NOT_READY, record.phase == ChatPhase.INVITED
                    ? "nobody has joined this invite yet"
                    : "the chat is not ready: waiting for the inviter's welcome");
        }
        Instant now = ctx.clock().instant();
        Msg msg;
        byte[] sealedForCheck;
        try {
            msg = new Msg(MessageId.random(), record.peerInbox.orElseThrow(), record.sendSeq + 1, now.toEpochMilli(), text);
            sealedForCheck = PayloadCodec.seal(msg, currentKey()); // refuses text a peer could not read, before storing
        } catch (IllegalArgumentException e) {
            throw new ChatException(ChatException.Problem.BAD_TEXT, e.getMessage(), e);
        }
        record.nextSeq();
        record.sentSinceRekey++;
        record.lastActivity = Optional.of(now);
        // durable in the outbox (with the seq that counts it, one disk sync) before the broker sees it
        StoredMessage stored = ctx.store().addMessage(record.id.value(), ChatRecordCodec.encode(record),
                msg.id().value(), Direction.OUT, msg.seq(), msg.ts(), Status.QUEUED,
                text.getBytes(StandardCharsets.UTF_8));
        publishMessage(msg.id(), sealedForCheck);
        Message message = ChatService.toMessage(record.id, stored);
        ctx.emit(new ChatEvent.MessageAdded(record.id, message));
        rekeyIfDue();
        return message;
    }

    private ChatKey currentKey() {
        return record.currentEpoch().orElseThrow().key();
    }

    private void publishMessage(MessageId id, byte[] payload) {
        Instant now = ctx.clock().instant();
        ResendBackoff previous = resends.get(id.value());
        ResendBackoff next = previous == null
                ? ResendBackoff.after(now, ctx.timings().resendFirst())
                : previous.next(now, ctx.timings().resendMax());
        resends.put(id.value(), next);
        armResendTimer(next.due());
        if (!(connectionState instanceof ConnectionState.Connected)) {
            return; // stays queued: sent after the next connect
        }
        connection.publish(record.peerInbox.orElseThrow(), payload).whenCompleteAsync((ok, failure) -> {
            if (failure == null && !deleted && ctx.store().setStatus(record.id.value(), id.value(), Status.SENT)) {
                ctx.emit(new ChatEvent.DeliveryChanged(record.id, id, Delivery.SENT));
            }
        }, ctx.scheduler());
    }

    /** Re-sends the handshake and every unacknowledged message now (after a connect) under the current key. */
    private void resendAll() {
        resendDue(true);
    }

    private void resendDue(boolean everything) {
        if (deleted) {
            return;
        }
        Instant now = ctx.clock().instant();
        if (handshakeOutstanding() && (everything || isDue(HANDSHAKE, now))) {
            sendHandshake(now);
        }
        if (record.rekeyOffer.isPresent() && (everything || isDue(REKEY, now))) {
            sendRekeyOffer(now);
        }
        if (record.phase == ChatPhase.ACTIVE) {
            for (StoredMessage m : ctx.store().outbox(record.id.value())) {
                if (everything || isDue(m.messageId(), now)) {
                    Msg msg = new Msg(new MessageId(m.messageId()), record.peerInbox.orElseThrow(), m.seq(), m.sentAt(),
                            new String(m.body(), StandardCharsets.UTF_8));
                    publishMessage(msg.id(), PayloadCodec.seal(msg, currentKey()));
                }
            }
        }
        armResendTimer(null);
    }

    private boolean isDue(String id, Instant now) {
        ResendBackoff b = resends.get(id);
        return b == null || !b.due().isAfter(now);
    }

    private boolean handshakeOutstanding() {
        return record.handshake.isPresent()
                && (record.phase == ChatPhase.JOINING || (record.inviter && !record.handshakeConfirmed));
    }

    /** The join (joiner) or welcome (inviter), identical each time, under the invite key. */
    private void sendHandshake(Instant now) {
        Handshake h = record.handshake.orElseThrow();
        InboxId to = record.peerInbox.orElseThrow();
        Plaintext p = record.inviter
                ? new Welcome(h.id(), to, h.seq(), h.ts(), record.ownInbox, h.epk(), h.name())
                : new Join(h.id(), to, h.seq(), h.ts(), record.ownInbox, h.epk(), h.name());
        ResendBackoff previous = resends.get(HANDSHAKE);
        resends.put(HANDSHAKE, previous == null
                ? ResendBackoff.after(now, ctx.timings().resendFirst())
                : previous.next(now, ctx.timings().resendMax()));
        if (connectionState instanceof ConnectionState.Connected) {
            connection.publish(to, PayloadCodec.seal(p, record.inviteKey)).whenCompleteAsync((ok, failure) -> {
                if (failure != null) {
                    LOG.log(Level.DEBUG, "chat {0}: handshake not taken by the broker yet: {1}", record.id,
                            failure.getMessage());
                } else if (record.inviter && !readyAnnounced && !deleted) {
                    readyAnnounced = true;
                    ctx.emit(new ChatEvent.ChatReady(record.id, snapshot()));
                }
            }, ctx.scheduler());
        }
    }

    /**
     * Makes sure the re-send timer fires by the earliest due item. {@code newDue}, when given, is the only item that
     * changed, which spares a scan of the whole outbox per message in a burst.
     */
    private void armResendTimer(Instant newDue) {
        if (resends.isEmpty() || deleted) {
            return;
        }
        if (resendTimer != null && newDue != null && !resendTimerAt.isAfter(newDue)) {
            return;
        }
        Instant earliest = resends.values().stream().map(ResendBackoff::due).min(Instant::compareTo).orElseThrow();
        if (resendTimer != null) {
            if (!resendTimerAt.isAfter(earliest)) {
                return;
            }
            resendTimer.cancel();
        }
        resendTimerAt = earliest;
        resendTimer = ctx.scheduler().schedule(() -> {
            resendTimer = null;
            resendDue(false);
        }, Duration.between(ctx.clock().instant(), earliest));
    }

    // ---- rekeying (PROTOCOL.md section 5) ----

    /** Starts a rekey now, unless one of ours is already under way. */
    void startRekey() {
        if (record.phase != ChatPhase.ACTIVE) {
            throw new ChatException(ChatException.Problem.NOT_READY, "keys can be refreshed once the chat is agreed");
        }
        if (record.rekeyOffer.isPresent()) {
            return;
        }
        Instant now = ctx.clock().instant();
        EphemeralKeyPair pair = EphemeralKeyPair.generate();
        RekeyOffer offer;
        try {
            offer = new RekeyOffer(MessageId.random(), record.nextSeq(), now.toEpochMilli(),
                    record.currentEpoch().orElseThrow().epoch() + 1, pair.publicPoint(), pair.privateKeyBytes());
        } finally {
            pair.destroy();
        }
        record.rekeyOffer = Optional.of(offer);
        persist();
        LOG.log(Level.INFO, "chat {0}: refreshing keys to epoch {1}", record.id, offer.epoch());
        sendRekeyOffer(now);
        armResendTimer(null);
    }

    /** The automatic rekey: after {@code rekeyAfterMessages} sent, or when the current epoch is too old. */
    private void rekeyIfDue() {
        if (record.phase != ChatPhase.ACTIVE || record.rekeyOffer.isPresent() || deleted) {
            return;
        }
        Instant since = record.currentEpoch().orElseThrow().since();
        boolean old = !since.plus(ctx.timings().rekeyAfterAge()).isAfter(ctx.clock().instant());
        if (record.sentSinceRekey >= ctx.timings().rekeyAfterMessages() || old) {
            startRekey();
        }
    }

    private void sendRekeyOffer(Instant now) {
        RekeyOffer offer = record.rekeyOffer.orElseThrow();
        ResendBackoff previous = resends.get(REKEY);
        resends.put(REKEY, previous == null
                ? ResendBackoff.after(now, ctx.timings().resendFirst())
                : previous.next(now, ctx.timings().resendMax()));
        if (connectionState instanceof ConnectionState.Connected) {
            Rekey rekey = new Rekey(offer.id(), record.peerInbox.orElseThrow(), offer.seq(), offer.ts(), offer.epoch(),
                    offer.epk());
            connection.publish(record.peerInbox.orElseThrow(), PayloadCodec.seal(rekey, currentKey()));
        }
    }

    private void rekeyArrived(Rekey rekey, ChatKey key) {
        if (record.rekeyAnswer.map(a -> a.rekeyId().equals(rekey.id())).orElse(false)) {
            sendAnswer(record.rekeyAnswer.get(), key); // a copy: the same answer, so both sides agree
            return;
        }
        long current = record.currentEpoch().orElseThrow().epoch();
        if (rekey.epoch() != current + 1 || !key.equals(currentKey())) {
            drop(DropReason.STALE_EPOCH);
            return;
        }
        if (record.rekeyOffer.isPresent() && record.rekeyOffer.get().epoch() == rekey.epoch()) {
            RekeyOffer ours = record.rekeyOffer.get();
            if (ours.epk().compareTo(rekey.epk()) < 0) {
                drop(DropReason.STALE_EPOCH); // both started: the smaller public key wins, and it is ours
                return;
            }
            ours.erase(); // theirs wins: abandon ours and answer theirs
            record.rekeyOffer = Optional.empty();
            resends.remove(REKEY);
        }
        Instant now = ctx.clock().instant();
        FreshAgreement agreed = FreshAgreement.with(rekey.epk(), key);
        RekeyAnswer answer = new RekeyAnswer(rekey.id(), MessageId.random(), record.nextSeq(), now.toEpochMilli(),
                rekey.epoch(), agreed.ownPublic());
        record.rekeyAnswer = Optional.of(answer);
        switchTo(new EpochKey(rekey.epoch(), agreed.key(), now, Optional.empty()));
        sendAnswer(answer, key);
    }

    /**
     * The rekey-ok goes out under the key the rekey came under, before anything under the new key. A rekey can
     * arrive from the broker's queue a moment before the connection reports itself up: if the publish is refused
     * then, the answer goes out on the next connect.
     */
    private void sendAnswer(RekeyAnswer answer, ChatKey underKey) {
        answerUnsent = true;
        if (connection == null) {
            return;
        }
        RekeyOk ok = new RekeyOk(answer.id(), record.peerInbox.orElseThrow(), answer.seq(), answer.ts(),
                answer.epoch(), answer.epk());
        connection.publish(record.peerInbox.orElseThrow(), PayloadCodec.seal(ok, underKey))
                .whenCompleteAsync((done, failure) -> {
                    if (failure == null && record.rekeyAnswer.equals(Optional.of(answer))) {
                        answerUnsent = false;
                    }
                }, ctx.scheduler());
    }

    /** After a connect: an answer that could not go out before goes now, under the key its rekey came under. */
    private void sendUnsentAnswer() {
        if (!answerUnsent || record.rekeyAnswer.isEmpty()) {
            return;
        }
        RekeyAnswer answer = record.rekeyAnswer.get();
        record.epochs.stream().filter(e -> e.epoch() == answer.epoch() - 1).findFirst()
                .ifPresent(previous -> sendAnswer(answer, previous.key()));
    }

    private void rekeyOkArrived(RekeyOk ok, ChatKey key) {
        Optional<RekeyOffer> offer = record.rekeyOffer;
        if (offer.isPresent() && offer.get().epoch() == ok.epoch() && key.equals(currentKey())) {
            EphemeralKeyPair pair = EphemeralKeyPair.restore(offer.get().privateKey(), offer.get().epk());
            ChatKey next;
            try {
                next = pair.deriveChatKey(ok.epk(), key);
            } finally {
                pair.destroy();
                offer.get().erase();
            }
            record.rekeyOffer = Optional.empty();
            record.rekeyOkTaken = Optional.of(ok.id());
            resends.remove(REKEY);
            switchTo(new EpochKey(ok.epoch(), next, ctx.clock().instant(), Optional.empty()));
        } else if (record.rekeyOkTaken.equals(Optional.of(ok.id()))) {
            drop(DropReason.DUPLICATE);
        } else {
            drop(DropReason.STALE_EPOCH);
        }
    }

    /** Sends under the new epoch key from now on; unacked messages are re-sealed under it when re-sent. */
    private void switchTo(EpochKey next) {
        record.epochs.add(next);
        record.sentSinceRekey = 0;
        persist();
        LOG.log(Level.INFO, "chat {0}: keys refreshed, now epoch {1}", record.id, next.epoch());
        armKeyTimer();
        ctx.emit(new ChatEvent.ChatChanged(record.id, snapshot()));
    }

    /** Erases replaced keys whose grace has passed, from memory and the profile; re-arms for the next event. */
    private void eraseOldKeys() {
        Instant now = ctx.clock().instant();
        boolean removed = record.epochs.removeIf(e -> e.eraseAt().map(t -> !t.isAfter(now)).orElse(false));
        if (removed) {
            long oldest = record.epochs.stream().mapToLong(EpochKey::epoch).min().orElse(0);
            if (record.rekeyAnswer.map(a -> a.epoch() - 1 < oldest).orElse(false)) {
                record.rekeyAnswer = Optional.empty(); // its key is gone: copies of that rekey can no longer be read
            }
            persist();
            ctx.store().forgetReplacedData(); // the old key must not linger in superseded database pages
            LOG.log(Level.INFO, "chat {0}: erased keys older than epoch {1}", record.id, oldest);
        }
        rekeyIfDue();
    }

    /** One timer for the next key event: an old key's erasure or the epoch's age limit. */
    private void armKeyTimer() {
        if (keyTimer != null) {
            keyTimer.cancel();
        }
        if (record.phase != ChatPhase.ACTIVE || deleted) {
            return;
        }
        Instant next = record.currentEpoch().orElseThrow().since().plus(ctx.timings().rekeyAfterAge());
        for (EpochKey e : record.epochs) {
            if (e.eraseAt().isPresent() && e.eraseAt().get().isBefore(next)) {
                next = e.eraseAt().get();
            }
        }
        keyTimer = ctx.scheduler().schedule(() -> {
            keyTimer = null;
            if (!deleted) {
                eraseOldKeys();
                armKeyTimer();
            }
        }, Duration.between(ctx.clock().instant(), next));
    }

    SafetyCode safetyCode() {
        return record.safetyDigits.map(SafetyCode::fromDigits).orElseThrow(() -> new ChatException(
                ChatException.Problem.NOT_READY, "the chat has no safety code until the join is complete"));
    }

    /** Marks the chat verified when {@code scannedOrTyped} is its safety code; refuses a mismatch loudly. */
    void verify(String scannedOrTyped) {
        SafetyCode code = safetyCode();
        if (SafetyCode.digitsFrom(scannedOrTyped).isEmpty()) {
            throw new ChatException(ChatException.Problem.BAD_TEXT,
                    "a safety code is 20 digits (five groups of four) or a scanned parley-safety QR code");
        }
        if (!code.matches(scannedOrTyped)) {
            throw new ChatException(ChatException.Problem.SAFETY_MISMATCH, "the safety codes differ: someone may be "
                    + "in the middle of this chat, reading and relaying it. Do not trust it; meet in person and start "
                    + "a new invite");
        }
        if (!record.verified) {
            record.verified = true;
            persist();
            ctx.emit(new ChatEvent.ChatChanged(record.id, snapshot()));
        }
    }

    // ---- acks ----

    private void queueAck(MessageId id) {
        if (!pendingAcks.contains(id)) {
            pendingAcks.add(id);
        }
        if (pendingAcks.size() >= Ack.MAX_IDS) {
            flushAcks();
        } else if (ackFlush == null) {
            ackFlush = ctx.scheduler().schedule(this::flushAcks, ctx.timings().ackBatch());
        }
    }

    /** Sends the batched acks; acks are not acked, so a lost one is answered by the sender's re-send. */
    private void flushAcks() {
        if (ackFlush != null) {
            ackFlush.cancel();
            ackFlush = null;
        }
        if (pendingAcks.isEmpty() || record.phase != ChatPhase.ACTIVE || deleted
                || !(connectionState instanceof ConnectionState.Connected)) {
            return;
        }
        while (!pendingAcks.isEmpty()) {
            List<MessageId> batch = new ArrayList<>(pendingAcks.subList(0, Math.min(Ack.MAX_IDS, pendingAcks.size())));
            pendingAcks.subList(0, batch.size()).clear();
            Ack ack = new Ack(MessageId.random(), record.peerInbox.orElseThrow(), ctx.clock().millis(), batch);
            connection.publish(record.peerInbox.orElseThrow(), PayloadCodec.seal(ack, currentKey()));
        }
    }

    // ---- user commands and views ----

    void markRead() {
        if (record.unread != 0) {
            record.unread = 0;
            persist();
            ctx.emit(new ChatEvent.ChatChanged(record.id, snapshot()));
        }
    }

    void rename(String name) {
        String trimmed = name.strip();
        if (trimmed.isEmpty() || trimmed.length() > 64) {
            throw new ChatException(ChatException.Problem.BAD_TEXT, "a chat name must be 1 to 64 characters");
        }
        record.name = trimmed;
        persist();
        ctx.emit(new ChatEvent.ChatChanged(record.id, snapshot()));
    }

    Map<DropReason, Long> drops() {
        return Map.copyOf(drops);
    }

    Chat snapshot() {
        return new Chat(record.id, record.name, record.phase, record.inviter, record.created, record.expires,
                record.lastActivity, record.unread, connectionView(), record.verified,
                record.currentEpoch().map(EpochKey::epoch).orElse(0L), record.currentEpoch().map(EpochKey::since),
                record.rekeyOffer.isPresent());
    }

    private Chat.Connection connectionView() {
        return switch (connectionState) {
            case ConnectionState.Connecting c -> new Chat.Connection(Chat.Connection.Status.CONNECTING,
                    c.attempt() > 1 ? "connecting (attempt " + c.attempt() + ")" : "connecting");
            case ConnectionState.Connected c -> new Chat.Connection(Chat.Connection.Status.ONLINE, "online");
            case ConnectionState.Waiting w -> new Chat.Connection(Chat.Connection.Status.WAITING,
                    w.reason() + "; retrying in " + Math.max(1, w.delay().toSeconds()) + " s");
            case ConnectionState.TakenOver t -> new Chat.Connection(Chat.Connection.Status.WAITING,
                    "another device or Parley uses this chat's inbox (" + t.drops() + " take-overs); retrying in "
                            + Math.max(1, t.backoff().toSeconds()) + " s");
            case ConnectionState.Failed f -> new Chat.Connection(Chat.Connection.Status.FAILED, f.message());
            case ConnectionState.Closed c -> new Chat.Connection(Chat.Connection.Status.OFFLINE, "offline");
        };
    }

    void persist() {
        if (!deleted) {
            ctx.store().putChat(record.id.value(), ChatRecordCodec.encode(record));
        }
    }

    // ---- timers ----

    private void schedulePhaseTimer(Instant when, Runnable action) {
        cancelPhaseTimer();
        phaseTimer = ctx.scheduler().schedule(action, Duration.between(ctx.clock().instant(), when));
    }

    private void cancelPhaseTimer() {
        if (phaseTimer != null) {
            phaseTimer.cancel();
            phaseTimer = null;
        }
    }

    private void cancelResendTimer() {
        if (resendTimer != null) {
            resendTimer.cancel();
            resendTimer = null;
        }
    }

    private void cancelTimers() {
        cancelPhaseTimer();
        if (keyTimer != null) {
            keyTimer.cancel();
            keyTimer = null;
        }
        cancelResendTimer();
        if (ackFlush != null) {
            ackFlush.cancel();
            ackFlush = null;
        }
    }
}
