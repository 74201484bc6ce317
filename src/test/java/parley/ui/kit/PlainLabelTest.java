package parley.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Component;
import java.awt.Container;
import java.util.ArrayList;
import java.util.List;
import javax.swing.JComponent;
import javax.swing.JLabel;
import javax.swing.JToolTip;
import javax.swing.plaf.basic.BasicHTML;
import org.assertj.swing.edt.GuiActionRunner;
import org.junit.jupiter.api.Test;

/** Plain labels, tooltips and option-pane messages keep a peer's markup as text (no HTML view is built). */
class PlainLabelTest {
    private static final String HOSTILE = "<html><img src=http://127.0.0.1:9/p>";

    private static boolean rendersHtml(JComponent c) {
        return c.getClientProperty(BasicHTML.propertyKey) != null;
    }

    @Test
    void aSwingLabelWouldRenderTheNameAsHtml() {
        // the control: without html.disable Swing builds an HTML view (and would fetch the image when painting)
        assertThat(GuiActionRunner.execute(() -> rendersHtml(new JLabel(HOSTILE)))).isTrue();
    }

    @Test
    void aPlainLabelKeepsTheNameAsText() {
        assertThat(GuiActionRunner.execute(() -> {
            PlainLabel label = new PlainLabel(HOSTILE);
            boolean built = rendersHtml(label);
            label.setText("<html><b>later</b>");
            label.updateUI(); // a theme switch installs the UI again
            return built || rendersHtml(label);
        })).isFalse();
        assertThat(GuiActionRunner.execute(() -> new PlainLabel(HOSTILE).getText())).isEqualTo(HOSTILE);
    }

    @Test
    void aPlainLabelsTooltipKeepsTheTextAsText() {
        assertThat(GuiActionRunner.execute(() -> {
            PlainLabel label = new PlainLabel("x");
            label.setToolTipText(HOSTILE);
            JToolTip tip = label.createToolTip();
            tip.setTipText(label.getToolTipText());
            return rendersHtml(tip);
        })).isFalse();
    }

    @Test
    void anOptionPaneMessageIsOnePlainLabelPerLine() {
        List<JLabel> labels = GuiActionRunner.execute(() -> {
            List<JLabel> found = new ArrayList<>();
            collect(PlainText.lines(HOSTILE + "\nsecond line"), found);
            return found;
        });
        assertThat(labels).extracting(JLabel::getText).containsExactly(HOSTILE, "second line");
        assertThat(labels).noneMatch(l -> GuiActionRunner.execute(() -> rendersHtml(l)));
    }

    private static void collect(Component c, List<JLabel> found) {
        if (c instanceof JLabel l) {
            found.add(l);
        }
        if (c instanceof Container container) {
            for (Component child : container.getComponents()) {
                collect(child, found);
            }
        }
    }

    /** The label painted on white at its preferred size, as ARGB pixels. */
    private static int[] painted(JLabel label, int width, int height) {
        return GuiActionRunner.execute(() -> {
            label.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 20));
            label.setForeground(java.awt.Color.BLACK);
            label.setSize(width, height);
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(width, height,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, width, height);
            label.paint(g);
            g.dispose();
            return image.getRGB(0, 0, width, height, null, 0, width);
        });
    }

    @Test
    void aNameWithEmojiDrawsThemInTheEmojiFontNotAsBoxes() {
        String name = "\uD83D\uDC4B\uD83C\uDF89"; // 👋🎉: no font of a bare Debian has them
        PlainLabel label = GuiActionRunner.execute(() -> new PlainLabel(name));
        int[] ours = painted(label, 120, 40);
        int[] swings = painted(GuiActionRunner.execute(() -> new JLabel(name)), 120, 40);
        // each emoji alone in the emoji font, drawn straight, as the reference for what the label must show
        int[] reference = GuiActionRunner.execute(() -> {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(120, 40,
                    java.awt.image.BufferedImage.TYPE_INT_ARGB);
            java.awt.Graphics2D g = image.createGraphics();
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, 120, 40);
            g.setColor(java.awt.Color.BLACK);
            g.setFont(EmojiFont.like(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 20)));
            g.drawString(name, 0, 30);
            g.dispose();
            return image.getRGB(0, 0, 120, 40, null, 0, 120);
        });
        assertThat(inked(ours)).as("the label draws something").isPositive();
        assertThat(inked(ours)).as("as much ink as the emoji font's own glyphs (within antialiasing)")
                .isBetween(inked(reference) * 7 / 10, inked(reference) * 13 / 10);
        assertThat(java.util.Arrays.equals(ours, swings)).as("not what Swing's label draws (boxes)").isFalse();
        int plainWidth = GuiActionRunner.execute(() -> {
            JLabel swing = new JLabel(name);
            swing.setFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 20));
            return swing.getPreferredSize().width;
        });
        assertThat(GuiActionRunner.execute(() -> label.getPreferredSize().width))
                .as("sized for the emoji glyphs, not the boxes").isNotEqualTo(plainWidth).isPositive();
        assertThat(label.getText()).isEqualTo(name);
    }

    private static int inked(int[] pixels) {
        int n = 0;
        for (int p : pixels) {
            if ((p & 0xFF) < 128) {
                n++;
            }
        }
        return n;
    }
}
