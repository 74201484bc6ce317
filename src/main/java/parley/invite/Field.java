package parley.invite;

/** The fields of an invite link's fragment, with the plain words that error messages use for them. */
enum Field {
    VERSION("parley", "version"),
    INBOX("i", "inbox"),
    KEY("k", "key"),
    WEB_BROKER("b", "web broker address"),
    BROKER("m", "broker address"),
    NAME("n", "name"),
    EXPIRY("x", "expiry time");

    final String key;
    private final String words;

    Field(String key, String words) {
        this.key = key;
        this.words = words;
    }

    /** For example {@code the invite's key (k)}. */
    String label() {
        return "the invite's " + words + " (" + key + ")";
    }

    static Field byKey(String key) {
        for (Field field : values()) {
            if (field.key.equals(key)) {
                return field;
            }
        }
        return null;
    }
}
