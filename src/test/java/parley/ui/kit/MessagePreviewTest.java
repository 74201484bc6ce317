package parley.ui.kit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.chat.Attachment;
import parley.chat.Delivery;
import parley.chat.Message;
import parley.chat.TransferState;
import parley.crypto.ChatId;
import parley.crypto.MessageId;

class MessagePreviewTest {
    private static Message message(String text, Optional<Attachment> file) {
        return new Message(ChatId.random(), MessageId.random(), false, text, Instant.EPOCH, Delivery.RECEIVED, 1, file);
    }

    private static Attachment file(String name, String type) {
        return new Attachment(name, 1000, type, TransferState.COMPLETE, 1, 1, Optional.empty());
    }

    @Test
    void aPictureIsAPhotoAnotherFileItsNameAndTextItself() {
        String fallback = "[file] x (1 KB). Your Parley cannot receive files; update it to get this one.";
        assertThat(MessagePreview.of(message(fallback, Optional.of(file("beach.jpg", "image/jpeg"))))).isEqualTo("Photo");
        assertThat(MessagePreview.of(message(fallback, Optional.of(file("notes.pdf", "application/pdf")))))
                .isEqualTo("notes.pdf");
        assertThat(MessagePreview.of(message(fallback, Optional.of(file("icon.svg", "image/svg+xml")))))
                .as("not a picture Parley shows inline").isEqualTo("icon.svg");
        assertThat(MessagePreview.of(message("hello", Optional.empty()))).isEqualTo("hello");
    }
}
