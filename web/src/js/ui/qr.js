// Invite QR codes with qrcode-generator: error correction M, a quiet zone of 4 modules, whole pixels per module.
import qrcode from '../../vendor/qrcode.js';

export function qrDataUrl(text, pixelsPerModule = 6) {
  const qr = qrcode(0, 'M');
  qr.addData(text, 'Byte');
  qr.make();
  return qr.createDataURL(pixelsPerModule, 4 * pixelsPerModule);
}
