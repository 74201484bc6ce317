// Reads a QR code (an invite, or a friend's safety code) from the camera: getUserMedia, frames drawn to a canvas, decoded by jsQR (a global from
// vendor/jsQR.js). Stops the camera as soon as a code is read or the user stops it.
export class QrScanner {
  /** `fallback`: what the user can do without a camera, e.g. 'paste the link instead'. */
  constructor(video, onText, onError, fallback = 'paste the link instead') {
    this.fallback = fallback;
    this.video = video;
    this.onText = onText;
    this.onError = onError;
    this.stream = null;
    this.canvas = document.createElement('canvas');
    this.frame = 0;
  }

  async start() {
    if (!navigator.mediaDevices?.getUserMedia) {
      this.onError(`this browser gives the page no camera; ${this.fallback}`);
      return false;
    }
    try {
      this.stream = await navigator.mediaDevices.getUserMedia({ video: { facingMode: 'environment' }, audio: false });
    } catch (e) {
      this.onError(e.name === 'NotAllowedError' ? `camera access was refused; ${this.fallback}`
        : `no camera could be opened; ${this.fallback}`);
      return false;
    }
    this.video.srcObject = this.stream;
    await this.video.play().catch(() => {});
    this.tick();
    return true;
  }

  tick() {
    if (!this.stream) return;
    const { videoWidth: w, videoHeight: h } = this.video;
    if (w > 0 && h > 0) {
      this.canvas.width = w;
      this.canvas.height = h;
      const ctx = this.canvas.getContext('2d', { willReadFrequently: true });
      ctx.drawImage(this.video, 0, 0, w, h);
      const code = globalThis.jsQR(ctx.getImageData(0, 0, w, h).data, w, h, { inversionAttempts: 'attemptBoth' });
      if (code?.data) {
        this.stop();
        this.onText(code.data);
        return;
      }
    }
    this.frame = requestAnimationFrame(() => this.tick());
  }

  stop() {
    cancelAnimationFrame(this.frame);
    if (this.stream) for (const track of this.stream.getTracks()) track.stop();
    this.stream = null;
    this.video.srcObject = null;
  }
}
