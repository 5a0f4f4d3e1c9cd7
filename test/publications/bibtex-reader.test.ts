import { describe, expect, it } from 'vitest';
import { sourceOffsetOf } from '../../src/load/bibtex/types.js';
import { at, keys, problems, read, value } from '../helpers/bibtex.js';

describe('readBibtex: syntax forms', () => {
  it('reads braced, quoted, numeric and macro values, joined with #', () => {
    const bib = read(`@string{icml = {International Conference on Machine Learning}}
@String(short = "ICML")
@inproceedings{a2020,
  title = {A {Nested {Braced}} Title},
  Author = "Doe, Jane and {Smith \\& Sons}",
  year = 2020,
  month = jun,
  booktitle = icml # { (} # short # {)},
  note = "a {"quoted"} brace",
}`);
    expect(bib.diagnostics).toEqual([]);
    expect(keys(bib)).toEqual(['a2020']);
    expect(value(bib, 'a2020', 'title')).toBe('A {Nested {Braced}} Title');
    expect(value(bib, 'a2020', 'author')).toBe('Doe, Jane and {Smith \\& Sons}');
    expect(value(bib, 'a2020', 'year')).toBe('2020');
    expect(value(bib, 'a2020', 'month')).toBe('June');
    expect(value(bib, 'a2020', 'booktitle')).toBe('International Conference on Machine Learning (ICML)');
    expect(value(bib, 'a2020', 'note')).toBe('a {"quoted"} brace');
    expect(bib.strings.get('icml')).toBe('International Conference on Machine Learning');
  });

  it('lowercases entry types and field names, keeps the key as written', () => {
    const bib = read('@ARTICLE{MixedCase, TITLE = {X}}');
    expect(bib.entries[0]?.type).toBe('article');
    expect(bib.entries[0]?.key).toBe('MixedCase');
    expect([...(bib.entries[0]?.fields.keys() ?? [])]).toEqual(['title']);
  });

  it('reads parenthesised entries, an entry without fields and a trailing comma', () => {
    const bib = read('@misc(p1, title = "Paren")\n@misc{p2}\n@misc{p3, title = {T},}\n');
    expect(bib.diagnostics).toEqual([]);
    expect(keys(bib)).toEqual(['p1', 'p2', 'p3']);
    expect(value(bib, 'p1', 'title')).toBe('Paren');
    expect(bib.entries[1]?.fields.size).toBe(0);
  });

  it('skips @comment (balanced), keeps @preamble, ignores text between entries', () => {
    const bib = read(`This line is not an entry; neither is mail@example.org here.
@comment{ jabref-meta: {nested} @misc{not, an = {entry}} }
@preamble{ "\\newcommand{\\x}{y}" }
% a comment line
@misc{real, title = {Real}}
trailing text`);
    expect(bib.diagnostics).toEqual([]);
    expect(keys(bib)).toEqual(['real']);
    expect(bib.preambles).toEqual(['\\newcommand{\\x}{y}']);
  });

  it('allows % comment lines between the fields of an entry', () => {
    const bib = read('@misc{k,\n  % title = {Old},\n  title = {New},\n}');
    expect(bib.diagnostics).toEqual([]);
    expect(value(bib, 'k', 'title')).toBe('New');
  });

  it('keeps the offset of the entry, key and fields, and the raw source text', () => {
    const text = 'junk\n@misc{key1,\n  title = {Hello},\n  year = 2021\n}\n\n@misc{key2, title = "x"}';
    const bib = read(text);
    const e = bib.entries[0];
    expect(e).toBeDefined();
    if (!e) return;
    expect(at(bib, e.offset)).toBe('2:1');
    expect(at(bib, e.keyOffset)).toBe('2:7');
    const title = e.fields.get('title');
    expect(title && at(bib, title.nameOffset)).toBe('3:3');
    expect(title && at(bib, title.valueOffset)).toBe('3:11');
    expect(e.source).toBe('@misc{key1,\n  title = {Hello},\n  year = 2021\n}');
    expect(bib.entries[1]?.source).toBe('@misc{key2, title = "x"}');
  });

  it('maps offsets inside a concatenated value back to the source', () => {
    const text = '@string{m = {Macro}}\n@misc{k, title = {ab} # m # "cd"}';
    const bib = read(text);
    const field = bib.entries[0]?.fields.get('title');
    expect(field?.value).toBe('abMacrocd');
    if (!field) return;
    expect(at(bib, sourceOffsetOf(field, 1))).toBe('2:20'); // `b`
    expect(at(bib, sourceOffsetOf(field, 3))).toBe('2:25'); // inside the macro: its name
    expect(at(bib, sourceOffsetOf(field, 8))).toBe('2:31'); // `d`
  });

  it('reads CRLF files', () => {
    const bib = read('@misc{a,\r\n  title = {A},\r\n}\r\n@misc{b,\r\n  title = {B}\r\n}\r\n');
    expect(bib.diagnostics).toEqual([]);
    expect(keys(bib)).toEqual(['a', 'b']);
  });
});

describe('readBibtex: malformed input, exact positions, recovery', () => {
  it('a value whose braces never close: error at its `{`, the next entry is read', () => {
    const bib = read('@article{bad,\n  title = {{{A}\n}\n@misc{good, title = {Fine}}\n');
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 2:11']);
    expect(bib.diagnostics[0]?.hints).toContain('the next entry starts at refs.bib:4:1');
    expect(keys(bib)).toEqual(['good']);
  });

  it('an entry whose closing brace is missing: error at its `{`, hint at the field that swallowed the rest', () => {
    const bib = read(
      '@article{bad,\n  title = {Unclosed,\n  year = 2020\n}\n\n@misc{good, title = {Fine}}\n',
    );
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 1:9']);
    expect(bib.diagnostics[0]?.hints.join('\n')).toMatch(
      /`title` \(at refs\.bib:2:11\) runs into the next field/,
    );
    expect(keys(bib)).toEqual(['bad', 'good']);
  });

  it('an entry cut off by the end of the file', () => {
    const bib = read('@misc{good, title = {A}}\n@misc{cut, title = {B},');
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 2:6']);
    expect(keys(bib)).toEqual(['good', 'cut']);
  });

  it('a missing comma between fields: a warning where the comma belongs, both fields read', () => {
    const bib = read('@misc{k,\n  title = {A}\n  year = 2020,\n}');
    expect(problems(bib)).toEqual(['warning bibtex-missing-comma 2:14']);
    expect(value(bib, 'k', 'title')).toBe('A');
    expect(value(bib, 'k', 'year')).toBe('2020');
  });

  it('a missing comma after the key', () => {
    const bib = read('@misc{k title = {A}}');
    expect(problems(bib)).toEqual(['warning bibtex-missing-comma 1:8']);
    expect(value(bib, 'k', 'title')).toBe('A');
  });

  it('a missing key: a warning, the entry is read with a generated key', () => {
    const bib = read('@misc{title = {A}}\n@misc{, title = {B}}\n@misc{ok, title = {C}}');
    expect(problems(bib)).toEqual(['warning bibtex-missing-key 1:7', 'warning bibtex-missing-key 2:7']);
    expect(keys(bib)).toEqual(['anona', 'anonb', 'ok']);
  });

  it('a field without `=`: the entry is dropped, the next is read', () => {
    const bib = read('@misc{k, title {A}}\n@misc{next, title = {B}}');
    expect(problems(bib)).toEqual(['error bibtex-syntax 1:16']);
    expect(keys(bib)).toEqual(['next']);
  });

  it('an extra `}` that ends the entry early', () => {
    const bib = read('@misc{k, title = {A}}, year = 2020}\n@misc{next, title = {B}}');
    expect(problems(bib)).toEqual(['error bibtex-unbalanced-braces 1:21']);
    expect(keys(bib)).toEqual(['k', 'next']);
    expect(value(bib, 'k', 'year')).toBeUndefined();
  });

  it('an unclosed quote and a stray `}` in quotes', () => {
    const bib = read('@misc{q1, title = "open\n@misc{q2, title = "a } b"}\n@misc{ok, title = {C}}');
    expect(problems(bib)).toEqual([
      'error bibtex-unbalanced-braces 1:19',
      'error bibtex-unbalanced-braces 2:22',
    ]);
    expect(keys(bib)).toEqual(['ok']);
  });

  it('duplicate keys: a warning naming both positions; both entries are kept, the second renamed', () => {
    const bib = read('@misc{dup, title = {First}}\n\n@misc{dup, title = {Second}}');
    expect(problems(bib)).toEqual(['warning bibtex-duplicate-key 3:7']);
    expect(bib.diagnostics[0]?.message).toBe(
      'duplicate key `dup`: already defined at refs.bib:1:7; both entries are kept, this one as `dup-2`',
    );
    expect(value(bib, 'dup', 'title')).toBe('First');
    expect(value(bib, 'dup-2', 'title')).toBe('Second');
    expect(bib.entries[1]?.writtenKey).toBe('dup');
  });

  it('keys differing only in case: a warning', () => {
    const bib = read('@misc{Key, title = {A}}\n@misc{key, title = {B}}');
    expect(problems(bib)).toEqual(['warning bibtex-duplicate-key 2:7']);
    expect(keys(bib)).toEqual(['Key', 'key']);
  });

  it('an unknown entry type: a warning, the entry is read', () => {
    const bib = read('@foo{k, title = {A}}');
    expect(problems(bib)).toEqual(['warning bibtex-unknown-entry-type 1:2']);
    expect(keys(bib)).toEqual(['k']);
  });

  it('a stray `@@inproceedings` (as the corpus has): a warning, the entry is read', () => {
    const bib = read(
      '@misc{before, title = {A}}\n\n@@inproceedings{paulus2021comboptnet,\n  title = {B},\n}\n',
    );
    expect(problems(bib)).toEqual(['warning bibtex-stray-at 3:1']);
    expect(bib.entries[1]?.type).toBe('inproceedings');
    expect(bib.entries[1]?.source.startsWith('@inproceedings{')).toBe(true);
    expect(keys(bib)).toEqual(['before', 'paulus2021comboptnet']);
  });

  it('a duplicate field: a warning, the last value is used (as bibtexparser did)', () => {
    const bib = read('@misc{k,\n  year = {2020},\n  year = {2021},\n}');
    expect(problems(bib)).toEqual(['warning bibtex-duplicate-field 3:3']);
    expect(value(bib, 'k', 'year')).toBe('2021');
  });

  it('an undefined macro: a warning, its name is the value', () => {
    const bib = read('@misc{k, title = Undefined}');
    expect(problems(bib)).toEqual(['warning bibtex-undefined-macro 1:18']);
    expect(value(bib, 'k', 'title')).toBe('Undefined');
  });

  it('`@` at the start of a line without a type or a brace', () => {
    const bib = read('@\n@misc title\n@misc{ok, title = {A}}');
    expect(problems(bib)).toEqual(['warning bibtex-syntax 1:1', 'error bibtex-syntax 2:7']);
    expect(keys(bib)).toEqual(['ok']);
  });

  it('many bad entries never hide the good ones', () => {
    const bad = ['@misc{a, title = {{x}\n', '@misc{b title {x}}\n', '@misc{,, x = }\n', '@misc{c, t = "x}\n'];
    const good = (i: number) => `@misc{good${i}, title = {G${i}}}\n`;
    const bib = read(bad.map((b, i) => b + good(i)).join(''));
    expect(keys(bib)).toEqual(['good0', 'good1', 'good2', 'good3']);
    expect(bib.diagnostics.filter((d) => d.severity === 'error')).toHaveLength(bad.length);
  });
});
