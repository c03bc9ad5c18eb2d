/** Where the phase copy (./phase-copy.ts) and the phase boundaries (./phase.ts) come from — CLINICAL.md §1. */
import type { Source } from './module';

export const PHASE_SOURCES: readonly Source[] = [
  { citation: 'Han Y et al. Neuropsychiatr Dis Treat 2016;12:2859', use: 'response about 52% at 24 h, 48% at 72 h, 40% at day 7 after one dose' },
  { citation: 'Pharmacol Rep 2020 (review of single-dose ketamine)', use: 'a single dose usually wears off within about a week' },
  { citation: 'Price RB et al. Am J Psychiatry 2022', use: 'training from day 1 after infusion kept scores low for 30 days' },
  { citation: 'Li N et al. Science 2010;329:959; Nardou R et al. Nature 2023;618:790', use: 'new synapses within ~24 h; a ~48 h window in animals' },
  { citation: 'Girgenti MJ et al. Neurobiol Dis 2017', use: 'no exposure while acutely affected' },
  { citation: 'Groundwork clinical notes, CLINICAL.md §1 (judgment)', use: 'phase boundaries 2 h, 24 h, 72 h, 14 days; a therapist plan may change them' },
];
