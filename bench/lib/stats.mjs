// Summaries of timing samples.

/** Linear-interpolated quantile (q in 0–1); NaN for no samples. */
export function quantile(xs, q) {
  const s = [...xs].sort((a, b) => a - b);
  if (!s.length) return NaN;
  const i = (s.length - 1) * q;
  const lo = Math.floor(i);
  const hi = Math.ceil(i);
  return s[lo] + (s[hi] - s[lo]) * (i - lo);
}

export const median = (xs) => quantile(xs, 0.5);

/** One decimal, for reports; null for a missing number. */
export const r1 = (n) => (n == null || Number.isNaN(n) ? null : Math.round(n * 10) / 10);
