package parley.protocol;

/** What {@link EnvelopeReader} made of a payload's outer JSON: an {@link Envelope}, or why it was refused. */
sealed interface EnvelopeRead permits Envelope, EnvelopeRead.Refused {
    record Refused(DropReason reason, String detail) implements EnvelopeRead {}
}
