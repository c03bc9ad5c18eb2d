import { describe, expect, it } from 'vitest';
import {
  canKeepWords,
  emptyWords,
  fromPersonal,
  hasWords,
  sameWords,
  toPersonal,
  walkSteps,
} from '../../src/modules/grounding/safe-place/words';

const w = (over: Partial<ReturnType<typeof emptyWords>>) => ({ ...emptyWords(), ...over });

describe('safe-place words', () => {
  it.each([
    [w({}), ['back']],
    [w({ name: 'garden' }), ['name', 'back']],
    [w({ see: 'sky', feel: '  ' }), ['see', 'back']],
    [w({ name: 'a', see: 'b', hear: 'c', feel: 'd', word: 'e' }), ['name', 'see', 'hear', 'feel', 'word', 'back']],
  ])('walk-through for %j is %j (empty parts are skipped, the way back is always last)', (words, steps) => {
    expect(walkSteps(words)).toEqual(steps);
  });

  it('stores trimmed words and leaves out an empty cue word; reads a stored place back with a word of ""', () => {
    expect(toPersonal(w({ name: ' garden ', see: 'roses\n' }))).toEqual({ name: 'garden', see: 'roses', hear: '', feel: '' });
    expect(toPersonal(w({ name: 'garden', word: ' rest ' }))).toMatchObject({ word: 'rest' });
    expect(fromPersonal({ name: 'garden', see: '', hear: '', feel: '' })).toEqual(w({ name: 'garden' }));
    expect(fromPersonal(undefined)).toBeNull();
    expect(fromPersonal({ name: '', see: ' ', hear: '', feel: '', word: '' })).toBeNull();
  });

  it.each([
    [w({}), null, false], // nothing to keep
    [w({ name: 'garden' }), null, true],
    [w({ name: 'garden ' }), w({ name: 'garden' }), false], // already kept as it is
    [w({ name: 'garden', word: 'rest' }), w({ name: 'garden' }), true],
  ])('keep offered for %j when %j is kept: %s', (words, saved, offered) => {
    expect(canKeepWords(words, saved)).toBe(offered);
  });

  it('compares words ignoring surrounding spaces', () => {
    expect(sameWords(w({ see: ' sky ' }), w({ see: 'sky' }))).toBe(true);
    expect(sameWords(null, w({}))).toBe(true);
    expect(hasWords(w({ word: ' ' }))).toBe(false);
  });
});
