import { describe, expect, it } from 'vitest';
import { closestMatch, editDistance } from '../../src/util/did-you-mean.js';

const KEYS = [
  'name',
  'email',
  'location',
  'about',
  'education',
  'positions',
  'publications',
  'order',
  'order_md',
];

describe('closestMatch', () => {
  it('suggests the closest key within a third of the input length, case aside', () => {
    expect(closestMatch('emial', KEYS)).toBe('email');
    expect(closestMatch('Locaton', KEYS)).toBe('location');
    expect(closestMatch('publication', KEYS)).toBe('publications');
    expect(closestMatch('zzzzzz', KEYS)).toBeUndefined();
  });

  it('keeps the first of equally close keys', () => {
    expect(closestMatch('order_m', ['order_md', 'order_mx'])).toBe('order_md');
    expect(closestMatch('ab', ['ac', 'ad'])).toBe('ac');
  });

  it('answers at once for a key far longer than every candidate (a paragraph pasted as a key)', () => {
    const key = 'about is a long paragraph '.repeat(4000);
    const start = performance.now();
    expect(closestMatch(key, KEYS)).toBeUndefined();
    // No edit distance is computed: it is at least the difference in length. Computing them took ~3.4 s.
    expect(performance.now() - start).toBeLessThan(500);
  });
});

describe('editDistance', () => {
  it('counts insertions, deletions, substitutions and adjacent swaps', () => {
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('abc', 'acb')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });
});
