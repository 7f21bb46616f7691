import { findForbiddenCharacters, hasForbiddenCharacters, withForbiddenCharactersReplaced } from './input-hygiene';

describe('input hygiene', () => {
  it('finds NUL and unpaired surrogates, not paired ones', () => {
    expect(hasForbiddenCharacters('a\u0000b')).toBe(true);
    expect(hasForbiddenCharacters('x\udfffy')).toBe(true);
    expect(hasForbiddenCharacters('x\ud800')).toBe(true);
    expect(hasForbiddenCharacters('𠀀 😀 宁波')).toBe(false);
  });

  it('names the path of the first bad string, keys included', () => {
    expect(findForbiddenCharacters({ a: 'ok', profile: { names: ['x', 'y\u0000'] } })).toBe('profile.names.1');
    expect(findForbiddenCharacters({ ['k\ud800']: 1 })).toBe('k\ud800');
    expect(findForbiddenCharacters('\u0000', 'q')).toBe('q');
    expect(findForbiddenCharacters({ a: ['fine', 1, null] })).toBeUndefined();
  });

  it('replaces them for records that must be written anyway', () => {
    expect(withForbiddenCharactersReplaced({ name: 'x\udfffy', list: ['a\u0000'], ok: 1, at: null })).toEqual({ name: 'x\ufffdy', list: ['a\ufffd'], ok: 1, at: null });
  });
});
