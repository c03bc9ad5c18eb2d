/**
 * Hash routes: every screen has a URL that works on any static host and offline, and Back works.
 * Pure parsing, tested in node; the reactive wrapper lives in shell/router.svelte.ts.
 */
export type Route =
  | { name: 'today' }
  /** `leaving`: the way out of an inward exercise was taken (#/ground/leave/<moduleId>, flow/ground.ts WAY_OUT). */
  | { name: 'ground'; leaving?: string }
  | { name: 'help' }
  | { name: 'settings' }
  | { name: 'doses' }
  | { name: 'session-mode' }
  /** Capture a fragment: a short note or a voice note, as it is (issue 14). */
  | { name: 'capture' }
  | { name: 'safety-plan' }
  /** Backup and restore (issue 17): src/backup/. */
  | { name: 'backup' }
  | { name: 'restore' }
  /** Progress report: the person chooses what to share (issue 16). */
  | { name: 'report' }
  /** Clinician mode: open a report file a person gave. */
  | { name: 'clinician-report' }
  /** The fear list (issue 15), the agreement with the clinician, and one situation's charts. */
  | { name: 'exposure' }
  | { name: 'exposure-agree' }
  | { name: 'exposure-item'; id: string }
  | { name: 'journal' }
  | { name: 'journal-new' }
  | { name: 'journal-entry'; id: string }
  | { name: 'journal-edit'; id: string }
  | { name: 'exercise'; moduleId: string }
  | { name: 'session'; sessionId: string }
  | { name: 'not-found'; path: string };

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;

export function parseRoute(hash: string): Route {
  const path = decodeSafe(hash.replace(/^#/, '')).replace(/\/+$/, '') || '/today';
  const parts = path.split('/').filter(Boolean);
  const [head, second, third] = parts;
  switch (head) {
    case undefined:
    case 'today':
      return parts.length <= 1 ? { name: 'today' } : notFound(path);
    case 'ground':
      if (parts.length === 1) return { name: 'ground' };
      return second === 'leave' && third && SAFE_ID.test(third) && parts.length === 3 ? { name: 'ground', leaving: third } : notFound(path);
    case 'help':
    case 'settings':
    case 'doses':
    case 'session-mode':
    case 'capture':
    case 'safety-plan':
    case 'backup':
    case 'restore':
    case 'report':
      return parts.length === 1 ? { name: head } : notFound(path);
    case 'clinician':
      return second === 'report' && parts.length === 2 ? { name: 'clinician-report' } : notFound(path);
    case 'exposure':
      if (parts.length === 1) return { name: 'exposure' };
      if (second === 'agree' && parts.length === 2) return { name: 'exposure-agree' };
      return second && SAFE_ID.test(second) && parts.length === 2 ? { name: 'exposure-item', id: second } : notFound(path);
    case 'journal':
      if (parts.length === 1) return { name: 'journal' };
      if (second === 'new' && parts.length === 2) return { name: 'journal-new' };
      if (second && SAFE_ID.test(second)) {
        if (parts.length === 2) return { name: 'journal-entry', id: second };
        if (third === 'edit' && parts.length === 3) return { name: 'journal-edit', id: second };
      }
      return notFound(path);
    case 'exercise':
      return second && SAFE_ID.test(second) && parts.length === 2 ? { name: 'exercise', moduleId: second } : notFound(path);
    case 'session':
      return second && SAFE_ID.test(second) && parts.length === 2 ? { name: 'session', sessionId: second } : notFound(path);
    default:
      return notFound(path);
  }
}

export function href(route: Route): string {
  switch (route.name) {
    case 'exposure-agree':
      return '#/exposure/agree';
    case 'exposure-item':
      return `#/exposure/${route.id}`;
    case 'journal-new':
      return '#/journal/new';
    case 'journal-entry':
      return `#/journal/${route.id}`;
    case 'journal-edit':
      return `#/journal/${route.id}/edit`;
    case 'exercise':
      return `#/exercise/${route.moduleId}`;
    case 'session':
      return `#/session/${route.sessionId}`;
    case 'ground':
      return route.leaving ? `#/ground/leave/${route.leaving}` : '#/ground';
    case 'clinician-report':
      return '#/clinician/report';
    case 'not-found':
      return `#${route.path}`;
    default:
      return `#/${route.name}`;
  }
}

function notFound(path: string): Route {
  return { name: 'not-found', path };
}

function decodeSafe(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
