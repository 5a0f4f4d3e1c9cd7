/**
 * What the page adds to a publication: long author lists that the script can shorten (the owner always
 * shown), the model's links as chips (arxiv, html, supp, blog... are read in the resolver), the award badge,
 * and the legend of the highlight and the marks.
 */
import { describe, expect, it } from 'vitest';
import type { Author, Publication } from '../../src/model/cv.js';
import { renderHtml } from '../../src/render/html/index.js';
import { authorListHtml } from '../../src/render/html/publications.js';
import { rich } from '../helpers/test-cv.js';
import { pageCv, pageOptions } from './page-cvs.js';

const author = (name: string, isOwner = false): Author => ({
  name: rich(name),
  plain: name,
  isOwner,
  marks: [],
});
const many = (n: number, owner: number): Author[] =>
  Array.from({ length: n }, (_, i) => author(`A${i}`, i === owner));

const pageHtml = (): string =>
  renderHtml(pageCv(), pageOptions).files.find((f) => f.path === pageOptions.htmlFileName)
    ?.contents as string;

describe('long author lists', () => {
  it('writes a list of ten whole, with no button', () => {
    expect(authorListHtml(many(10, 0), false).value).toBe(
      '<strong>A0</strong>, A1, A2, A3, A4, A5, A6, A7, A8, and A9',
    );
  });

  it('marks the authors past the fifth as more, keeps the owner, and counts the hidden ones', () => {
    const out = authorListHtml(many(14, 8), false).value;
    expect(out).toBe(
      'A0, A1, A2, A3, A4' +
        '<span class="author-more">, A5</span><span class="author-more">, A6</span><span class="author-more">, A7</span>' +
        '<span class="author-gap">, …</span>, <strong>A8</strong>' +
        '<span class="author-more">, A9</span><span class="author-more">, A10</span><span class="author-more">, A11</span>' +
        '<span class="author-more">, A12</span><span class="author-more">, and A13</span>' +
        '<button type="button" class="more-authors" aria-expanded="true" hidden data-more="and 8 more">show fewer</button>',
    );
  });

  it('keeps `et al.` of a truncated list after the hidden authors', () => {
    expect(authorListHtml(many(12, 0), true).value).toMatch(
      /<span class="author-more">, A11<\/span>, et al\.<button/,
    );
  });
});

describe('chips and badges', () => {
  /** The page with the test CV's first paper replaced by `change(first)`. */
  function pageWithFirst(change: (p: Publication) => Publication): string {
    const cv = pageCv();
    const section = cv.sections.get('all_publications');
    if (section?.type !== 'publications') throw new Error('test CV changed');
    const first = section.lists[0]?.groups[0]?.publications[0];
    if (first === undefined) throw new Error('test CV changed');
    const lists = section.lists.map((l, i) =>
      i === 0
        ? {
            ...l,
            groups: l.groups.map((g, j) =>
              j === 0 ? { ...g, publications: [change(first), ...g.publications.slice(1)] } : g,
            ),
          }
        : l,
    );
    return renderHtml(
      { ...cv, sections: new Map([...cv.sections, ['all_publications', { ...section, lists }]]) },
      pageOptions,
    ).files.find((f) => f.path === pageOptions.htmlFileName)?.contents as string;
  }

  it("shows the model's links as chips, in the model's order, each URL checked again", () => {
    const page = pageWithFirst((p) => ({
      ...p,
      links: [
        { label: 'arxiv', url: 'https://arxiv.org/abs/2101.00001' },
        { label: 'html', url: 'https://proceedings.example.org/k.html' },
        { label: 'supp', url: 'javascript:alert(1)' },
        { label: 'blog', url: 'https://blog.example.org/k' },
      ],
    }));
    expect(page).toContain(
      '<a class="chip" href="https://arxiv.org/abs/2101.00001">arxiv</a><a class="chip" href="https://proceedings.example.org/k.html">html</a><a class="chip" href="https://blog.example.org/k">blog</a>',
    );
    expect(page).not.toContain('javascript:alert');
  });

  it('shows an award as a badge in the venue line', () => {
    const page = pageWithFirst((p) => ({ ...p, award: rich('Best Paper Award') }));
    expect(page).toMatch(
      / · <span class="award"><svg class="icon icon-award"[^>]*>.*?<\/svg>Best Paper Award<\/span><\/div>/,
    );
  });
});

describe('legend', () => {
  it('explains the highlight and the marks where they are used, or shows the section legend', () => {
    const legends = pageHtml().match(/<p class="pub-legend">.*<\/p>/g) ?? [];
    expect(legends).toEqual([
      '<p class="pub-legend"><span class="legend-item"><span class="legend-swatch" aria-hidden="true"></span>highlighted: selected publications</span> · <span class="legend-item"><sup>*</sup> equal contribution</span></p>',
      expect.stringMatching(
        /^<p class="pub-legend">.*Journal articles, workshop papers and preprints; <sup>†<\/sup> corresponding author\.<\/p>$/,
      ),
    ]);
  });
});
