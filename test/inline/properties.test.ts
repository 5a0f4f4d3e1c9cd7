import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseInlineDetailed } from '../../src/inline/parse.js';
import { inlineToHtml } from '../../src/inline/to-html.js';
import { inlineToText } from '../../src/inline/to-text.js';

/** Strings rich in the characters the parser treats specially, plus HTML-ish and arbitrary text. */
const latexish = fc.oneof(
  fc.string(),
  fc.string({ unit: fc.constantFrom(...'\\{}$^_~-`\'"&%#<>/ab xtextbfhrefurl:'.split('')) }),
  fc
    .array(
      fc.constantFrom(
        '\\textbf{',
        '\\href{',
        '}{',
        '}',
        '{',
        '$^',
        '\\"',
        '\\c',
        '--',
        '~',
        '<script>',
        '"',
        "'",
        '&amp;',
        'javascript:',
        'https://x',
        '\\\\',
        '\\bf ',
        ' ',
        'a',
      ),
    )
    .map((parts) => parts.join('')),
);

const ALLOWED_TAGS = new Set(['strong', 'em', 'a', 'sup', 'br']);

/** A strict little scanner of the renderer's output: returns the tags, or throws on anything unexpected. */
function scanHtml(out: string): { tags: string[]; text: string } {
  const tags: string[] = [];
  let textContent = '';
  let i = 0;
  while (i < out.length) {
    const c = out[i] as string;
    if (c === '<') {
      const m = /^<(\/?)([a-z]+)((?: href="[^"<>]*")?)>/.exec(out.slice(i));
      if (!m) throw new Error(`unexpected markup at ${i}: ${out.slice(i, i + 20)}`);
      const [whole, , name = '', attrs] = m;
      if (!ALLOWED_TAGS.has(name)) throw new Error(`tag <${name}> not produced by the AST`);
      if (attrs && name !== 'a') throw new Error(`attribute on <${name}>`);
      if (attrs) {
        const href = attrs
          .slice(7, -1)
          .replace(/&quot;/g, '"')
          .replace(/&#39;/g, "'")
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&amp;/g, '&');
        if (/^\s*[a-z][a-z0-9+.-]*:/i.test(href) && !/^\s*(https?|mailto):/i.test(href))
          throw new Error(`unsafe href ${href}`);
      }
      tags.push(name);
      i += whole.length;
      continue;
    }
    if (c === '>') throw new Error('raw > in output');
    if (c === '&') {
      const m = /^&(amp|lt|gt|quot|#39|nbsp);/.exec(out.slice(i));
      if (!m) throw new Error(`raw & at ${i}`);
      textContent += { amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'", nbsp: ' ' }[m[1] as string];
      i += m[0].length;
      continue;
    }
    textContent += c;
    i++;
  }
  return { tags, text: textContent };
}

describe('inline parser properties', () => {
  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(latexish, (s) => {
        const r = parseInlineDetailed(s);
        inlineToHtml(r.nodes);
        inlineToText(r.nodes);
        for (const p of r.problems) expect(p.offset).toBeGreaterThanOrEqual(0);
      }),
      { numRuns: 3000 },
    );
  });

  it('emits only the tags the AST produces, with text always escaped', () => {
    fc.assert(
      fc.property(latexish, (s) => {
        const nodes = parseInlineDetailed(s).nodes;
        const { text } = scanHtml(inlineToHtml(nodes));
        // What a reader sees is exactly the plain-text rendering of the same AST.
        expect(text.replace(/\u00a0/g, ' ')).toBe(inlineToText(nodes).replace(/\n/g, ''));
      }),
      { numRuns: 3000 },
    );
  });
});
