package parley.app;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import parley.store.ProfileStore;

/**
 * The profile's saved broker and display name, so that only the first command needs the flags. Kept in the
 * store's settings, which are encrypted at rest like everything else when the profile has a passphrase.
 */
record SavedSettings(Optional<URI> mqtts, Optional<URI> wss, Optional<URI> web, Optional<Path> caFile,
                     Optional<String> username, Optional<String> password, Optional<String> displayName) {
    private static final String KEY = "settings";
    private static final int VERSION = 1;

    static SavedSettings load(ProfileStore store) {
        Optional<byte[]> blob = store.setting(KEY);
        if (blob.isEmpty()) {
            return new SavedSettings(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(),
                    Optional.empty(), Optional.empty(), Optional.empty());
        }
        JsonObject o = JsonParser.parseString(new String(blob.get(), StandardCharsets.UTF_8)).getAsJsonObject();
        int version = o.get("version").getAsInt();
        if (version > VERSION) {
            throw new IllegalStateException("the profile's settings were written by a newer Parley (version " + version + ")");
        }
        return new SavedSettings(str(o, "mqtts").map(URI::create), str(o, "wss").map(URI::create),
                str(o, "web").map(URI::create), str(o, "ca").map(Path::of), str(o, "username"), str(o, "password"),
                str(o, "name"));
    }

    void save(ProfileStore store) {
        JsonObject o = new JsonObject();
        o.addProperty("version", VERSION);
        mqtts.ifPresent(u -> o.addProperty("mqtts", u.toString()));
        wss.ifPresent(u -> o.addProperty("wss", u.toString()));
        web.ifPresent(u -> o.addProperty("web", u.toString()));
        caFile.ifPresent(p -> o.addProperty("ca", p.toAbsolutePath().toString()));
        username.ifPresent(u -> o.addProperty("username", u));
        password.ifPresent(p -> o.addProperty("password", p));
        displayName.ifPresent(n -> o.addProperty("name", n));
        store.putSetting(KEY, o.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> str(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? Optional.of(o.get(field).getAsString()) : Optional.empty();
    }

    @Override
    public String toString() {
        return "SavedSettings[mqtts=" + mqtts.orElse(null) + ", wss=" + wss.orElse(null) + "]";
    }
}
