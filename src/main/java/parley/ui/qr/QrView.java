package parley.ui.qr;

import java.awt.Dimension;
import java.awt.Graphics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.image.BufferedImage;
import javax.swing.JPanel;
import parley.invite.qr.QrCodes;

/**
 * A QR code drawn at a whole number of <em>device</em> pixels per module, whatever the HiDPI scale, so that no
 * module is smeared (scanners fail on 1.5-2.6 px per module with fractional scaling). The image is drawn 1:1 in
 * device space, centred.
 */
public final class QrView extends JPanel {
    private final String text;
    private final int modules;
    private int logicalSide;
    private BufferedImage image;

    /** {@code name} is the component's name, {@code spoken} what a screen reader says for it. */
    public QrView(String text, int logicalSide, String name, String spoken) {
        this.text = text;
        this.modules = QrCodes.encode(text).getWidth();
        this.logicalSide = logicalSide;
        setName(name);
        getAccessibleContext().setAccessibleName(spoken);
    }

    @Override
    public Dimension getPreferredSize() {
        return new Dimension(logicalSide, logicalSide);
    }

    public int side() {
        return logicalSide;
    }

    /** A smaller (or larger) code: the modules stay whole device pixels, fewer of them each. */
    public void setSide(int logical) {
        logicalSide = logical;
        revalidate();
        repaint();
    }

    /** Pixels per module that fit the component on a device with {@code scale} pixels per logical pixel. */
    int pixelsPerModule(double scale) {
        int devicePx = (int) Math.floor(Math.min(getWidth(), getHeight()) * scale);
        return Math.max(1, devicePx / modules);
    }

    @Override
    protected void paintComponent(Graphics g) {
        Graphics2D g2 = (Graphics2D) g.create();
        try {
            AffineTransform t = g2.getTransform();
            double scale = t.getScaleX();
            int ppm = pixelsPerModule(scale);
            if (image == null || image.getWidth() != ppm * modules) {
                image = QrCodes.render(text, ppm);
            }
            double deviceW = getWidth() * scale;
            double deviceH = getHeight() * scale;
            long x = Math.round(t.getTranslateX() + (deviceW - image.getWidth()) / 2);
            long y = Math.round(t.getTranslateY() + (deviceH - image.getHeight()) / 2);
            g2.setTransform(AffineTransform.getTranslateInstance(x, y));
            g2.drawImage(image, 0, 0, null);
        } finally {
            g2.dispose();
        }
    }
}
