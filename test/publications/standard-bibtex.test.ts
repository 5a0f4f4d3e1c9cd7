/** Standard BibTeX (no `_venue`, biblatex dates, text years, odd author lists) builds plainly. */

import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { parseInline } from '../../src/inline/parse.js';
import { inlineToText } from '../../src/inline/to-text.js';
import type { PublicationsSection } from '../../src/model/cv.js';
import type { ResolveContext } from '../../src/resolve/context.js';
import { readYear, zoteroTagsToLatex } from '../../src/resolve/publications/fields.js';
import { isOwnerAuthor, parseOwnerName } from '../../src/resolve/publications/owner.js';
import { VENUE_TABLE, venueKey, venueMatcher } from '../../src/resolve/publications/venue-table.js';
import { publicationsSection } from '../../src/resolve/sections/publications.js';
import { authorsOf, codes, entry, memoryContext, resolveBib } from './helpers.js';

const venueOf = (fields: Record<string, string>, config = {}) => {
  const bib =
    entry('k', { _venue: '' }).replace('  _venue = {},\n', '').replace('}\n', '') +
    Object.entries(fields)
      .map(([k, v]) => `  ${k} = {${v}},\n`)
      .join('') +
    '}\n';
  const result = resolveBib(bib, config);
  return { venue: inlineToText(result.publications[0]?.venue ?? []), diagnostics: result.diagnostics };
};

describe('venue without `_venue`', () => {
  it('shortens well-known venues, whatever the proceedings wording, year or edition', () => {
    const m = venueMatcher();
    expect(m.shorten('Proceedings of the 37th International Conference on Machine Learning')).toBe('ICML');
    expect(m.shorten('International Conference on Machine Learning (ICML 2020)')).toBe('ICML');
    expect(m.shorten('Advances in Neural Information Processing Systems 33')).toBe('NeurIPS');
    expect(m.shorten('Advances in Neural Information Processing Systems')).toBe('NeurIPS');
    expect(
      m.shorten('Proceedings of the IEEE/CVF Conference on Computer Vision and Pattern Recognition'),
    ).toBe('CVPR');
    expect(m.shorten('IEEE International Conference on Computer Vision')).toBe('ICCV');
    expect(m.shorten('European Conference on Computer Vision')).toBe('ECCV');
    expect(m.shorten('Thirty-Fourth AAAI Conference on Artificial Intelligence')).toBe('AAAI');
    expect(
      m.shorten('Proceedings of the 58th Annual Meeting of the Association for Computational Linguistics'),
    ).toBe('ACL');
    expect(m.shorten('2019 International Conference on Robotics and Automation (ICRA)')).toBe('ICRA');
    expect(m.shorten('Physical Review Letters')).toBe('PRL');
    expect(m.shorten('Phys. Rev. Lett.')).toBe('PRL');
    expect(m.shorten('Proceedings of the National Academy of Sciences')).toBe('PNAS');
    expect(m.shorten('The New England Journal of Medicine')).toBe('NEJM');
    expect(m.shorten('arXiv preprint arXiv:2101.00001')).toBe('arXiv');
    expect(m.shorten('Proceedings of the 2021 CHI Conference on Human Factors in Computing Systems')).toBe(
      'CHI',
    );
    expect(m.shorten('30th USENIX Security Symposium')).toBe('USENIX Security');
    expect(m.shorten('Findings of the Association for Computational Linguistics: EMNLP 2020')).toBe(
      'Findings of EMNLP',
    );
    expect(m.shorten('Findings of the Association for Computational Linguistics')).toBe('Findings of ACL');
    expect(
      m.shorten('Proceedings of the IEEE Conference on Computer Vision and Pattern Recognition, pages 1--10'),
    ).toBe('CVPR');
    expect(m.shorten('Advances in Cryptology -- CRYPTO 2020')).toBe('CRYPTO');
    expect(m.shorten('Journal of Physics A: Mathematical and Theoretical')).toBe('J. Phys. A');
  });

  it('keeps a workshop or an unknown venue as written (the comparison is exact after folding)', () => {
    const m = venueMatcher();
    expect(m.shorten('ICML Workshop on Invertible Neural Networks')).toBeUndefined();
    expect(m.shorten('Workshop on Machine Learning for Systems at NeurIPS')).toBeUndefined();
    expect(m.shorten('Machine Learning')).toBeUndefined();
    expect(m.shorten('Journal of Obscure Things')).toBeUndefined();
  });

  it('has a few hundred rows, no two of which claim the same name', () => {
    expect(VENUE_TABLE.length).toBeGreaterThan(300);
    const seen = new Map<string, string>();
    for (const [short, ...names] of VENUE_TABLE) {
      for (const name of names) {
        if (typeof name !== 'string') continue;
        const key = venueKey(name);
        const previous = seen.get(key);
        if (previous !== undefined) expect(`${key}: ${previous}`).toBe(`${key}: ${short}`);
        seen.set(key, short);
      }
    }
  });

  it('takes booktitle, journal, journaltitle, series, publisher, school, institution, howpublished, in order', () => {
    expect(
      venueOf({ booktitle: 'Proceedings of the 37th International Conference on Machine Learning' }),
    ).toEqual({
      venue: 'ICML',
      diagnostics: [],
    });
    expect(venueOf({ journaltitle: 'Nature Communications' }).venue).toBe('Nat. Commun.');
    expect(venueOf({ series: 'My Series', publisher: 'Springer' }).venue).toBe('My Series');
    expect(venueOf({ school: 'Carnegie Mellon University' }).venue).toBe('Carnegie Mellon University');
    expect(venueOf({ howpublished: '\\url{https://x.org}', institution: 'MIT' }).venue).toBe('MIT');
  });

  it('an arXiv eprint gives "arXiv"; nothing at all is a warning at the entry', () => {
    expect(venueOf({ eprint: '2101.00001', archiveprefix: 'arXiv' })).toEqual({
      venue: 'arXiv',
      diagnostics: [],
    });
    expect(venueOf({ eprint: '2101.00001', eprinttype: 'arxiv' }).venue).toBe('arXiv');
    const none = venueOf({});
    expect(none.venue).toBe('');
    expect(codes(none.diagnostics)).toEqual(['warning publication-missing-venue']);
    expect(none.diagnostics[0]?.position).toEqual({ file: 'publications/all.bib', line: 1, column: 1 });
  });

  it('`venues:` of the section comes first (a name or a /regex/); `venue: full` keeps the long form', () => {
    const booktitle = 'Proceedings of the Workshop on Small Things';
    expect(venueOf({ booktitle }, { venues: { 'Workshop on Small Things': 'WST' } }).venue).toBe('WST');
    expect(venueOf({ booktitle }, { venues: { '/small things/i': 'SMALL' } }).venue).toBe('SMALL');
    const icml = 'Proceedings of the 37th International Conference on Machine Learning';
    expect(
      venueOf({ booktitle: icml }, { venues: { 'International Conference on Machine Learning': 'Intl. ML' } })
        .venue,
    ).toBe('Intl. ML');
    expect(venueOf({ booktitle: icml }, { venue: 'full' }).venue).toBe(icml);
  });

  it('`_venue` is shown as written, never shortened', () => {
    const result = resolveBib(entry('k', { _venue: 'International Conference on Machine Learning' }));
    expect(inlineToText(result.publications[0]?.venue ?? [])).toBe(
      'International Conference on Machine Learning',
    );
  });
});

describe('years', () => {
  it('reads `year`, else biblatex `date`', () => {
    expect(readYear('2020', '')).toEqual({ text: '2020', number: 2020 });
    expect(readYear('2020a', '')).toEqual({ text: '2020a', number: 2020 });
    expect(readYear('to appear', '')).toEqual({ text: 'to appear', number: undefined });
    expect(readYear('', '2021-05-03')).toEqual({ text: '2021', number: 2021 });
    expect(readYear('', '2021/2022')).toEqual({ text: '2021–2022', number: 2021 });
    expect(readYear('', '2021-05/2021-06')).toEqual({ text: '2021', number: 2021 });
    expect(readYear('', '')).toEqual({ text: '', number: undefined });
  });

  it('a biblatex `date` sorts and groups like a year, with no diagnostic', () => {
    const bib =
      entry('a', { year: '' }).replace('  year = {},\n', '  date = {2018-05-03},\n') +
      entry('b', { year: '2021' });
    const result = resolveBib(bib, { sort_bib: true, group_by_year: true, group_cutoff_year: 2010 });
    expect(result.diagnostics).toEqual([]);
    expect(result.section.lists[0]?.groups.map((g) => g.heading)).toEqual(['2021', '2018']);
    expect(result.publications[1]?.year).toBe('2018');
  });

  it('in press, submitted, forthcoming: no diagnostic, listed first', () => {
    const bib =
      entry('a', { year: '2021' }) + entry('b', { year: 'In press' }) + entry('c', { year: 'submitted' });
    const result = resolveBib(bib, { sort_bib: true });
    expect(result.diagnostics).toEqual([]);
    expect(result.publications.map((p) => p.key)).toEqual(['b', 'c', 'a']);
  });
});

describe('authors', () => {
  it('`and and` and a trailing `and` are warnings at their place; every name is kept', () => {
    const bib = entry('k', { author: 'Ada Lovelace and and Alan Turing and' });
    const result = resolveBib(bib);
    expect(codes(result.diagnostics)).toEqual(['warning bibtex-author-list', 'warning bibtex-author-list']);
    expect(result.diagnostics.map((d) => d.position)).toEqual([
      { file: 'publications/all.bib', line: 3, column: 30 },
      { file: 'publications/all.bib', line: 3, column: 46 },
    ]);
    expect(result.publications[0]?.authors.map((a) => a.plain)).toEqual(['Ada Lovelace', 'Alan Turing']);
  });

  it('`\\noopsort{x}` is not shown', () => {
    expect(authorsOf('{\\noopsort{b}}Lovelace, Ada').map((a) => a.plain)).toEqual(['Ada Lovelace']);
    expect(inlineToText(parseInline('A {\\noopsort{zz}}Title'))).toBe('A Title');
  });

  it('`and others` ends the list in "et al."', () => {
    const result = resolveBib(entry('k', { author: 'Ada Lovelace and others' }));
    expect(result.publications[0]?.othersTruncated).toBe(true);
    expect(result.publications[0]?.authors.map((a) => a.plain)).toEqual(['Ada Lovelace']);
  });
});

describe('the owner in bold', () => {
  const owner = [parseOwnerName('John Quincy Smith')].filter((o) => o !== undefined);
  const is = (name: string) => isOwnerAuthor(name, owner);

  it('matches initials, middle names or not, case, dots and tildes', () => {
    for (const name of [
      'John Smith',
      'J. Smith',
      'J.\u00a0Smith',
      'J. Q. Smith',
      'John Q. Smith',
      'JOHN SMITH',
      'J Smith',
    ])
      expect(is(name), name).toBe(true);
    for (const name of ['Jane Smith', 'K. Smith', 'John R. Smith', 'John Smithers', 'Smith John'])
      expect(is(name), name).toBe(false);
  });

  it('from the bib: `Smith, J.`, `J.~Smith`, accents in LaTeX or Unicode, hyphens', () => {
    const ownerName = { given: 'Erwin', last: 'Schrödinger' };
    const bib = entry('k', {
      author:
        'Schr{\\"o}dinger, E. and E.~Schrödinger and Erwin Schr\\"{o}dinger and Erwin Schrodinger and A. Schrödinger',
    });
    const result = resolveBib(bib, {}, { ownerName });
    expect(result.publications[0]?.authors.map((a) => a.isOwner)).toEqual([true, true, true, true, false]);
    const hyphen = resolveBib(
      entry('k', { author: 'J.-P. Sartre and Jean Paul Sartre and J. Sartre' }),
      {},
      {
        ownerName: { given: 'Jean-Paul', last: 'Sartre' },
      },
    );
    expect(hyphen.publications[0]?.authors.map((a) => a.isOwner)).toEqual([true, true, true]);
  });

  it('`aliases:` adds names published under (a maiden name, another spelling)', () => {
    const bib = entry('k', { author: 'Ada King and A. Byron and Ada Lovelace' });
    const result = resolveBib(
      bib,
      { aliases: ['Augusta Ada Byron', 'King, Ada'] },
      {
        ownerName: { given: 'Ada', last: 'Lovelace' },
      },
    );
    expect(result.publications[0]?.authors.map((a) => a.isOwner)).toEqual([true, true, true]);
    const byron = resolveBib(bib, { aliases: ['Ada Byron'] });
    expect(byron.publications[0]?.authors.map((a) => a.isOwner)).toEqual([false, true, false]);
  });

  it('a co-author with the same last name is not the owner', () => {
    const bib = entry('k', { author: 'Brandon Amos and Zoe Amos' });
    const result = resolveBib(bib, {}, { ownerName: { given: 'Brandon', last: 'Amos' } });
    expect(result.publications[0]?.authors.map((a) => a.isOwner)).toEqual([true, false]);
  });
});

describe('section shapes and options', () => {
  const resolveValue = (value: unknown, files: Record<string, string> = {}) => {
    const bag = new DiagnosticBag();
    const base = memoryContext({
      files,
      positions: { '': { line: 7, column: 15 } },
    });
    const ctx = { ...base, diagnostics: bag, url: () => undefined, social: {} } as unknown as ResolveContext;
    const parsed = publicationsSection.schema.safeParse(value);
    if (!parsed.success) throw new Error(parsed.error.message);
    const section = publicationsSection.resolve(parsed.data, ctx);
    return { section, diagnostics: bag.items };
  };

  it('a plain path string is read as that file', () => {
    const { section, diagnostics } = resolveValue('publications.bib', { 'publications.bib': entry('a') });
    expect(diagnostics).toEqual([]);
    expect((section as PublicationsSection).total).toBe(1);
  });

  it('a plain path string naming no file is a warning at its YAML position, and an empty section', () => {
    const { section, diagnostics } = resolveValue('publications.bib');
    expect(codes(diagnostics)).toEqual(['warning publication-file-not-found']);
    expect(diagnostics[0]?.position).toEqual({ file: 'cv.yaml', line: 7, column: 15 });
    expect((section as PublicationsSection).total).toBe(0);
  });

  it('unknown options warn with a did-you-mean, and the section builds', () => {
    const { section, diagnostics } = resolveValue(
      { file: 'all.bib', sortbib: true, image_height: '125px', categories: undefined },
      { 'publications/all.bib': entry('a') },
    );
    expect(codes(diagnostics)).toEqual([
      'warning publication-unknown-option',
      'warning publication-unknown-option',
    ]);
    expect(diagnostics[0]?.message).toBe('unknown option `sortbib` in section `publications`; it is ignored');
    expect(diagnostics[0]?.hints).toEqual(['did you mean `sort_bib`?']);
    expect((section as PublicationsSection).total).toBe(1);
  });

  it('an unknown option of a category warns too', () => {
    const { diagnostics } = resolveValue(
      { categories: [{ heading: 'C', file: 'all.bib', prefx: 'C' }] },
      { 'publications/all.bib': entry('a') },
    );
    expect(codes(diagnostics)).toEqual(['warning publication-unknown-option']);
    expect(diagnostics[0]?.hints).toEqual(['did you mean `prefix`?']);
  });
});

describe('math in titles', () => {
  it('spacing and common math commands become Unicode, never their names', () => {
    const text = (s: string) => inlineToText(parseInline(s));
    expect(text('$O(n\\log n)$')).toBe('O(n\u2009log\u2009n)');
    expect(text('$a\\,b\\;c\\!d\\quad e$')).toBe('a\u2009b\u2005cd\u2003e'.replace('\u2003', ' '));
    expect(text('$\\langle x, y \\rangle$')).toBe('⟨x,y⟩');
    expect(text('$\\surd 2 \\circ f \\times g \\leq h \\geq i$')).toBe('√2∘f×g≤h≥i');
    expect(text('$\\ln \\alpha + \\Xi + \\vartheta$')).toBe('\u2009ln\u2009α+Ξ+ϑ');
    expect(text('$\\mathcal{O}(\\sqrt{n})$')).toBe('O(√n)');
    expect(text('$\\left( x \\right)$')).toBe('(x)');
    const all = parseInline('$\\langle\\rangle\\log\\ln\\surd\\circ\\times\\leq\\geq\\,\\;\\!\\quad$');
    expect(inlineToText(all)).toBe('⟨⟩\u2009log\u2009\u2009ln\u2009√∘×≤≥\u2009\u2005 ');
  });
});

describe("Zotero's rich-text tags in titles", () => {
  it('become the LaTeX they mean when they open and close in order', () => {
    expect(
      zoteroTagsToLatex(
        'A survey of {\\textless}i{\\textgreater}in situ{\\textless}/i{\\textgreater} methods',
      ),
    ).toBe('A survey of \\textit{in situ} methods');
    expect(
      zoteroTagsToLatex(
        'H{\\textless}sub{\\textgreater}2{\\textless}/sub{\\textgreater}O and {\\textless}b{\\textgreater}x{\\textless}/b{\\textgreater}',
      ),
    ).toBe('H\\textsubscript{2}O and \\textbf{x}');
  });

  it('are left as written when they do not match', () => {
    const odd = 'a {\\textless}i{\\textgreater}b{\\textless}/b{\\textgreater}';
    expect(zoteroTagsToLatex(odd)).toBe(odd);
    expect(zoteroTagsToLatex('x {\\textless} y')).toBe('x {\\textless} y');
  });
});
