/**
 * Ask the browser to keep our data even under storage pressure. Asked once, after the first saved entry,
 * because browsers (Chromium) grant it more readily once the site has shown value, and a prompt on first
 * open would feel like a demand.
 */
export async function requestPersistence(): Promise<boolean | 'unsupported'> {
  if (typeof navigator === 'undefined' || !navigator.storage?.persist) return 'unsupported';
  if (await navigator.storage.persisted()) return true;
  return navigator.storage.persist();
}
