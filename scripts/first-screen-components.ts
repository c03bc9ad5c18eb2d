/**
 * The Svelte components the first screen runs (main.ts's static import graph). They keep external CSS,
 * which the prerender inlines into index.html so the first paint is styled; every other component carries
 * its CSS in its own lazy chunk (vite.config.ts). tests/unit/first-screen-imports.test.ts checks this list
 * against the real import graph, so a component added to the first screen cannot be missed here.
 */
export const FIRST_SCREEN_COMPONENTS: readonly string[] = [
  'src/App.svelte',
  'src/shell/Today.svelte',
  'src/ui/session/GroundingChooser.svelte',
  'src/shell/today/PhaseSlot.svelte',
  'src/shell/today/MeasuresSlot.svelte',
  'src/shell/today/PlanSlot.svelte',
  'src/shell/HelpDialog.svelte',
  'src/safety/HelpContent.svelte',
  'src/shell/Notices.svelte',
  'src/ui/components/LoadFailed.svelte',
];
