/// <reference types="vitest/config" />
import { defineConfig } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { VitePWA } from 'vite-plugin-pwa';
import { prerenderFirstScreen } from './scripts/vite-prerender.ts';
import { precacheIntegrity } from './scripts/precache-integrity.mjs';
import { bootGuard } from './scripts/vite-boot-guard.ts';
import { FIRST_SCREEN_COMPONENTS } from './scripts/first-screen-components.ts';

const integrity = precacheIntegrity();

// One config for the app build and for Vitest's two projects.
export default defineConfig({
  publicDir: 'static',
  // Relative URLs everywhere (chunks, preloads, service worker, precache): the same build works at a host's
  // root and under any sub-path, e.g. a project page https://host/user/groundwork/ (tests/e2e/subpath).
  base: './',
  // Component tests need Svelte's browser build; the app build picks it by default.
  resolve: process.env.VITEST ? { conditions: ['browser'] } : undefined,
  build: {
    target: 'es2022',
    // Tone.js is one big lazy chunk by design (never on the first screen's path).
    chunkSizeWarningLimit: 400,
    // A lazy screen's dependencies are not listed for preloading: the list of every lazy chunk's files sat
    // in the entry chunk (1.6 KB gzip of file names, growing with each screen), and the files come from the
    // service worker's cache, where the import waterfall costs milliseconds. Lazy screens carry their own
    // CSS (see `svelte()` below) and the first screen's is inlined in index.html, so no CSS needs listing
    // either. index.html keeps its own modulepreloads.
    modulePreload: {
      resolveDependencies: (_file, deps, { hostType }) => (hostType === 'html' ? deps : []),
    },
    // Modules the first screen runs that lazy chunks import too: rolldown (1.2, issue rolldown#10731) would
    // split each into its own small chunk, preloaded by index.html (8 files, ~1.5 KB more gzip than together).
    // One group keeps them in one file. List only modules the first screen already runs: whatever matches is
    // loaded on every visit (see ARCHITECTURE.md, Bundles).
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            {
              // Today's phase card for someone who has logged a dose: its code, copy, the phase rules and the
              // dose repository in one file, not an import waterfall four requests deep (issue 14: Today
              // ≤ 50 ms after the database opens). Later dose screens import from it too; it is small.
              name: 'phase-card',
              // Only these modules: their dependencies stay where they are (the first screen's own chunks).
              includeDependenciesRecursively: false,
              test: /src[\\/](shell[\\/](dose-state\.svelte|today[\\/]PhaseCard\.svelte|doses[\\/]when)|flow[\\/]phase(-copy)?|storage[\\/]doses(\.schema)?|journal[\\/]capture\.content|ui[\\/]copy[\\/](en-)?phase-card)\.(ts|svelte)$/,
            },
            {
              name: 'first',
              test: /node_modules[\\/](valibot|idb)[\\/]|src[\\/]storage[\\/](problems|db|pending|limits|schema|ids|sessions|migrations[\\/].*)\.ts$|src[\\/]flow[\\/](minutes|fits)\.ts$|src[\\/]ui[\\/]copy[\\/]en\.ts$|timing\.ts$/,
            },
          ],
        },
      },
    },
  },
  plugins: [
    svelte({
      // Screens off the first screen carry their styles inside their own JavaScript (injected when they
      // mount): no CSS files for lazy chunks, so the entry chunk holds no list of them and no preload helper.
      // The first screen's components keep external CSS, which the prerender inlines into index.html.
      dynamicCompileOptions: ({ filename }) => (FIRST_SCREEN_COMPONENTS.some((f) => filename.endsWith(f)) ? undefined : { css: 'injected' }),
    }),
    bootGuard(),
    // Build only: Today's first screen is rendered into index.html and hydrated by main.ts (issue 12).
    prerenderFirstScreen(),
    integrity.plugin,
    VitePWA({
      // An update is offered by our own prompt and applied only between exercises: never auto-reload.
      registerType: 'prompt',
      injectRegister: false,
      manifest: false, // the manifest is a static file (static/manifest.webmanifest) so the first paint never waits on it
      workbox: {
        // Precache the whole app, lazy chunks (audio, modules) included, so every screen works offline.
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,ico,txt}'],
        maximumFileSizeToCacheInBytes: 3 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
        // No runtime caching: the app requests nothing outside its own precached files.
        runtimeCaching: [],
        // Chunks carry an integrity hash, so a precache entry found missing is fetched and cached again.
        manifestTransforms: [integrity.transform],
      },
    }),
  ],
  test: {
    // Generous: on a loaded 2-core machine a jsdom render of a whole exercise has taken over 5 s (the
    // default). The tests assert behaviour, not speed; speed is measured in bench/.
    testTimeout: 20_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'node',
          include: ['tests/unit/**/*.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          name: 'component',
          environment: 'jsdom',
          include: ['tests/component/**/*.test.ts'],
          setupFiles: ['tests/component/setup.ts'],
        },
      },
    ],
  },
});
