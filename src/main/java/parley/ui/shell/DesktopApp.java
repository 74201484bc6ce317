package parley.ui.shell;

import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import javax.swing.JOptionPane;
import javax.swing.SwingUtilities;
import javax.swing.Timer;
import parley.ui.kit.Looks;
import parley.ui.kit.PlainText;
import parley.ui.profile.BrokerSettings;
import parley.ui.profile.DesktopProfile;
import parley.ui.profile.ProfileLockedException;
import parley.ui.settings.DesktopColorScheme;
import parley.ui.settings.FirstRunDefaults;
import parley.ui.settings.FirstRunDialog;
import parley.ui.settings.PassphraseDialog;
import parley.ui.settings.ThemeChoice;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;
import parley.ui.settings.ServerSection;

/**
 * The desktop app for one profile. {@link #launch} shows the window first and does the slow parts after: opening
 * the profile, the first-run questions, starting the chat service, asking the desktop for its colour scheme.
 */
public final class DesktopApp {
    private static final System.Logger LOG = System.getLogger(DesktopApp.class.getName());

    /**
     * How the app starts and ends: {@code exitWhenClosed} for the real app (tests close it themselves);
     * {@code openChat}, a chat to open once the profile is open (a name or id, as the command line takes them).
     * The two measurement exits print how long the launch took and quit: {@code exitAfterFirstPaint} once the
     * first window is painted; {@code exitAfterChatShown} this long after {@code openChat} shows its newest
     * messages and is online (the start-up benchmark's "one chat open"). {@code joinLink}: an invite link the app
     * was started with (a {@code parley:} link opened in a browser), shown in the join dialog once the chats run,
     * for the user to join as a pasted link.
     */
    public record Options(boolean exitWhenClosed, boolean exitAfterFirstPaint, Optional<Duration> exitAfterChatShown,
            Optional<String> openChat, Optional<String> joinLink, FirstRunDefaults firstRun) {
        public Options(boolean exitWhenClosed, boolean exitAfterFirstPaint) {
            this(exitWhenClosed, exitAfterFirstPaint, Optional.empty(), Optional.empty(), Optional.empty());
        }

        public Options(boolean exitWhenClosed, boolean exitAfterFirstPaint, Optional<Duration> exitAfterChatShown,
                Optional<String> openChat, Optional<String> joinLink) {
            this(exitWhenClosed, exitAfterFirstPaint, exitAfterChatShown, openChat, joinLink, FirstRunDefaults.NONE);
        }

        public Options(boolean exitWhenClosed, boolean exitAfterFirstPaint, Optional<Duration> exitAfterChatShown,
                Optional<String> openChat) {
            this(exitWhenClosed, exitAfterFirstPaint, exitAfterChatShown, openChat, Optional.empty());
        }

        @Override
        public String toString() {
            // the link holds the invite's secret
            return "Options[exitWhenClosed=" + exitWhenClosed + ", exitAfterFirstPaint=" + exitAfterFirstPaint
                    + ", exitAfterChatShown=" + exitAfterChatShown + ", openChat=" + openChat.isPresent()
                    + ", joinLink=" + joinLink.isPresent() + "]";
        }

        /**
         * {@code openChat} from the command line, the measurement exits from system properties:
         * {@code -Dparley.exitAfterFirstPaint=true}, {@code -Dparley.exitAfterChatShown=SECONDS}.
         */
        public static Options forLaunch(Optional<String> openChat, Optional<String> joinLink,
                FirstRunDefaults firstRun) {
            Optional<Duration> afterChat = Optional.ofNullable(System.getProperty("parley.exitAfterChatShown"))
                    .map(DesktopApp.Options::seconds);
            return new Options(true, Boolean.getBoolean("parley.exitAfterFirstPaint"), afterChat, openChat, joinLink,
                    firstRun);
        }

        private static Duration seconds(String value) {
            try {
                return Duration.ofSeconds(Long.parseUnsignedLong(value.strip()));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("parley.exitAfterChatShown: a number of seconds, not '" + value + "'");
            }
        }
    }

    private final DesktopProfile profile;
    private final Options options;
    private final Clock clock = Clock.systemUTC();
    private final CompletableFuture<MainWindow> shown = new CompletableFuture<>();
    private final CompletableFuture<Void> started = new CompletableFuture<>();
    private BackgroundTasks tasks;
    private MainWindow window;
    private volatile boolean closing;
    private boolean opening;

    private DesktopApp(DesktopProfile profile, Options options) {
        this.profile = profile;
        this.options = options;
    }

    /** Installs the look (once per JVM) and opens the app's window; returns at once. Call from any thread. */
    public static DesktopApp launch(DesktopProfile profile, Options options) {
        // not UIManager.getLookAndFeel(): asking it sets up Swing's default Metal look first (~70 classes at start)
        if (!Looks.installed()) {
            Looks.install(false);
        }
        DesktopApp app = new DesktopApp(profile, options);
        SwingUtilities.invokeLater(app::show);
        return app;
    }

    private void show() {
        tasks = new BackgroundTasks(title -> window.status.busy(title));
        window = new MainWindow(profile.name(), tasks, clock, this::quit);
        window.onFirstPaint(() -> {
            if (options.exitAfterFirstPaint()) {
                printSinceLaunch("first-paint-ms");
                System.exit(0);
            }
            openProfile();
        });
        // the profile opens after the first paint (disk, H2 and crypto would compete with it for the CPU), or
        // after a moment if the window system never asks for a paint
        Timer fallback = new Timer(1000, e -> openProfile());
        fallback.setRepeats(false);
        fallback.start();
        window.setVisible(true);
        shown.complete(window);
    }

    /** Prints {@code name=N}, N the milliseconds since the process started, for the start-up benchmark. */
    private static void printSinceLaunch(String name) {
        // ProcessHandle, not the management API: keeps java.management out of the image
        long ms = ProcessHandle.current().info().startInstant()
                .map(start -> java.time.Duration.between(start, java.time.Instant.now()).toMillis())
                .orElse(-1L);
        System.out.println(name + "=" + ms);
        System.out.flush();
    }

    private void openProfile() {
        if (opening || closing) {
            return;
        }
        opening = true;
        tasks.run("Opening the profile", () -> profile.open(Optional.empty()), this::opened, failure -> {
            if (failure instanceof ProfileLockedException) {
                askPassphrase();
            } else {
                fatal(failure);
            }
        });
    }

    private void opened(Optional<BrokerSettings> saved) {
        saved.ifPresentOrElse(this::start, this::firstRun);
    }

    /** A locked profile: the passphrase dialog stays up, one try after the other, until it opens or the user quits. */
    private void askPassphrase() {
        window.status.connection("Locked");
        PassphraseDialog[] dialog = new PassphraseDialog[1];
        dialog[0] = new PassphraseDialog(window, profile.name(), passphrase -> tasks.run("Unlocking the profile", () -> {
            try {
                return profile.open(Optional.of(passphrase));
            } finally {
                Arrays.fill(passphrase, '\0');
            }
        }, saved -> {
            dialog[0].dispose();
            if (!closing) {
                opened(saved);
            }
        }, failure -> {
            if (failure instanceof ProfileLockedException locked
                    && locked.reason() == ProfileLockedException.Reason.WRONG && !closing) {
                dialog[0].wrong();
            } else {
                dialog[0].dispose();
                fatal(failure);
            }
        }), this::quit);
        // shown from its own event: a modal dialog's loop then does not nest inside this task's completion
        SwingUtilities.invokeLater(() -> {
            if (!closing) {
                dialog[0].setVisible(true);
            }
        });
    }

    private void firstRun() {
        Optional<BrokerSettings> settings = new FirstRunDialog(window, options.firstRun()).ask();
        settings.ifPresentOrElse(this::start, this::quit);
    }

    private void start(BrokerSettings settings) {
        window.status.connection("Connecting…");
        tasks.run("Starting chats", () -> {
            var service = profile.start(settings);
            ThemeChoice choice = ThemeChoice.parse(profile.preference(ThemeChoice.PREFERENCE));
            Optional<Boolean> desktop = choice == ThemeChoice.SYSTEM ? DesktopColorScheme.prefersDark() : Optional.empty();
            boolean previews = profile.preference(Notifier.PREVIEW_PREFERENCE).filter("true"::equals).isPresent();
            return new Started(service, choice, choice.dark(desktop), previews, profile.hasPassphrase());
        }, s -> {
            window.onTheme(s.theme(), this::changeTheme);
            window.onPreviews(s.previews(), this::changePreviews);
            window.profileOpen(profile, s.hasPassphrase());
            window.userName(settings.displayName());
            window.onServer(new ServerChange(settings));
            Looks.switchTo(s.dark());
            window.attach(s.service());
            options.openChat().ifPresent(this::openChat);
            options.joinLink().ifPresent(window::joinLink);
            started.complete(null);
        }, this::fatal);
    }

    private void openChat(String nameOrId) {
        window.openChat(nameOrId);
        options.exitAfterChatShown().ifPresent(linger -> {
            // polled: "shown" joins three things that finish in any order (the page, the paint, the connection)
            Timer poll = new Timer(20, null);
            poll.addActionListener(e -> {
                if (window.openChatShown()) {
                    poll.stop();
                    printSinceLaunch("chat-shown-ms");
                    Timer exit = new Timer((int) linger.toMillis(), done -> quit());
                    exit.setRepeats(false);
                    exit.start();
                }
            });
            poll.start();
        });
    }

    /** Settings' Change server: saved and the chats restarted on the new server, off the event thread. */
    private final class ServerChange implements ServerSection.Change {
        private BrokerSettings current;

        ServerChange(BrokerSettings current) {
            this.current = current;
        }

        @Override
        public BrokerSettings current() {
            return current;
        }

        @Override
        public void apply(BrokerSettings next) {
            current = next;
            window.status.connection("Connecting…");
            tasks.run("Changing the server", () -> profile.restart(next), window::attach,
                    failure -> window.status.notice("The server was not changed: " + Failures.message(failure)));
        }
    }

    private record Started(parley.chat.ChatService service, ThemeChoice theme, boolean dark, boolean previews,
                           boolean hasPassphrase) {}

    private void changePreviews(boolean on) {
        tasks.run("Saving the setting", () -> {
            profile.putPreference(Notifier.PREVIEW_PREFERENCE, Boolean.toString(on));
            return on;
        }, saved -> { }, failure -> window.status.notice("Setting not saved: " + Failures.message(failure)));
    }

    private void changeTheme(ThemeChoice choice) {
        tasks.run("Applying the theme", () -> {
            profile.putPreference(ThemeChoice.PREFERENCE, choice.name());
            return choice.dark(choice == ThemeChoice.SYSTEM ? DesktopColorScheme.prefersDark() : Optional.empty());
        }, Looks::switchTo, failure -> window.status.notice("Theme not saved: " + Failures.message(failure)));
    }

    private void fatal(Throwable failure) {
        LOG.log(Level.ERROR, "the desktop app cannot go on", failure);
        started.completeExceptionally(failure);
        JOptionPane.showMessageDialog(window, PlainText.lines(Failures.message(failure)), "Parley cannot open the profile",
                JOptionPane.ERROR_MESSAGE);
        quit();
    }

    /** The user quits: the window goes at once, the profile closes in the background, then the JVM exits. */
    private void quit() {
        if (closing) {
            return;
        }
        closing = true;
        window.closeWindows();
        tasks.runQuietly(profile::close).whenComplete((ok, failure) -> {
            if (failure != null) {
                LOG.log(Level.WARNING, "closing the profile failed", failure);
            }
            if (options.exitWhenClosed()) {
                System.exit(0);
            }
        });
    }

    // ---- for tests and the launcher ----

    /** The main window once it is shown. */
    CompletableFuture<MainWindow> window() {
        return shown;
    }

    /** The background executor, so a test can hold it and see the app wait for it without blocking the EDT. */
    BackgroundTasks tasks() {
        return tasks;
    }

    /** Completes when the chat service runs and the window shows its chats. */
    CompletableFuture<Void> started() {
        return started;
    }

    /** Closes the window and the profile and waits for both. Not on the EDT. */
    void closeAndWait() throws Exception {
        Edt.forbid();
        if (tasks == null) {
            shown.get();
        }
        SwingUtilities.invokeAndWait(this::quit);
        tasks.runQuietly(() -> { }).get(); // the profile is closed once this queued no-op ran
        tasks.close();
    }

    /** As {@link #closeAndWait()}, and nothing when it was closed already. */
    void closeAndWaitIfOpen() throws Exception {
        if (!closing) {
            closeAndWait();
        }
    }
}
