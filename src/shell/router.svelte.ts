/** The current route, reactive. Navigation is ordinary links; `go`/`replace` are for after-save redirects. */
import { parseRoute, type Route } from './routes';

let current = $state<Route>(parseRoute(location.hash));
let previousHash = $state<string | undefined>(undefined);
let lastHash = location.hash || '#/today';

window.addEventListener('hashchange', () => {
  previousHash = lastHash;
  lastHash = location.hash;
  current = parseRoute(location.hash);
});

export const router = {
  get route(): Route {
    return current;
  },
  /** Where the person was before this screen (for "Back to where you were" after grounding). */
  get previous(): string | undefined {
    return previousHash;
  },
  go(hash: string): void {
    location.hash = hash;
  },
  /** Replace the current history entry, so Back skips screens like "starting…". */
  replace(hash: string): void {
    history.replaceState(history.state, '', hash);
    lastHash = hash;
    current = parseRoute(hash);
  },
};
