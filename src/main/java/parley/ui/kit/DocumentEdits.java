package parley.ui.kit;

import javax.swing.event.DocumentEvent;
import javax.swing.event.DocumentListener;
import javax.swing.text.Document;

/** Runs one action on every edit of a text document: Swing's listener splits edits into three callbacks. */
public final class DocumentEdits {
    private DocumentEdits() {}

    public static void onAnyEdit(Document document, Runnable action) {
        document.addDocumentListener(new DocumentListener() {
            @Override
            public void insertUpdate(DocumentEvent e) {
                action.run();
            }

            @Override
            public void removeUpdate(DocumentEvent e) {
                action.run();
            }

            @Override
            public void changedUpdate(DocumentEvent e) {
                action.run();
            }
        });
    }
}
