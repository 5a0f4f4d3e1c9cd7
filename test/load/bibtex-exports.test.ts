/**
 * Standard BibTeX as reference managers export it (test/fixtures/bibtex-exports/<tool>.bib, written for
 * these tests in the shapes Zotero, Better BibTeX, JabRef, Mendeley, DBLP, Google Scholar and biblatex
 * users have): every entry of every file is read, with no error and no warning. None has `_venue`, so a
 * CV built from them shows the venue fallback.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readBibtex } from '../../src/load/bibtex/reader.js';

const DIR = join(import.meta.dirname, '..', 'fixtures', 'bibtex-exports');
const FILES = readdirSync(DIR)
  .filter((f) => f.endsWith('.bib'))
  .sort();

/** The entries a file holds, counted on its lines: `@type{` or `@type(` but not @string, @comment, @preamble. */
const entryStarts = (text: string) =>
  text.split('\n').filter((line) => /^@(?!string|comment|preamble)[a-z]+\s*[{(]/i.test(line)).length;

describe('BibTeX as reference managers export it', () => {
  it('has the files of every tool', () => {
    expect(FILES).toEqual([
      'biblatex.bib',
      'dblp.bib',
      'google-scholar.bib',
      'jabref.bib',
      'mendeley.bib',
      'zotero-better-bibtex.bib',
      'zotero.bib',
    ]);
  });

  it.each(FILES)('%s: every entry is read, with no diagnostic, and none has `_venue`', (file) => {
    const text = readFileSync(join(DIR, file), 'utf8');
    const bib = readBibtex(text, file);
    expect(bib.diagnostics.map((d) => `${d.severity} ${d.code} ${d.position?.line}: ${d.message}`)).toEqual(
      [],
    );
    const expected = entryStarts(text);
    expect(expected).toBeGreaterThanOrEqual(8);
    expect(bib.entries).toHaveLength(expected);
    for (const entry of bib.entries) {
      expect(entry.fields.has('_venue')).toBe(false);
      expect(entry.fields.get('title')?.value ?? '').not.toBe('');
    }
  });

  it('DBLP crossref: the papers get the year and the proceedings title as booktitle', () => {
    const bib = readBibtex(readFileSync(join(DIR, 'dblp.bib'), 'utf8'), 'dblp.bib');
    const ho = bib.entries.find((e) => e.key === 'DBLP:conf/nips/HoJA20');
    expect(ho?.fields.get('year')?.value).toBe('2020');
    expect(ho?.fields.get('booktitle')?.value).toMatch(
      /^Advances in Neural Information Processing Systems 33/,
    );
    const brown = bib.entries.find((e) => e.key === 'DBLP:conf/nips/BrownMRSKDNSSAA20');
    expect(brown?.fields.get('booktitle')?.value).toBe('NeurIPS'); // its own wins
  });

  it('JabRef @String macros and month macros are expanded', () => {
    const bib = readBibtex(readFileSync(join(DIR, 'jabref.bib'), 'utf8'), 'jabref.bib');
    const ho = bib.entries.find((e) => e.key === 'Ho2020');
    expect(ho?.fields.get('booktitle')?.value).toBe('Advances in Neural Information Processing Systems 33');
    expect(bib.entries.find((e) => e.key === 'Ioffe2015')?.fields.get('month')?.value).toBe('July');
  });

  it('biblatex types are shown as standard kinds', () => {
    const bib = readBibtex(readFileSync(join(DIR, 'biblatex.bib'), 'utf8'), 'biblatex.bib');
    expect(Object.fromEntries(bib.entries.map((e) => [e.type, e.kind]))).toEqual({
      article: 'article',
      online: 'misc',
      inproceedings: 'inproceedings',
      software: 'misc',
      dataset: 'misc',
      thesis: 'phdthesis',
      report: 'techreport',
      inbook: 'inbook',
    });
  });
});
