/**
 * Whether the questionnaire store holds any administration at all, without the repository, its schema or the
 * scoring code: Today's measures slot asks this, and with none (and no rhythm set) nothing else of the
 * measures code loads. See ARCHITECTURE.md, Bundles.
 */
import { getDb } from './db';

export async function anyMeasureRecord(): Promise<boolean> {
  return (await (await getDb()).count('measures')) > 0;
}
