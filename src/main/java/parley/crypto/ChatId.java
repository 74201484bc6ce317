package parley.crypto;

/** The local name of a chat in this profile: random, never sent over the wire, safe to print. */
public record ChatId(String value) {
    public ChatId {
        Base64Url.decode("chat id", value, 9);
    }

    public static ChatId random() {
        return new ChatId(Base64Url.encode(Csprng.bytes(9)));
    }

    @Override
    public String toString() {
        return value;
    }
}
