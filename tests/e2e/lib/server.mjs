// A tiny static server for the production build, owned by the test harness.
//
// Why our own instead of `vite preview`: we need to stop it and start it again on the same port inside a
// test (to prove the app keeps working when the server is gone), and to know exactly which headers the
// app is served with. It is deliberately plain: no SPA fallback (the app uses hash routes, so a 404 here
// means a genuinely broken reference), and `Cache-Control: no-cache` (always revalidate) so a test never
// sees a stale file from the HTTP cache, while the service worker's own caching is what gets tested.
import http from 'node:http';
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import path from 'node:path';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.mp3': 'audio/mpeg',
  '.ogg': 'audio/ogg',
  '.wav': 'audio/wav',
};

/**
 * Serve `root` (normally dist/) on 127.0.0.1.
 * @param {{ root: string, port?: number, host?: string, prefix?: string, log?: (line: string) => void }} opts
 *   port 0 (default) picks a free port; `restart()` then reuses that same port, so the app's origin —
 *   and with it its service worker and IndexedDB — stays the same across a stop/start.
 *   prefix (e.g. '/user/groundwork'): serve the build under that sub-path only, as a static host's project
 *   page does; everything outside it is 404, and `url` then ends with the prefix.
 */
export async function startServer({ root, port = 0, host = '127.0.0.1', prefix = '', log } = {}) {
  let absRoot = path.resolve(root);
  const base = prefix.replace(/\/+$/, '');
  if (base && !base.startsWith('/')) throw new Error(`startServer: prefix must start with "/" (got ${prefix})`);
  /** Every request path served, so a test can assert what the browser asked the network for. */
  const hits = [];

  const handler = async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://x');
      hits.push(url.pathname);
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        res.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      let rel = decodeURIComponent(url.pathname);
      if (base) {
        if (rel === base) {
          // As static hosts do: the folder without its slash redirects to the folder.
          res.writeHead(301, { Location: `${base}/${url.search}` }).end();
          return;
        }
        if (!rel.startsWith(base + '/')) {
          res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
          res.end('not found (outside the prefix)');
          return;
        }
        rel = rel.slice(base.length);
      }
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(absRoot, '.' + rel);
      // Never serve anything outside root (e.g. /../package.json).
      if (file !== absRoot && !file.startsWith(absRoot + path.sep)) {
        res.writeHead(403).end();
        return;
      }
      const st = await stat(file).catch(() => null);
      if (!st?.isFile()) {
        res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
        res.end('not found');
        return;
      }
      res.writeHead(200, {
        'Content-Type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream',
        'Content-Length': st.size,
        'Cache-Control': 'no-cache',
        'X-Content-Type-Options': 'nosniff',
      });
      if (req.method === 'HEAD') res.end();
      else createReadStream(file).pipe(res);
      log?.(`${req.method} ${url.pathname} 200`);
    } catch (err) {
      if (!res.headersSent) res.writeHead(500);
      res.end();
      log?.(`error ${err}`);
    }
  };

  /** @type {http.Server | null} */
  let server = null;
  let boundPort = port;

  async function listen() {
    server = http.createServer(handler);
    // keep-alive sockets would otherwise keep "stopped" servers answering; see stop().
    server.keepAliveTimeout = 1000;
    await new Promise((resolve, reject) => {
      server.once('error', reject);
      server.listen(boundPort, host, () => {
        server.off('error', reject);
        resolve();
      });
    });
    boundPort = /** @type {import('node:net').AddressInfo} */ (server.address()).port;
  }

  async function stop() {
    if (!server) return;
    const s = server;
    server = null;
    const closed = new Promise((resolve) => s.close(() => resolve()));
    // Drop open keep-alive connections too, or Chromium would keep talking to the "gone" server.
    s.closeAllConnections();
    await closed;
  }

  await listen();
  const url = `http://${host}:${boundPort}${base}`;
  return {
    /** Origin (plus the prefix, if any) without trailing slash, e.g. http://127.0.0.1:41234 */
    url,
    port: boundPort,
    get root() {
      return absRoot;
    },
    /** Serve another build from now on, at the same origin (a new version deployed). */
    setRoot(dir) {
      absRoot = path.resolve(dir);
    },
    hits,
    get running() {
      return server !== null;
    },
    stop,
    /** Start again on the same port (after stop()); a no-op when already running. */
    async start() {
      if (!server) await listen();
    },
    async restart() {
      await stop();
      await listen();
    },
  };
}

/**
 * For specs: a server of their own over the same build, when a test needs to stop it without disturbing
 * the shared one (E2E_BASE_URL). Reads the build folder from E2E_DIST_DIR, which run.mjs sets.
 */
export function startOwnServer(opts = {}) {
  const root = process.env.E2E_DIST_DIR;
  if (!root) throw new Error('E2E_DIST_DIR is not set: run specs through tests/e2e/run.mjs');
  return startServer({ root, ...opts });
}
