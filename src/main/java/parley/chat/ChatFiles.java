package parley.chat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import parley.crypto.ChatId;
import parley.crypto.MessageId;
import parley.store.ProfileStore;

/**
 * The file commands of the chat service (docs/protocol.md section 9), for both faces: {@link ChatService#files()}.
 * Reading, sealing and saving file bytes runs on the service's file executor, never on the chat thread; what the
 * transfers do next comes out as {@link ChatEvent.TransferChanged}.
 */
public final class ChatFiles {
    static final String AUTO_DOWNLOAD_SETTING = "files.auto-download-bytes";
    static final long DEFAULT_AUTO_DOWNLOAD = 16L * 1024 * 1024;

    private final ChatService service;
    private final ProfileStore store;
    private final Executor work;
    private volatile long autoDownloadLimit;

    ChatFiles(ChatService service, ProfileStore store, Executor work) {
        this.service = service;
        this.store = store;
        this.work = work;
        this.autoDownloadLimit = storedAutoDownloadLimit(store);
    }

    /**
     * Sends a file: it is encrypted into the profile (so the original may change or go), its manifest queued like
     * a message, and its chunks served as the peer asks for them. Refused with {@link ChatException.Problem#TOO_LARGE}
     * above {@link Attachment#MAX_SIZE}, and for an empty or unreadable file, before anything is sent.
     */
    public CompletableFuture<Message> send(ChatId chat, Path file) {
        MessageId id = MessageId.random();
        return service.call(() -> {
            service.session(chat).requireActive();
            return store.chunks(chat, ProfileStore.Direction.OUT, id);
        }).thenApplyAsync(chunks -> FileSealing.seal(file, id, chunks), work)
                .thenCompose(manifest -> service.call(() -> service.session(chat).sendFile(id, manifest)));
    }

    /** Starts or resumes fetching a received file (one over the automatic download size waits for this). */
    public CompletableFuture<Void> download(ChatId chat, MessageId message) {
        return service.call(() -> {
            service.session(chat).download(message);
            return null;
        });
    }

    /** Receiver: pauses a download, keeping what arrived. Sender: cancels the offer (the peer is told "gone"). */
    public CompletableFuture<Void> stop(ChatId chat, MessageId message) {
        return service.call(() -> {
            service.session(chat).stopTransfer(message);
            return null;
        });
    }

    /**
     * Writes a complete file (received, or one's own) in the clear into {@code directory} under its name, never over
     * another file ("name (1).ext" instead), mode 0600; completes with the path written.
     */
    public CompletableFuture<Path> save(ChatId chat, MessageId message, Path directory) {
        return service.call(() -> new Opening(service.session(chat).fileName(message),
                        service.session(chat).openFile(message)))
                .thenApplyAsync(opened -> {
                    try (InputStream in = opened.contents()) {
                        return SavedFiles.save(in, opened.name(), directory);
                    } catch (IOException e) {
                        throw new ChatException(ChatException.Problem.FILE, e.getMessage(), e);
                    }
                }, work);
    }

    private record Opening(String name, InputStream contents) {}

    /** The decrypted bytes of a complete file, streamed from the profile (for a thumbnail or a preview); close it. */
    public CompletableFuture<InputStream> open(ChatId chat, MessageId message) {
        return service.call(() -> service.session(chat).openFile(message));
    }

    /** Files up to this many bytes are fetched on arrival; larger ones wait for {@link #download}. Default 16 MiB. */
    public CompletableFuture<Long> autoDownloadLimit() {
        return CompletableFuture.completedFuture(autoDownloadLimit);
    }

    long currentAutoDownloadLimit() {
        return autoDownloadLimit;
    }

    /** Sets the automatic download size (0 to 100 MiB), kept in the profile. */
    public CompletableFuture<Void> setAutoDownloadLimit(long bytes) {
        if (bytes < 0 || bytes > Attachment.MAX_SIZE) {
            return CompletableFuture.failedFuture(new ChatException(ChatException.Problem.FILE,
                    String.format(java.util.Locale.ROOT,
                    "the automatic download size is 0 to %,d bytes (100 MiB)", Attachment.MAX_SIZE)));
        }
        return service.call(() -> {
            store.putSetting(AUTO_DOWNLOAD_SETTING, Long.toString(bytes).getBytes(StandardCharsets.US_ASCII));
            autoDownloadLimit = bytes;
            return null;
        });
    }

    private static long storedAutoDownloadLimit(ProfileStore store) {
        return store.setting(AUTO_DOWNLOAD_SETTING).map(b -> {
            try {
                return Long.parseLong(new String(b, StandardCharsets.US_ASCII));
            } catch (NumberFormatException e) {
                return DEFAULT_AUTO_DOWNLOAD;
            }
        }).orElse(DEFAULT_AUTO_DOWNLOAD);
    }
}
