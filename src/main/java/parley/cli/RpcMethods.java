package parley.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import parley.chat.Attachment;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.chat.ChatService;
import parley.chat.Delivery;
import parley.chat.DownloadFolder;
import parley.chat.Message;
import parley.chat.PendingInvite;
import parley.crypto.SafetyCode;

/**
 * The JSON-RPC mode's methods, each the same chat service call as its CLI command. {@code send} may wait for
 * a delivery step; {@code invite}, {@code join} and {@code rekey} answer at once and their outcome comes as events.
 * Called on one virtual thread per request; blocking there is fine.
 */
final class RpcMethods {
    private static final Duration MAX_WAIT = Duration.ofMinutes(10);
    private static final Duration MAX_VALIDITY = Duration.ofDays(30);

    private final ChatService chats;

    RpcMethods(ChatService chats) {
        this.chats = chats;
    }

    JsonObject call(RpcRequest r) throws InterruptedException {
        return switch (r.method()) {
            case "send" -> send(r);
            case "invite" -> invite(r);
            case "join" -> join(r);
            case "chats" -> chatList(r);
            case "history" -> history(r);
            case "safety" -> safety(r);
            case "verify" -> verify(r);
            case "rekey" -> rekey(r);
            case "rename" -> rename(r);
            case "delete" -> delete(r);
            case "sendFile" -> sendFile(r);
            case "download" -> onFile(r, chats.files()::download);
            case "stopTransfer" -> onFile(r, chats.files()::stop);
            case "saveFile" -> saveFile(r);
            default -> throw new RpcFailure(RpcFailure.METHOD_NOT_FOUND, "no method '" + r.method() + "' (methods: "
                    + "send, invite, join, chats, history, safety, verify, rekey, rename, delete, sendFile, download, "
                    + "stopTransfer, saveFile)");
        };
    }

    private JsonObject send(RpcRequest r) throws InterruptedException {
        r.only("chat", "text", "until", "timeout");
        ChatId id = chat(r);
        String text = r.string("text");
        DeliveryWait.Until until = r.choice("until", DeliveryWait.Until.class, DeliveryWait.Until.queued);
        Duration timeout = r.duration("timeout", MAX_WAIT).orElse(Duration.ofSeconds(30));
        try (EventWaiter events = new EventWaiter(chats)) {
            Message sent = chats.send(id, text).join();
            Delivery reached;
            try {
                reached = DeliveryWait.await(events, sent, until, timeout);
            } catch (CliFailure f) {
                JsonObject data = new JsonObject();
                data.addProperty("kind", f.exitCode().name().toLowerCase());
                data.addProperty("message", sent.id().value());
                throw new RpcFailure(f.exitCode().code, f.getMessage(), Optional.of(data));
            }
            JsonObject o = about(id);
            o.addProperty("message", sent.id().value());
            o.addProperty("delivery", reached.name().toLowerCase());
            return o;
        }
    }

    private JsonObject invite(RpcRequest r) {
        r.only("expires");
        PendingInvite invite = chats.createInvite(r.duration("expires", MAX_VALIDITY)).join();
        JsonObject o = about(invite.chat());
        o.addProperty("link", invite.link());
        o.addProperty("expires", invite.expires().toString());
        return o;
    }

    private JsonObject join(RpcRequest r) {
        r.only("link");
        ChatId id = chats.join(r.string("link")).join();
        return JsonLines.chat(chats.chat(id).join());
    }

    private JsonObject chatList(RpcRequest r) {
        r.only();
        JsonArray all = new JsonArray();
        for (Chat c : chats.chats().join()) {
            all.add(JsonLines.chat(c));
        }
        JsonObject o = new JsonObject();
        o.add("chats", all);
        return o;
    }

    private JsonObject history(RpcRequest r) {
        r.only("chat", "limit");
        ChatId id = chat(r);
        List<Message> page = chats.history(id, Long.MAX_VALUE, r.integer("limit", 50, 1, 1000)).join();
        JsonArray messages = new JsonArray();
        for (Message m : page.reversed()) {
            JsonObject line = JsonLines.message(m);
            line.remove("event");
            messages.add(line);
        }
        chats.markRead(id).join();
        JsonObject o = about(id);
        o.add("messages", messages);
        return o;
    }

    private JsonObject safety(RpcRequest r) {
        r.only("chat");
        ChatId id = chat(r);
        SafetyCode code = chats.safetyCode(id).join();
        JsonObject o = about(id);
        o.addProperty("code", code.grouped());
        o.addProperty("qr", code.qrText());
        return o;
    }

    private JsonObject verify(RpcRequest r) {
        r.only("chat", "code");
        ChatId id = chat(r);
        chats.verify(id, r.string("code")).join();
        JsonObject o = about(id);
        o.addProperty("verified", true);
        return o;
    }

    private JsonObject rekey(RpcRequest r) {
        r.only("chat");
        ChatId id = chat(r);
        long before = chats.chat(id).join().epoch();
        chats.rekey(id).join();
        JsonObject o = about(id);
        o.addProperty("epoch", before);
        return o;
    }

    private JsonObject rename(RpcRequest r) {
        r.only("chat", "name");
        ChatId id = chat(r);
        chats.rename(id, r.string("name")).join();
        return JsonLines.chat(chats.chat(id).join());
    }

    private JsonObject delete(RpcRequest r) {
        r.only("chat");
        ChatId id = chat(r);
        chats.delete(id).join();
        return about(id);
    }

    /** Answers once the file is sealed into the profile and its manifest queued; {@code file} events follow. */
    private JsonObject sendFile(RpcRequest r) {
        r.only("chat", "path");
        ChatId id = chat(r);
        Message sent = chats.files().send(id, Path.of(r.string("path"))).join();
        return fileReply(id, sent);
    }

    /**
     * {@code download} starts (or resumes) fetching a file, {@code stopTransfer} pauses a download (what arrived
     * is kept) or cancels sending one of ours; {@code file} events say how far it is.
     */
    private JsonObject onFile(RpcRequest r, java.util.function.BiFunction<ChatId, parley.crypto.MessageId,
            java.util.concurrent.CompletableFuture<Void>> command) {
        r.only("chat", "message");
        ChatId id = chat(r);
        Message m = message(r, id);
        command.apply(id, m.id()).join();
        return fileReply(id, m);
    }

    private JsonObject saveFile(RpcRequest r) {
        r.only("chat", "message", "dir");
        ChatId id = chat(r);
        Message m = message(r, id);
        Attachment a = FileMessages.attachmentOf(m);
        if (!FileMessages.complete(m, a)) {
            throw new CliFailure(ExitCode.CHAT, FileMessages.notYetHere(a));
        }
        Path dir = r.optionalString("dir").map(Path::of).orElseGet(DownloadFolder::forThisUser);
        Path written = chats.files().save(id, m.id(), dir).join();
        JsonObject o = about(id);
        o.addProperty("message", m.id().value());
        o.addProperty("path", written.toString());
        return o;
    }

    private Message message(RpcRequest r, ChatId id) {
        Message m = MessageLookup.find(chats, id, r.string("message"));
        FileMessages.attachmentOf(m);
        return m;
    }

    private static JsonObject fileReply(ChatId id, Message m) {
        JsonObject o = about(id);
        o.addProperty("message", m.id().value());
        m.attachment().ifPresent(a -> o.add("file", JsonLines.file(a)));
        return o;
    }

    private ChatId chat(RpcRequest r) {
        return chats.resolve(r.string("chat")).join();
    }

    private static JsonObject about(ChatId id) {
        JsonObject o = new JsonObject();
        o.addProperty("chat", id.value());
        return o;
    }
}
