import { describe, expect, it } from 'vitest';
import { allPublications, entry, resolveBib } from './helpers.js';

// A section works out each distinct name once (authors.ts `nameFacts`); what a reader sees must be the
// same as if every occurrence were read on its own.
describe('names written in several entries', () => {
  it('give the same author everywhere: display name, owner, link', () => {
    const bib = [
      entry('a', { author: 'Amos, Brandon and Doe, Jane and Roe, Richard' }),
      entry('b', { author: 'Doe, Jane and Amos, Brandon' }),
      entry('c', { author: 'Roe, Richard and Doe, Jane' }),
    ].join('\n');
    const { publications, diagnostics } = resolveBib(bib, {
      name: 'Brandon Amos',
      author_urls: { 'Jane Doe': 'https://jane.example' },
    });
    expect(diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const shown = publications.map((p) =>
      p.authors.map((a) => `${a.plain}${a.isOwner ? '!' : ''} ${a.url ?? '-'}`),
    );
    expect(shown).toEqual([
      ['Brandon Amos! -', 'Jane Doe https://jane.example', 'Richard Roe -'],
      ['Jane Doe https://jane.example', 'Brandon Amos! -'],
      ['Richard Roe -', 'Jane Doe https://jane.example'],
    ]);
  });

  it('report a problem of the name at each place it is written', () => {
    const bib = [
      entry('a', { author: 'Jane \\unknowncmd Doe and B. Amos' }),
      entry('b', { author: 'B. Amos and Jane \\unknowncmd Doe' }),
    ].join('\n');
    const { diagnostics } = resolveBib(bib);
    const latex = diagnostics.filter((d) => d.code === 'bibtex-latex');
    expect(latex.map((d) => `${d.position?.line}:${d.position?.column}`)).toEqual(['3:18', '10:30']);
  });

  it('report an ambiguous author_urls match and a missing link at each place', () => {
    const bib = [
      entry('a', { author: 'Jane Doe and Jo Smith and Brandon Amos' }),
      entry('b', { author: 'Jo Smith and Jane Doe and Brandon Amos' }),
    ].join('\n');
    const { diagnostics, section } = resolveBib(bib, {
      name: 'Brandon Amos',
      author_urls: { Jane: 'https://a.example', Doe: 'https://b.example' },
      error_without_author_url: true,
    });
    expect(
      diagnostics.filter((d) => d.code === 'publication-author-url-ambiguous').map((d) => d.position?.line),
    ).toEqual([3, 10]);
    const missing = diagnostics.filter(
      (d) => d.severity === 'error' && d.code !== 'publication-author-url-ambiguous',
    );
    expect(missing).toHaveLength(1);
    expect(missing[0]?.message).toMatch(/^1 co-author has no link/);
    expect(allPublications(section)).toHaveLength(2);
  });
});
