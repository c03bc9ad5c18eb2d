/**
 * Hash routes: every screen has a URL that survives a reload, Back, and a hand-edited or hostile hash.
 * Unknown or malformed input always lands on "not found", never on a screen with a forged id.
 */
import { describe, expect, it } from 'vitest';
import { href, parseRoute, type Route } from '../../src/ui/routes';

const UUID = '9a1c4f2e-3b5d-4e6f-8a7b-0c1d2e3f4a5b';

describe('parseRoute', () => {
  it.each<[string, Route]>([
    // The first screen, however the URL is spelled.
    ['', { name: 'today' }],
    ['#', { name: 'today' }],
    ['#/', { name: 'today' }],
    ['#//', { name: 'today' }],
    ['#/today', { name: 'today' }],
    ['#/today/', { name: 'today' }],
    ['#today', { name: 'today' }],
    // Top-level screens.
    ['#/ground', { name: 'ground' }],
    // The way out of safe-place imagery (issue 12).
    ['#/ground/leave/safe-place', { name: 'ground', leaving: 'safe-place' }],
    ['#/help', { name: 'help' }],
    ['#/settings', { name: 'settings' }],
    ['#/settings/', { name: 'settings' }],
    // The dose log and session mode.
    ['#/doses', { name: 'doses' }],
    ['#/doses/', { name: 'doses' }],
    ['#/session-mode', { name: 'session-mode' }],
    // Capturing fragments (issue 14).
    ['#/capture', { name: 'capture' }],
    ['#/capture/', { name: 'capture' }],
    ['#/safety-plan', { name: 'safety-plan' }],
    ['#/safety-plan/', { name: 'safety-plan' }],
    ['#/backup', { name: 'backup' }],
    ['#/restore', { name: 'restore' }],
    // The progress report (issue 16): the person's side and the clinician's.
    ['#/report', { name: 'report' }],
    ['#/report/', { name: 'report' }],
    ['#/clinician/report', { name: 'clinician-report' }],
    ['#/clinician/report/', { name: 'clinician-report' }],
    ['#/exposure', { name: 'exposure' }],
    ['#/exposure/agree', { name: 'exposure-agree' }],
    [`#/exposure/${UUID}`, { name: 'exposure-item', id: UUID }],
    // Questionnaires (issue 16).
    ['#/measures', { name: 'measures' }],
    ['#/measures/', { name: 'measures' }],
    ['#/measures/phq9', { name: 'measure', measureId: 'phq9' }],
    ['#/measures/pcl5/', { name: 'measure', measureId: 'pcl5' }],
    // Journal.
    ['#/journal', { name: 'journal' }],
    ['#/journal/', { name: 'journal' }],
    ['#/journal///', { name: 'journal' }],
    ['#/journal/new', { name: 'journal-new' }],
    ['#/journal/new/', { name: 'journal-new' }],
    [`#/journal/${UUID}`, { name: 'journal-entry', id: UUID }],
    [`#/journal/${UUID}/`, { name: 'journal-entry', id: UUID }],
    [`#/journal/${UUID}/edit`, { name: 'journal-edit', id: UUID }],
    [`#/journal/${UUID}/edit/`, { name: 'journal-edit', id: UUID }],
    ['#/journal/session_1', { name: 'journal-entry', id: 'session_1' }],
    // Exercises and sessions.
    ['#/exercise/five-senses', { name: 'exercise', moduleId: 'five-senses' }],
    [`#/session/${UUID}`, { name: 'session', sessionId: UUID }],
    // Encoded characters are decoded before matching: an encoded hyphen is a hyphen.
    ['#/journal/abc%2D123', { name: 'journal-entry', id: 'abc-123' }],
    ['#/exercise/five%2Dsenses', { name: 'exercise', moduleId: 'five-senses' }],
    ['#%2Fjournal', { name: 'journal' }],
    // Therapist plans (issue 16): the payload is taken as it is (the decoder explains a damaged one).
    ['#/plan/eJzLSM3JyQcABiwCFQ', { name: 'plan', payload: 'eJzLSM3JyQcABiwCFQ' }],
    ['#/plan/', { name: 'plan', payload: '' }],
    ['#/plan/abc%20def', { name: 'plan', payload: 'abc def' }],
    ['#/clinician', { name: 'clinician' }],
    ['#/clinician/0123456789abcdef', { name: 'clinician', id: '0123456789abcdef' }],
    ['#/clinician/0123456789abcdef/share', { name: 'clinician', id: '0123456789abcdef', share: true }],
  ])('%j → %j', (hash, expected) => {
    expect(parseRoute(hash)).toEqual(expected);
  });

  it.each<[string, string]>([
    // Hostile or malformed ids never reach a screen as an id.
    ['#/journal/<script>', '/journal/<script>'],
    ['#/journal/%3Cscript%3Ealert(1)%3C%2Fscript%3E', '/journal/<script>alert(1)</script>'],
    ['#/journal/"onmouseover="x', '/journal/"onmouseover="x'],
    ['#/journal/a b', '/journal/a b'],
    ['#/journal/%20', '/journal/ '],
    ['#/journal/..', '/journal/..'],
    ['#/journal/%2E%2E', '/journal/..'],
    ['#/journal/café', '/journal/café'],
    [`#/journal/${'a'.repeat(101)}`, `/journal/${'a'.repeat(101)}`],
    ['#/exercise/five senses', '/exercise/five senses'],
    ['#/session/<img src=x>', '/session/<img src=x>'],
    // Malformed percent-encoding is kept as typed rather than throwing.
    ['#/journal/%E0%A4%A', '/journal/%E0%A4%A'],
    ['#/%', '/%'],
    // Unknown paths and extra segments.
    ['#/nowhere', '/nowhere'],
    ['#/Journal', '/Journal'],
    ['#/today/extra', '/today/extra'],
    ['#/ground/now', '/ground/now'],
    ['#/ground/leave', '/ground/leave'],
    ['#/ground/leave/safe-place/x', '/ground/leave/safe-place/x'],
    ['#/help/me', '/help/me'],
    ['#/doses/123', '/doses/123'],
    ['#/session-mode/end', '/session-mode/end'],
    ['#/capture/voice', '/capture/voice'],
    ['#/Capture', '/Capture'],
    ['#/safety-plan/print', '/safety-plan/print'],
    ['#/backup/now', '/backup/now'],
    ['#/restore/x', '/restore/x'],
    ['#/report/print', '/report/print'],
    ['#/clinician/report/x', '/clinician/report/x'],
    ['#/clinician/reports', '/clinician/reports'],
    ['#/exposure/agree/now', '/exposure/agree/now'],
    ['#/exposure/a b', '/exposure/a b'],
    ['#/measures/bdi', '/measures/bdi'],
    ['#/measures/phq9/extra', '/measures/phq9/extra'],
    ['#/journal/new/extra', '/journal/new/extra'],
    [`#/journal/${UUID}/delete`, `/journal/${UUID}/delete`],
    [`#/journal/${UUID}/edit/more`, `/journal/${UUID}/edit/more`],
    ['#/exercise', '/exercise'],
    ['#/exercise/five-senses/2', '/exercise/five-senses/2'],
    ['#/session', '/session'],
    ['#/journal?q=rain', '/journal?q=rain'],
    ['#/clinician/<x>', '/clinician/<x>'],
    ['#/clinician/abc/print', '/clinician/abc/print'],
    ['#/clinician/plan_1', '/clinician/plan_1'],
    ['#/clinician/abc/share/x', '/clinician/abc/share/x'],
    ['#/plan/abc/def', '/plan/abc/def'],
  ])('%j → not found (%j)', (hash, path) => {
    expect(parseRoute(hash)).toEqual({ name: 'not-found', path });
  });

  it('a very long hash is handled without throwing', () => {
    const long = '#/' + 'x/'.repeat(50_000);
    expect(parseRoute(long).name).toBe('not-found');
  });
});

describe('href', () => {
  it.each<[Route, string]>([
    [{ name: 'today' }, '#/today'],
    [{ name: 'ground' }, '#/ground'],
    [{ name: 'ground', leaving: 'safe-place' }, '#/ground/leave/safe-place'],
    [{ name: 'help' }, '#/help'],
    [{ name: 'settings' }, '#/settings'],
    [{ name: 'doses' }, '#/doses'],
    [{ name: 'session-mode' }, '#/session-mode'],
    [{ name: 'capture' }, '#/capture'],
    [{ name: 'safety-plan' }, '#/safety-plan'],
    [{ name: 'backup' }, '#/backup'],
    [{ name: 'restore' }, '#/restore'],
    [{ name: 'report' }, '#/report'],
    [{ name: 'clinician-report' }, '#/clinician/report'],
    [{ name: 'exposure' }, '#/exposure'],
    [{ name: 'exposure-agree' }, '#/exposure/agree'],
    [{ name: 'exposure-item', id: UUID }, `#/exposure/${UUID}`],
    [{ name: 'measures' }, '#/measures'],
    [{ name: 'measure', measureId: 'gad7' }, '#/measures/gad7'],
    [{ name: 'journal' }, '#/journal'],
    [{ name: 'journal-new' }, '#/journal/new'],
    [{ name: 'journal-entry', id: UUID }, `#/journal/${UUID}`],
    [{ name: 'journal-edit', id: UUID }, `#/journal/${UUID}/edit`],
    [{ name: 'exercise', moduleId: 'five-senses' }, '#/exercise/five-senses'],
    [{ name: 'session', sessionId: UUID }, `#/session/${UUID}`],
    [{ name: 'plan', payload: 'abc-_' }, '#/plan/abc-_'],
    [{ name: 'clinician' }, '#/clinician'],
    [{ name: 'clinician', id: '0123456789abcdef' }, '#/clinician/0123456789abcdef'],
    [{ name: 'clinician', id: '0123456789abcdef', share: true }, '#/clinician/0123456789abcdef/share'],
    [{ name: 'not-found', path: '/nowhere' }, '#/nowhere'],
  ])('%j → %s', (route, expected) => {
    expect(href(route)).toBe(expected);
  });
});

describe('round trips', () => {
  const routes: Route[] = [
    { name: 'today' },
    { name: 'ground' },
    { name: 'ground', leaving: 'safe-place' },
    { name: 'help' },
    { name: 'settings' },
    { name: 'doses' },
    { name: 'session-mode' },
    { name: 'capture' },
    { name: 'safety-plan' },
    { name: 'backup' },
    { name: 'restore' },
    { name: 'report' },
    { name: 'clinician-report' },
    { name: 'exposure' },
    { name: 'exposure-agree' },
    { name: 'exposure-item', id: UUID },
    { name: 'measures' },
    { name: 'measure', measureId: 'pcl5' },
    { name: 'journal' },
    { name: 'journal-new' },
    { name: 'journal-entry', id: UUID },
    { name: 'journal-entry', id: 'session_1' },
    { name: 'journal-edit', id: UUID },
    { name: 'exercise', moduleId: 'five-senses' },
    { name: 'session', sessionId: UUID },
    { name: 'plan', payload: 'eJzLSM3JyQcABiwCFQ' },
    { name: 'clinician' },
    { name: 'clinician', id: '0123456789abcdef' },
    { name: 'clinician', id: '0123456789abcdef', share: true },
    { name: 'not-found', path: '/nowhere' },
    { name: 'not-found', path: '/journal/<script>' },
  ];

  it.each(routes.map((r) => [r.name, r] as const))('every screen’s URL opens the same screen: %s', (_name, route) => {
    expect(parseRoute(href(route))).toEqual(route);
  });

  it.each(['#/today', '#/journal', '#/journal/new', `#/journal/${UUID}/edit`, '#/exercise/five-senses', `#/session/${UUID}`])(
    'a canonical URL is stable: href(parseRoute(%j)) gives it back',
    (hash) => {
      expect(href(parseRoute(hash))).toBe(hash);
    },
  );

  it.each(['', '#', '#/', '#/today/', '#/journal//', `#/journal/${UUID}/`])('a sloppy URL is normalised to its canonical form: %j', (hash) => {
    const canonical = href(parseRoute(hash));
    expect(parseRoute(canonical)).toEqual(parseRoute(hash));
    expect(canonical).not.toMatch(/\/$/);
  });
});
