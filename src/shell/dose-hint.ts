/**
 * Whether a dose was ever found on this device (localStorage, read at once): lets Today load the dose code
 * and read the newest doses while it counts them, instead of after (bench: Today with 200 doses, issue 14).
 * Only a hint — what is shown always comes from the database, and the count corrects it.
 */
const HINT = 'groundwork:dose-logged';

export function doseHint(value?: boolean): boolean {
  try {
    if (value === true) localStorage.setItem(HINT, '1');
    else if (value === false) localStorage.removeItem(HINT);
    return localStorage.getItem(HINT) === '1';
  } catch {
    return false; // private mode: only slower
  }
}
