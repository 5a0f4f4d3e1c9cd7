import { describe, expect, it } from 'vitest';
import { madeOncePer } from '../../src/util/made-once.js';

describe('madeOncePer', () => {
  it('computes once per object and returns the same value after, undefined included', () => {
    const calls: object[] = [];
    const size = madeOncePer((o: { n?: number }) => {
      calls.push(o);
      return o.n;
    });
    const a = { n: 1 };
    const b = {};
    expect([size(a), size(b), size(a), size(b)]).toEqual([1, undefined, 1, undefined]);
    expect(calls).toEqual([a, b]);
  });
});
