package parley.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The committed ciphertexts crypto-js 4.2.0 made ({@code cryptojs-vectors.json}) decrypt and verify in Java. */
class CryptoJsVectorsTest {
    @Test
    void everyCryptoJsVectorDecryptsAndItsMacVerifies() throws IOException, DecryptionException {
        JsonObject file;
        try (InputStream in = getClass().getResourceAsStream("vectors/cryptojs-vectors.json")) {
            assertThat(in).as("vectors/cryptojs-vectors.json on the test class path").isNotNull();
            file = JsonParser.parseString(new String(in.readAllBytes(), StandardCharsets.UTF_8)).getAsJsonObject();
        }
        assertThat(file.getAsJsonArray("vectors")).hasSizeGreaterThanOrEqualTo(6);
        for (JsonElement element : file.getAsJsonArray("vectors")) {
            JsonObject vector = element.getAsJsonObject();
            String pass = vector.get("passphrase").getAsString();
            String ct = vector.get("ct").getAsString();
            assertThat(CryptoJsAes.decrypt(ct, pass)).isEqualTo(vector.get("plaintext").getAsString());
            if (pass.matches("[A-Za-z0-9_-]{43}")) {
                assertThat(MacKey.derive(ChatKey.of(pass)).verifies(ct, vector.get("mac").getAsString())).isTrue();
            }
        }
    }
}
