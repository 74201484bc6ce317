// crypto-js as the page has it: the global CryptoJS (the same 4.2.0 file the build copies).
import { createRequire } from 'node:module';

globalThis.CryptoJS = createRequire(import.meta.url)('crypto-js/crypto-js.js');
