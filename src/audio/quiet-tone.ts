/**
 * Tone.js prints a banner to the console when it is first evaluated unless this global is set. Imported by
 * engine.ts before 'tone' (ES modules evaluate imports in order), so the banner never appears in the app.
 */
(globalThis as { TONE_SILENCE_LOGGING?: boolean }).TONE_SILENCE_LOGGING = true;
export {};
