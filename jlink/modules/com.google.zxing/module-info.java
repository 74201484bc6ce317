/*
 * Module descriptor for ZXing core 3.5.4, an automatic module that jlink does not accept; moditect adds this at
 * build time. Exports every package, as the automatic module did. No dependencies beyond java.base.
 */
module com.google.zxing {
    exports com.google.zxing;
    exports com.google.zxing.aztec;
    exports com.google.zxing.aztec.decoder;
    exports com.google.zxing.aztec.detector;
    exports com.google.zxing.aztec.encoder;
    exports com.google.zxing.client.result;
    exports com.google.zxing.common;
    exports com.google.zxing.common.detector;
    exports com.google.zxing.common.reedsolomon;
    exports com.google.zxing.datamatrix;
    exports com.google.zxing.datamatrix.decoder;
    exports com.google.zxing.datamatrix.detector;
    exports com.google.zxing.datamatrix.encoder;
    exports com.google.zxing.maxicode;
    exports com.google.zxing.maxicode.decoder;
    exports com.google.zxing.multi;
    exports com.google.zxing.multi.qrcode;
    exports com.google.zxing.multi.qrcode.detector;
    exports com.google.zxing.oned;
    exports com.google.zxing.oned.rss;
    exports com.google.zxing.oned.rss.expanded;
    exports com.google.zxing.oned.rss.expanded.decoders;
    exports com.google.zxing.pdf417;
    exports com.google.zxing.pdf417.decoder;
    exports com.google.zxing.pdf417.decoder.ec;
    exports com.google.zxing.pdf417.detector;
    exports com.google.zxing.pdf417.encoder;
    exports com.google.zxing.qrcode;
    exports com.google.zxing.qrcode.decoder;
    exports com.google.zxing.qrcode.detector;
    exports com.google.zxing.qrcode.encoder;
}
