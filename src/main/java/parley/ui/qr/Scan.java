package parley.ui.qr;

import java.util.List;
import parley.invite.qr.QrScan;

/**
 * What one way of scanning saw, before anyone interprets it: the texts of the QR codes in a picture (reading
 * order; none when there was no readable code), or the one text the user typed or pasted. {@link InviteReading}
 * and {@link SafetyReading} say what it means.
 *
 * @param fromText whether the text was typed or pasted rather than read from a picture (messages differ)
 */
public record Scan(List<String> texts, boolean fromText) {

    public Scan {
        texts = List.copyOf(texts);
    }

    static Scan picture(QrScan scan) {
        return new Scan(switch (scan) {
            case QrScan.NotFound() -> List.of();
            case QrScan.Found(var texts) -> texts;
        }, false);
    }

    static Scan typed(String text) {
        return new Scan(List.of(text.strip()), true);
    }

    /** An invite link holds its chat key: only the count is shown. */
    @Override
    public String toString() {
        return "Scan[" + texts.size() + (fromText ? " typed" : " in a picture") + "]";
    }
}
