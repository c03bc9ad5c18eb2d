/**
 * Loudness and timing limits of the audio layer, in one tone-free place so the engine (which loads Tone.js)
 * and the facade (which must not) agree on them, and the offline checks in tests/audio assert the same
 * numbers.
 *
 * Why so cautious: in the hours after a ketamine dose people are often sound-sensitive and easily startled
 * (CLINICAL.md §1, session phase; DESIGN.md §6: "volume capped by default, fades in and out over seconds,
 * no sudden changes"). So: quiet by default, a hard ceiling, and nothing that starts or stops abruptly.
 */
export const LEVELS = {
  /** Master gain before the limiter. The soundscapes are balanced to about −13 dBFS RMS before it, so
   *  they play at about −31 dBFS RMS with peaks around −17 to −21 dBFS (measured by tests/audio): clearly
   *  audible on a phone at a normal system volume, never loud, and all three about equally loud so a
   *  switch is not a jump. */
  masterDb: -18,
  /** Ceiling: a limiter catches anything (crossfade overlap, breath cue on top of a soundscape) above this. */
  limiterDb: -12,
  /** Soundscape fade in, from silence, seconds. An S-shaped curve: it starts inaudibly slowly. */
  fadeInS: 3,
  /** Fade out when stopped or switched off, seconds. */
  fadeOutS: 3,
  /** Switching soundscape: the old one fades out while the new one fades in, seconds. */
  crossfadeS: 3,
  /** Breath cue: attack of each swell, seconds. ≥30 ms so it never clicks; 80 ms still marks the moment. */
  cueAttackS: 0.08,
  /** Longest breath-cue swell, seconds; shorter phases get 70% of their length. */
  cueMaxS: 1.6,
  /** When the cues are cancelled (pause, leaving), the swell under way fades over this, seconds. */
  cueCancelS: 0.3,
  /** The person's volume setting (0–1) ramps over this, seconds. */
  volumeRampS: 0.5,
} as const;

/** Audio stops by itself after the app has been in the background this long (ms); it restarts only when
 *  the person asks. Long enough that glancing at another app does not cut a session's sound. */
export const HIDDEN_STOP_MS = 60_000;

/** How long to wait for the browser to let the AudioContext run before reporting "blocked" (ms). */
export const RESUME_TIMEOUT_MS = 4_000;

/** The person's volume setting (0–1) as a gain under the cap. Squared: closer to how loudness is heard,
 *  so the lower half of a slider stays usable. 1 = the cap, never above it. */
export function volumeToGain(volume: number): number {
  const v = Number.isFinite(volume) ? Math.min(1, Math.max(0, volume)) : 1;
  return v * v;
}

/** S-shaped (raised-cosine) fade from `from` to `to` as `points` values: zero slope at both ends, so
 *  neither the start nor the end of a fade is heard as an edge. */
export function fadeCurve(from: number, to: number, points = 48): number[] {
  const out: number[] = [];
  for (let i = 0; i <= points; i++) {
    const s = (1 - Math.cos((Math.PI * i) / points)) / 2;
    out.push(from + (to - from) * s);
  }
  return out;
}
