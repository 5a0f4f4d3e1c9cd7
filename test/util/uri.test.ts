import { describe, expect, it } from 'vitest';
import { encodeUri, encodeUriComponent, wellFormed } from '../../src/util/uri.js';

describe('percent-encoding that cannot throw', () => {
  it('encodes a lone surrogate (a YAML "\\ud800" escape) as U+FFFD instead of throwing a URIError', () => {
    expect(() => encodeURIComponent('a\ud800')).toThrow(URIError);
    expect(encodeUriComponent('a\ud800')).toBe('a%EF%BF%BD');
    expect(encodeUri('x/\udc00y')).toBe('x/%EF%BF%BDy');
  });

  it('leaves well-formed text, surrogate pairs included, as encodeURIComponent does', () => {
    for (const text of ['plain', 'é €', '😀 pair', 'a/b?c=d&e']) {
      expect(wellFormed(text)).toBe(text);
      expect(encodeUriComponent(text)).toBe(encodeURIComponent(text));
    }
  });
});
