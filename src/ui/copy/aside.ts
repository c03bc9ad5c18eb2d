/**
 * `t` for Ground and the not-found page: the first screen's copy (en.ts) with en-aside.ts merged in key by
 * key, as ./later.ts does for the later screens, without loading their copy.
 */
import { en } from './en';
import { enAside } from './en-aside';

export const t = {
  ...en,
  app: { ...en.app, ...enAside.app },
  ground: { ...en.ground, ...enAside.ground },
};
