import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_HTML,
  escapeAttribute,
  escapeText,
  html,
  joinHtml,
  jsonForScript,
  SafeHtml,
} from '../../src/render/html/escape.js';

/** The browser's reading of the five escapes this target writes. */
const readEscaped = (s: string): string =>
  s.replace(
    /&(amp|lt|gt|quot|#39);/g,
    (_m, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', '#39': "'" })[e] as string,
  );

describe('escapeText / escapeAttribute', () => {
  it('escapes the characters that end text or a quoted attribute', () => {
    expect(escapeText(`<a href="x">&'`)).toBe(`&lt;a href="x"&gt;&amp;'`);
    expect(escapeAttribute(`" onmouseover="alert(1)`)).toBe('&quot; onmouseover=&quot;alert(1)');
    expect(escapeAttribute(`'&<>`)).toBe('&#39;&amp;&lt;&gt;');
  });

  it('escapes `&` first, so existing references are shown as written', () => {
    expect(escapeText('&lt;')).toBe('&amp;lt;');
  });

  it('round-trips any string, and leaves no markup character', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        const a = escapeAttribute(s);
        expect(a).not.toMatch(/[<>"']/);
        expect(readEscaped(a)).toBe(s);
        expect(escapeText(s)).not.toMatch(/[<>]/);
      }),
    );
  });
});

describe('html template', () => {
  it('escapes interpolated strings and numbers, in text and in attributes', () => {
    const name = '<script>alert(1)</script>';
    const title = '" onmouseover="alert(1)';
    expect(html`<p title="${title}">${name} ${42}</p>`.value).toBe(
      '<p title="&quot; onmouseover=&quot;alert(1)">&lt;script&gt;alert(1)&lt;/script&gt; 42</p>',
    );
  });

  it('inserts SafeHtml as it is, joins arrays, and renders false/null/undefined as nothing', () => {
    const inner = html`<b>${'x&y'}</b>`;
    expect(html`<p>${inner}</p>`.value).toBe('<p><b>x&amp;y</b></p>');
    expect(html`<ul>${['a', html`<li>b</li>`, ['<c>']]}</ul>`.value).toBe('<ul>a<li>b</li>&lt;c&gt;</ul>');
    expect(html`[${false}${null}${undefined}${EMPTY_HTML}]`.value).toBe('[]');
  });

  it('refuses an interpolation in an unquoted attribute value', () => {
    const value = 'x onmouseover=alert(1)';
    expect(() => html`<p title=${value}>`).toThrow(/unquoted attribute/);
    expect(() => html`<p title= ${value}>`).toThrow(/unquoted attribute/);
  });

  it('never lets an interpolated string open a tag or leave its attribute', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (a, b) => {
        const out = html`<span title="${a}">${b}</span>`.value;
        expect(out.startsWith('<span title="')).toBe(true);
        expect(out.endsWith('</span>')).toBe(true);
        const inner = out.slice('<span title="'.length, -'</span>'.length);
        const [attr, text, ...rest] = inner.split('">');
        expect(rest).toEqual([]);
        expect(readEscaped(attr ?? '')).toBe(a);
        expect(readEscaped(text ?? '')).toBe(b);
      }),
    );
  });

  it('SafeHtml.trust marks markup without changing it; joinHtml escapes a plain separator', () => {
    expect(SafeHtml.trust('<i>x</i>').toString()).toBe('<i>x</i>');
    expect(joinHtml([html`<i>a</i>`, 'b<'], ' & ').value).toBe('<i>a</i> &amp; b&lt;');
  });
});

describe('jsonForScript', () => {
  it('cannot close the script element or open a comment, and parses back to the same value', () => {
    const value = { name: '</script><script>alert(1)</script>', note: '<!-- & -->', sep: '\u2028\u2029' };
    const out = jsonForScript(value).value;
    expect(out).not.toMatch(/[<>&\u2028\u2029]/);
    expect(out).toContain('\\u003c/script\\u003e');
    expect(JSON.parse(out)).toEqual(value);
  });

  it('is compact: no indentation nobody reads (a 10,000-paper page carried 7 MB of it)', () => {
    const out = jsonForScript({ '@graph': [{ name: 'a', author: [{ name: 'b' }] }] }).value;
    expect(out).toBe('{"@graph":[{"name":"a","author":[{"name":"b"}]}]}');
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const out = jsonForScript(value).value;
        expect(out.toLowerCase()).not.toContain('</script');
        expect(JSON.parse(out)).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });
});
