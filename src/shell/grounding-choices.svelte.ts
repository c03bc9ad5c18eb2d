/** The grounding exercises, ranked by what has helped this person (their own ratings). */
import { MODULES } from '../modules/registry';
import { rankByHelpfulness, type Ranked } from '../flow/helpfulness';
import type { ModuleMeta } from '../flow/module';
import type { Entry } from '../storage/schema';
import { entries } from './services';

/** The person's rated sessions (what helped); empty when storage cannot be read. */
export function groundingHistory(): Promise<Entry[]> {
  return entries.listSessions().catch(() => []);
}

export async function rankedGrounding(history?: readonly Entry[]): Promise<Ranked<ModuleMeta>[]> {
  const grounding = MODULES.filter((m) => m.family === 'grounding');
  return rankByHelpfulness(grounding, history ?? (await groundingHistory()));
}
