package parley.ui.conversation;

import java.awt.Dimension;
import java.awt.image.BufferedImage;
import java.io.InputStream;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import parley.chat.ChatService;
import parley.crypto.ChatId;
import parley.crypto.MessageId;
import parley.ui.kit.SafePicture;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;

/**
 * The pictures shown inline, decoded off the EDT from the profile ({@link ChatService#openFile}) through
 * {@link SafePicture} at {@link #BOX} and kept for the chats the user scrolls back and forth in: the newest
 * {@value #KEPT} (about 230 KB each at most), so a long chat of photos cannot fill the heap. Asked on the EDT.
 */
final class Thumbnails {
    static final Dimension BOX = new Dimension(240, 240);
    static final int KEPT = 64;

    private final BackgroundTasks tasks;
    private final Supplier<ChatService> service;
    private final Map<MessageId, BufferedImage> kept = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<MessageId, BufferedImage> eldest) {
            return size() > KEPT;
        }
    };
    /** Decodes under way: a bubble built again meanwhile (a theme switch, a page) waits for the same one. */
    private final Map<MessageId, CompletableFuture<BufferedImage>> pending = new HashMap<>();

    Thumbnails(BackgroundTasks tasks, Supplier<ChatService> service) {
        this.tasks = tasks;
        this.service = service;
    }

    /** The thumbnail when it is decoded already. */
    Optional<BufferedImage> cached(MessageId message) {
        Edt.require();
        return Optional.ofNullable(kept.get(message));
    }

    /** The thumbnail of a complete picture; completes on the EDT. A picture that cannot be shown fails with why. */
    CompletableFuture<BufferedImage> load(ChatId chat, MessageId message, String mediaType) {
        Edt.require();
        BufferedImage done = kept.get(message);
        if (done != null) {
            return CompletableFuture.completedFuture(done);
        }
        CompletableFuture<BufferedImage> running = pending.get(message);
        if (running != null) {
            return running;
        }
        ChatService chats = service.get();
        CompletableFuture<BufferedImage> shown = new CompletableFuture<>();
        pending.put(message, shown);
        tasks.call(() -> decode(chats, chat, message, mediaType, BOX)).whenCompleteAsync(Edt.guard((image, failure) -> {
            pending.remove(message);
            if (failure != null) {
                shown.completeExceptionally(failure);
            } else {
                kept.put(message, image);
                shown.complete(image);
            }
        }), Edt.EXECUTOR);
        return shown;
    }

    /** Decodes a file of the chat to fit {@code box}; blocks (on the background thread). */
    static BufferedImage decode(ChatService chats, ChatId chat, MessageId message, String mediaType, Dimension box)
            throws Exception {
        Edt.forbid();
        try (InputStream in = chats.files().open(chat, message).get(60, TimeUnit.SECONDS)) {
            return SafePicture.read(in, Optional.of(mediaType), box);
        }
    }
}
