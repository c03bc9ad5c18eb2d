/**
 * The coalescing writer (storage/writer.ts) when there is nothing for it to write: an older writer of a
 * record that a newer one took over (a reopened session after a reload) must stop, and its flush() must
 * end. Before the fix its pump finished synchronously, left `running` set to a settled promise, and
 * flush() spun in `while (running) await running` forever — a frozen tab (found as a hung unit run).
 * Without the fix this test does not fail quickly: the spin starves timers, so the run hangs until CI's
 * time limit — which is how it was found.
 */
import { describe, expect, it } from 'vitest';
import { createWriter } from '../../src/storage/writer';

describe('the coalescing writer', () => {
  it('an older writer whose write failed, then another writer took the record: it stops, and flush() ends', async () => {
    let fail = true;
    const older = createWriter<string>({
      key: 'sessions:w1',
      backoffMs: [60_000],
      write: async () => {
        if (fail) throw new DOMException('full', 'QuotaExceededError');
      },
    });
    older.change('older words');
    await older.flush(); // the write fails: the words stay dirty for a retry
    expect(older.dirty).toBe(true);
    fail = false;
    const newer = createWriter<string>({ key: 'sessions:w1', write: async () => {} });
    newer.change('newest words'); // a reopened session now owns the record's latest words
    const spun = (p: Promise<unknown>) =>
      Promise.race([p.then(() => 'ended'), new Promise((r) => setTimeout(() => r('spun'), 1000))]);
    expect(await spun(older.flush())).toBe('ended'); // nothing of its own to write any more
    expect(await spun(older.flush())).toBe('ended'); // and again: before the fix this one never returned
    expect(older.dirty).toBe(false);
    older.cancel();
    await newer.flush();
  });

  it('flush() with nothing to write ends at once', async () => {
    const w = createWriter<string>({ key: 'drafts:w2', write: async () => {} });
    const ended = await Promise.race([w.flush().then(() => 'ended'), new Promise((r) => setTimeout(() => r('spun'), 1000))]);
    expect(ended).toBe('ended');
  });
});
