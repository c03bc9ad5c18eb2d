/** The full English copy: what the first screen has (en.ts) and what later screens add (en-later.ts). */
import { en } from './en';
import { enLater } from './en-later';

export const t = { ...en, ...enLater } as const;
