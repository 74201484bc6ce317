package parley.ui.shell;

import java.awt.BorderLayout;
import java.awt.FlowLayout;
import javax.swing.BorderFactory;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import parley.ui.kit.PlainLabel;

/**
 * The line at the bottom of the main window: the connection summary (with reconnect progress and queued
 * messages), the last notice (a failure, a new message while away), and the background task that is running.
 */
public final class StatusLine extends JPanel {
    private final JLabel connection = new PlainLabel("Starting…");
    private final JLabel notice = new PlainLabel();
    private final JLabel task = new PlainLabel();
    private final JProgressBar busy = new JProgressBar();

    StatusLine() {
        super(new BorderLayout(12, 0));
        setBorder(BorderFactory.createEmptyBorder(3, 8, 3, 8));
        connection.setName("status.connection");
        notice.setName("status.notice");
        task.setName("status.task");
        busy.setName("status.busy");
        busy.setIndeterminate(true);
        busy.setVisible(false);
        busy.getAccessibleContext().setAccessibleName("Working");
        JPanel right = new JPanel(new FlowLayout(FlowLayout.RIGHT, 6, 0));
        right.setOpaque(false);
        right.add(task);
        right.add(busy);
        add(connection, BorderLayout.WEST);
        add(notice, BorderLayout.CENTER);
        add(right, BorderLayout.EAST);
    }

    void connection(String text) {
        connection.setText(text);
        connection.getAccessibleContext().setAccessibleName("Connection: " + text);
    }

    public void notice(String text) {
        notice.setText(text);
    }

    /** A running background task's title, or null when none runs. */
    void busy(String title) {
        task.setText(title == null ? "" : title + "…");
        busy.setVisible(title != null);
    }

    String connectionText() {
        return connection.getText();
    }

    public String noticeText() {
        return notice.getText();
    }
}
