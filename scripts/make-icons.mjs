#!/usr/bin/env node
// Renders Groundwork's icons from one SVG design, once, with headless Chromium.
//
// Why a script and committed PNGs: the app must never generate images at run time (it works offline and
// ships only static files), and PNG rasters are what install prompts, Android launchers and iOS want.
// Keeping the generator lets anyone change the mark and re-run: `node scripts/make-icons.mjs`.
// Why Chromium rather than an image library: it is already on every machine for e2e, so this adds no
// dependency, and its SVG rasteriser is the one that will display the SVG icon anyway.
import { writeFile, mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { chromium } from 'playwright-core';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const staticDir = path.join(root, 'static');
const iconDir = path.join(staticDir, 'icons');

const THEME = '#2f5d50'; // deep sage: calm, and dark enough for the light mark to pass contrast
const SUN = '#eedfc2'; // warm sand: a low sun, not an alarm colour
const GROUND = '#f6f4ef'; // the app background: the ground you stand on

// The mark: a half sun resting on a horizon with two soft ground lines — "settling", "grounding".
// Drawn in a 512 box, centred on (256, 256); its bounding box stays within ~190 px of the centre, so
// scaled by 0.84 it fits inside the maskable safe zone (a circle of radius 40% = 204.8 px).
const mark = `
  <clipPath id="sky"><rect x="0" y="0" width="512" height="270"/></clipPath>
  <circle cx="256" cy="270" r="118" fill="${SUN}" clip-path="url(#sky)"/>
  <rect x="96" y="294" width="320" height="24" rx="12" fill="${GROUND}"/>
  <rect x="156" y="340" width="200" height="24" rx="12" fill="${GROUND}" opacity="0.6"/>`;

/** @param {{ bleed: boolean, scale?: number }} o  bleed: square background to the edges (maskable, iOS). */
function svg({ bleed, scale = 1 }) {
  const bg = bleed
    ? `<rect width="512" height="512" fill="${THEME}"/>`
    : `<rect width="512" height="512" rx="112" fill="${THEME}"/>`;
  const t = scale === 1 ? '' : ` transform="translate(256 256) scale(${scale}) translate(-256 -256)"`;
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 512 512">${bg}<g${t}>${mark}</g></svg>`;
}

const anySvg = svg({ bleed: false });
const maskableSvg = svg({ bleed: true, scale: 0.84 });
// iOS draws transparent corners black and rounds the icon itself, so the touch icon is full-bleed.
const appleSvg = svg({ bleed: true, scale: 0.9 });

const pngs = [
  { file: 'icon-192.png', size: 192, src: anySvg },
  { file: 'icon-512.png', size: 512, src: anySvg },
  { file: 'icon-maskable-512.png', size: 512, src: maskableSvg },
  { file: 'apple-touch-icon-180.png', size: 180, src: appleSvg },
];

await mkdir(iconDir, { recursive: true });
await writeFile(path.join(iconDir, 'icon.svg'), anySvg + '\n');
await writeFile(path.join(staticDir, 'favicon.svg'), anySvg + '\n');

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu'],
});
try {
  for (const { file, size, src } of pngs) {
    // deviceScaleFactor 1 + a viewport of exactly size×size gives a PNG of exactly those pixels.
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    const sized = src.replace('<svg ', `<svg width="${size}" height="${size}" `);
    await page.setContent(
      `<!doctype html><html><head><style>html,body{margin:0;background:transparent}svg{display:block}</style></head><body>${sized}</body></html>`,
    );
    // omitBackground keeps the rounded corners of the "any" icons transparent.
    await page.screenshot({ path: path.join(iconDir, file), omitBackground: true, type: 'png' });
    await page.close();
  }
} finally {
  await browser.close();
}
console.log(`icons written: ${pngs.map((p) => p.file).join(', ')}, icon.svg, ../favicon.svg`);
