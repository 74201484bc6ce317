package parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static parley.protocol.Payloads.EPK;
import static parley.protocol.Payloads.ME;
import static parley.protocol.Payloads.PEER;
import static parley.protocol.Payloads.TS;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import parley.crypto.MessageId;

class PlaintextRecordsTest {
    private static final MessageId ID = MessageId.random();

    @Test
    void msgTakesExactlyTheMaximumText() {
        assertThat(new Msg(ID, ME, 1, TS, "x".repeat(Msg.MAX_TEXT_BYTES)).text()).hasSize(Msg.MAX_TEXT_BYTES);
    }

    @Test
    void msgCountsTextInUtf8Bytes() {
        String emoji = "😀".repeat(Msg.MAX_TEXT_BYTES / 4);
        assertThat(new Msg(ID, ME, 1, TS, emoji).text()).isEqualTo(emoji);
        assertThatThrownBy(() -> new Msg(ID, ME, 1, TS, emoji + "x")).hasMessageContaining("16385");
    }

    @Test
    void msgRefusesOneByteTooMany() {
        assertThatThrownBy(() -> new Msg(ID, ME, 1, TS, "x".repeat(Msg.MAX_TEXT_BYTES + 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("text");
    }

    @Test
    void msgRefusesEmptyText() {
        assertThatThrownBy(() -> new Msg(ID, ME, 1, TS, "")).hasMessageContaining("text");
    }

    @Test
    void msgRefusesALoneSurrogate() {
        assertThatThrownBy(() -> new Msg(ID, ME, 1, TS, "a\uD800")).hasMessageContaining("text is not valid Unicode");
    }

    @Test
    void msgRefusesSeqZero() {
        assertThatThrownBy(() -> new Msg(ID, ME, 0, TS, "x")).hasMessageContaining("seq");
    }

    @Test
    void msgRefusesASeqJavaScriptCannotHold() {
        assertThatThrownBy(() -> new Msg(ID, ME, Plaintext.MAX_SAFE_INTEGER + 1, TS, "x")).hasMessageContaining("seq");
    }

    @Test
    void msgRefusesANegativeTimestamp() {
        assertThatThrownBy(() -> new Msg(ID, ME, 1, -1, "x")).hasMessageContaining("ts");
    }

    @Test
    void msgRefusesAMissingRecipient() {
        assertThatThrownBy(() -> new Msg(ID, null, 1, TS, "x")).hasMessageContaining("to");
    }

    @Test
    void msgToStringHidesTheText() {
        assertThat(new Msg(ID, ME, 1, TS, "top secret").toString()).doesNotContain("top secret").contains("10 bytes");
    }

    @Test
    void ackRefusesNoIds() {
        assertThatThrownBy(() -> new Ack(ID, ME, TS, List.of())).hasMessageContaining("ids");
    }

    @Test
    void ackRefusesTooManyIds() {
        List<MessageId> ids = new ArrayList<>(Collections.nCopies(Ack.MAX_IDS + 1, ID));
        assertThatThrownBy(() -> new Ack(ID, ME, TS, ids)).hasMessageContaining("ids");
    }

    @Test
    void ackKeepsAnImmutableCopy() {
        List<MessageId> ids = new ArrayList<>(List.of(ID));
        Ack ack = new Ack(ID, ME, TS, ids);
        ids.add(MessageId.random());
        assertThat(ack.ids()).containsExactly(ID);
    }

    @Test
    void joinRefusesAnEmptyName() {
        assertThatThrownBy(() -> new Join(ID, ME, 1, TS, PEER, EPK, Optional.of(""))).hasMessageContaining("name");
    }

    @Test
    void joinTakesA64CharacterName() {
        assertThat(new Join(ID, ME, 1, TS, PEER, EPK, Optional.of("n".repeat(64))).name()).isPresent();
    }

    @Test
    void welcomeRefusesA65CharacterName() {
        assertThatThrownBy(() -> new Welcome(ID, ME, 1, TS, PEER, EPK, Optional.of("n".repeat(65))))
                .hasMessageContaining("name");
    }

    @Test
    void joinToStringHidesTheName() {
        assertThat(new Join(ID, ME, 1, TS, PEER, EPK, Optional.of("Alice")).toString()).doesNotContain("Alice");
    }

    @Test
    void rekeyRefusesEpochZero() {
        assertThatThrownBy(() -> new Rekey(ID, ME, 1, TS, 0, EPK)).hasMessageContaining("epoch");
    }

    @Test
    void rekeyOkRefusesAMissingEpk() {
        assertThatThrownBy(() -> new RekeyOk(ID, ME, 1, TS, 1, null)).hasMessageContaining("epk");
    }

    @Test
    void typesAreTheWireNames() {
        assertThat(List.of(Payloads.join(), Payloads.welcome(), Payloads.msg("x"), Payloads.ack(), Payloads.rekey(),
                Payloads.rekeyOk())).extracting(Plaintext::type)
                .containsExactly("join", "welcome", "msg", "ack", "rekey", "rekey-ok");
    }

    @Test
    void dropReasonLabelsAreShortLowercaseAndDistinct() {
        assertThat(DropReason.values()).extracting(DropReason::label)
                .allMatch(label -> label.matches("[a-z0-9-]{3,16}"))
                .doesNotHaveDuplicates();
    }
}
