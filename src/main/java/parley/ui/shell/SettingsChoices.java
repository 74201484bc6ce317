package parley.ui.shell;

import java.util.Optional;
import java.util.function.Consumer;
import javax.swing.JFrame;
import parley.ui.profile.DesktopProfile;
import parley.ui.settings.DownloadSection;
import parley.ui.settings.PassphraseSection;
import parley.ui.settings.ServerSection;
import parley.ui.settings.SettingsDialog;
import parley.ui.settings.ThemeChoice;
import parley.ui.threads.BackgroundTasks;

/**
 * What Settings shows and changes for the main window: the theme, message previews in notifications and, once the
 * profile is open, its passphrase. Each change goes at once to whoever keeps it (the app, which saves it). On the EDT.
 */
final class SettingsChoices {
    private final JFrame owner;
    private final Notifier notifier;
    private final BackgroundTasks tasks;
    private final StatusLine status;
    private ThemeChoice theme = ThemeChoice.SYSTEM;
    private Consumer<ThemeChoice> onTheme = t -> { };
    private boolean previews;
    private Consumer<Boolean> onPreviews = p -> { };
    private DesktopProfile profile;
    private boolean hasPassphrase;
    private ServerSection.Change serverChange;
    private DownloadSection.Limit downloads;

    SettingsChoices(JFrame owner, Notifier notifier, BackgroundTasks tasks, StatusLine status) {
        this.owner = owner;
        this.notifier = notifier;
        this.tasks = tasks;
        this.status = status;
    }

    void onTheme(ThemeChoice current, Consumer<ThemeChoice> handler) {
        theme = current;
        onTheme = handler;
    }

    void onPreviews(boolean current, Consumer<Boolean> handler) {
        previews = current;
        notifier.showPreviews(current);
        onPreviews = handler;
    }

    void profileOpen(DesktopProfile open, boolean protectedByPassphrase) {
        profile = open;
        hasPassphrase = protectedByPassphrase;
    }

    /** Who keeps the server that Settings can change (set once the chats run). */
    void onServer(ServerSection.Change change) {
        serverChange = change;
    }

    /** Who keeps the automatic download size of files (set once the chats run). */
    void onDownloads(DownloadSection.Limit limit) {
        downloads = limit;
    }

    void show() {
        new SettingsDialog(owner, theme, choice -> {
            theme = choice;
            onTheme.accept(choice);
        }, previews, on -> {
            previews = on;
            notifier.showPreviews(on);
            onPreviews.accept(on);
        }, Optional.ofNullable(profile).map(p -> new PassphraseSection(p, hasPassphrase, tasks,
                set -> hasPassphrase = set, status::notice)), Optional.ofNullable(serverChange),
                Optional.ofNullable(downloads)).setVisible(true);
    }
}
