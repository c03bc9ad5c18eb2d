/** Belief rehearsal: one chart per belief the person chooses (believability before and after each practice). */
import { t } from '../../ui/copy/later';
import { rehearsedBeliefs } from '../shape';
import type { ReportSectionProvider } from '../sections';

const c = t.report.belief;

export const beliefProvider: ReportSectionProvider = {
  id: 'belief',
  label: c.label,
  hint: c.hint,
  async options(ctx) {
    return rehearsedBeliefs(await ctx.entries(), ctx).map((b) => ({ id: b.id, label: b.belief, detail: c.detail(b.points.length) }));
  },
  async sections(ctx, chosen) {
    return rehearsedBeliefs(await ctx.entries(), ctx)
      .filter((b) => chosen.includes(b.id))
      .map((b) => ({ type: 'belief' as const, id: `belief-${b.id}`, title: c.title, belief: b.belief, points: b.points }));
  },
};
