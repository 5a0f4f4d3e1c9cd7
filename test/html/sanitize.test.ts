import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeAttributeValue, sanitizeHtml, tokenizeHtml } from '../../src/render/html/sanitize.js';

const clean = (input: string): string => sanitizeHtml(input).html;

describe('tokenizeHtml', () => {
  it('reads text, tags with quoted, unquoted and bare attributes, and comments', () => {
    expect(tokenizeHtml(`a<P Class="x" data-y='1' z=2 hidden>b</P><!-- c --><br/>`)).toEqual([
      { kind: 'text', value: 'a', raw: false },
      {
        kind: 'start',
        name: 'p',
        attributes: [
          ['class', 'x'],
          ['data-y', '1'],
          ['z', '2'],
          ['hidden', undefined],
        ],
        selfClosing: false,
      },
      { kind: 'text', value: 'b', raw: false },
      { kind: 'end', name: 'p' },
      { kind: 'comment' },
      { kind: 'start', name: 'br', attributes: [], selfClosing: true },
    ]);
  });

  it('keeps the first of duplicate attributes, as browsers do', () => {
    expect(tokenizeHtml('<a href="https://ok.example" href="javascript:alert(1)">')).toEqual([
      { kind: 'start', name: 'a', attributes: [['href', 'https://ok.example']], selfClosing: false },
    ]);
  });

  it('reads script and style content as raw text up to the matching end tag', () => {
    expect(tokenizeHtml('<script>if (a<b) x("</p>")</SCRIPT >after')).toEqual([
      { kind: 'start', name: 'script', attributes: [], selfClosing: false },
      { kind: 'text', value: 'if (a<b) x("</p>")', raw: true },
      { kind: 'end', name: 'script' },
      { kind: 'text', value: 'after', raw: false },
    ]);
  });

  it('treats a `<` that opens nothing as text, and drops a tag left open at the end', () => {
    expect(tokenizeHtml('1 < 2 <3 <a href="x')).toEqual([{ kind: 'text', value: '1 < 2 <3 ', raw: false }]);
  });

  it('ends comments at `-->`, `--!>`, and the short forms', () => {
    expect(tokenizeHtml('<!-->a<!--->b<!-- x --!>c<?php x ?>d</ x>e')).toEqual([
      { kind: 'comment' },
      { kind: 'text', value: 'a', raw: false },
      { kind: 'comment' },
      { kind: 'text', value: 'b', raw: false },
      { kind: 'comment' },
      { kind: 'text', value: 'c', raw: false },
      { kind: 'comment' },
      { kind: 'text', value: 'd', raw: false },
      { kind: 'comment' },
      { kind: 'text', value: 'e', raw: false },
    ]);
  });
});

describe('decodeAttributeValue', () => {
  it('decodes numeric references with or without `;`, and every named one of HTML5', () => {
    expect(decodeAttributeValue('&#106;ava&#x73;cript&colon;alert&lpar;1&rpar;')).toBe('javascript:alert(1)');
    expect(decodeAttributeValue('&#106avascript')).toBe('javascript');
    expect(decodeAttributeValue('a&amp;b&Tab;c&NewLine;')).toBe('a&b\tc\n');
    expect(decodeAttributeValue('&#0;&#xD800;&#x110000;')).toBe('\ufffd\ufffd\ufffd');
    expect(decodeAttributeValue('?a=1&b=2&hellip;')).toBe('?a=1&b=2\u2026');
    // A legacy name without `;` is decoded in an attribute only where no `=`, letter or digit follows.
    expect(decodeAttributeValue('?a=1&copy=2&copy;&eacute x')).toBe('?a=1&copy=2\u00a9\u00e9 x');
  });
});

describe('sanitizeHtml', () => {
  it('keeps the allowed elements and attributes of the corpus about text', () => {
    const input =
      '<p style="text-align: justify;">\nHi! I am at\n<a href="https://www.reflection.ai/" target="_blank" rel="noopener">Reflection AI</a> in <b>NYC</b> &amp; <i>x</i>.<br>\n</p>';
    expect(clean(input)).toBe(
      '<p>\nHi! I am at\n<a href="https://www.reflection.ai/" target="_blank" rel="noopener noreferrer">Reflection AI</a> in <b>NYC</b> &amp; <i>x</i>.<br>\n</p>',
    );
  });

  it('keeps lists, code, spans with a title, and a numeric ol start', () => {
    expect(
      clean('<ol start="3" reversed><li><code>x</code><li><span title="a &quot;b&quot;">y</span></ol>'),
    ).toBe('<ol start="3"><li><code>x</code></li><li><span title="a &quot;b&quot;">y</span></li></ol>');
    expect(clean('<ol start="1; x">a</ol>')).toBe('<ol>a</ol>');
  });

  it('drops elements outside the allowlist but keeps their text', () => {
    expect(clean('<div class="x"><h1>Title</h1><font color=red>red</font></div>')).toBe('Titlered');
  });

  it('drops script, style, iframe, svg and math with their content', () => {
    expect(clean('a<script>alert(1)</script>b<style>p{}</style>c<iframe src=x>d</iframe>e')).toBe('abce');
    expect(clean('a<svg><g><svg></svg><script>alert(1)</script></g></svg>b<math><mi>x</mi></math>c')).toBe(
      'abc',
    );
    expect(clean('a<script>never closed <b>x</b>')).toBe('a');
  });

  it('drops event handler attributes and unsafe URLs, decoding references first', () => {
    const vectors = [
      '<a href="javascript:alert(1)">x</a>',
      '<a href="JaVaScRiPt:alert(1)">x</a>',
      '<a href=" javascript:alert(1)">x</a>',
      '<a href="jav&#x09;ascript:alert(1)">x</a>',
      '<a href="jav&#9ascript:alert(1)">x</a>',
      '<a href="&#106;avascript:alert(1)">x</a>',
      '<a href="&#x6A;avascript:alert(1)">x</a>',
      '<a href="javascript&colon;alert(1)">x</a>',
      '<a href="java&NewLine;script:alert(1)">x</a>',
      '<a href="javascript&unknowncolon;alert(1)">x</a>',
      '<a href="data:text/html,<script>alert(1)</script>">x</a>',
      '<a href="vbscript:msgbox(1)">x</a>',
      '<a href=javascript:alert(1)>x</a>',
    ];
    for (const vector of vectors) {
      const result = sanitizeHtml(vector);
      expect(result.html, vector).toBe('<a>x</a>');
      expect(result.removed, vector).toEqual(['unsafe URL in <a href>']);
    }
    const handler = sanitizeHtml(
      '<b onclick="alert(1)" ONMOUSEOVER=alert(1)>x</b><img src=x onerror=alert(1)>',
    );
    expect(handler.html).toBe('<b>x</b>');
    expect(handler.removed).toEqual([
      'onclick attribute',
      'onmouseover attribute',
      '<img> element',
      'onerror attribute',
    ]);
  });

  it('keeps safe URLs, with query strings and references after the scheme', () => {
    expect(clean('<a href="https://scholar.google.com/citations?user=x&amp;hl=en&sort=1">s</a>')).toBe(
      '<a href="https://scholar.google.com/citations?user=x&amp;hl=en&amp;sort=1">s</a>',
    );
    expect(clean('<a href="/cv.pdf" title="PDF">p</a><a href="mailto:a@b.org">m</a><a href="#x">h</a>')).toBe(
      '<a href="/cv.pdf" title="PDF">p</a><a href="mailto:a@b.org">m</a><a href="#x">h</a>',
    );
  });

  it('cannot be broken out of by an attribute value', () => {
    expect(clean('<span title="x&quot; onmouseover=&quot;alert(1)">t</span>')).toBe(
      '<span title="x&quot; onmouseover=&quot;alert(1)">t</span>',
    );
    expect(clean(`<span title='"><script>alert(1)</script>'>t</span>`)).toBe(
      '<span title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">t</span>',
    );
  });

  it('escapes stray `>` and bare `&` in text, and keeps character references', () => {
    expect(clean('a > b & c &amp; d &eacute; &#233; &#xE9; &bogus')).toBe(
      'a &gt; b &amp; c &amp; d &eacute; &#233; &#xE9; &amp;bogus',
    );
  });

  it('closes what is left open and ignores end tags that close nothing', () => {
    expect(clean('<p>unclosed <b>bold <a href="https://x.example">link')).toBe(
      '<p>unclosed <b>bold <a href="https://x.example">link</a></b></p>',
    );
    expect(clean('</div></p>text</b><ul><li>a</ul></li>')).toBe('text<ul><li>a</li></ul>');
  });

  it('applies the implied end tags of p, li and a', () => {
    expect(clean('<p>one<p>two<ul><li>a<li>b</ul>')).toBe(
      '<p>one</p><p>two</p><ul><li>a</li><li>b</li></ul>',
    );
    expect(clean('<a href="/a">a<a href="/b">b</a>')).toBe('<a href="/a">a</a><a href="/b">b</a>');
    expect(clean('<ul><li><p>x<li>y</ul>')).toBe('<ul><li><p>x</p></li><li>y</li></ul>');
  });

  it('drops comments, doctype and processing instructions', () => {
    expect(clean('<!DOCTYPE html><!-- <script>alert(1)</script> -->a<?xml x?>b')).toBe('ab');
  });

  it('always yields a well-formed fragment of allowed markup, whatever the input', () => {
    const pieces = fc.constantFrom(
      '<p>',
      '</p>',
      '<a href="javascript:alert(1)">',
      '<a href="https://ok.example">',
      '</a>',
      '<b onclick="x">',
      '</b>',
      '<script>',
      '</script>',
      '<style>',
      '<svg>',
      '</svg>',
      '<ul>',
      '<li>',
      '</ul>',
      '<br>',
      '<img src=x onerror=alert(1)>',
      '<!--',
      '-->',
      '"',
      "'",
      '<',
      '>',
      '&',
      '&#x3c;',
      'text',
      ' ',
    );
    const allowed = new Set(['p', 'a', 'b', 'strong', 'i', 'em', 'br', 'ul', 'ol', 'li', 'span', 'code']);
    fc.assert(
      fc.property(fc.array(fc.oneof(pieces, fc.string()), { maxLength: 30 }), (parts) => {
        const out = clean(parts.join(''));
        const stack: string[] = [];
        for (const token of tokenizeHtml(out)) {
          if (token.kind === 'comment') throw new Error(`comment in output: ${out}`);
          if (token.kind === 'text') expect(token.raw).toBe(false);
          if (token.kind === 'start') {
            expect(allowed.has(token.name), out).toBe(true);
            for (const [name, value] of token.attributes) {
              expect(['href', 'title', 'target', 'rel', 'start']).toContain(name);
              if (name === 'href') expect(value?.toLowerCase()).not.toMatch(/^\s*javascript/);
            }
            if (token.name !== 'br') stack.push(token.name);
          }
          if (token.kind === 'end') expect(stack.pop(), out).toBe(token.name);
        }
        expect(stack, out).toEqual([]);
        expect(out).not.toMatch(/<(?![a-z/])/);
      }),
    );
  });
});

describe('sanitizeHtml on hostile input', () => {
  const cases: readonly (readonly [string, string, readonly string[]])[] = [
    // script and style, however written
    ['<script/>alert(1)</script>x', 'x', ['<script> element']],
    ['<SCRIPT SRC=//x.example/x.js></SCRIPT>y', 'y', ['<script> element']],
    ['<scr<script>ipt>alert(1)</script>', 'ipt&gt;alert(1)', []],
    [
      '<style>@import "//x.example/x.css";</style><b style="background:url(javascript:x)">s</b>',
      '<b>s</b>',
      ['<style> element'],
    ],
    ['<textarea><script>alert(1)</script></textarea>t', 't', ['<textarea> element']],
    ['<noscript><p title="</noscript><img src=x onerror=alert(1)>">', '', ['<noscript> element']],
    ['<svg><style><img src=x onerror=alert(1)></style></svg>z', 'z', ['<svg> element']],
    ['<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>', '', ['<math> element']],
    ['<iframe srcdoc="<script>alert(1)</script>"></iframe>i', 'i', ['<iframe> element']],
    ['<template><script>alert(1)</script></template>t', 't', ['<template> element']],
    // event handlers
    [
      '<b onclick=alert(1) onfocus="x" autofocus>o</b>',
      '<b>o</b>',
      ['onclick attribute', 'onfocus attribute'],
    ],
    ['<img src=x:alert(alt) onerror=eval(src) alt=0>', '', ['<img> element', 'onerror attribute']],
    // javascript: and data: URLs, spelled with references
    ['<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', '<a>d</a>', ['unsafe URL in <a href>']],
    ['<a href="&#x64;ata:text/html,x">d</a>', '<a>d</a>', ['unsafe URL in <a href>']],
    ['<a href="java&Tab;script:alert(1)">t</a>', '<a>t</a>', ['unsafe URL in <a href>']],
    ['<a href="jav&#x0A;ascript:alert(1)">n</a>', '<a>n</a>', ['unsafe URL in <a href>']],
    ['<a href="javascript&#58alert(1)">c</a>', '<a>c</a>', ['unsafe URL in <a href>']],
    ['<a href=" &#x6A;avascript:alert(1)">x</a>', '<a>x</a>', ['unsafe URL in <a href>']],
    // unclosed tags, comments, CDATA
    ['<p>unclosed <b>bold', '<p>unclosed <b>bold</b></p>', []],
    ['<!--<script>alert(1)</script>-->x', 'x', []],
    ['<!-- <b>never closed', '', []],
    ['<![CDATA[<script>alert(1)</script>]]>after', 'after', []],
    // references in attributes are decoded, then escaped again; in text, kept when HTML knows them
    [
      '<span title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">t</span>',
      '<span title="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;">t</span>',
      [],
    ],
    [
      '<a href="https://x.example/?a=1&amp;b=2&hellip;" title="caf&eacute; &Eacute; &euro;">q</a>',
      '<a href="https://x.example/?a=1&amp;b=2\u2026" title="café É €">q</a>',
      [],
    ],
    [
      '&lt;script&gt;alert(1)&lt;/script&gt; &Eacute; &copyx; &#x20AC;',
      '&lt;script&gt;alert(1)&lt;/script&gt; &Eacute; &amp;copyx; &#x20AC;',
      [],
    ],
  ];
  it.each(cases)('%s', (input, html, removed) => {
    expect(sanitizeHtml(input)).toEqual({ html, removed });
  });
});

describe('what follows an obsolete <plaintext>', () => {
  it('is text, shown as written', () => {
    expect(sanitizeHtml('a<plaintext><b>x</b> & y')).toEqual({
      html: 'a&lt;b&gt;x&lt;/b&gt; &amp; y',
      removed: [],
    });
  });
});
