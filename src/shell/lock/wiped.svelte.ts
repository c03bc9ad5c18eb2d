/** "Delete everything" has run in this page: what was removed, shown by the lock screen until "Start fresh". */
import type { WipeReport } from './wipe';

export const wiped = $state<{ report: WipeReport | undefined }>({ report: undefined });
