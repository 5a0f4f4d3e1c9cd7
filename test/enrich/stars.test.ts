import { describe, expect, it } from 'vitest';
import { formatStarCount, formatStarTotal } from '../../src/render/shared/stars.js';

describe('formatStarCount', () => {
  it.each([
    [0, '0'],
    [7, '7'],
    [377, '377'],
    [999, '999'],
    [1000, '1k'],
    [1049, '1k'],
    [1099, '1k'],
    [1100, '1.1k'],
    [1299, '1.2k'],
    [13_950, '13.9k'],
    [20_000, '20k'],
    [999_999, '999.9k'],
    [1_000_000, '1m'],
    [1_250_000, '1.2m'],
    [12_999_999, '12.9m'],
  ])('%i -> %s', (count, shown) => {
    expect(formatStarCount(count)).toBe(shown);
  });

  it('floors, never rounds up (1999 is 1.9k, not 2k)', () => {
    expect(formatStarCount(1999)).toBe('1.9k');
    expect(formatStarCount(1_999_999)).toBe('1.9m');
  });
});

describe('formatStarTotal', () => {
  it.each([
    [0, '0'],
    [377, '377'],
    [999, '999'],
    [1000, '1k+'],
    [1234, '1.2k+'],
    [13_950, '13.9k+'],
    [2_500_000, '2.5m+'],
  ])('%i -> %s', (total, shown) => {
    expect(formatStarTotal(total)).toBe(shown);
  });
});
