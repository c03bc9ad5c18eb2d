/** The active locale. One file per locale; today only English. */
import { en, type Messages } from './en';

export const t: Messages = en;
export type { Messages };
