/** Site-root links in the standalone page become relative to the page, so they work from file:// too. */
import { describe, expect, it } from 'vitest';
import { relativizeSiteRootLinks } from '../../src/render/html/site-root-links.js';

describe('relativizeSiteRootLinks', () => {
  it('rewrites href and src that start at the site root, for a page at the root', () => {
    expect(relativizeSiteRootLinks('<a href="/cv.pdf">PDF</a><img src="/images/me.png">', 'index.html')).toBe(
      '<a href="./cv.pdf">PDF</a><img src="./images/me.png">',
    );
    expect(relativizeSiteRootLinks('<a href="/">home</a>', 'index.html')).toBe('<a href="./">home</a>');
  });

  it('finds the attribute after any white space, and every occurrence', () => {
    expect(relativizeSiteRootLinks('<a\nhref="/a"><img\tsrc="/b"> src="/c"', 'index.html')).toBe(
      '<a\nhref="./a"><img\tsrc="./b"> src="./c"',
    );
    expect(relativizeSiteRootLinks('="/x" src="//y"', 'index.html')).toBe('="/x" src="//y"');
  });

  it('climbs out of the folder of a page written below the root', () => {
    expect(relativizeSiteRootLinks('<a href="/cv.pdf">', 'cv/index.html')).toBe('<a href="../cv.pdf">');
    expect(relativizeSiteRootLinks('<a href="/cv.pdf">', 'a/b/index.html')).toBe('<a href="../../cv.pdf">');
  });

  it('leaves protocol-relative, absolute, relative and fragment links, and text, alone', () => {
    const page =
      '<a href="//cdn.example.org/x">x</a><a href="https://a.org/b">b</a><a href="cv.pdf">c</a>' +
      '<a href="#pub-1">d</a><p>href=&quot;/etc&quot; and data-href="/x"</p>';
    expect(relativizeSiteRootLinks(page, 'index.html')).toBe(page);
  });
});
