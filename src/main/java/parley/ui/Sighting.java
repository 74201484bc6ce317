package parley.ui;

import parley.invite.qr.ScanOutcome;

/** What one way of joining found read as an invite ({@link InviteReading}), and whether it came from a picture or from text (the message differs). */
record Sighting(ScanOutcome outcome, boolean fromText) {

    /** One line for the user: the scan outcome's words, for text "not a Parley invite link". */
    String message() {
        return fromText && outcome instanceof ScanOutcome.NotParley ? "this is not a Parley invite link" : outcome.message();
    }
}
