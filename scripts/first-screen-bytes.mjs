#!/usr/bin/env node
// The first screen's JavaScript budget (≤ 45,000 B): gzip -9 of every .js that dist/index.html references
// (its <script src> and <link rel="modulepreload">), summed. Run after `npx vite build`.
//   node scripts/first-screen-bytes.mjs [distDir]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync, constants } from 'node:zlib';

const dist = path.resolve(process.argv[2] ?? 'dist');
const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
const files = [...new Set([...html.matchAll(/(?:src|href)="([^"]+\.js)"/g)].map((m) => m[1]))];
let total = 0;
for (const f of files) {
  const bytes = gzipSync(readFileSync(path.join(dist, f.replace(/^(\.?\/)+/, ''))), { level: constants.Z_BEST_COMPRESSION }).length;
  total += bytes;
  console.log(`${String(bytes).padStart(7)}  ${f}`);
}
console.log(`${String(total).padStart(7)}  total (budget 45000)`);
process.exitCode = total > 45_000 ? 1 : 0;
