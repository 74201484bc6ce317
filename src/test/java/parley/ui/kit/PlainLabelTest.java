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
}
