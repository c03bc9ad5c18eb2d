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
  /** Questionnaires (issue 16): the list with trends, and taking one (carries on an unfinished one). */
  | { name: 'measures' }
  | { name: 'measure'; measureId: 'phq9' | 'gad7' | 'pcl5' }
  /** A therapist's plan carried in the link (issue 16): previewed, stored only when accepted. */
  | { name: 'plan'; payload: string }
  /** Clinician mode: saved plans; with `id`, that plan composed or edited; with `share`, handed over. */
  | { name: 'clinician'; id?: string; share?: boolean }
  | { name: 'not-found'; path: string };

const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const PLAN_ID = /^[0-9a-f]{16}$/;

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
    case 'measures':
      if (parts.length === 1) return { name: 'measures' };
      return (second === 'phq9' || second === 'gad7' || second === 'pcl5') && parts.length === 2
        ? { name: 'measure', measureId: second }
        : notFound(path);
    // A plan's payload is base64url (no '/', nothing to decode); whatever it holds reaches the plan decoder,
    // which explains a damaged link kindly.
    case 'plan':
      return parts.length <= 2 ? { name: 'plan', payload: second ?? '' } : notFound(path);
    case 'clinician':
      if (parts.length === 1) return { name: 'clinician' };
      // Clinician mode: open a report file a person gave (issue 16, the report half).
      if (second === 'report' && parts.length === 2) return { name: 'clinician-report' };
      // A composed plan: its id is 16 hex characters (ClinicianHome), so no word like 'report' is ever one.
      if (second && PLAN_ID.test(second) && (parts.length === 2 || (third === 'share' && parts.length === 3))) {
        return third ? { name: 'clinician', id: second, share: true } : { name: 'clinician', id: second };
      }
      return notFound(path);
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
    case 'measure':
      return `#/measures/${route.measureId}`;
    case 'plan':
      return `#/plan/${route.payload}`;
    case 'clinician':
      return route.id ? `#/clinician/${route.id}${route.share ? '/share' : ''}` : '#/clinician';
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
