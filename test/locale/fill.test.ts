import { describe, expect, it } from 'vitest';
import { fill } from '../../src/locale/labels.js';

describe('fill', () => {
  it('replaces every placeholder, the same one several times too', () => {
    expect(fill('{n} of {total}: {n}', { n: 3, total: '10' })).toBe('3 of 10: 3');
    expect(fill('{title}', { title: 'A {b} c' })).toBe('A {b} c');
  });

  it('keeps unknown placeholders and text that is not one as written', () => {
    expect(fill('copy {what} of {title}', { title: 'T' })).toBe('copy {what} of T');
    expect(fill('{ n } {} {n-1} {{n}}', { n: 1 })).toBe('{ n } {} {n-1} {1}');
    expect(fill('no placeholder', { n: 1 })).toBe('no placeholder');
    expect(fill('', {})).toBe('');
  });

  it('does not read inherited names', () => {
    expect(fill('{constructor} {toString}', {})).toBe('{constructor} {toString}');
  });

  it('gives the same result on every call of a template', () => {
    for (let i = 0; i < 3; i++) expect(fill('[{i}]', { i })).toBe(`[${i}]`);
  });
});
