/**
 * The progress report (issue 16): what goes in from the person's records, that the report data survives a
 * round trip through its schema and its locked file, and that a damaged, wrong or foreign file is refused
 * with a reason the clinician's screen can explain — never another exception.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Entry } from '../../src/storage/schema';
import {
  REPORT_VERSION,
  ReportFormatError,
  decodeReport,
  encodeReport,
  type Report,
} from '../../src/report/schema';
import { checksLine, completedModules, dateStamp, entryText, periodStart, rehearsedBeliefs } from '../../src/report/shape';
import { buildReport } from '../../src/report/build';
import type { ReportContext, ReportSectionProvider } from '../../src/report/sections';
import { ReportOpenError, openReport, reportFileName, reportMode, sealReport } from '../../src/report/file';
import { passphraseStrength } from '../../src/report/passphrase';
import { sealPlain, sealToPublicKey, sealWithPassphrase } from '../../src/crypto/envelope';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30, 12);

function entry(p: Partial<Entry> & Pick<Entry, 'id'>): Entry {
  return {
    kind: 'session',
    createdAt: NOW - DAY,
    updatedAt: NOW - DAY,
    title: '',
    body: '',
    complete: true,
    ...p,
  };
}

const rehearsal = (id: string, at: number, belief: string, before: number | null, after: number | null) =>
  entry({ id, moduleId: 'belief-rehearsal', createdAt: at, data: { belief, from: 'own', before, written: belief, after } });

function sampleReport(): Report {
  return {
    format: 'groundwork-report',
    v: REPORT_VERSION,
    createdAt: NOW,
    zone: 'Europe/London',
    from: NOW - 28 * DAY,
    to: NOW,
    note: 'Hard week. <b>not bold</b>',
    sections: [
      { type: 'modules', id: 'modules', title: 'Exercises done', rows: [{ moduleId: 'five-senses', title: '5-4-3-2-1 senses', completed: 3, partial: 1, last: NOW - DAY }] },
      { type: 'belief', id: 'belief-x', title: 'Belief rehearsal', belief: 'I did what I could', points: [{ at: NOW - 2 * DAY, before: 20, after: 40 }] },
      {
        type: 'entries',
        id: 'entries',
        title: 'Journal entries',
        entries: [{ at: NOW - DAY, kind: 'free', title: 'Tuesday', text: '<script>alert(1)</script> and rain' }],
      },
      {
        type: 'series',
        id: 'phq9',
        title: 'PHQ-9',
        summary: 'From 14 to 9 over 3 weeks.',
        xHeader: 'Week',
        xLabels: ['1', '2', '3'],
        series: [{ id: 'total', label: 'Total', marker: 'filled', values: [14, null, 9] }],
        yMin: 0,
        yMax: 27,
        bands: [{ at: 10, label: 'moderate' }],
      },
      { type: 'table', id: 't', title: 'Items', columns: ['Item', 'Answer'], rows: [['1', '2']] },
    ],
  };
}

describe('what goes into the report', () => {
  it('periods end now and start 2, 4 or 13 weeks before (or never)', () => {
    expect(periodStart('weeks2', NOW)).toBe(NOW - 14 * DAY);
    expect(periodStart('weeks4', NOW)).toBe(NOW - 28 * DAY);
    expect(periodStart('months3', NOW)).toBe(NOW - 91 * DAY);
    expect(periodStart('all', NOW)).toBeNull();
  });

  it('completed exercises: one row each, finished and left part-way counted apart, only in the period, deleted left out', () => {
    const w = { from: NOW - 7 * DAY, to: NOW };
    const rows = completedModules(
      [
        entry({ id: 'a', moduleId: 'five-senses', createdAt: NOW - DAY }),
        entry({ id: 'b', moduleId: 'five-senses', createdAt: NOW - 2 * DAY, complete: false }),
        entry({ id: 'c', moduleId: 'five-senses', createdAt: NOW - 3 * DAY }),
        entry({ id: 'd', moduleId: 'breathing', createdAt: NOW - 30 * DAY }), // before the period
        entry({ id: 'e', moduleId: 'breathing', createdAt: NOW - DAY, deletedAt: NOW }),
        entry({ id: 'f', moduleId: 'thought-record', createdAt: NOW - 4 * DAY }),
        entry({ id: 'g', kind: 'free', createdAt: NOW - DAY }),
      ],
      w,
      (id) => ({ 'five-senses': '5-4-3-2-1 senses' })[id],
    );
    expect(rows).toEqual([
      { moduleId: 'five-senses', title: '5-4-3-2-1 senses', completed: 2, partial: 1, last: NOW - DAY },
      { moduleId: 'thought-record', title: 'thought-record', completed: 1, partial: 0, last: NOW - 4 * DAY },
    ]);
  });

  it('beliefs: one per belief (case and spacing ignored), newest first, each with its practices oldest first', () => {
    const list = rehearsedBeliefs(
      [
        rehearsal('r1', NOW - 5 * DAY, 'I did what I could', 20, 35),
        rehearsal('r2', NOW - 3 * DAY, 'i did  what I could', 30, 50),
        rehearsal('r3', NOW - 4 * DAY, 'I am allowed to rest', null, 60),
        rehearsal('r4', NOW - 60 * DAY, 'Old belief', 10, 20),
      ],
      { from: NOW - 28 * DAY, to: NOW },
    );
    expect(list.map((b) => [b.id, b.belief, b.points.length])).toEqual([
      ['r2', 'i did  what I could', 2],
      ['r3', 'I am allowed to rest', 1],
    ]);
    expect(list[0]!.points.map((p) => p.before)).toEqual([20, 30]);
  });

  it('an entry reads as the exercise summary, then the note; ratings as before → after', () => {
    expect(entryText({ body: '  my note ' }, 'Situation: rain')).toBe('Situation: rain\n\nmy note');
    expect(entryText({ body: '' }, '')).toBe('');
    const words = { presence: 'Presence', distress: 'Distress' };
    expect(checksLine({ before: { presence: 3, distress: 7, at: 1 }, after: { presence: 6, at: 2 } }, words)).toBe(
      'Presence 3 → 6 · Distress 7 → –',
    );
    expect(checksLine({}, words)).toBe('');
  });

  it('the file is named after the day it was made, in the person’s zone', () => {
    expect(dateStamp(Date.UTC(2026, 10, 30, 23, 30), 'Pacific/Auckland')).toBe('2026-12-01');
    expect(dateStamp(Date.UTC(2026, 10, 30, 23, 30), 'UTC')).toBe('2026-11-30');
    expect(reportFileName({ ...sampleReport(), createdAt: Date.UTC(2026, 0, 5), zone: 'UTC' })).toBe(
      'groundwork-report-2026-01-05.groundwork-report',
    );
  });
});

describe('building from providers', () => {
  const ctx = { from: null, to: NOW, zone: 'UTC', app: {} as never, entries: async () => [] } satisfies ReportContext;
  const provider = (id: string, title: string): ReportSectionProvider => ({
    id,
    label: id,
    options: async () => [{ id: 'x', label: 'x' }],
    sections: async (_c, chosen) =>
      chosen.map((o) => ({ type: 'table' as const, id: `${id}-${o}`, title, columns: ['a'], rows: [[o]] })),
  });

  it('only what was chosen goes in, in provider order, with the note', async () => {
    const report = await buildReport(
      [provider('one', 'One'), provider('two', 'Two'), provider('three', 'Three')],
      ctx,
      new Map([
        ['three', ['c']],
        ['one', ['a']],
      ]),
      '  a note  ',
    );
    expect(report.sections.map((s) => s.title)).toEqual(['One', 'Three']);
    expect(report.note).toBe('a note');
    expect(report.createdAt).toBe(NOW);
  });

  it('a provider that returns a section the schema refuses stops the report (nothing half-made is shown)', async () => {
    const bad: ReportSectionProvider = {
      id: 'bad',
      label: 'bad',
      options: async () => [],
      sections: async () => [{ type: 'table', id: '', title: 'x', columns: [], rows: [] }],
    };
    await expect(buildReport([bad], ctx, new Map([['bad', ['x']]]), '')).rejects.toThrow();
  });
});

describe('report data', () => {
  it('a report that would not read back (a NaN from a provider) is never handed over', () => {
    const r = sampleReport();
    const s = r.sections[3]!;
    if (s.type !== 'series') throw new Error('fixture');
    expect(() => encodeReport({ ...r, sections: [{ ...s, series: [{ ...s.series[0]!, values: [1, NaN, 2] }] }] })).toThrow();
  });

  it('round trips through its schema and bytes; text stays text', () => {
    const r = sampleReport();
    const back = decodeReport(encodeReport(r));
    expect(back).toEqual(r);
  });

  it('refuses what is not a report, and says when it is a newer version', () => {
    const enc = (x: unknown) => new TextEncoder().encode(JSON.stringify(x));
    const reason = (bytes: Uint8Array) => {
      try {
        decodeReport(bytes);
        return 'opened';
      } catch (e) {
        return e instanceof ReportFormatError ? e.reason : 'other';
      }
    };
    expect(reason(new Uint8Array([0xff, 0xfe]))).toBe('malformed');
    expect(reason(enc(null))).toBe('malformed');
    expect(reason(enc({ ...sampleReport(), v: 2 }))).toBe('unsupported-version');
    // Unknown keys are dropped on reading, never shown.
    expect(decodeReport(enc({ ...sampleReport(), extra: '<b>x</b>' }))).toEqual(sampleReport());
    expect(reason(enc({ ...sampleReport(), sections: [{ type: 'html', id: 'x' }] }))).toBe('malformed');
    const s = sampleReport();
    const series = s.sections[3]!;
    if (series.type !== 'series') throw new Error('fixture');
    expect(reason(enc({ ...s, sections: [{ ...series, xLabels: ['1'] }] }))).toBe('malformed');
  });
});

describe('the locked file', () => {
  const reasonOf = async (p: Promise<unknown>) => {
    try {
      await p;
      return 'opened';
    } catch (e) {
      if (e instanceof ReportOpenError) return e.reason;
      throw e;
    }
  };

  it('with a passphrase: opens with it, and a wrong one says so', async () => {
    const file = await sealReport(sampleReport(), { passphrase: 'lantern pebble orchard sky' });
    expect(reportMode(file)).toBe('passphrase');
    expect(await openReport(file, { passphrase: 'lantern pebble orchard sky' })).toEqual(sampleReport());
    expect(await reasonOf(openReport(file, { passphrase: 'lantern pebble orchard' }))).toBe('wrong-secret-passphrase');
  });

  it('to the clinician’s key: opens with their private key, another key says so, no key says it needs one', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])) as CryptoKeyPair;
    const other = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])) as CryptoKeyPair;
    const file = await sealReport(sampleReport(), { recipient: await crypto.subtle.exportKey('jwk', pair.publicKey) });
    expect(reportMode(file)).toBe('public-key');
    expect(await openReport(file, { privateKey: pair.privateKey })).toEqual(sampleReport());
    expect(await reasonOf(openReport(file, { privateKey: other.privateKey }))).toBe('wrong-secret-key');
    expect(await reasonOf(openReport(file, null))).toBe('needs-key');
  });

  it('a backup is not a report; a damaged file is damaged; a locked file whose content is not a report is malformed', async () => {
    const backup = await sealWithPassphrase(new Uint8Array([1]), 'pw', 'groundwork-backup', { iterations: 1000 });
    expect(() => reportMode(backup)).toThrow(ReportOpenError);
    expect(await reasonOf(openReport(backup, { passphrase: 'pw' }))).toBe('wrong-kind');
    expect(await reasonOf(openReport(new TextEncoder().encode('hello'), null))).toBe('malformed');
    expect(await reasonOf(openReport(sealPlain(new TextEncoder().encode('{"v":1}'), 'groundwork-report'), null))).toBe('malformed');
  });

  it('property: 1,000 mutated report files are each refused with a ReportOpenError (or open to the same report)', async () => {
    const pair = (await crypto.subtle.generateKey({ name: 'ECDH', namedCurve: 'P-256' }, false, ['deriveBits'])) as CryptoKeyPair;
    const file = await sealToPublicKey(encodeReport(sampleReport()), await crypto.subtle.exportKey('jwk', pair.publicKey), 'groundwork-report');
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          fc.record({ cut: fc.nat() }),
          fc.record({ at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
          fc.record({ at: fc.nat(), insert: fc.integer({ min: 0, max: 255 }) }),
        ),
        async (m) => {
          const b = Array.from(file);
          if ('cut' in m) b.length = m.cut % b.length;
          else if ('byte' in m) b[m.at % b.length] = m.byte;
          else b.splice(m.at % b.length, 0, m.insert);
          const mutated = Uint8Array.from(b);
          fc.pre(mutated.length !== file.length || mutated.some((x, i) => x !== file[i]));
          try {
            await openReport(mutated, { privateKey: pair.privateKey });
          } catch (e) {
            if (e instanceof ReportOpenError) return;
            throw e;
          }
          throw new Error('a mutated report opened');
        },
      ),
      { numRuns: 1000, seed: 16 },
    );
  });

  it('property: mutated report JSON inside a good envelope is refused with a ReportFormatError or reads as a valid report', () => {
    const json = new TextEncoder().encode(JSON.stringify(sampleReport()));
    fc.assert(
      fc.property(fc.nat(), fc.integer({ min: 0, max: 255 }), (at, byte) => {
        const b = json.slice();
        b[at % b.length] = byte;
        try {
          const r = decodeReport(b);
          expect(r.format).toBe('groundwork-report');
        } catch (e) {
          if (!(e instanceof ReportFormatError)) throw e;
        }
      }),
      { numRuns: 1000, seed: 17 },
    );
  });
});

describe('passphrase hint', () => {
  it.each([
    ['', 'empty'],
    ['abc', 'too-short'],
    ['password1', 'weak'],
    ['aaaaaaaaaaaa', 'weak'],
    ['abcdefgh', 'weak'],
    ['Tr0ub4dor&3', 'fair'],
    ['lantern pebble orchard sky', 'strong'],
    ['correct horse battery staple', 'strong'],
  ])('%j → %s', (p, expected) => {
    expect(passphraseStrength(p)).toBe(expected);
  });
});
