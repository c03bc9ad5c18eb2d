#!/usr/bin/env node
// The first screen's JavaScript, gzip -9: every script and module preload dist/index.html names.
// Usage: node scripts/first-screen-size.mjs [distDir]   (budget: 45,000 bytes)
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g)].map((m) => m[1]);
let total = 0;
for (const f of files) {
  const bytes = readFileSync(path.join(dist, f.replace(/^\.?\//, '')));
  const gz = gzipSync(bytes, { level: 9 }).length;
  total += gz;
  console.log(`${String(gz).padStart(7)}  ${f}`);
}
console.log(`${String(total).padStart(7)}  total gzip -9 bytes (budget 45000, ${45000 - total} left)`);
