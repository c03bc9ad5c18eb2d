/** When the app lock closes by itself (pure, tested in node). */
export interface IdleState {
  now: number;
  /** Last touch, click or key while open. */
  lastActive: number;
  /** When the page was hidden, if it is (or was until this moment). */
  hiddenAt?: number | undefined;
  minutes: number;
}

export function shouldLock({ now, lastActive, hiddenAt, minutes }: IdleState): boolean {
  const limit = minutes * 60_000;
  return now - lastActive >= limit || (hiddenAt !== undefined && now - hiddenAt >= limit);
}
