package parley.ui.kit;

import javax.swing.text.AbstractDocument;
import javax.swing.text.BoxView;
import javax.swing.text.ComponentView;
import javax.swing.text.Element;
import javax.swing.text.IconView;
import javax.swing.text.LabelView;
import javax.swing.text.ParagraphView;
import javax.swing.text.StyleConstants;
import javax.swing.text.StyledEditorKit;
import javax.swing.text.View;
import javax.swing.text.ViewFactory;

/**
 * A styled editor kit whose lines break inside a word when the word alone is wider than the line (a long URL, a
 * 77-letter word, a row of emoji). Swing's own views break only between words and let a longer word run past
 * the right edge, where the bubble clips it: their minimum width is the widest word's, so a row never breaks it.
 */
public final class WrapAnywhereKit extends StyledEditorKit {
    private static final ViewFactory FACTORY = element -> switch (kind(element)) {
        case AbstractDocument.ContentElementName -> new WrappingLabelView(element);
        case AbstractDocument.ParagraphElementName -> new ParagraphView(element);
        case AbstractDocument.SectionElementName -> new BoxView(element, View.Y_AXIS);
        case StyleConstants.ComponentElementName -> new ComponentView(element);
        case StyleConstants.IconElementName -> new IconView(element);
        default -> new LabelView(element);
    };

    @Override
    public ViewFactory getViewFactory() {
        return FACTORY;
    }

    private static String kind(Element element) {
        String name = element.getName();
        return name == null ? AbstractDocument.ContentElementName : name;
    }

    /** A run of text that may be cut anywhere: no minimum width, so the paragraph breaks it at the line's end. */
    private static final class WrappingLabelView extends LabelView {
        WrappingLabelView(Element element) {
            super(element);
        }

        @Override
        public float getMinimumSpan(int axis) {
            return axis == View.X_AXIS ? 0 : super.getMinimumSpan(axis);
        }
    }
}
