package parley.ui.chatlist;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Optional;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.UIManager;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.chat.Chat;
import parley.crypto.ChatId;
import parley.chat.ChatPhase;
import parley.ui.kit.Looks;
import parley.ui.shell.SwingExtension;
import parley.ui.threads.Failures;

/**
 * What the chat list and the status texts show, in the real look: a row's time is the time of the message it
 * previews (not of the chat's last activity, such as a late arrival of an old message), errors are sentences,
 * and the error colour is readable on the panels of both themes.
 */
@ExtendWith(SwingExtension.class)
class ChatListLooksTest {

    @Test
    void aRowShowsTheTimeOfTheMessageItPreviews() {
        ZoneId zone = ZoneId.systemDefault();
        var sent = ZonedDateTime.of(LocalDate.now(zone), LocalTime.of(0, 12), zone).toInstant();
        var arrived = ZonedDateTime.of(LocalDate.now(zone), LocalTime.of(0, 58), zone).toInstant();
        Chat chat = new Chat(ChatId.random(), "Bob", ChatPhase.ACTIVE, true, sent.minusSeconds(60), Optional.empty(),
                Optional.of(arrived), 1, new Chat.Connection(Chat.Connection.Status.ONLINE, "online"), false, 0,
                Optional.empty(), false, new parley.chat.ChatBroker("broker.example", true));
        ChatEntry entry = new ChatEntry(chat, Optional.empty()).withLast(new ChatEntry.Last("sent at 00:12", sent, 7));
        assertThat(entry.withLast(new ChatEntry.Last("older, from a late history page", sent.minusSeconds(600), 3)))
                .as("an older message does not replace the newest").isEqualTo(entry);
        String shown = GuiActionRunner.execute(() -> {
            Looks.install(false);
            JList<ChatEntry> list = new JList<>(new ChatEntry[] {entry});
            var row = (java.awt.Container) new ChatListRenderer().getListCellRendererComponent(list, entry, 0, false, false);
            return labels(row).stream().map(JLabel::getText).filter(t -> t != null && t.matches("\\d\\d:\\d\\d"))
                    .findFirst().orElse("no time");
        });
        assertThat(shown).isEqualTo("00:12");
    }

    @Test
    void errorsAreSentencesReadableInBothThemes() {
        assertThat(Failures.sentence("the broker refused the login: check the user name"))
                .isEqualTo("The broker refused the login: check the user name.");
        assertThat(Failures.sentence("Not reachable. Is the server running?")).endsWith("?");
        assertThat(Failures.sentence(new java.util.concurrent.CompletionException(new IllegalStateException())))
                .startsWith("Something went wrong").endsWith(".");
        for (boolean dark : new boolean[] {false, true}) {
            double ratio = GuiActionRunner.execute(() -> {
                Looks.install(dark);
                return contrast(UIManager.getColor("Component.error.focusedBorderColor"),
                        UIManager.getColor("Panel.background"));
            });
            assertThat(ratio).as("WCAG contrast of the error colour on the %s panels", dark ? "dark" : "light")
                    .isGreaterThanOrEqualTo(4.5);
        }
        GuiActionRunner.execute(() -> Looks.install(false));
    }

    private static java.util.List<JLabel> labels(java.awt.Container c) {
        java.util.List<JLabel> found = new java.util.ArrayList<>();
        for (var child : c.getComponents()) {
            if (child instanceof JLabel l) {
                found.add(l);
            }
            if (child instanceof java.awt.Container inner) {
                found.addAll(labels(inner));
            }
        }
        return found;
    }

    /** The WCAG 2 contrast ratio of two colours. */
    static double contrast(Color a, Color b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(Color c) {
        double[] rgb = {c.getRed() / 255.0, c.getGreen() / 255.0, c.getBlue() / 255.0};
        for (int i = 0; i < 3; i++) {
            rgb[i] = rgb[i] <= 0.03928 ? rgb[i] / 12.92 : Math.pow((rgb[i] + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2];
    }
}
