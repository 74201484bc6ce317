package parley.ui.conversation;

import java.awt.datatransfer.Clipboard;
import java.awt.datatransfer.DataFlavor;
import java.awt.datatransfer.Transferable;
import java.awt.event.InputEvent;
import java.io.File;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javax.swing.Icon;
import javax.swing.JComponent;
import javax.swing.TransferHandler;

/**
 * Files dropped on the conversation, and files or a picture pasted into the composer, become attachments; every
 * other transfer (text typed, copied, dragged out of a message) goes to the component's own handler. Desktops on
 * X11 hand dropped files over as a {@code text/uri-list} as well as (or instead of) a file list: both are read.
 */
final class FileTransferHandler extends TransferHandler {
    private static final DataFlavor URI_LIST = uriList();

    private final TransferHandler own;
    private final Consumer<List<Path>> onFiles;
    private final Consumer<Transferable> onPicture;

    /**
     * @param own       the component's handler for everything else, or null (a panel has none)
     * @param onFiles   files to attach, on the EDT
     * @param onPicture a pasted picture, on the EDT; its data is read by the receiver (off the EDT)
     */
    FileTransferHandler(TransferHandler own, Consumer<List<Path>> onFiles, Consumer<Transferable> onPicture) {
        this.own = own;
        this.onFiles = onFiles;
        this.onPicture = onPicture;
    }

    private static DataFlavor uriList() {
        try {
            return new DataFlavor("text/uri-list;class=java.lang.String");
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("java.lang.String is always there", e);
        }
    }

    private static boolean files(TransferSupport s) {
        return s.isDataFlavorSupported(DataFlavor.javaFileListFlavor) || s.isDataFlavorSupported(URI_LIST);
    }

    /** A picture on its own (a screenshot); one that comes with text (copied from a web page) pastes as text. */
    private static boolean picture(TransferSupport s) {
        return !s.isDrop() && s.isDataFlavorSupported(DataFlavor.imageFlavor) && !s.isDataFlavorSupported(DataFlavor.stringFlavor);
    }

    @Override
    public boolean canImport(TransferSupport support) {
        if (files(support)) {
            if (support.isDrop() && (support.getSourceDropActions() & COPY) != 0) {
                support.setDropAction(COPY);
            }
            return true;
        }
        return picture(support) || own != null && own.canImport(support);
    }

    @Override
    public boolean importData(TransferSupport support) {
        if (files(support)) {
            List<Path> paths = paths(support.getTransferable());
            if (paths.isEmpty()) {
                return false;
            }
            onFiles.accept(paths);
            return true;
        }
        if (picture(support)) {
            onPicture.accept(support.getTransferable());
            return true;
        }
        return own != null && own.importData(support);
    }

    /** The local files a transfer names; empty when it names none that can be read as paths. */
    static List<Path> paths(Transferable t) {
        List<Path> out = new ArrayList<>();
        try {
            if (t.isDataFlavorSupported(DataFlavor.javaFileListFlavor)) {
                for (Object o : (List<?>) t.getTransferData(DataFlavor.javaFileListFlavor)) {
                    if (o instanceof File f) {
                        out.add(f.toPath());
                    }
                }
            } else if (t.isDataFlavorSupported(URI_LIST)) {
                for (String line : ((String) t.getTransferData(URI_LIST)).split("\r?\n")) {
                    String l = line.strip();
                    if (l.startsWith("file:")) {
                        out.add(Path.of(URI.create(l)));
                    }
                }
            }
        } catch (java.awt.datatransfer.UnsupportedFlavorException | java.io.IOException | IllegalArgumentException e) {
            return List.of(); // the source took its data back, or named no local file
        }
        return out;
    }

    // ---- everything else is the component's own ----

    @Override
    public int getSourceActions(JComponent c) {
        return own != null ? own.getSourceActions(c) : NONE;
    }

    @Override
    public void exportAsDrag(JComponent comp, InputEvent e, int action) {
        if (own != null) {
            own.exportAsDrag(comp, e, action);
        }
    }

    @Override
    public void exportToClipboard(JComponent comp, Clipboard clip, int action) {
        if (own != null) {
            own.exportToClipboard(comp, clip, action);
        }
    }

    @Override
    public Icon getVisualRepresentation(Transferable t) {
        return own != null ? own.getVisualRepresentation(t) : null;
    }
}
