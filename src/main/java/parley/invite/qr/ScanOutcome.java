package parley.invite.qr;

import parley.invite.Invite;
import parley.invite.InviteException;

/** What scanning an image for an invite came to; {@link #message()} says it to the user. */
public sealed interface ScanOutcome
        permits ScanOutcome.Invited, ScanOutcome.NoQrCode, ScanOutcome.NotParley, ScanOutcome.BadInvite {

    /** One line for the user. */
    String message();

    /** A valid, unexpired invite; {@code link} is the text the code held. */
    record Invited(Invite invite, String link) implements ScanOutcome {
        @Override
        public String message() {
            return invite.name().map(name -> "an invite from " + name).orElse("a Parley invite");
        }

        /** The link holds the key: never shown. */
        @Override
        public String toString() {
            return "Invited[" + invite + ", link=***]";
        }
    }

    /** No readable QR code in the image. */
    record NoQrCode() implements ScanOutcome {
        @Override
        public String message() {
            return "no QR code found";
        }
    }

    /** Only codes that are not Parley invites; {@code text} is the first one. */
    record NotParley(String text) implements ScanOutcome {
        @Override
        public String message() {
            return "a QR code that is not a Parley invite";
        }

        /** The text may be anything, a Wi-Fi password too: only its length is shown. */
        @Override
        public String toString() {
            return "NotParley[" + text.length() + " characters]";
        }
    }

    /** A Parley invite that cannot be used, for example an expired one. */
    record BadInvite(InviteException error) implements ScanOutcome {
        @Override
        public String message() {
            return error.getMessage();
        }

        public InviteException.Problem problem() {
            return error.problem();
        }
    }
}
