/** The grounding exercises, ranked by what has helped this person (their own ratings). */
import { MODULES } from '../modules/registry';
import { rankByHelpfulness, type Ranked } from '../flow/helpfulness';
import type { ModuleMeta } from '../flow/module';
import { entries } from './services';

export async function rankedGrounding(): Promise<Ranked<ModuleMeta>[]> {
  const grounding = MODULES.filter((m) => m.family === 'grounding');
  const all = await entries.listSessions().catch(() => []);
  return rankByHelpfulness(grounding, all);
}
