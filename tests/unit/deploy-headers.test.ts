// Issue 13 §13: a meta CSP cannot forbid framing, so the app ships host headers (static/_headers for Netlify
// and Cloudflare Pages, snippets in docs/DEPLOY.md for other hosts). They must repeat index.html's policy
// exactly, plus frame-ancestors 'none', and forbid framing with X-Frame-Options too.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';

const read = (p: string) => readFileSync(new URL(`../../${p}`, import.meta.url), 'utf8');

function metaCsp(): string {
  const m = read('index.html').match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  if (!m?.[1]) throw new Error('index.html has no meta CSP');
  return m[1];
}

/** Netlify / Cloudflare Pages `_headers`: a path line, then indented `Name: value` lines. */
function parseHeaders(text: string): Map<string, Map<string, string>> {
  const rules = new Map<string, Map<string, string>>();
  let current: Map<string, string> | undefined;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    if (!/^\s/.test(line)) {
      current = new Map();
      rules.set(line.trim(), current);
      continue;
    }
    const i = line.indexOf(':');
    if (!current || i < 0) throw new Error(`_headers: header outside a path or without a colon: ${line}`);
    current.set(line.slice(0, i).trim().toLowerCase(), line.slice(i + 1).trim());
  }
  return rules;
}

describe('host headers', () => {
  const expected = `${metaCsp()}; frame-ancestors 'none'`;

  it("static/_headers sends index.html's CSP plus frame-ancestors 'none', and DENY framing, on every path", () => {
    const all = parseHeaders(read('static/_headers')).get('/*');
    expect(all).toBeDefined();
    expect(all!.get('content-security-policy')).toBe(expected);
    expect(all!.get('x-frame-options')).toBe('DENY');
  });

  it('every CSP written in docs/DEPLOY.md is that same policy', () => {
    const doc = read('docs/DEPLOY.md');
    const policies = [...doc.matchAll(/default-src [^"\n]+/g)].map((m) => m[0]);
    expect(policies.length).toBeGreaterThanOrEqual(5); // the header list, Vercel, nginx, Apache, Caddy
    for (const p of policies) expect(p).toBe(expected);
    expect(doc.match(/X-Frame-Options/g)?.length).toBeGreaterThanOrEqual(5);
  });
});
