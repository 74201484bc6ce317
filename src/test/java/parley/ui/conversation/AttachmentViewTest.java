package parley.ui.conversation;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.awt.Dimension;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.swing.AbstractButton;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JProgressBar;
import org.assertj.swing.core.Robot;
import org.assertj.swing.edt.GuiActionRunner;
import org.assertj.swing.fixture.FrameFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import parley.chat.Attachment;
import parley.chat.Delivery;
import parley.chat.Message;
import parley.chat.TransferState;
import parley.crypto.ChatId;
import parley.crypto.MessageId;
import parley.ui.kit.Looks;
import parley.ui.shell.SwingExtension;
import parley.ui.threads.BackgroundTasks;

/**
 * A file card in its bubble as the transfer moves through its states, in a real window: what the user reads and
 * which buttons there are. No button is pressed here (that needs the chat core: FilesGuiIT), so the card's actions
 * have no service and no status line.
 */
@ExtendWith(SwingExtension.class)
class AttachmentViewTest {
    private static final String HOSTILE = "<html><img src=http://127.0.0.1:9/p>quarterly-report-with-a-very-long-name-2024-final.pdf";
    private final BackgroundTasks tasks = new BackgroundTasks(title -> { });

    @AfterEach
    void close() {
        tasks.close();
    }

    private static Attachment file(String name, String type, TransferState state, int held, Optional<String> problem) {
        return new Attachment(name, 2_516_582, type, state, held, 39, problem);
    }

    private MessageBubble show(Robot robot, boolean outgoing, Attachment a) {
        Message m = new Message(ChatId.random(), MessageId.random(), outgoing, "[file] fallback", Instant.now(),
                Delivery.DELIVERED, 7, Optional.of(a));
        MessageBubble[] built = new MessageBubble[1];
        JFrame frame = GuiActionRunner.execute(() -> {
            Looks.install(false);
            AttachmentActions actions = new AttachmentActions(null, tasks, null, () -> null, h -> h);
            MessageBubble bubble = new MessageBubble(m, uri -> { }, actions);
            JFrame f = new JFrame("card");
            f.getContentPane().setLayout(null);
            f.getContentPane().add(bubble);
            Dimension d = bubble.sizeFor(500);
            bubble.setBounds(0, 0, d.width, d.height);
            f.setSize(600, 300);
            built[0] = bubble;
            return f;
        });
        new FrameFixture(robot, frame).show();
        return built[0];
    }

    private static <T extends Component> Optional<T> named(Container root, String name, Class<T> type) {
        for (Component c : root.getComponents()) {
            if (name.equals(c.getName()) && type.isInstance(c) && c.isVisible()) {
                return Optional.of(type.cast(c));
            }
            if (c instanceof Container inner) {
                Optional<T> found = named(inner, name, type);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }

    private static List<String> buttons(Container root) {
        List<String> out = new ArrayList<>();
        collect(root, out);
        return out;
    }

    private static void collect(Container root, List<String> out) {
        for (Component c : root.getComponents()) {
            if (c instanceof AbstractButton b && b.isShowing()) {
                out.add(b.getText());
            }
            if (c instanceof Container inner) {
                collect(inner, out);
            }
        }
    }

    private static String text(MessageBubble bubble, String name) {
        return GuiActionRunner.execute(() -> named(bubble, name, JLabel.class).map(JLabel::getText).orElse(null));
    }

    @Test
    void aLargeFileWaitsForDownloadThenShowsItsProgressPauseAndFailure(Robot robot) {
        MessageBubble bubble = show(robot, false, file(HOSTILE, "application/pdf", TransferState.OFFERED, 0, Optional.empty()));
        JLabel name = GuiActionRunner.execute(() -> named(bubble, "attachment.name", JLabel.class).orElseThrow());
        String shown = GuiActionRunner.execute(() -> name.getText());
        assertThat(shown).as("cut in the middle, markup as text")
                .startsWith("<html><img").endsWith("final.pdf").contains("…")
                .hasSizeLessThanOrEqualTo(AttachmentView.NAME_SHOWN);
        assertThat(GuiActionRunner.execute(() -> name.getToolTipText())).isEqualTo(HOSTILE);
        assertThat(GuiActionRunner.execute(() -> name.getClientProperty("html.disable"))).isEqualTo(Boolean.TRUE);
        assertThat(text(bubble, "attachment.details")).isEqualTo("2.5 MB · PDF");
        assertThat(text(bubble, "attachment.state")).isEqualTo("Larger than your automatic download size");
        assertThat(GuiActionRunner.execute(() -> buttons(bubble))).containsExactly("Download (2.5 MB)");
        assertThat(GuiActionRunner.execute(() -> named(bubble, "attachment.progress", JProgressBar.class))).isEmpty();
        int offeredHeight = GuiActionRunner.execute(() -> bubble.sizeFor(500).height);

        GuiActionRunner.execute(() -> bubble.setAttachment(file(HOSTILE, "application/pdf", TransferState.DOWNLOADING, 13,
                Optional.empty())));
        assertThat(text(bubble, "attachment.state")).isEqualTo("Downloading: 839 kB of 2.5 MB");
        assertThat(GuiActionRunner.execute(() -> named(bubble, "attachment.progress", JProgressBar.class)
                .orElseThrow().getValue())).isEqualTo(333);
        assertThat(GuiActionRunner.execute(() -> buttons(bubble))).containsExactly("Pause");
        assertThat(GuiActionRunner.execute(() -> bubble.sizeFor(500).height)).as("room for the bar")
                .isGreaterThan(offeredHeight);

        GuiActionRunner.execute(() -> bubble.setAttachment(file(HOSTILE, "application/pdf", TransferState.DOWNLOADING, 26,
                Optional.empty())));
        assertThat(text(bubble, "attachment.state")).isEqualTo("Downloading: 1.7 MB of 2.5 MB");

        GuiActionRunner.execute(() -> bubble.setAttachment(file(HOSTILE, "application/pdf", TransferState.PAUSED, 26,
                Optional.empty())));
        assertThat(text(bubble, "attachment.state")).isEqualTo("Paused at 1.7 MB of 2.5 MB");
        assertThat(GuiActionRunner.execute(() -> buttons(bubble))).containsExactly("Resume");

        GuiActionRunner.execute(() -> bubble.setAttachment(file(HOSTILE, "application/pdf", TransferState.FAILED, 0,
                Optional.of("the file does not match what its sender announced"))));
        assertThat(text(bubble, "attachment.state")).isEqualTo("the file does not match what its sender announced");
        assertThat(GuiActionRunner.execute(() -> buttons(bubble))).isEmpty();
        assertThat(GuiActionRunner.execute(() -> bubble.attachment().orElseThrow().state())).isEqualTo(TransferState.FAILED);

        GuiActionRunner.execute(() -> bubble.setAttachment(file(HOSTILE, "application/pdf", TransferState.GONE, 0,
                Optional.empty())));
        assertThat(text(bubble, "attachment.state")).isEqualTo("The sender no longer offers this file");
    }

    @Test
    void aCompleteFileCanBeSavedAndOpened(Robot robot) {
        MessageBubble bubble = show(robot, false, file("notes.txt", "text/plain", TransferState.COMPLETE, 39, Optional.empty()));
        assertThat(GuiActionRunner.execute(() -> buttons(bubble))).containsExactly("Save…", "Open");
        assertThat(GuiActionRunner.execute(() -> named(bubble, "attachment.state", JLabel.class))).as("nothing to say").isEmpty();
        assertThat(GuiActionRunner.execute(() -> bubble.textPane().isShowing())).as("the fallback text is not shown").isFalse();
    }

    @Test
    void theSenderCancelsAndLearnsWhenThePeerCannotReceiveFiles(Robot robot) {
        MessageBubble bubble = show(robot, true, file("slides.odp", "application/vnd.oasis.opendocument.presentation",
                TransferState.SENDING, 0, Optional.empty()));
        assertThat(text(bubble, "attachment.state")).isEqualTo("Waiting for them to fetch it");
        assertThat(GuiActionRunner.execute(() -> buttons(bubble))).containsExactly("Cancel", "Save…", "Open");
        GuiActionRunner.execute(() -> bubble.setAttachment(file("slides.odp", "application/vnd.oasis.opendocument.presentation",
                TransferState.UNSUPPORTED, 0, Optional.empty())));
        assertThat(text(bubble, "attachment.state")).isEqualTo("Their Parley cannot receive files: it needs an update");
        GuiActionRunner.execute(() -> bubble.setAttachment(file("slides.odp", "application/vnd.oasis.opendocument.presentation",
                TransferState.CANCELLED, 0, Optional.empty())));
        assertThat(text(bubble, "attachment.state")).isEqualTo("You stopped sending this file");
        assertThat(GuiActionRunner.execute(() -> buttons(bubble))).isEmpty();
    }
}
