package parley.ui.invite;

import java.awt.BorderLayout;
import java.awt.Component;
import java.awt.FlowLayout;
import java.awt.Font;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import javax.swing.Box;
import javax.swing.BoxLayout;
import javax.swing.JButton;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JList;
import javax.swing.BorderFactory;
import javax.swing.ListCellRenderer;
import javax.swing.JToolTip;
import javax.swing.JPanel;
import javax.swing.JScrollPane;
import javax.swing.JTextArea;
import javax.swing.ListSelectionModel;
import parley.chat.ChatBroker;
import parley.invite.Invite;
import parley.invite.qr.ScanOutcome;
import parley.ui.kit.PlainLabel;
import parley.ui.kit.PlainText;
import parley.ui.kit.WarningText;
import parley.ui.threads.Edt;

/**
 * The step before a join: who the invite says it is from, which broker the chat would live on, and, when that is
 * not the user's own broker, a plain warning that no login goes there. Several invites found at once are listed
 * for the user to pick one. Nothing is sent until the user presses Join.
 */
public final class JoinConfirmation extends JPanel {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
            .withZone(ZoneId.systemDefault());

    private final Function<Invite, ChatBroker> brokerOf;
    private final JLabel heading = new PlainLabel();
    private final JList<ScanOutcome.Invited> choices = new JList<>() {
        @Override
        public JToolTip createToolTip() {
            return PlainText.tip(super.createToolTip()); // rows hold names from invites
        }
    };
    private final JScrollPane choicesPane = new JScrollPane(choices);
    private final JLabel from = new PlainLabel();
    private final JLabel broker = new PlainLabel();
    private final JLabel expires = new PlainLabel();
    private final JTextArea warning = new JTextArea(4, 36);
    private final JButton join = new JButton("Join");

    /** {@code onJoin} gets the chosen invite's link; {@code onBack} returns to the ways of finding one. */
    JoinConfirmation(Function<Invite, ChatBroker> brokerOf, Consumer<String> onJoin, Runnable onBack) {
        this.brokerOf = brokerOf;
        setLayout(new BorderLayout(0, 12));
        heading.setName("join.confirm.heading");
        heading.setFont(heading.getFont().deriveFont(Font.BOLD, heading.getFont().getSize2D() * 1.15f));
        choices.setName("join.confirm.choices");
        choices.getAccessibleContext().setAccessibleName("Invites found");
        choices.setSelectionMode(ListSelectionModel.SINGLE_SELECTION);
        choices.setVisibleRowCount(4);
        choices.setCellRenderer(new ChoiceRenderer());
        choices.addListSelectionListener(e -> showSelected());
        from.setName("join.confirm.from");
        broker.setName("join.confirm.broker");
        expires.setName("join.confirm.expires");
        warning.setName("join.confirm.warning");
        warning.setEditable(false);
        warning.setLineWrap(true);
        warning.setWrapStyleWord(true);
        warning.getAccessibleContext().setAccessibleName("Warning: another broker");
        join.setName("join.confirm.ok");
        join.setToolTipText("Send the join to this invite");
        join.addActionListener(e -> {
            ScanOutcome.Invited chosen = choices.getSelectedValue();
            if (chosen != null) {
                onJoin.accept(chosen.link());
            }
        });
        JButton back = new JButton("Back");
        back.setName("join.confirm.back");
        back.setToolTipText("Do not join; look for another invite");
        back.addActionListener(e -> onBack.run());

        JPanel details = new JPanel();
        details.setLayout(new BoxLayout(details, BoxLayout.Y_AXIS));
        for (JComponent c : List.of(from, broker, expires)) {
            details.add(left(c));
            details.add(Box.createVerticalStrut(6));
        }
        details.add(left(warning));
        JPanel middle = new JPanel(new BorderLayout(0, 12));
        middle.add(choicesPane, BorderLayout.NORTH);
        middle.add(details, BorderLayout.CENTER);
        JPanel buttons = new JPanel(new FlowLayout(FlowLayout.RIGHT, 8, 0));
        buttons.add(back);
        buttons.add(join);
        add(heading, BorderLayout.NORTH);
        add(middle, BorderLayout.CENTER);
        add(buttons, BorderLayout.SOUTH);
    }

    /** Shows {@code invites} (one or more), the first selected. */
    void show(List<ScanOutcome.Invited> invites) {
        Edt.require();
        heading.setText(invites.size() == 1 ? "Join this invite?"
                : "This holds " + invites.size() + " invites: pick the one your friend showed you");
        choices.setListData(invites.toArray(ScanOutcome.Invited[]::new));
        choicesPane.setVisible(invites.size() > 1);
        choices.setSelectedIndex(0);
        showSelected();
    }

    JButton joinButton() {
        return join;
    }

    private void showSelected() {
        ScanOutcome.Invited chosen = choices.getSelectedValue();
        join.setEnabled(chosen != null);
        if (chosen == null) {
            return;
        }
        Invite invite = chosen.invite();
        ChatBroker place = brokerOf.apply(invite);
        from.setText("From: " + inviter(invite));
        broker.setText("Broker: " + place.describe());
        expires.setText("Invite valid until " + WHEN.format(invite.expires()));
        warning.setVisible(!place.own());
        if (!place.own()) {
            warning.setText("This invite is on another broker than yours: " + place.address() + ". Parley will not "
                    + "send your broker login to it, and trusts it only if this computer's system certificates "
                    + "vouch for it. That broker learns your IP address and when you are online. Join only if you "
                    + "expect your friend to use it.");
            WarningText.style(warning);
        }
        revalidate();
        repaint();
    }

    public String fromText() {
        return from.getText();
    }

    public String brokerText() {
        return broker.getText();
    }

    public String warningText() {
        return warning.isVisible() ? warning.getText() : "";
    }

    public int choiceCount() {
        return choices.getModel().getSize();
    }

    private static String inviter(Invite invite) {
        return invite.name().orElse("(the invite gives no name)");
    }

    private static <C extends JComponent> C left(C c) {
        c.setAlignmentX(LEFT_ALIGNMENT);
        return c;
    }

    /** One row per invite: the name it gives and its broker. */
    private final class ChoiceRenderer implements ListCellRenderer<ScanOutcome.Invited> {
        private final PlainLabel row = new PlainLabel();

        ChoiceRenderer() {
            row.setOpaque(true);
            row.setBorder(BorderFactory.createEmptyBorder(2, 6, 2, 6));
        }

        @Override
        public Component getListCellRendererComponent(JList<? extends ScanOutcome.Invited> list,
                                                      ScanOutcome.Invited invited, int index, boolean selected,
                                                      boolean focused) {
            row.setText(inviter(invited.invite()) + " — " + brokerOf.apply(invited.invite()).describe());
            row.setBackground(selected ? list.getSelectionBackground() : list.getBackground());
            row.setForeground(selected ? list.getSelectionForeground() : list.getForeground());
            return row;
        }
    }
}
