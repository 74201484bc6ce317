package parley.ui.invite;

import java.awt.BorderLayout;
import java.awt.CardLayout;
import java.awt.Dialog;
import java.awt.FlowLayout;
import java.awt.Toolkit;
import java.awt.datatransfer.StringSelection;
import java.awt.event.WindowAdapter;
import java.awt.event.WindowEvent;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JDialog;
import javax.swing.JFrame;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.JTextField;
import javax.swing.WindowConstants;
import parley.chat.Chat;
import parley.chat.CheckSentences;
import parley.crypto.ChatId;
import parley.chat.PendingInvite;
import parley.text.DisplayNames;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.ScreenSpace;
import parley.ui.qr.QrView;
import parley.ui.kit.EscapeCloses;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * A new invite: a large QR code, the link with a copy button, the expiry, and "waiting for your friend" until
 * the join arrives ({@link #joined()} closes it and the main window opens the chat). Until the invite is live (its
 * inbox subscribed at the broker, {@link #live()}) it shows "not live yet" in place of the code and the link: a
 * join sent before would be lost. Cancelling deletes the invite. Modeless: the rest of the app stays usable.
 */
public final class InviteDialog extends JDialog {
    private static final int QR_SIDE = 400;
    private static final int QR_MIN_SIDE = 200;

    final ChatId chat;
    public static final String WAITING = "Waiting for your friend to join…";
    static final String NOT_LIVE = "Not live yet: connecting to the server…";
    private static final String LIVE_CARD = "live";
    private static final String NOT_LIVE_CARD = "not-live";

    private final JLabel waiting = new PlainLabel(NOT_LIVE);
    private final JPanel cards = new JPanel(new CardLayout());
    private final JLabel notLive = new PlainLabel("The code and the link appear as soon as the invite is live.");
    private final JProgressBar progress = new JProgressBar();
    private final JButton cancel = new JButton("Cancel invite");
    private boolean finished;

    public InviteDialog(JFrame owner, PendingInvite invite, Runnable onCancel) {
        super(owner, "New invite", Dialog.ModalityType.MODELESS);
        this.chat = invite.chat();
        setName("dialog.invite");
        EscapeCloses.on(this);
        setDefaultCloseOperation(WindowConstants.DO_NOTHING_ON_CLOSE);
        JPanel content = new JPanel();
        content.setLayout(new BoxLayout(content, BoxLayout.Y_AXIS));
        content.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        JLabel intro = new PlainLabel("Let your friend scan this code with Parley, or send them the link.");
        intro.setAlignmentX(0.5f);
        QrView qr = new QrView(invite.link(), QR_SIDE, "invite.qr", "Invite QR code");
        qr.setAlignmentX(0.5f);
        JTextField link = new JTextField(invite.link(), 40);
        link.setEditable(false);
        link.setCaretPosition(0); // the start of the link shows: https://your.server/… is what a person checks
        link.setName("invite.link");
        link.getAccessibleContext().setAccessibleName("Invite link");
        JButton copy = new JButton("Copy link");
        copy.setName("invite.copy");
        copy.addActionListener(e -> {
            Toolkit.getDefaultToolkit().getSystemClipboard().setContents(new StringSelection(invite.link()), null);
            copy.setText("Copied");
        });
        JPanel linkRow = new JPanel(new BorderLayout(6, 0));
        linkRow.add(link, BorderLayout.CENTER);
        linkRow.add(copy, BorderLayout.EAST);
        JPanel shown = new JPanel();
        shown.setLayout(new BoxLayout(shown, BoxLayout.Y_AXIS));
        shown.add(qr);
        shown.add(Box.createVerticalStrut(12));
        shown.add(linkRow);
        notLive.setName("invite.notlive");
        notLive.setHorizontalAlignment(JLabel.CENTER);
        JPanel hidden = new JPanel(new BorderLayout());
        hidden.add(notLive, BorderLayout.CENTER);
        cards.add(shown, LIVE_CARD);
        cards.add(hidden, NOT_LIVE_CARD);
        cards.setAlignmentX(0.5f);
        JLabel expiry = new PlainLabel(expiryText(invite.expires(), Instant.now()));
        expiry.setName("invite.expiry");
        expiry.setAlignmentX(0.5f);
        waiting.setName("invite.waiting");
        waiting.setAlignmentX(0.5f);
        progress.setIndeterminate(true);
        progress.setName("invite.progress");
        progress.getAccessibleContext().setAccessibleName("Waiting");
        cancel.setName("invite.cancel");
        cancel.addActionListener(e -> cancel(onCancel));
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(cancel);
        content.add(intro);
        content.add(Box.createVerticalStrut(12));
        content.add(cards);
        content.add(Box.createVerticalStrut(8));
        content.add(expiry);
        content.add(Box.createVerticalStrut(12));
        content.add(waiting);
        content.add(Box.createVerticalStrut(4));
        content.add(progress);
        add(content, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        addWindowListener(new WindowAdapter() {
            @Override
            public void windowClosing(WindowEvent e) {
                cancel(onCancel);
            }
        });
        pack(); // the card layout sizes the dialog for the code, so it does not jump when the invite goes live
        fitQrToScreen(qr);
        setLocationRelativeTo(owner);
        if (invite.live()) {
            live();
        } else {
            ((CardLayout) cards.getLayout()).show(cards, NOT_LIVE_CARD);
        }
    }

    /** The invite inbox exists at the broker: show the code and the link. */
    public void live() {
        if (finished) {
            return;
        }
        ((CardLayout) cards.getLayout()).show(cards, LIVE_CARD);
        waiting.setText(WAITING);
        progress.getAccessibleContext().setAccessibleName(WAITING);
    }

    /** Not live yet, and the connection says why (connecting, or the server cannot be reached). */
    public void notLiveYet(String connection) {
        if (finished || waiting.getText().equals(WAITING)) {
            return;
        }
        waiting.setText(connection.startsWith("connecting") ? NOT_LIVE
                : "Not live yet: can't reach the server (" + CheckSentences.plainReason(connection) + ")");
        progress.getAccessibleContext().setAccessibleName(waiting.getText());
    }

    /**
     * On a small or highly scaled screen the code gives up height first, so that the link, the expiry and the
     * buttons stay on the screen; it still has room for modules of several device pixels each.
     */
    private void fitQrToScreen(QrView qr) {
        int excess = getHeight() - ScreenSpace.usable(getGraphicsConfiguration()).height;
        if (excess > 0) {
            qr.setSide(Math.max(QR_MIN_SIDE, qr.side() - excess));
            pack();
        }
    }

    static String expiryText(Instant expires, Instant now) {
        return "Valid " + ExpiryWords.until(expires, now, ZoneId.systemDefault());
    }

    private void cancel(Runnable onCancel) {
        if (!finished) {
            finished = true;
            onCancel.run();
        }
        dispose();
    }

    /**
     * The friend joined: the chat is ready. A friend who gave no name leaves the chat called {@link Chat#UNNAMED}:
     * the dialog then asks what to call them ({@code rename} names the chat), and closes.
     */
    public void joined(Chat snapshot, Function<String, CompletableFuture<Void>> rename) {
        finished = true;
        if (snapshot.inviter() && Chat.UNNAMED.equals(snapshot.name())) {
            askName(rename);
        } else {
            dispose();
        }
    }

    private void askName(Function<String, CompletableFuture<Void>> rename) {
        JTextField name = new JTextField(24);
        name.setName("invite.friendname");
        name.getAccessibleContext().setAccessibleName("Your friend's name");
        JLabel problem = new PlainLabel(" ");
        problem.setName("invite.friendname.problem");
        JButton ok = new JButton("Name the chat");
        ok.setName("invite.friendname.ok");
        ok.addActionListener(e -> {
            String typed = name.getText().strip();
            Optional<String> wrong = DisplayNames.problem(typed);
            if (wrong.isPresent()) {
                problem.setText(typed.isEmpty() ? "Type a name for your friend, or choose Later."
                        : "The name " + wrong.get() + ". Choose another.");
                return;
            }
            rename.apply(typed).whenCompleteAsync(Edt.guard((done, failure) -> {
                if (failure == null) {
                    dispose();
                } else {
                    problem.setText("Not named: " + Failures.message(failure));
                }
            }), Edt.EXECUTOR);
        });
        JButton later = new JButton("Later");
        later.setName("invite.friendname.later");
        later.addActionListener(e -> dispose());
        JPanel ask = new JPanel(new BorderLayout(0, 8));
        ask.setBorder(BorderFactory.createEmptyBorder(16, 16, 16, 16));
        ask.add(new PlainLabel("Your friend joined without giving a name. What do you call them?"),
                BorderLayout.NORTH);
        ask.add(name, BorderLayout.CENTER);
        ask.add(problem, BorderLayout.SOUTH);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT));
        buttons.add(later);
        buttons.add(ok);
        getContentPane().removeAll();
        add(ask, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
        setTitle("Your friend joined");
        getRootPane().setDefaultButton(ok);
        pack();
        name.requestFocusInWindow();
    }

    /** The invite went away without a join (it expired, or was deleted elsewhere). */
    public void ended(String why) {
        finished = true;
        progress.setIndeterminate(false);
        progress.setVisible(false);
        waiting.setText("This invite ended: " + why);
        cancel.setText("Close");
    }
}
