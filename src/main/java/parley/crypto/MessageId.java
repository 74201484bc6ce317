package parley.crypto;

/** A message id: 16 CSPRNG bytes as 22 base64url characters, unique per sender; receivers de-duplicate on it. */
public record MessageId(String value) {
    public static final int BYTES = 16;

    public MessageId {
        Base64Url.decode("id", value, BYTES);
    }

    public static MessageId random() {
        return new MessageId(Base64Url.encode(Csprng.bytes(BYTES)));
    }

    @Override
    public String toString() {
        return value;
    }
}
