// Views get the shell's services through the app context (src/ui/context.ts), as App.svelte provides it.
// Tests render them with the real one: the same repositories over the in-memory IndexedDB, the real router.
import { appContextMap } from '../../src/ui/context';
import { appContext } from '../../src/shell/context';

/** Render options: these props, inside the app context. */
export function withApp<const P extends Record<string, unknown>>(props: P) {
  return { props, context: appContextMap(appContext) };
}
