/** The shared chart reads three ways: summary, picture (named by the summary) and a table with every value. */
import { render, screen, within } from '@testing-library/svelte';
import { describe, expect, it } from 'vitest';
import LineChart from '../../src/ui/chart/LineChart.svelte';

const props = {
  idPrefix: 'suds',
  title: 'Distress in each practice',
  summary: 'Over 3 practices, distress at its peak went from 80 to 55.',
  xHeader: 'Practice',
  xLabels: ['1', '2', '3'],
  series: [
    { id: 'pre', label: 'Before', marker: 'hollow' as const, values: [50, 45, null] },
    { id: 'peak', label: 'Peak', marker: 'filled' as const, values: [80, 70, 55] },
  ],
  yMin: 0,
  yMax: 100,
  bands: [{ at: 85, label: 'Grounding first' }],
  tableLabel: 'Show the numbers',
  notRated: 'not rated',
};

describe('LineChart', () => {
  it('the picture is named by the summary, and the table has every value with gaps in words', () => {
    render(LineChart, { props });
    expect(screen.getByRole('img', { name: props.summary })).toBeInTheDocument();
    const table = screen.getByRole('table', { name: props.title });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[3]!).getAllByRole('cell').map((c) => c.textContent)).toEqual(['not rated', '55']);
    expect(within(table).getByRole('columnheader', { name: 'Peak' })).toBeInTheDocument();
  });
  it('with no data: the summary only, no empty picture or table', () => {
    render(LineChart, { props: { ...props, xLabels: [], series: [], summary: 'Nothing yet.' } });
    expect(screen.getByText('Nothing yet.')).toBeInTheDocument();
    expect(screen.queryByRole('img')).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
