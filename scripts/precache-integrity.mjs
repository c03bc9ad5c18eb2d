// Lets the service worker repair its own precache. Workbox answers a precached URL from Cache Storage; when
// the entry is missing (evicted, or a partial cache) it falls back to the network, but it only puts that
// response back into the cache when the manifest entry carries a Subresource Integrity hash — otherwise it
// cannot know the response is the file it precached. So every content-hashed file under assets/ (every
// chunk: screens, modules, the audio engine) gets its sha384 here, and a missing one is fetched, checked
// and cached again the first time it is needed online (issue 13 §9).
// HTML, the manifest and icons keep plain revisions: a host that rewrites HTML would otherwise fail the
// whole install.
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';

/** @type {() => { plugin: import('vite').Plugin, transform: import('workbox-build').ManifestTransform }} */
export function precacheIntegrity() {
  let outDir = path.resolve('dist');
  return {
    // Where the build is written (e2e builds use --outDir), read once the config is known.
    plugin: {
      name: 'groundwork:precache-integrity',
      configResolved(config) {
        outDir = path.resolve(config.root, config.build.outDir);
      },
    },
    async transform(entries) {
      const manifest = await Promise.all(
        entries.map(async (entry) => {
          if (!/^(\.\/)?assets\//.test(entry.url)) return entry;
          const bytes = await readFile(path.join(outDir, entry.url));
          return { ...entry, integrity: `sha384-${createHash('sha384').update(bytes).digest('base64')}` };
        }),
      );
      return { manifest, warnings: [] };
    },
  };
}
