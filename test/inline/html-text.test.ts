import { describe, expect, it } from 'vitest';
import { urlsInText } from '../../src/check/urls-in-text.js';
import { decodeEntities, htmlToText } from '../../src/inline/html-text.js';
import { inlineToText } from '../../src/inline/to-text.js';
import { injectLiveReload } from '../../src/watch/live-reload.js';

describe('htmlToText', () => {
  it('drops script and style bodies and folds whitespace onto one line', () => {
    expect(htmlToText('<style>p{color:red}</style><p>A  <b>B</b></p><script>x()</script><p>C<br>D</p>')).toBe(
      'A B C D',
    );
  });

  it('is what inlineToText uses for raw HTML', () => {
    expect(inlineToText([{ type: 'html', value: '<script>bad()</script>caf&eacute; &copy; &#x2014;' }])).toBe(
      'café © —',
    );
  });
});

describe('decodeEntities', () => {
  it('decodes numeric and named references and never throws', () => {
    expect(decodeEntities('&#233;&#xE9;&amp;&trade;&unknown;&#0;')).toBe(
      '\u00e9\u00e9&\u2122&unknown;\ufffd',
    );
    // Beyond Unicode, as in a browser: U+FFFD.
    expect(decodeEntities('&#99999999;')).toBe('\ufffd');
    expect(decodeEntities('&#x110000;&#00000000000000065;')).toBe('\ufffdA');
    expect(decodeEntities('&#999999999999999999999999;')).toBe('\ufffd');
    expect(decodeEntities('&#xD800;')).toBe('\ufffd');
  });

  it('knows every named reference of HTML5, in its own case', () => {
    expect(decodeEntities('&Eacute;&eacute;&Uuml;&uuml;&ntilde;&Ntilde;&szlig;&euro;&#x20AC;&hellip;')).toBe(
      '\u00c9\u00e9\u00dc\u00fc\u00f1\u00d1\u00df\u20ac\u20ac\u2026',
    );
  });

  it('needs the `;`, so a query string keeps `&copy=1`', () => {
    expect(decodeEntities('?a=1&copy=2')).toBe('?a=1&copy=2');
  });
});

describe('entity decoding of the check and watch commands', () => {
  it('finds links with an out-of-range reference without crashing', () => {
    expect(urlsInText('<a href="https://example.org/?q=&#99999999;&amp;x">x</a>').map((u) => u.url)).toEqual([
      'https://example.org/?q=\ufffd&x',
    ]);
  });

  it('injects the live-reload script into a page whose CSP has an out-of-range reference', () => {
    const page = `<meta http-equiv="Content-Security-Policy" content="default-src &#39;self&#39; &#99999999;"><body></body>`;
    expect(() => injectLiveReload(page)).not.toThrow();
    expect(injectLiveReload(page)).toMatch(/<script data-page="[0-9a-f]{40}">/);
  });
});
