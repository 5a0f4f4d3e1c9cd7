import { describe, expect, it } from 'vitest';
import { parseInline } from '../../src/inline/parse.js';
import { inlineToText } from '../../src/inline/to-text.js';

const text = (source: string): string => inlineToText(parseInline(source));

describe('HTML character references in LaTeX-subset text', () => {
  it('are the characters they name: every named reference of HTML5, in its own case, and numeric ones', () => {
    expect(text('&Eacute;mile Pe&ntilde;a Stra&szlig;e &euro;5 &#233; &#xE9; &#x20AC;')).toBe(
      'Émile Peña Straße €5 é é €',
    );
    expect(text('&Uuml;ber &uuml;ber &Ntilde; &hellip; &amp;')).toBe('Über über Ñ … &');
  });

  it('need their `;`; unknown names and a lone `&` stay as written', () => {
    expect(text('AT&T, R&D; Q&A &copy 2024 ?a=1&copy=2 &bogus; &#233')).toBe(
      'AT&T, R&D; Q&A &copy 2024 ?a=1&copy=2 &bogus; &#233',
    );
  });

  it('are not read after a LaTeX escape: `\\&amp;` is the text `&amp;`', () => {
    expect(text('\\&amp; \\&#233;')).toBe('&amp; &#233;');
  });

  it('decode to text, never to markup or commands', () => {
    expect(parseInline('&lt;b&gt; &#92;textbf{x} &#123;')).toEqual([
      { type: 'text', value: '<b> \\textbfx {' },
    ]);
  });

  it('work inside groups and commands', () => {
    expect(text("\\textbf{Pe&ntilde;a} {Caf&eacute;} ``&Eacute;t&eacute;''")).toBe('Peña Café “Été”');
  });
});
