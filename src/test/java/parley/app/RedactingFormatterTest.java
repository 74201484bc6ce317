package parley.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.logging.Level;
import java.util.logging.LogRecord;
import org.junit.jupiter.api.Test;
import parley.crypto.InboxId;

class RedactingFormatterTest {
    private static final String INBOX = "LlDePBOwsMe3HboQJCS_Q0t4paOaFm-bdOFCYqztFLc";

    @Test
    void aFullInboxIdInAPahoRecordIsCutToItsAbbreviation() {
        LogRecord record = new LogRecord(Level.FINE, INBOX + ": <init> ClientID=" + INBOX);
        record.setLoggerName("org.eclipse.paho.client.mqttv3.MqttAsyncClient");
        String line = new RedactingFormatter().format(record);
        assertThat(line).doesNotContain(INBOX).doesNotContain(INBOX.substring(6))
                .contains(new InboxId(INBOX).abbreviated() + ": <init> ClientID=" + new InboxId(INBOX).abbreviated());
    }

    @Test
    void tokensInsideTopicsAndUrlsAreCutToo() {
        assertThat(RedactingFormatter.redact("publish to /chats/" + INBOX + "/messages"))
                .isEqualTo("publish to /chats/LlDePB…/messages");
        assertThat(RedactingFormatter.redact("k=" + INBOX + "&n=Alice")).isEqualTo("k=LlDePB…&n=Alice");
    }

    @Test
    void shorterAndLongerWordsAreLeftAlone() {
        String shorter = INBOX.substring(1);
        String longer = INBOX + "x";
        assertThat(RedactingFormatter.redact("id " + shorter + " and " + longer)).isEqualTo("id " + shorter + " and " + longer);
    }
}
