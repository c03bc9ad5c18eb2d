/** Completed exercises: one table of the guided exercises finished (and left part-way) in the period. */
import { t } from '../../ui/copy/later';
import { findModule } from '../../modules/registry';
import { completedModules } from '../shape';
import type { ReportSectionProvider } from '../sections';

const c = t.report.modules;
const titleOf = (id: string) => findModule(id)?.title;

export const modulesProvider: ReportSectionProvider = {
  id: 'modules',
  label: c.label,
  hint: c.hint,
  async options(ctx) {
    const rows = completedModules(await ctx.entries(), ctx, titleOf);
    if (!rows.length) return [];
    const done = rows.reduce((n, r) => n + r.completed, 0);
    return [{ id: 'done', label: c.option, detail: c.detail(done, rows.length) }];
  },
  async sections(ctx, chosen) {
    if (!chosen.includes('done')) return [];
    const rows = completedModules(await ctx.entries(), ctx, titleOf);
    return rows.length ? [{ type: 'modules', id: 'modules', title: c.title, rows }] : [];
  },
};
