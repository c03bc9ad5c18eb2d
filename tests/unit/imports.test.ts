/**
 * The layer rules of DESIGN.md §2, checked on the real source: views never import the shell, audio and
 * storage never import a module, and the pure layers (flow/, storage/, safety/*.ts, modules' content and
 * machines) reach no Svelte and no DOM code. A forbidden import anywhere in src/ fails this test.
 */
import { describe, expect, it } from 'vitest';
import { checkGraph, fileExists, parseImports, readSources, SRC, type SourceFile } from './lib/import-graph';

describe('import graph of src/', () => {
  it('follows DESIGN.md §2', () => {
    const files = readSources(SRC);
    expect(files.length).toBeGreaterThan(50);
    expect(checkGraph(files, fileExists(SRC))).toEqual([]);
  });
});

/** A tiny in-memory src/ to show each rule catches what it should. */
function graph(sources: Record<string, string>) {
  const files: SourceFile[] = Object.entries(sources).map(([path, text]) => ({ path, text, imports: parseImports(text) }));
  return checkGraph(files, (p) => p in sources);
}

describe('the rules catch', () => {
  it('a view importing the shell, even a type', () => {
    const found = graph({
      'shell/services.ts': 'export const entries = 1;',
      'shell/routes.ts': 'export type Route = {};',
      'journal/List.svelte': `<script lang="ts">\n  import { entries } from '../shell/services';\n</script>`,
      'ui/x.ts': "import type { Route } from '../shell/routes';",
      'modules/a/b/View.svelte': "<script>import { entries } from '../../../shell/services';</script>",
    });
    expect(found.map((v) => v.from).sort()).toEqual(['journal/List.svelte', 'modules/a/b/View.svelte', 'ui/x.ts']);
  });

  it('audio or storage importing a module — the pacer included: it lives in flow/ now, not in the breathing module', () => {
    const found = graph({
      'modules/grounding/breathing/pacer.ts': 'export const x = 1;',
      'modules/grounding/breathing/content.ts': 'export const y = 1;',
      'audio/index.ts': "import type { X } from '../modules/grounding/breathing/pacer';",
      'audio/engine.ts': "import { y } from '../modules/grounding/breathing/content';",
      'storage/db.ts': "const m = () => import('../modules/grounding/breathing/pacer');",
    });
    expect(found.map((v) => `${v.from} → ${v.to}`).sort()).toEqual([
      'audio/engine.ts → modules/grounding/breathing/content.ts',
      'audio/index.ts → modules/grounding/breathing/pacer.ts',
      'storage/db.ts → modules/grounding/breathing/pacer.ts',
    ]);
  });

  it('a pure file reaching Svelte or the DOM, directly or through a helper; type-only imports are fine', () => {
    const found = graph({
      'flow/module.ts': "import type { Component } from 'svelte';",
      'flow/a.ts': "import { tick } from 'svelte';",
      'storage/b.ts': "import { h } from './helper';",
      'storage/helper.ts': 'export const h = () => document.title; // the undo window.',
      'modules/x/y/machine.ts': "import { s } from '../../../ui/state.svelte';",
      'ui/state.svelte.ts': 'export const s = $state({});',
      'modules/x/y/content.ts': "import { t } from '../../../ui/copy';",
      'ui/copy/index.ts': 'export const t = {}; // see window.open in the docs',
    });
    expect(found.map((v) => v.from).sort()).toEqual(['flow/a.ts', 'modules/x/y/machine.ts', 'storage/b.ts', 'storage/helper.ts']);
  });

  it('an import it cannot resolve (so nothing is skipped silently)', () => {
    expect(() => graph({ 'ui/a.ts': "import { b } from './missing';" })).toThrow(/cannot resolve/);
  });
});
