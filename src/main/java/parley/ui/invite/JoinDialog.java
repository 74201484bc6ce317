package parley.ui.invite;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dialog;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.UIManager;
import parley.chat.ChatBroker;
import parley.invite.Invite;
import parley.invite.qr.ScanOutcome;
import parley.ui.kit.PlainLabel;
import parley.ui.qr.InviteReading;
import parley.ui.qr.Scan;
import parley.ui.qr.ScanWays;
import parley.ui.qr.Sighting;
import parley.ui.threads.BackgroundTasks;
import parley.ui.threads.Failures;
import parley.ui.kit.EscapeCloses;
import parley.ui.threads.Edt;

/**
 * Join a friend's invite, four ways ({@link ScanWays}): scan the screen, an image file, the clipboard, or a pasted
 * link. What was found is said in one line ("no QR code found", "a QR code that is not a Parley invite", "this
 * invite expired"); valid invites go to the {@link JoinConfirmation} (the inviter's name, the broker, a warning for
 * another broker than the user's own), and only the user's Join there joins and closes the dialog.
 */
public final class JoinDialog extends JDialog {
    private static final ScanWays.Words WORDS = new ScanWays.Words("join", "an invite", "link",
            "Paste an invite link", "Join", "Join the pasted link", "Link");
    private static final String WAYS = "ways";
    private static final String CONFIRM = "confirm";

    private final JLabel result = new PlainLabel(" ");
    private final CardLayout cards = new CardLayout();
    private final JPanel steps = new JPanel(cards);
    private final JoinConfirmation confirmation;
    private final ScanWays ways;
    private final Function<Invite, CompletableFuture<Optional<String>>> reuse;

    /**
     * @param reuse why an invite cannot be joined because this profile made or already used it (the chat
     *              service's check), so that it is refused here rather than after the confirmation
     */
    public JoinDialog(JFrame owner, BackgroundTasks tasks, Clock clock, Function<Invite, ChatBroker> brokerOf,
               Function<Invite, CompletableFuture<Optional<String>>> reuse, Consumer<String> onInvite) {
        super(owner, "Join an invite", Dialog.ModalityType.MODELESS);
        setName("dialog.join");
        this.reuse = reuse;
        EscapeCloses.on(this);
        ways = new ScanWays(WORDS, tasks, new ScanWays.Listener() {
            @Override
            public void scanned(String source, Scan scan) {
                show(source, InviteReading.of(scan, clock));
            }

            @Override
            public void failed(String source, Throwable failure) {
                say(source + ": " + Failures.message(failure), true);
            }
        });
        confirmation = new JoinConfirmation(brokerOf, link -> {
            say("Joining…", false);
            onInvite.accept(link);
            dispose();
        }, () -> {
            say("Not joined", false);
            step(WAYS);
        });
        result.setName("join.result");
        result.getAccessibleContext().setAccessibleName("Result");
        JPanel waysStep = new JPanel(new BorderLayout(0, 12));
        waysStep.add(new PlainLabel("Where is your friend's invite?"), BorderLayout.NORTH);
        waysStep.add(ways, BorderLayout.CENTER);
        steps.add(waysStep, WAYS);
        steps.add(confirmation, CONFIRM);
        JPanel content = new JPanel(new BorderLayout(0, 12));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        content.add(steps, BorderLayout.CENTER);
        content.add(result, BorderLayout.SOUTH);
        setContentPane(content);
        pack();
        setLocationRelativeTo(owner);
    }

    /** Puts {@code link} in the link field, as if pasted; the user presses Join as for a pasted link. */
    public void fill(String link) {
        ways.field().setText(link);
        ways.field().setCaretPosition(0);
        say("An invite link was opened with Parley: check it is from your friend, then press Join.", false);
    }

    private void show(String source, Sighting sighting) {
        switch (sighting) {
            case Sighting.Invites(var found) -> withoutUsed(source, found);
            case Sighting.Miss(String message) -> say(source + ": " + message, true);
        }
    }

    /** Drops the invites this profile made or already used; refuses with the service's sentence if none is left. */
    private void withoutUsed(String source, List<ScanOutcome.Invited> found) {
        List<CompletableFuture<Optional<String>>> checks = found.stream().map(f -> reuse.apply(f.invite())).toList();
        CompletableFuture.allOf(checks.toArray(CompletableFuture[]::new)).whenCompleteAsync(Edt.guard((all, failure) -> {
            List<ScanOutcome.Invited> fresh = new ArrayList<>();
            Optional<String> refusal = Optional.empty();
            for (int i = 0; i < found.size(); i++) {
                // a failed check lets the invite through: the service checks again when it joins
                Optional<String> problem = checks.get(i).isCompletedExceptionally() ? Optional.empty()
                        : checks.get(i).join();
                if (problem.isPresent()) {
                    refusal = refusal.or(() -> problem);
                } else {
                    fresh.add(found.get(i));
                }
            }
            if (fresh.isEmpty()) {
                say(refusal.orElseThrow(), true);
                return;
            }
            say(source + ": " + (fresh.size() == 1 ? fresh.getFirst().message() : fresh.size() + " invites")
                    + ". Check it before you join", false);
            confirmation.show(fresh);
            step(CONFIRM);
        }), Edt.EXECUTOR);
    }

    private void step(String name) {
        cards.show(steps, name);
        pack();
        if (name.equals(CONFIRM)) {
            getRootPane().setDefaultButton(confirmation.joinButton());
            confirmation.joinButton().requestFocusInWindow();
        } else {
            getRootPane().setDefaultButton(null);
        }
    }

    private void say(String text, boolean problem) {
        result.setText(text);
        result.setForeground(problem ? UIManager.getColor("Component.error.focusedBorderColor") : UIManager.getColor("Label.foreground"));
        result.getAccessibleContext().setAccessibleDescription(text);
    }

    public String resultText() {
        return result.getText();
    }

    public JoinConfirmation confirmation() {
        return confirmation;
    }
}
