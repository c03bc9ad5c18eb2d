/**
 * Pure geometry for the shared line chart (ui/chart/LineChart.svelte): where each column and value sits in
 * the SVG's own coordinate space, which x labels fit, and the y ticks. No DOM, tested in node.
 */
export interface Layout {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** x of each column, in order. */
  xs: number[];
  /** Indexes of columns whose label is drawn (thinned so labels never overlap; the table has them all). */
  labelled: number[];
  y(value: number): number;
  ticks: { value: number; y: number }[];
}

export interface LayoutInput {
  columns: number;
  yMin: number;
  yMax: number;
  ticks?: readonly number[];
  width?: number;
  height?: number;
}

/** About how many x labels fit across the default width without touching (each ~ 40 units wide). */
const LABEL_ROOM = 44;

export function layout({ columns, yMin, yMax, ticks, width = 480, height = 220 }: LayoutInput): Layout {
  const left = 40;
  const right = width - 12;
  const top = 12;
  const bottom = height - 28;
  const span = yMax - yMin || 1;
  const y = (value: number) => bottom - ((clamp(value, yMin, yMax) - yMin) / span) * (bottom - top);
  const step = columns > 1 ? (right - left - 16) / (columns - 1) : 0;
  const xs = Array.from({ length: columns }, (_, i) => (columns > 1 ? left + 8 + i * step : (left + right) / 2));
  const every = Math.max(1, Math.ceil(columns / Math.max(1, Math.floor((right - left) / LABEL_ROOM))));
  const labelled = xs.map((_, i) => i).filter((i) => i % every === 0 || i === columns - 1);
  // The last label always shows; drop the one before it when the two would touch.
  if (labelled.length > 1 && labelled[labelled.length - 1]! - labelled[labelled.length - 2]! < every) labelled.splice(-2, 1);
  const tickValues = ticks ?? defaultTicks(yMin, yMax);
  return { width, height, left, right, top, bottom, xs, labelled, y, ticks: tickValues.map((value) => ({ value, y: y(value) })) };
}

/** Five evenly spaced round ticks from min to max (0, 25, 50, 75, 100 for SUDS). */
export function defaultTicks(min: number, max: number): number[] {
  const raw = (max - min) / 4;
  const magnitude = 10 ** Math.floor(Math.log10(raw || 1));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * magnitude).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(min / step) * step; v <= max + 1e-9; v += step) out.push(Math.round(v * 1000) / 1000);
  return out;
}

/** SVG polyline points for one series, breaking the line where a value is missing. */
export function segments(values: readonly (number | null)[], l: Pick<Layout, 'xs' | 'y'>): string[] {
  const out: string[] = [];
  let run: string[] = [];
  values.forEach((value, i) => {
    if (value === null) {
      if (run.length > 1) out.push(run.join(' '));
      run = [];
      return;
    }
    run.push(`${round(l.xs[i]!)},${round(l.y(value))}`);
  });
  if (run.length > 1) out.push(run.join(' '));
  return out;
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, n));
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
