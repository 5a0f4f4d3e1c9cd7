import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import { joinWithAnd } from '../../src/render/shared/join.js';
import { formatVenueSummary } from '../../src/render/shared/venue-summary.js';
import { AuthorUrlIndex, isOwnerName } from '../../src/resolve/publications/author-urls.js';
import { isSelectedValue, normalizeDoi, parseYear, urlValue } from '../../src/resolve/publications/fields.js';
import {
  anchorFor,
  groupByYear,
  publicationNumber,
  sortByYear,
  yearGroupHeading,
} from '../../src/resolve/publications/ordering.js';
import { countVenues, venueThreshold } from '../../src/resolve/publications/venue-counts.js';
import { authorsOf, codes, entry, resolveBib } from './helpers.js';

describe('author list', () => {
  it('joins as the original: "A", "A and B", "A, B, and C"', () => {
    expect(joinWithAnd(['A'], { truncated: false })).toBe('A');
    expect(joinWithAnd(['A', 'B'], { truncated: false })).toBe('A and B');
    expect(joinWithAnd(['A', 'B', 'C'], { truncated: false })).toBe('A, B, and C');
    expect(joinWithAnd(['A', 'B', 'C', 'D'], { truncated: false })).toBe('A, B, C, and D');
    expect(joinWithAnd([], { truncated: false })).toBe('');
  });

  it('ends a truncated list (`and others`) with "et al."', () => {
    expect(joinWithAnd(['A'], { truncated: true })).toBe('A et al.');
    expect(joinWithAnd(['A', 'B'], { truncated: true })).toBe('A, B, et al.');
    expect(joinWithAnd([], { truncated: true })).toBe('et al.');
    expect(joinWithAnd(['A', 'B'], { truncated: true, etAl: 'et~al.' })).toBe('A, B, et~al.');
  });
});

describe('owner in bold', () => {
  it('matches as the original: a substring of "First Last"', () => {
    expect(isOwnerName('Brandon Amos', ['Amos'])).toBe(true);
    expect(isOwnerName('B. Amos', ['Amos'])).toBe(true);
    expect(isOwnerName('Amosa Smith', ['Amos'])).toBe(true); // the original's rule, kept
    expect(isOwnerName('Brandon Amos', ['Brandon Amos'])).toBe(true);
    expect(isOwnerName('Brandon Amos', ['Amos, Brandon'])).toBe(false);
    expect(isOwnerName('Denis Yarats', ['Amos'])).toBe(false);
  });

  it('accepts name variants (a list): every variant is the owner', () => {
    const authors = authorsOf('B. Amos and Chia-Hsiang Kao and D. Yarats', { ownerNames: ['Amos', 'Kao'] });
    expect(authors.map((a) => a.isOwner)).toEqual([true, true, false]);
  });

  it('matches the owner after LaTeX is read and marks are removed', () => {
    const authors = authorsOf('Amos*, Brandon and G{\\"o}del, Kurt', {
      ownerNames: ['Brandon Amos', 'Gödel'],
    });
    expect(authors.map((a) => a.isOwner)).toEqual([true, true]);
  });

  it('the Markdown wraps the owner (with a link and marks) in <strong>', () => {
    const { section } = resolveBib(entry('k', { author: 'Amos*, Brandon and Denis Yarats' }), {
      name: 'Amos',
      author_urls: { 'Denis Yarats': 'https://example.org/dy' },
    });
    const authors = section.lists[0]?.groups[0]?.publications[0]?.authors ?? [];
    expect(authors.map((a) => [a.plain, a.isOwner, a.url])).toEqual([
      ['Brandon Amos', true, undefined],
      ['Denis Yarats', false, 'https://example.org/dy'],
    ]);
  });
});

describe('co-author URLs', () => {
  const index = new AuthorUrlIndex({
    'Zico Kolter': 'https://zicokolter.com/',
    'Michal Rol': 'https://mrolinek.github.io/',
    Colmenarejo: 'https://example.org/c',
    'Ricky Chen': 'https://example.org/r1',
    'Ricky T. Q. Chen': 'https://example.org/r2',
    Chen: 'https://example.org/chen',
  });

  it('a key matches when it occurs in "First Last"', () => {
    expect(index.match('J. Zico Kolter')).toEqual({
      kind: 'one',
      key: 'Zico Kolter',
      url: 'https://zicokolter.com/',
    });
    expect(index.match('Michal Rolínek')).toMatchObject({ kind: 'one', key: 'Michal Rol' });
    expect(index.match('Sergio Gómez Colmenarejo')).toMatchObject({ kind: 'one', key: 'Colmenarejo' });
    expect(index.match('Jane Doe')).toEqual({ kind: 'none' });
  });

  it('finds every matching key (in config order)', () => {
    expect(index.match('Ricky T. Q. Chen')).toEqual({ kind: 'many', keys: ['Ricky T. Q. Chen', 'Chen'] });
    expect(new AuthorUrlIndex({ a: 'x', ab: 'y' }).match('Kab')).toEqual({ kind: 'many', keys: ['a', 'ab'] });
  });

  it('two matching keys are an error naming both keys, the author, the entry key and its file:line', () => {
    const { diagnostics } = resolveBib(
      `\n${entry('chen2021', { author: 'Ricky T. Q. Chen and Brandon Amos' })}`,
      {
        name: 'Amos',
        author_urls: { 'T. Q. Chen': 'https://a', 'Ricky T': 'https://b' },
      },
    );
    expect(codes(diagnostics)).toEqual(['error publication-author-url-ambiguous']);
    expect(diagnostics[0]?.message).toBe(
      'author `Ricky T. Q. Chen` of entry `chen2021` (publications/all.bib:4) matches 2 keys of `author_urls`: `T. Q. Chen` and `Ricky T`',
    );
    expect(diagnostics[0]?.position).toEqual({ file: 'publications/all.bib', line: 4, column: 13 });
  });

  it('error_without_author_url: ONE error listing every co-author without a URL (owner excluded)', () => {
    const bib =
      entry('a2020', { author: 'Brandon Amos and Jane Doe and Known Person' }) +
      entry('b2021', { author: 'Jane Doe and Brandon Amos and John Roe' });
    const config = {
      name: 'Amos',
      author_urls: { 'Known Person': 'https://k' },
      error_without_author_url: true,
    };
    const { diagnostics } = resolveBib(bib, config, {
      positions: { error_without_author_url: { line: 9, column: 3 } },
    });
    expect(codes(diagnostics)).toEqual(['error publication-author-url-missing']);
    expect(diagnostics[0]?.position).toEqual({ file: 'cv.yaml', line: 9, column: 3 });
    expect(diagnostics[0]?.message).toBe(
      [
        '2 co-authors have no link in `author_urls` (`error_without_author_url` is on):',
        '  - Jane Doe: `a2020` (publications/all.bib:3), `b2021` (publications/all.bib:9)',
        '  - John Roe: `b2021` (publications/all.bib:9)',
      ].join('\n'),
    );
    expect(resolveBib(bib, { ...config, error_without_author_url: false }).diagnostics).toEqual([]);
  });
});

describe('sorting, grouping, numbering', () => {
  const items = (...years: (number | string)[]) =>
    years.map((y, i) => ({ id: i, year: String(y), yearNumber: parseYear(String(y)) }));

  it('sorts newest first, stable within a year; `to appear` first, other text after the years, no year last', () => {
    const sorted = sortByYear(items(2019, '', 2021, 'someday', 'to appear', 2019, 2021, 2020, 'In press'));
    expect(sorted.map((x) => x.id)).toEqual([4, 8, 2, 6, 7, 0, 5, 3, 1]);
  });

  it('groups by year and folds the old years into "<cutoff> and earlier"', () => {
    const groups = groupByYear(sortByYear(items(2017, 2015, 2016, 2012, 2014, 2016)), 2015);
    expect(groups.map((g) => [g.heading, g.items.map((x) => x.year)])).toEqual([
      ['2017', ['2017']],
      ['2016', ['2016', '2016']],
      ['2015 and earlier', ['2015', '2014', '2012']],
    ]);
    expect(groupByYear(items(2012, 2011), 2015).map((g) => g.heading)).toEqual(['2015 and earlier']);
    expect(groupByYear(items(2020, 2019, 2018), 2018).map((g) => g.heading)).toEqual([
      '2020',
      '2019',
      '2018 and earlier',
    ]);
    expect(yearGroupHeading({ year: 'to appear', yearNumber: undefined }, 2015)).toBe('to appear');
  });

  it('numbers descending (newest highest, the default) or ascending', () => {
    expect([0, 1, 2].map((i) => publicationNumber(i, 3, 'descending'))).toEqual([3, 2, 1]);
    expect([0, 1, 2].map((i) => publicationNumber(i, 3, 'ascending'))).toEqual([1, 2, 3]);
  });

  it('numbers continuously across year groups, with the category prefix', () => {
    const bib = entry('a', { year: '2021' }) + entry('b', { year: '2019' }) + entry('c', { year: '2021' });
    const desc = resolveBib(bib, { sort_bib: true, group_by_year: true });
    expect(
      desc.section.lists[0]?.groups.map((g) => [g.heading, g.publications.map((p) => `${p.key}:${p.label}`)]),
    ).toEqual([
      ['2021', ['a:3', 'c:2']],
      ['2019', ['b:1']],
    ]);
    const asc = resolveBib(bib, { sort_bib: true, numbering: 'ascending' });
    expect(asc.publications.map((p) => `${p.key}:${p.label}`)).toEqual(['a:1', 'c:2', 'b:3']);
    const categories = resolveBib(
      '',
      {
        file: undefined,
        categories: [
          { heading: 'Conference Papers', prefix: 'C', file: 'conf.bib' },
          { heading: 'Journal Papers', prefix: 'J', file: 'journal.bib' },
        ],
        sort_bib: true,
      },
      { files: { 'publications/conf.bib': bib, 'publications/journal.bib': entry('j') } },
    );
    expect(
      categories.section.lists.map((l) => [
        inlineToText(l.heading ?? []),
        l.groups[0]?.publications.map((p) => p.label),
      ]),
    ).toEqual([
      ['Conference Papers', ['C3', 'C2', 'C1']],
      ['Journal Papers', ['J1']],
    ]);
  });

  it('without sort_bib keeps the file order; without group_by_year makes one group', () => {
    const bib = entry('old', { year: '2010' }) + entry('new', { year: '2022' });
    const { section } = resolveBib(bib);
    expect(section.lists[0]?.groups.map((g) => [g.heading, g.publications.map((p) => p.key)])).toEqual([
      [null, ['old', 'new']],
    ]);
  });

  it('anchors are id-safe and unique', () => {
    const used = new Set<string>();
    expect(anchorFor('amos2020differentiable', '', used)).toBe('amos2020differentiable');
    expect(anchorFor('Amos:2017/x"y', '', used)).toBe('Amos-2017-x-y');
    expect(anchorFor('Amos-2017-x-y', '', used)).toBe('Amos-2017-x-y-2');
    expect(anchorFor('k', 'C', used)).toBe('kC');
  });
});

describe('per-entry fields', () => {
  it('links the title to `link`, else `url`; URL fields are not LaTeX (only \\_ \\% \\# \\& unescaped)', () => {
    const { publications } = resolveBib(
      entry('a', { url: 'https://x.org/a\\_b\\%20c--d~e' }) +
        entry('b', { url: 'https://u', link: 'https://l' }),
    );
    expect(publications.map((p) => p.url)).toEqual(['https://x.org/a_b%20c--d~e', 'https://l']);
    expect(urlValue('  https://a.org/\\#x\\&y  ')).toBe('https://a.org/#x&y');
  });

  it('makes [code] [slides] [talk] [pdf] [video] [poster] [doi] links in that order', () => {
    const { publications } = resolveBib(
      entry('a', {
        doi: 'https://doi.org/10.1000/xyz#1',
        poster: 'https://p',
        video: 'https://v',
        pdf: 'https://pdf',
        _talkurl: 'https://t',
        slidesurl: 'https://s',
        codeurl: 'https://github.com/x/y',
      }),
    );
    expect(publications[0]?.links).toEqual([
      { label: 'code', url: 'https://github.com/x/y' },
      { label: 'slides', url: 'https://s' },
      { label: 'talk', url: 'https://t' },
      { label: 'pdf', url: 'https://pdf' },
      { label: 'video', url: 'https://v' },
      { label: 'poster', url: 'https://p' },
      { label: 'doi', url: 'https://doi.org/10.1000/xyz%231' },
    ]);
    expect(publications[0]?.doi).toBe('10.1000/xyz#1');
    expect(normalizeDoi('doi:10.1/ABC')).toBe('10.1/ABC');
  });

  it('drops an unsafe URL with a warning at its place', () => {
    const { publications, diagnostics } = resolveBib(
      entry('a', { url: 'javascript:alert(1)', codeurl: 'https://ok' }),
    );
    expect(publications[0]?.url).toBeUndefined();
    expect(publications[0]?.links).toEqual([{ label: 'code', url: 'https://ok' }]);
    expect(diagnostics.map((d) => `${d.code} ${d.position?.line}:${d.position?.column}`)).toEqual([
      'publication-unsafe-url 6:9',
    ]);
  });

  it('selected: any value but false/0/no', () => {
    expect(['true', 'True', 'yes', '1', ''].map(isSelectedValue)).toEqual([true, true, true, true, true]);
    expect(['false', 'FALSE', '0', 'no', ' No '].map(isSelectedValue)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
    const { publications } = resolveBib(
      entry('a', { selected: 'true' }) + entry('b', { selected: 'false' }) + entry('c'),
    );
    expect(publications.map((p) => p.selected)).toEqual([true, false, false]);
  });

  it('reads `_venue`, `_note`, the abstract (indentation removed) and folds whitespace in titles', () => {
    const { publications } = resolveBib(
      entry('a', {
        title: 'A {Long}\n    Title -- with~LaTeX',
        _venue: 'ICML',
        _note: 'Oral',
        abstract: '\n    First line of\n    the abstract.\n\n    Second paragraph.\n  ',
      }),
    );
    const p = publications[0];
    expect(inlineToText(p?.title ?? [])).toBe('A Long Title – with LaTeX');
    expect(inlineToText(p?.venue ?? [])).toBe('ICML');
    expect(inlineToText(p?.note ?? [])).toBe('Oral');
    expect(inlineToText(p?.abstract ?? [])).toBe('First line of\nthe abstract.\n\nSecond paragraph.');
    expect(p?.position).toEqual({ file: 'publications/all.bib', line: 1, column: 1 });
  });

  it('reads the LaTeX of text fields into the inline AST', () => {
    const { publications, diagnostics } = resolveBib(
      entry('a', {
        title: "G{\\\"o}del {\\'e}t\\'e Fran\\c{c}ais 1--2 a~b R\\&D x$^*$ y$^\\dagger$ z$^{\\dagger}$ {DNA}",
      }),
    );
    expect(diagnostics).toEqual([]);
    expect(publications[0]?.title).toEqual([
      { type: 'text', value: 'Gödel été Français 1' },
      { type: 'dash', kind: 'en' },
      { type: 'text', value: '2 a' },
      { type: 'nbsp' },
      { type: 'text', value: 'b R&D x' },
      { type: 'superscript', children: [{ type: 'text', value: '*' }] },
      { type: 'text', value: ' y' },
      { type: 'superscript', children: [{ type: 'text', value: '†' }] },
      { type: 'text', value: ' z' },
      { type: 'superscript', children: [{ type: 'text', value: '†' }] },
      { type: 'text', value: ' DNA' },
    ]);
  });

  it('reports LaTeX problems at their line:column inside the field', () => {
    const bib =
      '@misc{k,\n  author = {Brandon Amos},\n  title = {A title with\n    a \\badcommand here},\n  year = 2020, _venue = {X},\n}';
    const { diagnostics } = resolveBib(bib);
    expect(
      diagnostics.map((d) => `${d.code} ${d.position?.line}:${d.position?.column} ${d.message}`),
    ).toEqual(['bibtex-latex 4:7 unknown LaTeX command `\\badcommand` (in `title`)']);
  });

  it('finds the arXiv id from eprint or the URL', () => {
    const { publications } = resolveBib(
      entry('a', { url: 'https://arxiv.org/abs/1909.12830v2' }) +
        entry('b', { eprint: '2101.00001', archiveprefix: 'arXiv' }) +
        entry('c', { url: 'https://example.org' }),
    );
    expect(publications.map((p) => p.arxivId)).toEqual(['1909.12830', '2101.00001', undefined]);
  });
});

describe('images', () => {
  it('include_image: the first of <image_dir>/<key>.png|.jpg|.svg that exists; none, no image', () => {
    const bib = entry('withpng') + entry('withsvg') + entry('none');
    const files = { 'images/publications/withpng.png': '', 'images/publications/withsvg.svg': '' };
    const on = resolveBib(bib, { include_image: true }, { files });
    expect(on.publications.map((p) => p.image)).toEqual([
      'images/publications/withpng.png',
      'images/publications/withsvg.svg',
      undefined,
    ]);
    const off = resolveBib(bib, {}, { files });
    expect(off.publications.map((p) => p.image)).toEqual([undefined, undefined, undefined]);
    const dir = resolveBib(bib, { include_image: true, image_dir: 'img' }, { files: { 'img/none.jpg': '' } });
    expect(dir.publications.map((p) => p.image)).toEqual([undefined, undefined, 'img/none.jpg']);
  });
});

describe('venue summary', () => {
  const pubs = (...venues: string[]) =>
    resolveBib(venues.map((v, i) => entry(`k${i}`, { _venue: v })).join('')).publications;

  it('counts venues with at least N papers, most first, then by name', () => {
    const list = pubs('ICML', 'NeurIPS', 'ICML', 'AISTATS', 'NeurIPS', 'ICML', 'AISTATS', 'AISTATS', 'UAI');
    expect(countVenues(list, 3)).toEqual(
      [
        { venue: 'ICML', count: 3 },
        { venue: 'AISTATS', count: 3 },
      ].sort((a, b) => (a.venue < b.venue ? -1 : 1)),
    );
    expect(countVenues(list, 2).map((v) => v.venue)).toEqual(['AISTATS', 'ICML', 'NeurIPS']);
  });

  it('formats "ICML (15 papers), NeurIPS (12 papers), and AISTATS (3 papers)"', () => {
    expect(
      formatVenueSummary([
        { venue: 'ICML', count: 15 },
        { venue: 'NeurIPS', count: 12 },
        { venue: 'AISTATS', count: 3 },
      ]),
    ).toBe('ICML (15 papers), NeurIPS (12 papers), and AISTATS (3 papers)');
    expect(formatVenueSummary([{ venue: 'UAI', count: 1 }])).toBe('UAI (1 paper)');
  });

  it('venue_summary: true is a threshold of 3; a number is the threshold; false is off', () => {
    expect([venueThreshold(true), venueThreshold(5), venueThreshold(false)]).toEqual([3, 5, undefined]);
    const bib = ['A', 'A', 'A', 'B', 'B'].map((v, i) => entry(`k${i}`, { _venue: v })).join('');
    expect(resolveBib(bib, { venue_summary: true }).section.venueSummary).toEqual([{ venue: 'A', count: 3 }]);
    expect(resolveBib(bib, { venue_summary: 2 }).section.venueSummary.map((v) => v.venue)).toEqual([
      'A',
      'B',
    ]);
    expect(resolveBib(bib).section.venueSummary).toEqual([]);
  });
});

describe('missing venue or year, non-numeric years', () => {
  it('without `_venue`, booktitle/journal/... stand in, with no diagnostic; with none, a warning at the entry', () => {
    const bib = entry('nov', { _venue: '' }).replace(
      '  _venue = {},\n',
      '  booktitle = {Proc. of Things},\n',
    );
    const fallback = resolveBib(bib);
    expect(fallback.diagnostics).toEqual([]);
    expect(inlineToText(fallback.publications[0]?.venue ?? [])).toBe('Proc. of Things');
    for (const field of [
      'journal',
      'journaltitle',
      'series',
      'publisher',
      'school',
      'institution',
      'howpublished',
    ]) {
      const other = resolveBib(bib.replace('booktitle', field));
      expect(inlineToText(other.publications[0]?.venue ?? [])).toBe('Proc. of Things');
    }
    const none = resolveBib(entry('nov', { _venue: '' }).replace('  _venue = {},\n', ''));
    expect(codes(none.diagnostics)).toEqual(['warning publication-missing-venue']);
    expect(none.diagnostics[0]?.message).toBe('entry `nov` names no venue; it is listed without one');
    expect(none.diagnostics[0]?.position).toEqual({ file: 'publications/all.bib', line: 1, column: 1 });
    expect(none.publications[0]?.venue).toEqual([]);
  });

  it('a missing `year` is a warning; the entry is listed last, under "Undated"', () => {
    const bib = entry('noyear').replace('  year = {2020},\n', '') + entry('dated', { year: '2019' });
    const result = resolveBib(bib, { sort_bib: true, group_by_year: true });
    expect(codes(result.diagnostics)).toEqual(['warning publication-missing-year']);
    expect(result.diagnostics[0]?.position).toEqual({ file: 'publications/all.bib', line: 1, column: 1 });
    expect(result.section.lists[0]?.groups.map((g) => [g.heading, g.publications.map((p) => p.key)])).toEqual(
      [
        ['2019', ['dated']],
        ['Undated', ['noyear']],
      ],
    );
  });

  it('`to appear` is kept as written and listed first, with no diagnostic; other text is a warning at the year', () => {
    const bib =
      entry('soon', { year: 'to appear' }) +
      entry('old', { year: '2019' }) +
      entry('odd', { year: 'someday' }) +
      entry('new', { year: '2021' });
    const result = resolveBib(bib, { sort_bib: true, group_by_year: true });
    expect(codes(result.diagnostics)).toEqual(['warning publication-year-not-numeric']);
    expect(result.diagnostics[0]?.position).toEqual({ file: 'publications/all.bib', line: 16, column: 10 });
    expect(result.section.lists[0]?.groups.map((g) => [g.heading, g.publications.map((p) => p.key)])).toEqual(
      [
        ['to appear', ['soon']],
        ['2021', ['new']],
        ['2019', ['old']],
        ['someday', ['odd']],
      ],
    );
    expect(result.publications[0]?.year).toBe('to appear');
  });
});
