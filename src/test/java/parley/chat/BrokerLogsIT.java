package parley.chat;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import parley.testing.BrokerStack;
import parley.testing.BrokerStackExtension;
import parley.crypto.ChatId;

/**
 * On this broker an inbox id is the permission to read it: after whole exchanges (invite, join, messages both
 * ways) over mqtts and over wss through nginx, no id the chats used is in any of the stack's logs (Mosquitto's,
 * nginx's access and error logs), in full or in its first 16 characters.
 */
@ExtendWith(BrokerStackExtension.class)
class BrokerLogsIT {
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Pattern INVITE_INBOX = Pattern.compile("[#&]i=([A-Za-z0-9_-]{43})");
    private static BrokerStack stack;
    private final List<AutoCloseable> open = new ArrayList<>();

    @TempDir
    Path dir;

    @BeforeAll
    static void stack(BrokerStack s) {
        stack = s;
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open.reversed()) c.close();
    }

    @Test
    void noInboxIdReachesAnyBrokerOrNginxLog() throws Exception {
        List<String> ids = new ArrayList<>();
        ids.addAll(exchange("alice", "bob", false));
        ids.addAll(exchange("carol", "dave", true));
        assertThat(ids).hasSize(6).allMatch(id -> id.length() == 43);

        List<Path> logs;
        try (Stream<Path> files = Files.walk(stack.stateDir())) {
            logs = files.filter(f -> f.toString().endsWith(".log")).toList();
        }
        assertThat(logs).as("the stack's logs").anyMatch(p -> p.endsWith("mosquitto.log"))
                .anyMatch(p -> p.endsWith("access.log"));
        String accessLog = Files.readString(stack.stateDir().resolve("nginx/access.log"));
        assertThat(accessLog).as("the wss exchange went through nginx").contains("GET /mqtt");
        for (Path log : logs) {
            String text = new String(Files.readAllBytes(log), StandardCharsets.ISO_8859_1);
            for (String id : ids) {
                assertThat(text).as(log + " must not hold inbox " + id.substring(0, 6) + "…")
                        .doesNotContain(id).doesNotContain(id.substring(0, 16));
            }
        }
    }

    /** An invite, a join and messages both ways; returns the inbox ids used (invite, both chat inboxes). */
    private List<String> exchange(String inviterName, String joinerName, boolean overWss) {
        Optional<URI> mqtts = overWss ? Optional.empty() : Optional.of(stack.mqttsUri());
        Party inviter = Party.start(inviterName, dir.resolve(inviterName), stack, mqtts, Optional.of(stack.wssUri()),
                Party.fastTimings());
        open.add(inviter);
        Party joiner = Party.start(joinerName, dir.resolve(joinerName), stack, mqtts, Optional.of(stack.wssUri()),
                Party.fastTimings());
        open.add(joiner);
        PendingInvite invite = inviter.service.createInvite(Optional.empty()).join();
        ChatId joined = joiner.service.join(invite.link()).join();
        inviter.await(ChatEvent.ChatReady.class, e -> e.chat().equals(invite.chat()), WAIT);
        joiner.await(ChatEvent.ChatReady.class, e -> e.chat().equals(joined), WAIT);
        inviter.service.send(invite.chat(), "hello " + joinerName).join();
        joiner.service.send(joined, "hi " + inviterName).join();
        joiner.awaitReceived(joined, 1, WAIT);
        inviter.awaitReceived(invite.chat(), 1, WAIT);
        Matcher m = INVITE_INBOX.matcher(invite.link());
        assertThat(m.find()).as("the invite link names its inbox").isTrue();
        return List.of(m.group(1), inviter.ownInbox(invite.chat()).value(), joiner.ownInbox(joined).value());
    }
}
