/** Dates and summaries for the journal, in the person's locale and time zone. Pure. */
import type { Entry } from '../storage/schema';

export function formatWhen(ms: number, locale?: string): string {
  return new Date(ms).toLocaleString(locale, { dateStyle: 'medium', timeStyle: 'short' });
}

/** First non-empty line, shortened: for the list, where entries must be scannable. */
export function excerpt(entry: Entry, max = 140): string {
  const text = entry.body.trim() || summarizeData(entry.data);
  const line = text.split('\n').find((l) => l.trim()) ?? '';
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A readable fallback for module answers when no module summary is loaded (e.g. steps data). */
export function summarizeData(data: unknown): string {
  if (!data || typeof data !== 'object') return '';
  const parts: string[] = [];
  for (const value of Object.values(data as Record<string, unknown>)) {
    if (value && typeof value === 'object' && 'text' in value && typeof value.text === 'string' && value.text.trim()) {
      parts.push(value.text.trim());
    }
  }
  return parts.join(' · ');
}
