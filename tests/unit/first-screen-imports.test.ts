/**
 * Issue 12's first-screen budget (≤ 45 KB gzip, measured by `npm run bench`), guarded at the source: what
 * main.ts reaches through static (non-type) imports is what index-*.js and its preloads carry. The dose code
 * and the workbox registration load only when needed (ARCHITECTURE.md, Bundles); Help stays eager.
 */
import { describe, expect, it } from 'vitest';
import { fileExists, readSources, resolveImport, stripComments, SRC } from './lib/import-graph';
import { FIRST_SCREEN_COMPONENTS } from '../../scripts/first-screen-components';

/** Static imports only: `import … from`, `export … from`, `import '…'`; not `import('…')`, not types. */
function staticImports(text: string): string[] {
  const code = stripComments(text);
  const found: string[] = [];
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([^;'"`()]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const braces = /^\{([\s\S]*)\}$/.exec((m[3] ?? '').trim());
    const members = braces ? braces[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [];
    if (m[2] || (members.length > 0 && members.every((s) => s.startsWith('type ')))) continue;
    found.push(m[4]!);
  }
  for (const m of code.matchAll(/\bimport\s+['"]([^'"]+)['"]/g)) found.push(m[1]!);
  return found;
}

function eagerFrom(entry: string): { files: Set<string>; packages: Set<string> } {
  const byPath = new Map(readSources(SRC).map((f) => [f.path, f.text]));
  const exists = fileExists(SRC);
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (path: string) => {
    if (files.has(path)) return;
    files.add(path);
    const text = byPath.get(path) ?? '';
    // A package imported lazily by an eager file still loads on the first screen (the registration does, after load).
    for (const m of stripComments(text).matchAll(/\bimport\(\s*['"]([^.'"][^'"]*)['"]/g)) packages.add(m[1]!);
    for (const spec of staticImports(text)) {
      if (!spec.startsWith('.')) packages.add(spec);
      else if (!spec.endsWith('.css')) visit(resolveImport(path, spec, exists)!);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('the first screen (main.ts and what it imports eagerly)', () => {
  const { files, packages } = eagerFrom('main.ts');

  it('its components are exactly the ones built with external CSS (inlined into index.html), the rest carry theirs', () => {
    const eagerComponents = [...files].filter((f) => f.endsWith('.svelte')).map((f) => `src/${f}`);
    expect([...FIRST_SCREEN_COMPONENTS].sort()).toEqual(eagerComponents.sort());
  });

  it('reaches Today and Help with its crisis contacts', () => {
    expect(files).toContain('shell/Today.svelte');
    expect(files).toContain('safety/HelpContent.svelte');
    expect(files).toContain('safety/contacts.ts');
  });

  it('carries no dose repository or phase arithmetic (loaded once a dose record exists)', () => {
    for (const lazy of ['storage/doses.ts', 'storage/doses.schema.ts', 'flow/phase.ts', 'shell/dose-state.svelte.ts']) {
      expect(files, lazy).not.toContain(lazy);
    }
  });

  it('carries no coalescing writer (the journal editor and capture import it; the first screen only reads drafts)', () => {
    for (const lazy of ['storage/writer.ts', 'storage/draft-writer.ts']) expect(files, lazy).not.toContain(lazy);
  });

  it("carries none of the journal's reads (pages, search, the whole journal): they load with the screens that read them", () => {
    for (const lazy of ['storage/entry-reads.ts', 'storage/search.ts', 'storage/search-scan.ts']) expect(files, lazy).not.toContain(lazy);
    expect(files).toContain('storage/entries.ts'); // Today's recent sessions and the purge stay
  });

  it('registers the service worker without workbox-window', () => {
    expect([...packages].filter((p) => /workbox|pwa-register/.test(p))).toEqual([]);
  });
});
