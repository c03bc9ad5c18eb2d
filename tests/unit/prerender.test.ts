// The build-time prerender (scripts/vite-prerender.ts): App renders on the server as Today's first screen,
// with hydration markers, and leaves no browser stubs behind in Node.
import { describe, expect, it } from 'vitest';
import { renderApp } from '../../scripts/vite-prerender';

describe('prerendered first screen', () => {
  it('holds the shell, Today and its static parts, and restores the globals it stubbed', async () => {
    const g = globalThis as Record<string, unknown>;
    const keys = ['window', 'document', 'location', 'history', 'navigator', 'localStorage', 'matchMedia'];
    const before = keys.map((k) => Object.getOwnPropertyDescriptor(g, k));
    const html = await renderApp(process.cwd());
    expect(html.startsWith('<!--[-->')).toBe(true); // hydrate() starts from this marker
    expect(html).toMatch(/<h1[^>]*>Today<\/h1>/);
    expect(html).toMatch(/<a [^>]*href="#\/ground"[^>]*>Ground me now<\/a>/);
    expect(html).toMatch(/<button [^>]*aria-haspopup="dialog"[^>]*>\s*Help\s*<\/button>/);
    expect(html).toMatch(/<a href="#\/today" aria-current="page"/);
    expect(html).toContain('href="#/exercise/five-senses"');
    // Nothing from IndexedDB yet: no "Carry on" card.
    expect(html).not.toContain('resume-heading');
    expect(keys.map((k) => Object.getOwnPropertyDescriptor(g, k))).toEqual(before);
  }, 60_000);
});
