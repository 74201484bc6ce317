package parley.ui.kit;

import parley.chat.Attachment;
import parley.chat.Message;

/**
 * A message in one line where there is no room for what it carries (the chat list, a notification): a picture
 * is "Photo", another file its name, text its text. A file's message text is the fallback written for older
 * versions, never shown by this one (docs/protocol.md section 9.3).
 */
public final class MessagePreview {
    public static final String PHOTO = "Photo";

    private MessagePreview() {}

    public static String of(Message m) {
        return m.attachment().map(MessagePreview::of).orElse(m.text());
    }

    public static String of(Attachment a) {
        return a.isImage() ? PHOTO : a.name();
    }
}
