/**
 * The links of the fields researchers use beyond code/slides/talk (arxiv, html, supp, blog) and the award:
 * read once into the model, every URL checked as the other links are, so every target shows them.
 */
import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import { localeOf } from '../../src/locale/locale.js';
import { publicationsSectionSchema, resolvePublications } from '../../src/resolve/sections/publications.js';
import { allPublications, entry, memoryContext, resolveBib } from './helpers.js';

const linksOf = (bib: string) =>
  resolveBib(bib).publications.map((p) => p.links.map((l) => `${l.label} ${l.url}`));

describe('arxiv, html, supp and blog links', () => {
  it('come in the order of the page: arxiv, code ... poster, html, supp, blog, doi', () => {
    const [links] = linksOf(
      entry('a', {
        doi: '10.1/x',
        blog: 'https://blog.example.org/a',
        supp: 'https://example.org/supp.pdf',
        html: 'https://proceedings.example.org/a.html',
        codeurl: 'https://github.com/x/y',
        arxiv: '2101.00001',
      }),
    );
    expect(links).toEqual([
      'arxiv https://arxiv.org/abs/2101.00001',
      'code https://github.com/x/y',
      'html https://proceedings.example.org/a.html',
      'supp https://example.org/supp.pdf',
      'blog https://blog.example.org/a',
      'doi https://doi.org/10.1/x',
    ]);
  });

  it('read the other names of the fields (htmlurl, website, suppurl, supplementary, blogurl), the first present winning', () => {
    expect(
      linksOf(
        entry('a', { website: 'https://w', supplementary: 'https://s', blogurl: 'https://b' }) +
          entry('b', { htmlurl: 'https://h', website: 'https://w', suppurl: 'https://s2' }),
      ),
    ).toEqual([
      ['html https://w', 'supp https://s', 'blog https://b'],
      ['html https://h', 'supp https://s2'],
    ]);
  });

  it('make the arxiv link from the `arxiv` field (an id, `arXiv:` id, or URL) or from the eprint or arxiv.org url', () => {
    expect(
      linksOf(
        entry('id', { arxiv: 'arXiv:2101.00001v2' }) +
          entry('url', { arxiv: 'https://arxiv.org/abs/2101.00002' }) +
          entry('bare', { arxiv: 'arxiv.org/abs/2101.00003' }) +
          entry('eprint', { eprint: '2101.00004', archiveprefix: 'arXiv' }) +
          entry('link', { url: 'https://arxiv.org/pdf/2101.00005.pdf' }),
      ),
    ).toEqual([
      ['arxiv https://arxiv.org/abs/2101.00001v2'],
      ['arxiv https://arxiv.org/abs/2101.00002'],
      ['arxiv https://arxiv.org/abs/2101.00003'],
      ['arxiv https://arxiv.org/abs/2101.00004'],
      ['arxiv https://arxiv.org/abs/2101.00005'],
    ]);
  });

  it('derive the arXiv id once: from eprint or url, else from the `arxiv` field', () => {
    const { publications } = resolveBib(
      entry('field', { arxiv: '2101.00001' }) +
        entry('both', { eprint: '2101.00002', archiveprefix: 'arXiv', arxiv: '2101.00009' }) +
        entry('none', { arxiv: 'https://example.org/not-arxiv' }),
    );
    expect(publications.map((p) => p.arxivId)).toEqual(['2101.00001', '2101.00002', undefined]);
  });

  it('make no arxiv link when the title already links to that arXiv page (http or https, any version), one to its PDF keeps it', () => {
    expect(
      linksOf(
        entry('a', { url: 'https://arxiv.org/abs/2101.00001', codeurl: 'https://c' }) +
          entry('b', { url: 'https://arxiv.org/abs/2101.00001v3' }) +
          entry('c', { url: 'http://www.arxiv.org/abs/2101.00001' }) +
          entry('d', { url: 'https://arxiv.org/pdf/2101.00001.pdf' }),
      ),
    ).toEqual([['code https://c'], [], [], ['arxiv https://arxiv.org/abs/2101.00001']]);
  });

  it('never throw on an id no URL can hold (a lone surrogate, which made the page throw in encodeURI)', () => {
    expect(linksOf(entry('a', { arxiv: 'x\ud800' }))).toEqual([['arxiv https://arxiv.org/abs/x%EF%BF%BD']]);
  });

  it('unescape a URL as the other link fields do', () => {
    expect(linksOf(entry('a', { supp: 'https://x.org/a\\_b\\%20c' }))).toEqual([
      ['supp https://x.org/a_b%20c'],
    ]);
  });

  it('drop an unsafe URL with a warning at its place (file:line:col, at the value as for `url`), in any of these fields', () => {
    const { publications, diagnostics } = resolveBib(
      entry('a', { html: 'javascript:alert(1)', arxiv: 'data:text/html,x', blog: 'https://ok' }),
    );
    expect(publications[0]?.links).toEqual([{ label: 'blog', url: 'https://ok' }]);
    expect(
      diagnostics.map(
        (d) => `${d.severity} ${d.code} ${d.position?.file}:${d.position?.line}:${d.position?.column}`,
      ),
    ).toEqual([
      'warning publication-unsafe-url publications/all.bib:7:11',
      'warning publication-unsafe-url publications/all.bib:6:10',
    ]);
    expect(diagnostics[0]?.message).toBe(
      'the `arxiv` of entry `a` is not linked: only http(s), mailto and relative URLs are',
    );
  });

  it('are named in the CV language', () => {
    const parsed = publicationsSectionSchema.parse({ file: 'all.bib' });
    const context = {
      ...memoryContext({
        files: {
          'publications/all.bib': entry('a', {
            arxiv: '2101.00001',
            supp: 'https://s',
            codeurl: 'https://c',
          }),
        },
      }),
      locale: localeOf('de'),
    };
    const [paper] = allPublications(resolvePublications(parsed, context).section);
    expect(paper?.links.map((l) => l.label)).toEqual(['arXiv', 'Code', 'Zusatzmaterial']);
  });
});

describe('award', () => {
  it('is the rich text of the `award` field, absent when the entry has none or it is empty', () => {
    const { publications, diagnostics } = resolveBib(
      entry('a', { award: 'Best Paper {Award} \\& Oral' }) + entry('b') + entry('c', { award: ' ' }),
    );
    expect(diagnostics).toEqual([]);
    expect(publications.map((p) => (p.award === undefined ? undefined : inlineToText(p.award)))).toEqual([
      'Best Paper Award & Oral',
      undefined,
      undefined,
    ]);
  });
});
