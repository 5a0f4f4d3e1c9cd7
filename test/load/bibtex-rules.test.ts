/**
 * The BibTeX reading rules of issue 11 ("real CVs build as they are"): every file BibTeX or bibtexparser
 * reads is read, with a warning at line:column where it is odd; what stays an error, with its position;
 * and hostile input that must not hang, overflow or run out of memory.
 */
import { describe, expect, it } from 'vitest';
import { resolveCrossrefs } from '../../src/load/bibtex/crossref.js';
import { generateKey } from '../../src/load/bibtex/keys.js';
import { MAX_EXPANDED_LENGTH, readBibtex } from '../../src/load/bibtex/reader.js';
import type { BibField } from '../../src/load/bibtex/types.js';
import { kindOf } from '../../src/load/bibtex/vocabulary.js';
import { at, keys, problems, read, value } from '../helpers/bibtex.js';

const fieldsOf = (values: Record<string, string>): Map<string, BibField> =>
  new Map(
    Object.entries(values).map(([name, v]) => [
      name,
      { name, nameOffset: 0, value: v, valueOffset: 0, segments: [] },
    ]),
  );

describe('@string', () => {
  it('several definitions in one @string, with a trailing comma, and one using the one before', () => {
    const bib = read(
      '@string{a = "Alpha", b = {Beta},\n  c = a # { and } # b,}\n@misc{k, title = a, note = c, year = 2020}',
    );
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'k', 'title')).toBe('Alpha');
    expect(value(bib, 'k', 'note')).toBe('Alpha and Beta');
    expect([...bib.strings.keys()]).toEqual(['a', 'b', 'c']);
  });

  it('an empty @string and @STRING in parentheses', () => {
    const bib = read('@string{}\n@STRING(x = "X")\n@misc{k, title = X}');
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'k', 'title')).toBe('X');
  });

  it('macros given by the file before are known, and the result holds both', () => {
    const first = read('@string{icml = {ICML}}');
    const second = readBibtex('@string{nips = {NeurIPS}}\n@misc{k, title = icml # {, } # nips}', 'b.bib', {
      macros: first.strings,
    });
    expect(second.diagnostics).toEqual([]);
    expect(value(second, 'k', 'title')).toBe('ICML, NeurIPS');
    expect([...second.strings.keys()]).toEqual(['icml', 'nips']);
    expect([...first.strings.keys()]).toEqual(['icml']); // not changed by the second file
  });

  it('a later definition replaces an earlier one from that point on', () => {
    const bib = readBibtex('@misc{a, title = v}\n@string{v = {New}}\n@misc{b, title = v}', 'b.bib', {
      macros: new Map([['v', 'Old']]),
    });
    expect([value(bib, 'a', 'title'), value(bib, 'b', 'title')]).toEqual(['Old', 'New']);
  });

  it('month macros jan..dec, case-insensitive, concatenated with #', () => {
    const bib = read('@misc{k, month = jan, note = DEC # "~24", year = 2020}');
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'k', 'month')).toBe('January');
    expect(value(bib, 'k', 'note')).toBe('December~24');
  });

  it('bad input: a macro without a name or `=` is an error at its position', () => {
    expect(problems(read('@string{= {x}}\n@misc{k, title = {A}}'))).toEqual(['error bibtex-syntax 1:9']);
    expect(problems(read('@string{a {x}}'))).toEqual(['error bibtex-syntax 1:11']);
    expect(problems(read('@string{a = {x} b = {y}}'))).toEqual(['error bibtex-syntax 1:17']);
  });
});

describe('entries without a key', () => {
  it('`@article{, ...}` and `@article{title = ...}`: read, a generated key, a warning where the key belongs', () => {
    const bib = read(
      '@article{,\n  author = {Doe, Jane and Roe, Richard},\n  title = {The {Deep} Learning of Things},\n  year = {2020},\n}\n' +
        '@article{title = {On {\\"U}ber Graphs}, author = {Jürgen M{\\"u}ller}, date = {2021-03-04}}\n',
    );
    expect(problems(bib)).toEqual(['warning bibtex-missing-key 1:10', 'warning bibtex-missing-key 6:10']);
    expect(keys(bib)).toEqual(['doe2020deep', 'muller2021uber']);
    expect(bib.diagnostics[0]?.message).toBe(
      '`@article` has no citation key; it is given the key `doe2020deep`',
    );
    expect(bib.entries[0]?.writtenKey).toBe('');
    expect(value(bib, 'muller2021uber', 'title')).toBe('On {\\"U}ber Graphs');
  });

  it('generated keys are unique, and `@misc{}` has a key too', () => {
    const bib = read('@misc{, title = {Same}, year = 2020}\n@misc{, title = {Same}, year = 2020}\n@misc{}\n');
    expect(keys(bib)).toEqual(['anon2020same', 'anon2020same-2', 'anon']);
    expect(bib.diagnostics.every((d) => d.code === 'bibtex-missing-key' && d.severity === 'warning')).toBe(
      true,
    );
  });

  it('generateKey: first author (either name order), year (or date), first title word', () => {
    expect(
      generateKey(fieldsOf({ author: 'Brandon Amos and J. Zico Kolter', year: '2017', title: 'OptNet' })),
    ).toBe('amos2017optnet');
    expect(generateKey(fieldsOf({ editor: 'van der Berg, Ann', date: '2019-05', title: 'A Survey' }))).toBe(
      'vanderberg2019survey',
    );
    expect(generateKey(fieldsOf({ author: "Ren{\\'e} {\\O}stergaard", title: "{\\'E}tude" }))).toBe(
      'ostergaardetude',
    );
    expect(generateKey(fieldsOf({}))).toBe('anon');
  });

  it('bad input: a key position holding something else is an error there', () => {
    const bib = read('@misc{"quoted", title = {A}}\n@misc{ok, title = {B}}');
    expect(problems(bib)).toEqual(['error bibtex-syntax 1:7']);
    expect(keys(bib)).toEqual(['ok']);
  });
});

describe('duplicate keys', () => {
  it('within a file: both kept, the later ones renamed key-2, key-3, skipping keys in use', () => {
    const bib = read(
      '@misc{k, title = {1}}\n@misc{k-2, title = {2}}\n@misc{k, title = {3}}\n@misc{k, title = {4}}\n',
    );
    expect(keys(bib)).toEqual(['k', 'k-2', 'k-3', 'k-4']);
    expect(problems(bib)).toEqual(['warning bibtex-duplicate-key 3:7', 'warning bibtex-duplicate-key 4:7']);
    expect(bib.diagnostics[0]?.message).toContain('already defined at refs.bib:1:7');
    expect(bib.diagnostics[0]?.message).toContain('this one as `k-3`');
    expect(value(bib, 'k-4', 'title')).toBe('4');
    expect(bib.entries[3]?.source.startsWith('@misc{k,')).toBe(true); // the source as written
  });

  it('the history case (2019-12-28): the second amos2019differentiable is kept', () => {
    const bib = read(
      '@phdthesis{amos2019differentiable, title = {Thesis}, year = 2019}\n\n@misc{amos2019differentiable, title = {Talk}, year = 2019}\n',
    );
    expect(keys(bib)).toEqual(['amos2019differentiable', 'amos2019differentiable-2']);
    expect(problems(bib)).toEqual(['warning bibtex-duplicate-key 3:7']);
  });
});

describe('comments and text between entries', () => {
  it('% lines between and inside entries, and a commented-out entry, are ignored', () => {
    const bib = read(
      '% Encoding: UTF-8\n%@article{old1, title = {Old}}\n  % @misc{old2,\n  %   title = {Old},\n  % }\n' +
        '@misc{k, % the key\n  title = {T}, % a title\n  % year = 1999,\n  year = 2020 % the year\n}\n' +
        '@misc{j, title = {J}} % @misc{after, title = {X}}\n',
    );
    expect(bib.diagnostics).toEqual([]);
    expect(keys(bib)).toEqual(['k', 'j']);
    expect(value(bib, 'k', 'year')).toBe('2020');
  });

  it('a `%` inside a braced or quoted value is text (URLs, percentages)', () => {
    const bib = read('@misc{k, url = {https://x.org/a%20b}, note = "50% of it", title = {T}}');
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'k', 'url')).toBe('https://x.org/a%20b');
    expect(value(bib, 'k', 'note')).toBe('50% of it');
  });

  it('@comment, @preamble and free text are ignored silently', () => {
    const bib = read(
      'Exported by some tool on 2024-01-01, contact: me@example.org\n' +
        '@Comment{jabref-meta: databaseType:bibtex;}\n@comment This is a comment without braces\n' +
        '@PREAMBLE{ "\\providecommand{\\noopsort}[1]{}" # "\\relax" }\n@misc{k, title = {T}}\n' +
        '@comment{jabref-meta: grouping:\n0 AllEntriesGroup:;\n}\n',
    );
    expect(problems(bib)).toEqual([]);
    expect(keys(bib)).toEqual(['k']);
  });
});

describe('lines starting with `@` inside a value', () => {
  it('are text unless they start an entry, in braces and in quotes', () => {
    const bib = read(
      '@misc{k,\n  abstract = {Smart speakers\n@home and\n@ work},\n  note = "a\n@mention",\n  title = {T},\n}\n@misc{j}',
    );
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'k', 'abstract')).toBe('Smart speakers\n@home and\n@ work');
    expect(value(bib, 'k', 'note')).toBe('a\n@mention');
    expect(keys(bib)).toEqual(['k', 'j']);
  });

  it('a line starting an entry still ends an unclosed value (error at its brace), after text lines', () => {
    const bib = read('@misc{k, abstract = {open\n@home\n@article{next, title = {N}}');
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 1:21']);
    expect(keys(bib)).toEqual(['next']);
  });

  it('many `@` lines inside values: linear time', () => {
    const body = '\n@x'.repeat(50_000);
    const start = performance.now();
    const bib = read(`@misc{k, title = {${'{'.repeat(20_000)}${body}`);
    expect(performance.now() - start).toBeLessThan(3000);
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 1:18']);
  });
});

describe('a missing comma between fields', () => {
  it('the history case (2022-11-15): the next field is recovered, a warning where the comma belongs', () => {
    const bib = read(
      '@misc{sambharya2022l2a,\n  year={2022},\n  url={https://arxiv.org/abs/2212.08260}\n  codeurl={https://github.com/stellatogrp/l2ws},\n  _venue={arXiv},\n}\n',
    );
    expect(problems(bib)).toEqual(['warning bibtex-missing-comma 3:41']);
    expect(value(bib, 'sambharya2022l2a', 'url')).toBe('https://arxiv.org/abs/2212.08260');
    expect(value(bib, 'sambharya2022l2a', 'codeurl')).toBe('https://github.com/stellatogrp/l2ws');
    expect(value(bib, 'sambharya2022l2a', '_venue')).toBe('arXiv');
  });

  it('after a quoted value, a number and a macro too', () => {
    const bib = read('@misc{k,\n  a = "x"\n  b = 12\n  c = jan\n  d = {y}\n}');
    expect(problems(bib)).toEqual([
      'warning bibtex-missing-comma 2:10',
      'warning bibtex-missing-comma 3:9',
      'warning bibtex-missing-comma 4:10',
    ]);
    expect(value(bib, 'k', 'd')).toBe('y');
  });
});

describe('entry types', () => {
  it('biblatex and other common types: read without a diagnostic, shown as a standard kind', () => {
    const types = ['online', 'software', 'dataset', 'report', 'thesis', 'electronic', 'patent', 'conference'];
    const bib = read(types.map((t, i) => `@${t}{k${i}, title = {T}}`).join('\n'));
    expect(bib.diagnostics).toEqual([]);
    expect(bib.entries.map((e) => e.kind)).toEqual([
      'misc',
      'misc',
      'misc',
      'techreport',
      'phdthesis',
      'misc',
      'misc',
      'inproceedings',
    ]);
  });

  it('an unknown type (@mphdthesis, as in the history): read, a warning naming the kind', () => {
    const bib = read('@mphdthesis{amos2019differentiable, title = {T}, school = {CMU}}');
    expect(problems(bib)).toEqual(['warning bibtex-unknown-entry-type 1:2']);
    expect(bib.diagnostics[0]?.message).toContain('it is read like `@phdthesis`');
    expect(bib.entries[0]?.type).toBe('mphdthesis');
    expect(bib.entries[0]?.kind).toBe('phdthesis');
  });

  it('kindOf guesses from the name, else misc', () => {
    expect(kindOf('MastersThesis')).toBe('mastersthesis');
    expect(kindOf('msthesis')).toBe('phdthesis');
    expect(kindOf('journalarticle')).toBe('article');
    expect(kindOf('conferencepaper')).toBe('inproceedings');
    expect(kindOf('ebook')).toBe('book');
    expect(kindOf('blogpost')).toBe('misc');
  });
});

describe('crossref', () => {
  it('an inproceedings inherits missing fields from its proceedings, and its title as booktitle', () => {
    const bib = read(
      '@inproceedings{p1,\n  title = {Paper},\n  author = {A. B},\n  pages = {1--2},\n  crossref = {CONF2020},\n}\n' +
        '@proceedings{conf2020,\n  title = {Proceedings of CONF},\n  year = {2020},\n  publisher = {Pub},\n  pages = {999},\n}\n',
    );
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'p1', 'title')).toBe('Paper');
    expect(value(bib, 'p1', 'booktitle')).toBe('Proceedings of CONF');
    expect(value(bib, 'p1', 'year')).toBe('2020');
    expect(value(bib, 'p1', 'pages')).toBe('1--2');
    const year = bib.entries[0]?.fields.get('year');
    expect(year && at(bib, year.valueOffset)).toBe('9:10'); // the parent's year, where it is written
  });

  it("the parent's own booktitle wins over its title; a non-proceedings parent gives all its fields", () => {
    const bib = read(
      '@inproceedings{p, crossref = {c}}\n@proceedings{c, title = {T}, booktitle = {BT}}\n' +
        '@article{a, crossref = {j}}\n@misc{j, title = {JT}, journal = {J}}\n',
    );
    expect(value(bib, 'p', 'booktitle')).toBe('BT');
    expect(value(bib, 'p', 'title')).toBeUndefined();
    expect(value(bib, 'a', 'title')).toBe('JT');
    expect(value(bib, 'a', 'journal')).toBe('J');
  });

  it('a crossref to no entry: a warning at its value, nothing inherited', () => {
    const bib = read('@inproceedings{p,\n  crossref = {gone},\n  title = {T},\n}');
    expect(problems(bib)).toEqual(['warning bibtex-crossref-missing 2:14']);
    expect(keys(bib)).toEqual(['p']);
  });

  it('resolveCrossrefs across files: inherited fields point at the crossref in the child file', () => {
    const a = readBibtex('@inproceedings{p,\n  crossref = {c},\n}', 'a.bib', { resolveCrossrefs: false });
    const b = readBibtex('@proceedings{c, title = {T}, year = 2021}', 'b.bib', { resolveCrossrefs: false });
    expect(a.entries[0]?.fields.get('year')).toBeUndefined();
    const { items, diagnostics } = resolveCrossrefs([
      ...a.entries.map((entry) => ({ bib: a, entry })),
      ...b.entries.map((entry) => ({ bib: b, entry })),
    ]);
    expect(diagnostics).toEqual([]);
    const year = items[0]?.entry.fields.get('year');
    expect(year?.value).toBe('2021');
    expect(year && at(a, year.valueOffset)).toBe('2:14');
  });
});

describe('values', () => {
  it('nested braces, quoted values holding braces and quotes, # concatenation', () => {
    const bib = read(
      '@misc{k,\n  title = {{A} {{B}} \\{c\\}},\n  note = "a {"b"} {c {d}}" # { e } # 12,\n  author = "{\\"O}zg{\\"u}r"\n}',
    );
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'k', 'title')).toBe('{A} {{B}} \\{c\\}');
    expect(value(bib, 'k', 'note')).toBe('a {"b"} {c {d}} e 12');
    expect(value(bib, 'k', 'author')).toBe('{\\"O}zg{\\"u}r');
  });

  it('an undefined macro keeps its name (selected = true)', () => {
    const bib = read('@misc{k, selected = true, journal = Nature}');
    expect(problems(bib)).toEqual([
      'warning bibtex-undefined-macro 1:21',
      'warning bibtex-undefined-macro 1:37',
    ]);
    expect(value(bib, 'k', 'selected')).toBe('true');
    expect(value(bib, 'k', 'journal')).toBe('Nature');
  });

  it('bad input: `#` with nothing after it, an empty value', () => {
    expect(problems(read('@misc{k, title = {A} # }\n@misc{ok}'))).toEqual(['error bibtex-syntax 1:24']);
    expect(problems(read('@misc{k, title = ,}\n@misc{ok}'))).toEqual(['error bibtex-syntax 1:18']);
  });
});

describe('hostile input: no exception, no hang, no overflow', () => {
  it('`@article{` followed by newlines only: an error at its brace', () => {
    const bib = read(`@article{${'\n'.repeat(100_000)}`);
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 1:9']);
    expect(bib.entries).toEqual([]);
  });

  it('@string chains that double: capped, an error, little memory', () => {
    const lines = ['@string{a0 = "xx"}'];
    for (let i = 1; i <= 60; i++) lines.push(`@string{a${i} = a${i - 1} # a${i - 1}}`);
    lines.push('@misc{k, title = a60, year = 2020}');
    const start = performance.now();
    const bib = read(lines.join('\n'));
    expect(performance.now() - start).toBeLessThan(2000);
    expect(bib.diagnostics.length).toBeGreaterThan(0);
    expect(bib.diagnostics.every((d) => d.code === 'bibtex-macro-too-long' && d.severity === 'error')).toBe(
      true,
    );
    expect(problems(bib)[0]).toMatch(/^error bibtex-macro-too-long \d+:\d+$/);
    for (const v of bib.strings.values()) expect(v.length).toBeLessThanOrEqual(MAX_EXPANDED_LENGTH);
    expect(keys(bib)).toEqual(['k']);
  });

  it('a macro used many times: the file budget stops expansion, each value reported once', () => {
    const big = 'x'.repeat(100_000);
    const uses = Array.from({ length: 200 }, (_, i) => `@misc{k${i}, title = m # m # m}`).join('\n');
    const bib = read(`@string{m = {${big}}}\n${uses}`);
    expect(bib.entries).toHaveLength(200);
    const errors = bib.diagnostics.filter((d) => d.code === 'bibtex-macro-too-long');
    expect(errors.length).toBeGreaterThan(0);
    expect(new Set(errors.map((d) => d.position?.line)).size).toBe(errors.length);
  });

  it('100,000 unclosed braces: an error, quickly', () => {
    const start = performance.now();
    const bib = read(`@misc{k, title = ${'{'.repeat(100_000)}\n@misc{ok, title = {A}}`);
    expect(performance.now() - start).toBeLessThan(2000);
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 1:18']);
    expect(keys(bib)).toEqual(['ok']);
  });

  it('100,000 unclosed braces at the end of the file, and 100,000 closing ones', () => {
    expect(problems(read(`@misc{k, title = ${'{'.repeat(100_000)}`))).toEqual([
      'error bibtex-unbalanced-braces 1:18',
    ]);
    const bib = read(`@misc{k, title = {A}}${'}'.repeat(100_000)}\n@misc{ok}`);
    expect(keys(bib)).toEqual(['k', 'ok']);
  });

  it('many `@` and `%` characters, keyless entries and duplicates: linear time', () => {
    const textOf = (n: number) =>
      '@'.repeat(n) +
      '\n' +
      '% @x{\n'.repeat(n) +
      Array.from({ length: n / 10 }, () => '@misc{, title = {T}}\n@misc{d, title = {D}}\n').join('');
    // The best of three runs: the machine is shared, single runs are noisy.
    const time = (n: number) => {
      const text = textOf(n);
      let best = Number.POSITIVE_INFINITY;
      let entries = 0;
      for (let run = 0; run < 3; run++) {
        const start = performance.now();
        entries = read(text).entries.length;
        best = Math.min(best, performance.now() - start);
      }
      return { ms: best, entries };
    };
    time(2000);
    const small = time(5_000);
    const large = time(40_000);
    expect(large.entries).toBe(8_000);
    // 8 times the input: linear is about 8 times the time, quadratic 64 times.
    expect(large.ms).toBeLessThan(Math.max(small.ms, 10) * 24);
  });

  it('never throws on arbitrary bytes', () => {
    const pieces = [
      '@',
      '{',
      '}',
      '(',
      ')',
      '"',
      '#',
      '%',
      ',',
      '=',
      '\n',
      'a',
      ' ',
      '\\',
      '@string',
      '@misc',
    ];
    let seed = 7;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    for (let round = 0; round < 300; round++) {
      let text = '';
      for (let i = 0; i < 60; i++) text += pieces[Math.floor(random() * pieces.length)];
      expect(() => read(text)).not.toThrow();
    }
  });
});
