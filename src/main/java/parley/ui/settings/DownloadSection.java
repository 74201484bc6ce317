package parley.ui.settings;

import java.awt.FlowLayout;
import java.util.concurrent.CompletableFuture;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JSpinner;
import javax.swing.SpinnerNumberModel;
import parley.chat.Attachment;
import parley.ui.kit.PlainLabel;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * Files: "Download files automatically up to [N] MiB" (0 to 100, the protocol's units; 0 asks for every file). Shown once the chats run;
 * the current limit is asked for when the section opens and each change is kept at once. Larger files wait for
 * the user's Download button in their message.
 */
public final class DownloadSection extends JPanel {
    static final long MIB = 1024 * 1024;

    /** Who keeps the limit: the chat service. */
    public interface Limit {
        CompletableFuture<Long> current();

        CompletableFuture<Void> set(long bytes);
    }

    private final JSpinner megabytes = new JSpinner(new SpinnerNumberModel(16, 0, (int) (Attachment.MAX_SIZE / MIB), 1));
    private final JLabel problem = new PlainLabel();

    DownloadSection(Limit limit) {
        super(new FlowLayout(FlowLayout.LEADING, 4, 0));
        setBorder(BorderFactory.createTitledBorder("Files"));
        megabytes.setName("settings.autodownload");
        megabytes.getAccessibleContext().setAccessibleName("Download files automatically up to this many MiB");
        megabytes.setEnabled(false); // until the current limit is known
        problem.setName("settings.autodownload.problem");
        add(new PlainLabel("Download files automatically up to"));
        add(megabytes);
        add(new PlainLabel("MiB"));
        add(problem);
        limit.current().whenCompleteAsync(Edt.guard((bytes, failure) -> {
            if (failure != null) {
                problem.setText("(" + Failures.message(failure) + ")");
                return;
            }
            megabytes.setValue((int) Math.min(Attachment.MAX_SIZE / MIB, bytes / MIB));
            megabytes.setEnabled(true);
            megabytes.addChangeListener(e -> limit.set(((Number) megabytes.getValue()).longValue() * MIB)
                    .whenCompleteAsync(Edt.guard((v, f) -> problem.setText(f == null ? "" : "Not kept: " + Failures.message(f))),
                            Edt.EXECUTOR));
        }), Edt.EXECUTOR);
    }
}
