import { describe, expect, it } from 'vitest';
import { ForwardSearch } from '../../src/util/forward-search.js';

describe('ForwardSearch', () => {
  it('answers as indexOf from any position, forward and back', () => {
    const text = 'a{b}{c}}d{';
    const search = new ForwardSearch(text, '{');
    for (const from of [0, 0, 1, 2, 4, 5, 9, 10, 3, 0, 11])
      expect(search.next(from)).toBe(text.indexOf('{', from));
  });

  it('keeps "none left" for any later position', () => {
    const search = new ForwardSearch('abc', '}');
    expect(search.next(0)).toBe(-1);
    expect(search.next(2)).toBe(-1);
    expect(search.next(5)).toBe(-1);
  });

  it('finds a needle of several characters', () => {
    const text = 'x\n@a\n@b';
    const search = new ForwardSearch(text, '\n@');
    expect([0, 2, 4, 5].map((from) => search.next(from))).toEqual([1, 4, 4, -1]);
  });
});
