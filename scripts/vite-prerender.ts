/**
 * Build-time prerender of the first screen (issue 12, "A first screen that paints at once").
 *
 * During `vite build`, this plugin renders `src/App.svelte` with Svelte's server renderer
 * (`svelte/server` `render()`), as it looks at `#/today` with nothing read from IndexedDB yet, and puts
 * the HTML into index.html's mount point (`<div id="app"></div>`). The browser paints the shell and
 * Today's static parts from the HTML alone, before any JavaScript has arrived; `src/main.ts` then
 * `hydrate()`s that markup instead of rendering it again. What depends on IndexedDB (unfinished sessions,
 * the person's ranking) fills in after hydration, exactly as it did after `mount()`.
 *
 * How: a throwaway Vite server in middleware mode (no HTTP, no watcher, no HMR) with only the Svelte
 * plugin, `ssrLoadModule`s App.svelte (compiled for the server by the same Svelte plugin and
 * svelte.config.js as the client build, so the scoped CSS class hashes agree), and renders it.
 * The transform runs with `order: 'post'`, on the final HTML, so the service worker's precache manifest
 * (written after the bundle) revisions the prerendered index.html.
 *
 * App's modules run in Node here. The few browser globals they touch while being imported or while a
 * component's script runs (the router reads `location.hash`; listeners are added to `window` and
 * `document`) are stubbed for the duration of the render, with the route fixed to `#/today`; `navigator`,
 * web storage and `matchMedia` answer as on a first visit (English, nothing stored, no media match). Anything
 * else browser-only must wait for `$effect`/`onMount` (which never run on the server) — a render that
 * throws fails the build with the reason, rather than shipping an empty first screen.
 */
import { createServer, type IndexHtmlTransformContext, type Plugin } from 'vite';
import { svelte } from '@sveltejs/vite-plugin-svelte';

const MOUNT_POINT = /<div id="app">\s*<\/div>/;

export function prerenderFirstScreen({ entry = '/src/App.svelte' }: { entry?: string } = {}): Plugin {
  let root = process.cwd();
  let rendering: Promise<string> | undefined;
  return {
    name: 'groundwork:prerender-first-screen',
    apply: (config, env) => env.command === 'build' && !config.build?.ssr,
    configResolved(config) {
      root = config.root;
    },
    buildStart() {
      // Render while Rolldown bundles the client (the result is only needed for index.html at the end).
      rendering = renderApp(root, entry);
      rendering.catch(() => {}); // reported where it is awaited, not as an unhandled rejection
    },
    transformIndexHtml: {
      order: 'post',
      async handler(html, ctx) {
        if (!MOUNT_POINT.test(html)) {
          throw new Error('prerender: index.html has no empty <div id="app"></div> to prerender into');
        }
        const body = await (rendering ?? renderApp(root, entry));
        // No whitespace around the markup: hydrate() expects the first hydration marker inside #app.
        const prerendered = html.replace(MOUNT_POINT, () => `<div id="app">${body}</div>`);
        return inlineEntryCss(prerendered, ctx);
      },
    },
  };
}

/**
 * The first screen's stylesheet goes into index.html as a <style> element, so the prerendered screen
 * paints as soon as the HTML has arrived: without this the paint waits one more request, and that
 * request shares the connection's bandwidth with the entry script (measured: most of the gap between
 * the app's LCP and the static floor's on slow 4G, see bench/lcp.bench.mjs). It is small (~2 KB gzip).
 * The CSP already allows inline styles (style-src 'unsafe-inline'); scripts stay files.
 * Skipped when the CSS refers to other files (url(...) would resolve against the page, not assets/).
 */
function inlineEntryCss(html: string, ctx: IndexHtmlTransformContext): string {
  const bundle = ctx.bundle;
  if (!bundle) return html;
  return html.replace(/<link rel="stylesheet"[^>]*?href="([^"]+\.css)"[^>]*>/g, (link, href: string) => {
    const fileName = Object.keys(bundle).find((f) => f.endsWith('.css') && href.endsWith(f));
    const asset = fileName ? bundle[fileName] : undefined;
    if (!fileName || asset?.type !== 'asset') return link;
    const css = typeof asset.source === 'string' ? asset.source : new TextDecoder().decode(asset.source);
    if (/url\(|<\/style/i.test(css)) return link;
    // The file stays in dist/: a lazy chunk that imports another lazy chunk reaching the entry preloads the
    // entry's CSS too (Vite's dependency map is written after this hook, so it cannot be checked here), and a
    // missing file fails that import ("Unable to preload CSS"), online and offline.
    return `<style>${css}</style>`;
  });
}

/** Render the app once on the server; resolves the body HTML (with Svelte's hydration markers). */
export async function renderApp(root: string, entry = '/src/App.svelte'): Promise<string> {
  const server = await createServer({
    configFile: false,
    root,
    // Its own pre-bundled Svelte per NODE_ENV: a build (production) and the unit test (test) compile the
    // components with and without dev checks, and Svelte's runtime is picked by the same condition, but
    // Vite's default cache (node_modules/.vite/deps_ssr) has the same hash for both. Shared, a build run
    // first left a production runtime that the test's dev-compiled components then failed on
    // ("reading 'Symbol(filename)'").
    cacheDir: `node_modules/.vite/prerender-${process.env.NODE_ENV === 'production' ? 'production' : 'development'}`,
    mode: 'production',
    logLevel: 'error',
    appType: 'custom',
    server: { middlewareMode: true, hmr: false, ws: false, watch: null },
    optimizeDeps: { noDiscovery: true, include: [] },
    plugins: [svelte()],
  });
  const restore = stubBrowserGlobals();
  try {
    const { default: App } = await server.ssrLoadModule(entry);
    // The same module graph as the components, so render() and the compiled components share one runtime.
    const { render } = (await server.ssrLoadModule('svelte/server')) as typeof import('svelte/server');
    const { head, body } = render(App);
    if (head.trim()) throw new Error(`prerender: <svelte:head> output is not supported here (${head.slice(0, 80)}…)`);
    if (!body.includes('<h1')) throw new Error('prerender: the rendered first screen has no <h1>');
    return body;
  } catch (err) {
    const reason = err instanceof Error ? (err.stack ?? err.message) : String(err);
    throw new Error(
      'prerender: rendering App on the server failed. Code that runs at import or in a component script ' +
        'must not need the browser (move it into $effect/onMount, or guard it).\n' + reason,
    );
  } finally {
    restore();
    await server.close();
  }
}

function emptyStorage() {
  return { length: 0, key: () => null, getItem: () => null, setItem: () => {}, removeItem: () => {}, clear: () => {} };
}

/** The browser surface App's modules touch before any effect runs; restored afterwards. */
function stubBrowserGlobals(): () => void {
  const noop = () => {};
  const target = { addEventListener: noop, removeEventListener: noop, dispatchEvent: () => true };
  const stubs: Record<string, unknown> = {
    window: Object.assign(Object.create(globalThis) as object, target),
    document: { ...target, visibilityState: 'visible', hidden: false },
    location: { hash: '#/today', href: 'http://localhost/#/today', pathname: '/', search: '' },
    history: { state: null, replaceState: noop, pushState: noop },
    // Device state reads as "first visit, nothing known": the client fills the real values in after.
    navigator: { language: 'en', languages: ['en'], onLine: true },
    localStorage: emptyStorage(),
    sessionStorage: emptyStorage(),
    matchMedia: (media: string) => ({ media, matches: false, addEventListener: noop, removeEventListener: noop }),
  };
  const g = globalThis as Record<string, unknown>;
  const saved = Object.keys(stubs).map((k) => [k, Object.getOwnPropertyDescriptor(g, k)] as const);
  const savedListeners = [g.addEventListener, g.removeEventListener];
  for (const [k, v] of Object.entries(stubs)) Object.defineProperty(g, k, { value: v, configurable: true, writable: true });
  // Bare `addEventListener(...)` calls resolve on globalThis.
  g.addEventListener ??= noop;
  g.removeEventListener ??= noop;
  return () => {
    for (const [k, d] of saved) {
      if (d) Object.defineProperty(g, k, d);
      else delete g[k];
    }
    [g.addEventListener, g.removeEventListener] = savedListeners;
    if (savedListeners[0] === undefined) delete g.addEventListener;
    if (savedListeners[1] === undefined) delete g.removeEventListener;
  };
}
