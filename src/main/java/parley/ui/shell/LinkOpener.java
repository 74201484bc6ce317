package parley.ui.shell;

import java.awt.Desktop;
import java.net.URI;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Failures;

/** Opens a message's link in the desktop's browser, off the EDT; says in the status line when it cannot. */
final class LinkOpener {
    private final BackgroundTasks tasks;
    private final StatusLine status;

    LinkOpener(BackgroundTasks tasks, StatusLine status) {
        this.tasks = tasks;
        this.status = status;
    }

    void open(URI uri) {
        tasks.run("Opening " + uri.getHost(), () -> {
            if (!Desktop.isDesktopSupported() || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                throw new UnsupportedOperationException("This desktop cannot open links. The link is " + uri);
            }
            Desktop.getDesktop().browse(uri);
            return null;
        }, ok -> { }, failure -> status.notice(Failures.sentence(failure)));
    }
}
