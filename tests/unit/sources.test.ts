/**
 * Issue 12, "Sources": the Prolonged Exposure therapist guide is cited in its 2019 second edition (Foa,
 * Hembree, Rothbaum & Rauch), wherever the app or its code names it — not the 2007 first edition.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXPOSURE_SOURCES } from '../../src/modules/exposure/content';
import { sources as breathingSources } from '../../src/modules/grounding/breathing/content';

const SRC = new URL('../../src/', import.meta.url).pathname;
const PE_GUIDE = /Prolonged Exposure Therapy for PTSD/;
const SECOND_EDITION =
  'Foa EB, Hembree EA, Rothbaum BO, Rauch SAM. Prolonged Exposure Therapy for PTSD: Emotional Processing of Traumatic Experiences. Therapist Guide, 2nd ed. Oxford University Press, 2019.';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.(ts|svelte)$/.test(name) ? [path] : [];
  });
}

describe('the PE therapist guide', () => {
  it('is cited as the 2019 second edition where the person reads it (breathing, exposure)', () => {
    for (const list of [breathingSources, EXPOSURE_SOURCES]) {
      const pe = list.filter((s) => PE_GUIDE.test(s.citation));
      expect(pe.map((s) => s.citation)).toEqual([SECOND_EDITION]);
    }
  });

  it('is never named by its 2007 first edition anywhere in src/', () => {
    const stale: string[] = [];
    for (const file of files(SRC)) {
      const lines = readFileSync(file, 'utf8').split('\n');
      lines.forEach((line, i) => {
        // A mention of the guide or its authors, and the year on the same or the next line.
        if (!/Foa\b|Prolonged Exposure Therapy/.test(line)) return;
        if (/\b2007\b/.test(`${line} ${lines[i + 1] ?? ''}`)) stale.push(`${file.slice(SRC.length)}:${i + 1}`);
      });
    }
    expect(stale).toEqual([]);
  });
});
