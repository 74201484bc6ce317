package parley.cli;

import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What the command line asks of the profile it opens. Broker fields, when given, replace the profile's saved
 * broker and are saved for later runs.
 */
public record ProfileRequest(Optional<Path> directory, Optional<Path> passphraseFile, Optional<URI> mqtts,
                             Optional<URI> wss, Optional<URI> web, Optional<Path> caFile, Optional<String> username,
                             Optional<Path> passwordFile, Optional<String> displayName) {}
