package parley.ui.conversation;

import java.awt.BorderLayout;
import java.awt.Cursor;
import java.awt.Dimension;
import java.awt.FlowLayout;
import java.awt.event.MouseAdapter;
import java.awt.event.MouseEvent;
import java.awt.image.BufferedImage;
import javax.swing.BorderFactory;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.ImageIcon;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JPanel;
import javax.swing.JProgressBar;
import javax.swing.SwingConstants;
import parley.chat.Attachment;
import parley.chat.Message;
import parley.chat.TransferState;
import parley.chat.FileSizes;
import parley.ui.kit.MiddleEllipsis;
import parley.ui.kit.PlainLabel;
import parley.ui.threads.Edt;
import parley.ui.threads.Failures;

/**
 * The file a message carries, inside its bubble: a picture inline (once complete, or one's own) or a card with the
 * name, size and type; under it the transfer (a progress bar, what stands, the buttons that move it on). Updated
 * in place as {@code TransferChanged} events come; on the EDT. The name is a friend's: plain text, cut in the
 * middle when long, whole in the tooltip.
 */
final class AttachmentView extends JPanel {
    /** Code points of a name a card shows before cutting it in the middle. */
    static final int NAME_SHOWN = 36;

    private final Message message;
    private final AttachmentActions actions;
    private final Runnable resized;
    private Attachment attachment;
    private TransferState builtFor;
    /** The picture could not be shown (too large, broken, not what it said): the card instead, with why. */
    private String pictureProblem;

    private final JLabel thumbnail = new PlainLabel("Loading the picture…", SwingConstants.CENTER);
    private final JLabel name = new PlainLabel();
    private final JLabel details = new PlainLabel();
    private final JLabel state = new PlainLabel();
    private final JProgressBar progress = new JProgressBar(0, 1000);
    private final JPanel buttons = new JPanel(new FlowLayout(FlowLayout.LEADING, 0, 0));

    AttachmentView(Message message, Attachment attachment, AttachmentActions actions, Runnable resized) {
        super();
        setLayout(new BoxLayout(this, BoxLayout.Y_AXIS));
        this.message = message;
        this.actions = actions;
        this.resized = resized;
        this.attachment = attachment;
        setOpaque(false);
        setName("attachment");
        thumbnail.setName("attachment.thumbnail");
        thumbnail.setPreferredSize(new Dimension(Thumbnails.BOX.width, Thumbnails.BOX.height * 2 / 3));
        thumbnail.setToolTipText(attachment.name());
        thumbnail.getAccessibleContext().setAccessibleName("Picture " + attachment.name() + ", click to view it whole");
        thumbnail.setCursor(Cursor.getPredefinedCursor(Cursor.HAND_CURSOR));
        thumbnail.addMouseListener(new MouseAdapter() {
            @Override
            public void mouseClicked(MouseEvent e) {
                if (e.getButton() == MouseEvent.BUTTON1 && thumbnail.getIcon() != null) {
                    actions.view(message.chat(), message.id(), AttachmentView.this.attachment.name(),
                            AttachmentView.this.attachment.mediaType());
                }
            }
        });
        name.setName("attachment.name");
        details.setName("attachment.details");
        state.setName("attachment.state");
        progress.setName("attachment.progress");
        buttons.setOpaque(false);
        rebuild();
    }

    Attachment attachment() {
        return attachment;
    }

    /** The transfer moved on: the bar and the line follow; a new state brings its own buttons (and maybe the picture). */
    void update(Attachment next) {
        Edt.require();
        attachment = next;
        if (next.state() != builtFor) {
            rebuild();
        } else {
            refreshProgress();
        }
    }

    private boolean showsPicture() {
        return attachment.isImage() && pictureProblem == null && (attachment.state() == TransferState.COMPLETE
                || message.outgoing() && attachment.state() != TransferState.CANCELLED);
    }

    private void rebuild() {
        builtFor = attachment.state();
        removeAll();
        if (showsPicture()) {
            thumbnail.setAlignmentX(LEFT_ALIGNMENT);
            add(thumbnail);
            loadPicture();
        } else {
            JComponent card = card();
            card.setAlignmentX(LEFT_ALIGNMENT);
            add(card);
        }
        progress.setAlignmentX(LEFT_ALIGNMENT);
        state.setAlignmentX(LEFT_ALIGNMENT);
        buttons.setAlignmentX(LEFT_ALIGNMENT);
        boolean moving = switch (attachment.state()) {
            case SENDING, DOWNLOADING, PAUSED -> true;
            default -> false;
        };
        if (moving) {
            add(Box.createVerticalStrut(4));
            add(progress);
        }
        add(Box.createVerticalStrut(2));
        add(state);
        fillButtons();
        if (buttons.getComponentCount() > 0) {
            add(Box.createVerticalStrut(4));
            add(buttons);
        }
        refreshProgress();
        revalidate();
        repaint();
        resized.run();
    }

    private JComponent card() {
        JPanel card = new JPanel(new BorderLayout(8, 0));
        card.setOpaque(false);
        card.setName("attachment.card");
        JLabel icon = new PlainLabel();
        icon.setName("attachment.icon");
        icon.setIcon(new FileTypeIcon(attachment.name(), attachment.mediaType()));
        icon.getAccessibleContext().setAccessibleName(attachment.mediaType());
        name.setText(MiddleEllipsis.cut(attachment.name(), NAME_SHOWN));
        name.setToolTipText(attachment.name());
        name.getAccessibleContext().setAccessibleName("File " + attachment.name());
        name.setFont(name.getFont().deriveFont(java.awt.Font.BOLD));
        String ext = FileTypeIcon.extension(attachment.name());
        details.setText(FileSizes.describe(attachment.size()) + (ext.isEmpty() ? "" : " · " + ext));
        JPanel words = new JPanel(new java.awt.GridLayout(0, 1, 0, 2));
        words.setOpaque(false);
        words.add(name);
        words.add(details);
        card.add(icon, BorderLayout.WEST);
        card.add(words, BorderLayout.CENTER);
        return card;
    }

    private void loadPicture() {
        actions.thumbnails.cached(message.id()).ifPresentOrElse(this::showPicture, () ->
                actions.thumbnails.load(message.chat(), message.id(), attachment.mediaType())
                        .whenComplete(Edt.guard((image, failure) -> {
                            if (failure != null) {
                                pictureProblem = "Not shown: " + Failures.message(failure);
                                rebuild();
                            } else {
                                showPicture(image);
                            }
                        })));
    }

    private void showPicture(BufferedImage image) {
        thumbnail.setText("");
        thumbnail.setIcon(new ImageIcon(image));
        thumbnail.setPreferredSize(null);
        thumbnail.setMaximumSize(new Dimension(image.getWidth(), image.getHeight()));
        revalidate();
        repaint();
        resized.run();
    }

    private void fillButtons() {
        buttons.removeAll();
        boolean own = message.outgoing();
        switch (attachment.state()) {
            case OFFERED -> button("attachment.download", "Download (" + FileSizes.describe(attachment.size()) + ")",
                    () -> actions.download(message.chat(), message.id()));
            case DOWNLOADING -> button("attachment.pause", "Pause", () -> actions.stop(message.chat(), message.id(), false));
            case PAUSED -> button("attachment.resume", "Resume", () -> actions.download(message.chat(), message.id()));
            case SENDING -> button("attachment.cancel", "Cancel", () -> actions.stop(message.chat(), message.id(), true));
            default -> { }
        }
        boolean held = attachment.state() == TransferState.COMPLETE
                || own && attachment.state() != TransferState.CANCELLED;
        if (held) {
            button("attachment.save", "Save…", () -> actions.save(message.chat(), message.id()));
            if (!showsPicture()) {
                button("attachment.open", "Open", () -> actions.open(message.chat(), message.id()));
            }
        }
    }

    private void button(String componentName, String label, Runnable action) {
        JButton b = new JButton(label);
        b.setName(componentName);
        b.putClientProperty("JButton.buttonType", "roundRect");
        b.addActionListener(e -> action.run());
        if (buttons.getComponentCount() > 0) {
            buttons.add(Box.createHorizontalStrut(6));
        }
        buttons.add(b);
    }

    private void refreshProgress() {
        progress.setValue((int) Math.round(attachment.progress() * 1000));
        String done = FileSizes.describe(Math.round(attachment.progress() * attachment.size())) + " of "
                + FileSizes.describe(attachment.size());
        String line = pictureProblem != null ? pictureProblem : stateLine(attachment, done);
        state.setText(line);
        state.setVisible(!line.isEmpty());
        progress.getAccessibleContext().setAccessibleName(line);
    }

    /** What stands, in words; the core's own words for a problem when it has them. */
    static String stateLine(Attachment a, String done) {
        return switch (a.state()) {
            case SENDING -> a.chunksHeld() == 0 ? "Waiting for them to fetch it" : "Sending: " + done;
            case DELIVERED -> "";
            case CANCELLED -> a.problem().orElse("You stopped sending this file");
            case UNSUPPORTED -> a.problem().orElse("Their Parley cannot receive files: it needs an update");
            case OFFERED -> "Larger than your automatic download size";
            case DOWNLOADING -> "Downloading: " + done;
            case PAUSED -> "Paused at " + done;
            case COMPLETE -> "";
            case FAILED -> a.problem().orElse("The file did not match what its sender announced; nothing of it was kept");
            case GONE -> a.problem().orElse("The sender no longer offers this file");
        };
    }

    /** The picture shown inline, for tests: its label, which has an icon once decoded. */
    JLabel thumbnailLabel() {
        return thumbnail;
    }
}
