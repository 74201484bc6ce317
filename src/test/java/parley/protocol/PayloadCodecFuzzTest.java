package parley.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static parley.protocol.Payloads.KEY;
import static parley.protocol.Payloads.ME;

import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import parley.crypto.MessageId;

/**
 * 10,000 random and mutated payloads: {@link PayloadCodec#open} answers every one and never throws. Mutations of
 * plaintexts are sealed under the right key, so they reach the field checks behind the MAC.
 */
class PayloadCodecFuzzTest {
    private static final String[] FRAGMENTS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "\\u", "\\ud83d", "null",
        "true", "-", "0", "1e999", "99999999999999999999", "1.5", "\"t\"", "\"msg\"", "\"ack\"", "\"join\"", "\"id\"",
        "\"to\"", "\"ids\"", "\"seq\"", "\"epk\"", "\"name\"", "\u0000", "\u00e9", "😀", " ", "\n"};

    @Test
    void openNeverThrows() {
        long seed = new Random().nextLong();
        Random random = new Random(seed);
        List<byte[]> valid = PayloadCodecTest.everyType().stream().map(p -> PayloadCodec.seal(p, KEY)).toList();
        List<String> plaintexts = List.of(Payloads.msgJson(MessageId.random(), "hello"),
                "{\"t\":\"ack\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + ME.value()
                        + "\",\"ts\":1,\"ids\":[\"" + MessageId.random().value() + "\"]}",
                "{\"t\":\"join\",\"id\":\"" + MessageId.random().value() + "\",\"to\":\"" + ME.value()
                        + "\",\"seq\":1,\"ts\":1,\"inbox\":\"" + Payloads.PEER.value() + "\",\"epk\":\""
                        + Payloads.EPK.encoded() + "\",\"name\":\"n\"}");
        Set<DropReason> seen = EnumSet.noneOf(DropReason.class);
        int accepted = 0;
        for (int i = 0; i < 10_000; i++) {
            byte[] payload = switch (i % 4) {
                case 0 -> randomBytes(random);
                case 1 -> mutateBytes(valid.get(random.nextInt(valid.size())), random);
                case 2 -> Payloads.sealedJson(sendable(mutateText(plaintexts.get(random.nextInt(plaintexts.size())),
                        random)), KEY);
                default -> mutateText(new String(valid.get(random.nextInt(valid.size())), StandardCharsets.UTF_8),
                        random).getBytes(StandardCharsets.UTF_8);
            };
            Opened opened;
            try {
                opened = PayloadCodec.open(payload, List.of(KEY), ME);
            } catch (RuntimeException | Error e) {
                throw new AssertionError("open threw on case " + i + " with seed " + seed, e);
            }
            assertThat(opened).as("case %d, seed %d", i, seed).isNotNull();
            switch (opened) {
                case Opened.Accepted a -> accepted++;
                case Opened.Rejected r -> seen.add(r.reason());
            }
        }
        // the mutations reach past the MAC into the plaintext checks, not only the envelope
        assertThat(seen).as("seed %d", seed).contains(DropReason.NOT_JSON, DropReason.BAD_MAC,
                DropReason.NOT_OBJECT, DropReason.MALFORMED);
        assertThat(accepted).as("seed %d", seed).isPositive();
    }

    /** A mutation may split a surrogate pair, which no sender can encrypt; '?' stands in for it. */
    private static String sendable(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static byte[] randomBytes(Random random) {
        byte[] bytes = new byte[random.nextInt(300)];
        random.nextBytes(bytes);
        return bytes;
    }

    private static byte[] mutateBytes(byte[] original, Random random) {
        byte[] bytes = original.clone();
        int flips = 1 + random.nextInt(4);
        for (int i = 0; i < flips; i++) {
            bytes[random.nextInt(bytes.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return random.nextInt(5) == 0 ? java.util.Arrays.copyOf(bytes, random.nextInt(bytes.length)) : bytes;
    }

    private static String mutateText(String original, Random random) {
        StringBuilder text = new StringBuilder(original);
        int edits = 1 + random.nextInt(3);
        for (int i = 0; i < edits && !text.isEmpty(); i++) {
            int at = random.nextInt(text.length());
            switch (random.nextInt(3)) {
                case 0 -> text.deleteCharAt(at);
                case 1 -> text.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                default -> text.replace(at, Math.min(text.length(), at + 1 + random.nextInt(8)),
                        FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
            }
        }
        return text.toString();
    }
}
