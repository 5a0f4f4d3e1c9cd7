import { describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import { readBibtex } from '../../src/load/bibtex/reader.js';
import { splitMarks } from '../../src/resolve/publications/authors.js';
import { parseNameList, wordCase } from '../../src/resolve/publications/names.js';
import { authorsOf, authorsOfEntry } from './helpers.js';

/** [first, von, last, jr] of each name, as written. */
const parts = (field: string) =>
  parseNameList(field).names.map((n) => [
    n.first?.text ?? '',
    n.von?.text ?? '',
    n.last?.text ?? '',
    n.jr?.text ?? '',
  ]);

describe('parseNameList', () => {
  it('splits on `and` at brace depth 0, any case, any whitespace', () => {
    expect(parts('Jane Doe and John Smith')).toEqual([
      ['Jane', '', 'Doe', ''],
      ['John', '', 'Smith', ''],
    ]);
    expect(parts('A Bee\n   AND\tC Dee  aNd E Eff')).toHaveLength(3);
    expect(parts('{Barnes and Noble} and Jane Doe')).toEqual([
      ['', '', '{Barnes and Noble}', ''],
      ['Jane', '', 'Doe', ''],
    ]);
    expect(parts('Alexander Anderson and Sandy Andrews')).toHaveLength(2);
  });

  it('reads `First von Last`: lowercase words are the von part, the last word is always the last name', () => {
    expect(parts('Nando de Freitas')).toEqual([['Nando', 'de', 'Freitas', '']]);
    expect(parts('Ludwig van der Maaten')).toEqual([['Ludwig', 'van der', 'Maaten', '']]);
    expect(parts('Jean de la Fontaine')).toEqual([['Jean', 'de la', 'Fontaine', '']]);
    expect(parts("Charles Louis Xavier Joseph de la Vall{\\'e}e Poussin")).toEqual([
      ['Charles Louis Xavier Joseph', 'de la', "Vall{\\'e}e Poussin", ''],
    ]);
    expect(parts('Madonna')).toEqual([['', '', 'Madonna', '']]);
    expect(parts('jean de')).toEqual([['', 'jean', 'de', '']]);
  });

  it('reads `von Last, First` and `von Last, Jr, First`', () => {
    expect(parts('Amos, Brandon')).toEqual([['Brandon', '', 'Amos', '']]);
    expect(parts('van der Maaten, Laurens')).toEqual([['Laurens', 'van der', 'Maaten', '']]);
    expect(parts('Van Dyke, Dick')).toEqual([['Dick', '', 'Van Dyke', '']]);
    expect(parts('Ford, Jr., Henry')).toEqual([['Henry', '', 'Ford', 'Jr.']]);
    expect(parts('de la Fontaine, Jr., Jean')).toEqual([['Jean', 'de la', 'Fontaine', 'Jr.']]);
  });

  it('keeps `{Braced Corp}` as one caseless word', () => {
    expect(parts('{Open AI Collective}')).toEqual([['', '', '{Open AI Collective}', '']]);
    expect(parts('{de} Gaulle')).toEqual([['{de}', '', 'Gaulle', '']]);
  });

  it('`and others` truncates the list', () => {
    const list = parseNameList('Jane Doe and John Smith and others');
    expect(list.names).toHaveLength(2);
    expect(list.othersTruncated).toBe(true);
    expect(parseNameList('Jane Doe').othersTruncated).toBe(false);
  });

  it('reports empty names with their offsets', () => {
    expect(parseNameList('A B and and C D').problems).toEqual([
      { offset: 8, message: 'empty name in the author list (no name before this `and`)' },
    ]);
    expect(parseNameList('A B and').problems.map((p) => p.offset)).toEqual([4]);
    expect(parseNameList('A, B, C, D').problems[0]?.message).toMatch(/too many commas/);
  });
});

describe('wordCase (BibTeX rules)', () => {
  const caseOf = (w: string) => wordCase(w, 0, w.length);
  it('looks at the first letter at depth 0, special characters count with their letter', () => {
    expect(caseOf('van')).toBe('lower');
    expect(caseOf('Van')).toBe('upper');
    expect(caseOf("{\\'e}tienne")).toBe('lower');
    expect(caseOf("{\\'E}tienne")).toBe('upper');
    expect(caseOf("\\'Erd\\H{o}s")).toBe('upper');
    expect(caseOf('{\\ss}x')).toBe('lower');
    expect(caseOf('{\\O}ystein')).toBe('upper');
    expect(caseOf('{\\c{c}}a')).toBe('lower');
    expect(caseOf('{Braced}')).toBe('caseless');
    expect(caseOf('1984')).toBe('caseless');
  });
});

describe('display names and marks', () => {
  const names = (field: string) => authorsOf(field).map((a) => a.plain);

  it('shows "First von Last, Jr" with LaTeX read', () => {
    expect(names("Paulus, Anselm and Rol{\\'\\i}nek, Michal and Musil, V{\\'\\i}t")).toEqual([
      'Anselm Paulus',
      'Michal Rolínek',
      'Vít Musil',
    ]);
    expect(names('Thomas Roth{\\"o}rl and Sergio G{\\\'o}mez Colmenarejo and Nando de Freitas')).toEqual([
      'Thomas Rothörl',
      'Sergio Gómez Colmenarejo',
      'Nando de Freitas',
    ]);
    expect(names('Ford, Jr., Henry and Fran{\\c{c}}ois~Fleuret and B. Amos')).toEqual([
      'Henry Ford, Jr.',
      'François Fleuret',
      'B. Amos',
    ]);
  });

  it('takes equal-contribution marks out of the name: `Amos*`, `$^*$`, `$^\\dagger$`, `$^{\\dagger}$`', () => {
    const authors = authorsOf(
      'Amos*, Brandon and Brandon Amos$^*$ and Yuandong Tian$^\\dagger$ and Chuan Guo$^{\\dagger}$ and Cohen*, Samuel',
    );
    expect(authors.map((a) => [a.plain, inlineToText(a.marks)])).toEqual([
      ['Brandon Amos', '*'],
      ['Brandon Amos', '*'],
      ['Yuandong Tian', '†'],
      ['Chuan Guo', '†'],
      ['Samuel Cohen', '*'],
    ]);
  });

  it('splitMarks leaves names without marks alone', () => {
    expect(splitMarks([{ type: 'text', value: 'Jane Doe' }])).toEqual({
      name: [{ type: 'text', value: 'Jane Doe' }],
      marks: [],
    });
  });

  it('places LaTeX problems in a name at their line:column in the .bib', () => {
    const bib = readBibtex('@misc{k,\n  author = {Jane \\unknowncmd Doe and B. Amos},\n}', 'refs.bib');
    const diagnostics = authorsOfEntry(bib, 'k').diagnostics;
    expect(diagnostics.map((d) => `${d.code} ${d.position?.line}:${d.position?.column}`)).toEqual([
      'bibtex-latex 2:18',
    ]);
  });
});
