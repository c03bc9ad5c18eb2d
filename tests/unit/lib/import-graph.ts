/**
 * The import graph of src/, read from the source text (no bundler, no dependency), and the layer rules of
 * DESIGN.md §2 checked against it. Used by tests/unit/imports.test.ts.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, posix, relative, resolve } from 'node:path';

export interface Import {
  specifier: string;
  /** `import type …`, `export type …` or `import { type A, type B }`: erased at build time. */
  typeOnly: boolean;
}

/** A source file: its path relative to src/ (posix), its text, and its imports. */
export interface SourceFile {
  path: string;
  text: string;
  imports: Import[];
}

export interface Violation {
  rule: string;
  from: string;
  to: string;
}

/** Comments out, so that an `import('…')` quoted in a doc comment is not taken for one. */
export function stripComments(text: string): string {
  return text
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/(^|[\s;{}(),])\/\/.*$/gm, '$1');
}

export function parseImports(text: string): Import[] {
  const code = stripComments(text);
  const found: Import[] = [];
  // import x from '…', import { a, type B } from '…', import * as x from '…', export { … } from '…'
  for (const m of code.matchAll(/\b(import|export)\s+(type\s+)?([^;'"`]*?)\s*from\s*['"]([^'"]+)['"]/g)) {
    const clause = m[3] ?? '';
    const braces = /^\{([\s\S]*)\}$/.exec(clause.trim());
    const members = braces ? braces[1]!.split(',').map((s) => s.trim()).filter(Boolean) : [];
    const allTypes = members.length > 0 && members.every((s) => s.startsWith('type '));
    found.push({ specifier: m[4]!, typeOnly: Boolean(m[2]) || allTypes });
  }
  // import '…' (side effects), import('…') (lazy)
  for (const m of code.matchAll(/\bimport\s*\(?\s*['"]([^'"]+)['"]/g)) found.push({ specifier: m[1]!, typeOnly: false });
  return found;
}

/** Every .ts and .svelte file under `root`, with its imports. */
export function readSources(root: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (/\.(ts|svelte)$/.test(name) && !name.endsWith('.d.ts')) {
        const text = readFileSync(full, 'utf8');
        files.push({ path: relative(root, full).split('\\').join('/'), text, imports: parseImports(text) });
      }
    }
  };
  walk(root);
  return files;
}

/**
 * The file a relative specifier points at (src/-relative), or undefined for a package. Throws for a
 * relative import that matches no file, so the check can never pass by silently skipping an edge.
 */
export function resolveImport(from: string, specifier: string, exists: (path: string) => boolean): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  const base = posix.normalize(posix.join(posix.dirname(from), specifier));
  for (const candidate of [base, `${base}.ts`, `${base}/index.ts`]) if (exists(candidate)) return candidate;
  throw new Error(`${from}: cannot resolve '${specifier}'`);
}

export function fileExists(root: string): (path: string) => boolean {
  return (path) => existsSync(resolve(root, path)) && statSync(resolve(root, path)).isFile();
}

// ——— The rules (DESIGN.md §2) ———

/** Layer rules: files matching `from` never import files matching `to` (type-only imports included). */
export const LAYER_RULES: readonly { rule: string; from: RegExp; to: RegExp }[] = [
  {
    rule: 'modules/, journal/, ui/ and plans/ never import the shell (they get what they need from ui/context.ts)',
    from: /^(modules|journal|ui|plans)\//,
    to: /^(shell\/|App\.svelte$|main\.ts$)/,
  },
  { rule: 'audio/ and storage/ never import a module', from: /^(audio|storage)\//, to: /^modules\// },
];

/**
 * Known edges the layer rules let through, each with its reason. Only exact file-to-file pairs, so a new
 * import of anything else still fails. Empty: the one there was (audio → the breathing module's pacer)
 * went when issue 12 moved the pacer to flow/pacer.ts, where audio and the breathing module both import it.
 */
export const ALLOWED_EDGES: readonly { from: RegExp; to: string; why: string }[] = [];

/** The pure layers: plain TypeScript, tested in node. */
export function isPure(path: string): boolean {
  return (
    /^(flow|storage|measures|plans)\/.*\.ts$/.test(path) ||
    /^safety\/[^/]+\.ts$/.test(path) ||
    /^(crypto\/[^/]+|report\/(schema|shape|build|file|passphrase))\.ts$/.test(path) ||
    /^modules\/.+\/(content|machine)\.ts$/.test(path)
  );
}

/** Packages that need a DOM or Svelte's runtime. */
const DOM_PACKAGES = /^(svelte|svelte\/.*|@sveltejs\/.*|tone|tone\/.*)$/;
/** Browser-only globals. `navigator`, `indexedDB`, `BroadcastChannel` exist in node and are allowed. */
const DOM_GLOBALS = /\b(window|document)\.[A-Za-z_]|\bHTML[A-Za-z]*Element\b|\bgetComputedStyle\s*\(/;

/** Why `file` is not plain, node-runnable TypeScript (undefined when it is). Type-only imports are erased. */
function impurity(file: SourceFile): string | undefined {
  if (/\.svelte(\.ts)?$/.test(file.path)) return 'is a Svelte file';
  const pkg = file.imports.find((i) => !i.typeOnly && DOM_PACKAGES.test(i.specifier));
  if (pkg) return `imports '${pkg.specifier}'`;
  if (DOM_GLOBALS.test(stripComments(file.text))) return 'uses window/document';
  return undefined;
}

export function checkGraph(files: readonly SourceFile[], exists: (path: string) => boolean): Violation[] {
  const byPath = new Map(files.map((f) => [f.path, f]));
  const edges = (f: SourceFile, values: boolean) =>
    f.imports.flatMap((i) => {
      if (values && i.typeOnly) return [];
      const to = resolveImport(f.path, i.specifier, exists);
      return to ? [to] : [];
    });
  const violations: Violation[] = [];

  for (const f of files)
    for (const to of edges(f, false))
      for (const r of LAYER_RULES)
        if (r.from.test(f.path) && r.to.test(to) && !ALLOWED_EDGES.some((a) => a.from.test(f.path) && a.to === to))
          violations.push({ rule: r.rule, from: f.path, to });

  // Pure layers import no Svelte and no DOM code, directly or through anything they import at runtime.
  for (const start of files.filter((f) => isPure(f.path))) {
    const seen = new Set<string>();
    const queue: { path: string; via: string }[] = [{ path: start.path, via: start.path }];
    while (queue.length > 0) {
      const { path, via } = queue.shift()!;
      if (seen.has(path)) continue;
      seen.add(path);
      const file = byPath.get(path);
      if (!file) continue; // css and other assets
      const why = impurity(file);
      if (why) {
        violations.push({ rule: `pure layers import no Svelte and no DOM code: ${path} ${why}`, from: start.path, to: via });
        continue;
      }
      for (const to of edges(file, true)) queue.push({ path: to, via: path === start.path ? to : via });
    }
  }
  return violations;
}

export const SRC = resolve(dirname(new URL(import.meta.url).pathname), '../../../src');
