// The progress report's steps shared by report.spec, report-measures.spec and therapist-journey.spec:
// show the preview, make and save the locked file, and open it as the clinician.
import { readFile } from 'node:fs/promises';
import { open } from './foundation.mjs';

/** The preview region's name. */
export const PREVIEW = 'This is exactly what your clinician will see';

/** "Show me the report" → the preview's text (what the clinician must later see exactly). */
export async function showReport(page) {
  await page.getByRole('button', { name: 'Show me the report' }).click();
  const preview = page.getByRole('region', { name: PREVIEW });
  await preview.waitFor();
  return { preview, shown: (await preview.locator('[data-report]').innerText()).trim() };
}

/**
 * "Make the locked file" (with `passphrase` typed twice, or none when the file is locked to the clinician's
 * key) → "Save the file" → the download and its bytes.
 * @param {import('playwright-core').Page} page
 * @param {string | null} passphrase
 */
export async function saveLockedFile(page, passphrase) {
  if (passphrase !== null) {
    await page.getByLabel('Choose a passphrase').fill(passphrase);
    await page.getByLabel('Type it again').fill(passphrase);
  }
  await page.getByRole('button', { name: 'Make the locked file' }).click();
  const save = page.getByRole('link', { name: 'Save the file' });
  await save.waitFor({ timeout: 20_000 });
  const [download] = await Promise.all([page.waitForEvent('download'), save.click()]);
  const file = await readFile(/** @type {string} */ (await download.path()));
  return { download, file };
}

/** The clinician's screen with the file chosen (the caller gives the passphrase or key and opens it). */
export async function chooseReportFile(cp, { download, file }) {
  await open(cp, '/clinician/report', { heading: 'Open a progress report' });
  await cp.getByLabel('Choose the report file').setInputFiles({ name: download.suggestedFilename(), mimeType: 'application/octet-stream', buffer: file });
}

/** Type `passphrase`, open, and wait until the report is on screen; returns its text. */
export async function openWithPassphrase(cp, passphrase) {
  await cp.getByLabel('The passphrase the person chose').fill(passphrase);
  await cp.getByRole('button', { name: 'Open the report' }).click();
  await cp.locator('[data-report]').waitFor({ timeout: 20_000 });
  return (await cp.locator('[data-report]').innerText()).trim();
}
