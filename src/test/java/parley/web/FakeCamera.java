package parley.web;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferInt;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.List;
import parley.invite.qr.QrCodes;

/**
 * What Chromium's fake camera films: a Y4M file (4:2:0, grey chroma) of a QR code centred on a grey frame, its
 * quiet zone kept, at a whole number of pixels per module. Chromium reads the file when a page opens the camera,
 * so {@link #show} before each scan changes what the next scan sees.
 */
final class FakeCamera {
    static final int WIDTH = 640;
    static final int HEIGHT = 480;
    private static final int FRAMES = 3;
    private static final byte GREY = (byte) 128;
    /** The code's side (quiet zone included) stays within this share of the frame's height, like a held-up phone. */
    private static final double FILL = 0.9;

    final Path file;

    private FakeCamera(Path file) {
        this.file = file;
    }

    /** A camera filming {@code qrText}. */
    static FakeCamera showing(String qrText) throws IOException {
        FakeCamera camera = new FakeCamera(Files.createTempFile("parley-camera-", ".y4m"));
        camera.show(qrText);
        return camera;
    }

    /** A camera filming an empty grey frame: no code to find. */
    static FakeCamera empty() throws IOException {
        FakeCamera camera = new FakeCamera(Files.createTempFile("parley-camera-", ".y4m"));
        BufferedImage grey = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        int[] pixels = ((DataBufferInt) grey.getRaster().getDataBuffer()).getData();
        Arrays.fill(pixels, 0x808080);
        Files.write(camera.file, y4m(grey));
        return camera;
    }

    /** The flags that make Chromium use this file as its only camera and grant the page access without asking. */
    List<String> chromiumFlags() {
        return List.of("--use-fake-device-for-media-stream", "--use-fake-ui-for-media-stream",
                "--use-file-for-fake-video-capture=" + file);
    }

    /** From now on the camera films {@code qrText} (the file is replaced whole, so no scan sees half a frame). */
    void show(String qrText) throws IOException {
        Path next = Files.createTempFile(file.getParent(), "parley-camera-", ".y4m");
        Files.write(next, y4m(frame(qrText)));
        Files.move(next, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** The code centred on a grey frame, as large as {@link #FILL} allows at a whole number of pixels per module. */
    static BufferedImage frame(String qrText) {
        int sideInModules = QrCodes.render(qrText, 1).getWidth();
        int pixelsPerModule = (int) (HEIGHT * FILL) / sideInModules;
        if (pixelsPerModule < 2) {
            throw new IllegalArgumentException("a code of " + sideInModules + " modules does not fit a "
                    + WIDTH + "x" + HEIGHT + " frame at 2 px per module or more");
        }
        BufferedImage code = QrCodes.render(qrText, pixelsPerModule);
        BufferedImage frame = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        var g = frame.createGraphics();
        try {
            g.setColor(new Color(128, 128, 128));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            g.drawImage(code, (WIDTH - code.getWidth()) / 2, (HEIGHT - code.getHeight()) / 2, null);
        } finally {
            g.dispose();
        }
        return frame;
    }

    /** A Y4M stream of {@link #FRAMES} identical frames: luma (BT.601 weights) from the image, grey chroma. */
    static byte[] y4m(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        byte[] luma = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                int rgb = image.getRGB(x, y);
                int r = (rgb >> 16) & 0xFF;
                int g = (rgb >> 8) & 0xFF;
                int b = rgb & 0xFF;
                luma[y * w + x] = (byte) Math.round(0.299 * r + 0.587 * g + 0.114 * b);
            }
        }
        byte[] chroma = new byte[(w / 2) * (h / 2)];
        Arrays.fill(chroma, GREY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("YUV4MPEG2 W" + w + " H" + h + " F30:1 Ip A1:1 C420jpeg\n").getBytes(StandardCharsets.US_ASCII));
        for (int i = 0; i < FRAMES; i++) {
            out.writeBytes("FRAME\n".getBytes(StandardCharsets.US_ASCII));
            out.writeBytes(luma);
            out.writeBytes(chroma); // U
            out.writeBytes(chroma); // V
        }
        return out.toByteArray();
    }
}
