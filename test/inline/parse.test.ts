import { describe, expect, it } from 'vitest';
import { parseInline, parseInlineDetailed } from '../../src/inline/parse.js';
import { inlineToHtml } from '../../src/inline/to-html.js';
import { inlineToText } from '../../src/inline/to-text.js';

const html = (s: string) => inlineToHtml(parseInline(s));
const text = (s: string) => inlineToText(parseInline(s));

describe('parseInline', () => {
  it('reads styles in both forms', () => {
    expect(html('\\textbf{Bold} and {\\bf also} and \\textit{it} {\\it x} \\emph{e}')).toBe(
      '<strong>Bold</strong> and <strong>also</strong> and <em>it</em> <em>x</em> <em>e</em>',
    );
  });

  it('applies a declaration to the rest of its group only', () => {
    expect(html('{a \\bf b c} d')).toBe('a <strong>b c</strong> d');
  });

  it('reads links and keeps URLs verbatim', () => {
    expect(parseInline('\\href{https://x.org/~a/b_c?q=1\\%2}{Name}')).toEqual([
      { type: 'link', url: 'https://x.org/~a/b_c?q=1%2', children: [{ type: 'text', value: 'Name' }] },
    ]);
    expect(html('see \\url{https://example.org/a}')).toBe(
      'see <a href="https://example.org/a">https://example.org/a</a>',
    );
  });

  it('reads dashes, non-breaking spaces, quotes and escapes', () => {
    expect(parseInline('2014--2019')).toEqual([
      { type: 'text', value: '2014' },
      { type: 'dash', kind: 'en' },
      { type: 'text', value: '2019' },
    ]);
    expect(text('a---b')).toBe('a—b');
    expect(text('F.~Bock')).toBe('F. Bock');
    expect(text("``quoted''")).toBe('“quoted”');
    expect(text('Honors \\& Awards, 50\\%, \\$5, \\#1, a\\_b, \\{x\\}')).toBe(
      'Honors & Awards, 50%, $5, #1, a_b, {x}',
    );
  });

  it('composes accents in every written form', () => {
    expect(
      text(
        '{\\"o} \\"o \\"{o} \\\'e \\`a \\^o \\~n \\c{c} \\c c \\v{s} \\\'{\\i} \\u{g} \\H{o} \\r{a} \\k{a}',
      ),
    ).toBe('ö ö ö é à ô ñ ç ç š í ğ ő å ą');
    expect(text('T\\"{u}bingen, Mahmuto\\u{g}ullar{\\i}, P\\\'erez-Pi\\~neiro')).toBe(
      'Tübingen, Mahmutoğulları, Pérez-Piñeiro',
    );
  });

  it('reads math marks as superscripts', () => {
    expect(html('Amos$^*$')).toBe('Amos<sup>*</sup>');
    expect(html('Amos$^\\dagger$')).toBe('Amos<sup>†</sup>');
    expect(html('Amos$^{\\dagger}$')).toBe('Amos<sup>†</sup>');
    expect(html('$\\varheart$ Linux')).toBe('♥ Linux');
    // An unclosed $ is text; \$ is a dollar sign.
    expect(html('cost $\\$5')).toBe('cost $$5');
  });

  it('reads symbols and line breaks', () => {
    expect(text('\\LaTeX{} and \\TeX')).toBe('LaTeX and TeX');
    expect(html('a\\\\b \\\\[2mm] c')).toBe('a<br>b <br> c');
  });

  it('keeps a lone dollar sign as text', () => {
    expect(text('costs $5')).toBe('costs $5');
  });

  it('reports unknown commands and unbalanced braces with offsets, and keeps going', () => {
    const r = parseInlineDetailed('a \\frobnicate{x} b } c {d');
    expect(inlineToText(r.nodes)).toBe('a x b } c d');
    expect(r.problems.map((p) => [p.offset, p.message])).toEqual([
      [2, 'unknown LaTeX command `\\frobnicate`'],
      [19, 'unbalanced `}`'],
      [23, 'unclosed `{`'],
    ]);
  });

  it('escapes HTML in text and drops unsafe link targets', () => {
    expect(html('<script>alert(1)</script> & "q"')).toBe('&lt;script&gt;alert(1)&lt;/script&gt; &amp; "q"');
    expect(html('\\href{javascript:alert(1)}{click}')).toBe('click');
    expect(html('\\href{https://x.org/"onmouseover="x}{a}')).toBe(
      '<a href="https://x.org/&quot;onmouseover=&quot;x">a</a>',
    );
  });
});

describe('hostile nesting', () => {
  it('keeps text nested beyond the limit as plain text instead of overflowing the stack', () => {
    const deep = `${'{\\bf '.repeat(20_000)}x${'}'.repeat(20_000)}`;
    const r = parseInlineDetailed(deep);
    expect(r.problems.some((p) => /nested more than 200 levels/.test(p.message))).toBe(true);
    expect(inlineToText(r.nodes)).toContain('x');
    const math = parseInlineDetailed(`$${'{^'.repeat(20_000)}*$`);
    expect(math.problems.length).toBeGreaterThan(0);
    const quotes = parseInlineDetailed('``'.repeat(10_000) + "''".repeat(10_000));
    expect(quotes.problems.length).toBeGreaterThan(0);
  });
});
