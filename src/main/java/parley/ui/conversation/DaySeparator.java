package parley.ui.conversation;

import java.awt.Color;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import javax.swing.JLabel;
import javax.swing.SwingConstants;
import javax.swing.UIManager;
import parley.ui.kit.PlainLabel;

/** "Today", "Yesterday" or the date, centred between the messages of two days. */
final class DaySeparator extends PlainLabel {
    final LocalDate day;

    DaySeparator(LocalDate day, LocalDate today) {
        super(label(day, today), SwingConstants.CENTER);
        this.day = day;
        setName("day." + day);
        setBorder(javax.swing.BorderFactory.createEmptyBorder(8, 0, 4, 0));
        applyColours();
    }

    static String label(LocalDate day, LocalDate today) {
        if (day.equals(today)) {
            return "Today";
        }
        if (day.equals(today.minusDays(1))) {
            return "Yesterday";
        }
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).format(day);
    }

    @Override
    public void updateUI() {
        super.updateUI();
        applyColours();
    }

    private void applyColours() {
        Color c = UIManager.getColor("Parley.daySeparator.foreground");
        setForeground(c != null ? c : Color.GRAY);
        if (getFont() != null) {
            setFont(getFont().deriveFont(java.awt.Font.BOLD, getFont().getSize2D() * 0.9f));
        }
    }
}
