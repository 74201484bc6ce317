// Builds the browser client into one folder nginx can serve: the page's own files from src/ plus the libraries
// from node_modules (installed by `npm ci` from the lockfile) and the desktop's emoji font with its licence (one
// copy in the repository, src/main/resources). Nothing is fetched at run time.
// Usage: node build.mjs [OUT_DIR]   (default ../target/web)
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(process.argv[2] ?? join(here, '..', 'target', 'web'));

// [from node_modules, to vendor/, licence file]
const LIBRARIES = [
  ['crypto-js/crypto-js.js', 'crypto-js.js', 'crypto-js/LICENSE'],
  ['jsqr/dist/jsQR.js', 'jsQR.js', 'jsqr/LICENSE'],
  ['mqtt/dist/mqtt.esm.js', 'mqtt.esm.js', 'mqtt/LICENSE.md'],
  ['qrcode-generator/dist/qrcode.mjs', 'qrcode.js', 'qrcode-generator/LICENSE'],
  ['idb/build/index.js', 'idb.js', 'idb/LICENSE'],
];

// [from the repository, to fonts/]: app.css's @font-face "Parley Emoji"
const FONTS_DIR = join(here, '..', 'src', 'main', 'resources', 'parley', 'ui', 'fonts');
const FONTS = ['NotoEmoji-Regular.ttf', 'OFL.txt'];

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'vendor', 'licenses'), { recursive: true });
cpSync(join(here, 'src'), out, { recursive: true });
for (const [from, to, licence] of LIBRARIES) {
  const source = join(here, 'node_modules', from);
  if (!existsSync(source)) {
    console.error(`build: ${source} is missing; run 'npm ci' in ${here} first`);
    process.exit(1);
  }
  cpSync(source, join(out, 'vendor', to));
  const licenceFile = join(here, 'node_modules', licence);
  if (existsSync(licenceFile)) cpSync(licenceFile, join(out, 'vendor', 'licenses', `${to}.txt`));
}
mkdirSync(join(out, 'fonts'));
for (const file of FONTS) {
  const source = join(FONTS_DIR, file);
  if (!existsSync(source)) {
    console.error(`build: ${source} is missing (the desktop's emoji font and its licence)`);
    process.exit(1);
  }
  cpSync(source, join(out, 'fonts', file));
}
console.log(`build: web client in ${out}`);
