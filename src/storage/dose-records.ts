/**
 * Whether the dose log holds any record at all (deleted or unreadable ones included), without the dose
 * repository and its schema: the first screen asks this, and with no record there is no phase to compute,
 * so nothing else of the dose code loads (most people never log a dose). See ARCHITECTURE.md, Bundles.
 */
import { getDb } from './db';

export async function anyDoseRecord(): Promise<boolean> {
  return (await (await getDb()).count('doses')) > 0;
}
