import type { Plugin } from 'vite';
import type { ManifestTransform } from 'workbox-build';

/** See precache-integrity.mjs: sha384 integrity for every precached file under assets/. */
export function precacheIntegrity(): { plugin: Plugin; transform: ManifestTransform };
