import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { inlineToText } from '../../src/inline/to-text.js';
import { publicationsSectionSchema, resolvePublications } from '../../src/resolve/sections/publications.js';
import {
  allPublications,
  codes,
  entry,
  diskContext as folderContext,
  memoryContext,
  resolveBib,
} from './helpers.js';

describe('finding the .bib files', () => {
  it('`file: all.bib` is publications/all.bib beside the YAML, else all.bib beside it', () => {
    const config = publicationsSectionSchema.parse({ file: 'all.bib' });
    const inPublications = resolvePublications(
      config,
      memoryContext({ files: { 'publications/all.bib': entry('a'), 'all.bib': entry('b') } }),
    );
    expect(allPublications(inPublications.section).map((p) => p.key)).toEqual(['a']);
    expect(inPublications.section.lists[0]?.sourcePaths).toEqual(['publications/all.bib']);
    const beside = resolvePublications(config, memoryContext({ files: { 'all.bib': entry('b') } }));
    expect(allPublications(beside.section).map((p) => p.key)).toEqual(['b']);
    expect(beside.section.lists[0]?.sourcePaths).toEqual(['all.bib']);
    const nested = resolvePublications(
      publicationsSectionSchema.parse({ file: 'bib/mine.bib' }),
      memoryContext({ files: { 'bib/mine.bib': entry('c') } }),
    );
    expect(allPublications(nested.section).map((p) => p.key)).toEqual(['c']);
  });

  it('a missing .bib is an error at the YAML position of `file:`', () => {
    const { diagnostics, section } = resolveBib(
      '',
      { file: 'nope.bib' },
      { positions: { file: { line: 7, column: 9 } } },
    );
    expect(codes(diagnostics)).toEqual(['error publication-file-not-found']);
    expect(diagnostics[0]?.position).toEqual({ file: 'cv.yaml', line: 7, column: 9 });
    expect(diagnostics[0]?.message).toBe(
      'cannot find the .bib file `nope.bib` (looked for `publications/nope.bib` and `nope.bib`)',
    );
    expect(section.total).toBe(0);
  });

  it('`file:` may list several files: merged in order; a key in two of them is a warning naming both places, both kept', () => {
    const files = {
      'publications/a.bib': entry('one') + entry('shared'),
      'publications/b.bib': `\n${entry('shared', { title: 'Other' })}${entry('two')}`,
    };
    const { publications, diagnostics, section } = resolveBib('', { file: ['a.bib', 'b.bib'] }, { files });
    expect(publications.map((p) => p.key)).toEqual(['one', 'shared', 'shared-2', 'two']);
    expect(codes(diagnostics)).toEqual(['warning bibtex-duplicate-key']);
    expect(diagnostics[0]?.message).toBe(
      'duplicate key `shared`: already defined at publications/a.bib:7:16; both entries are kept, this one as `shared-2`',
    );
    expect(diagnostics[0]?.position).toEqual({ file: 'publications/b.bib', line: 2, column: 16 });
    expect(section.lists[0]?.files).toEqual(['a.bib', 'b.bib']);
  });

  it('the files of a section share their `@string` macros, in order, across categories', () => {
    const files = {
      'publications/strings.bib': '@string{icml = {ICML}, nips = "NeurIPS"}\n',
      'publications/a.bib': `@string{aistats = {AISTATS}}\n${entry('one', { _venue: 'X' }).replace('{X}', 'icml')}`,
      'publications/b.bib': entry('two', { _venue: 'X' }).replace('{X}', 'nips # { and } # aistats'),
    };
    const { publications, diagnostics } = resolveBib(
      '',
      {
        file: undefined,
        categories: [
          { heading: 'A', file: ['strings.bib', 'a.bib'] },
          { heading: 'B', file: 'b.bib' },
        ],
      },
      { files },
    );
    expect(codes(diagnostics)).toEqual([]);
    expect(publications.map((p) => inlineToText(p.venue))).toEqual(['ICML', 'NeurIPS and AISTATS']);
  });

  it('a macro is not known to the files before the one that defines it', () => {
    const files = {
      'publications/a.bib': entry('one', { _venue: 'X' }).replace('{X}', 'later'),
      'publications/b.bib': '@string{later = {Later}}\n',
    };
    const { diagnostics } = resolveBib('', { file: ['a.bib', 'b.bib'] }, { files });
    expect(codes(diagnostics)).toEqual(['warning bibtex-undefined-macro']);
  });

  it('crossref across the files of a list: fields inherited, the parent title as booktitle', () => {
    const files = {
      'publications/papers.bib':
        '@inproceedings{child,\n  title = {Child},\n  author = {Brandon Amos},\n  crossref = {Proc2020},\n}\n',
      'publications/procs.bib':
        '@proceedings{proc2020,\n  title = {Proceedings of the Conference},\n  year = {2020},\n  _venue = {CONF},\n}\n',
    };
    const { publications, diagnostics, section } = resolveBib(
      '',
      { file: ['papers.bib', 'procs.bib'] },
      { files },
    );
    expect(codes(diagnostics)).toEqual(['warning publication-missing-author']); // the proceedings
    const child = publications.find((p) => p.key === 'child');
    expect(child?.year).toBe('2020');
    expect(child && inlineToText(child.venue)).toBe('CONF');
    expect(section.total).toBe(2);
  });

  it('crossref to no entry of the list: a warning at the crossref value', () => {
    const files = { 'publications/a.bib': entry('one', { crossref: 'nowhere' }) };
    const { diagnostics } = resolveBib('', { file: ['a.bib'] }, { files });
    expect(
      diagnostics.map((d) => `${d.code} ${d.position?.file}:${d.position?.line}:${d.position?.column}`),
    ).toEqual(['bibtex-crossref-missing publications/a.bib:6:14']);
  });

  it('reports a missing file in a list at that item', () => {
    const { diagnostics } = resolveBib(
      '',
      { file: ['all.bib', 'gone.bib'] },
      { positions: { 'file.1': { line: 3, column: 5 } } },
    );
    expect(diagnostics.map((d) => `${d.code} ${d.position?.line}:${d.position?.column}`)).toEqual([
      'publication-file-not-found 3:5',
    ]);
  });

  it('categories: each list has its heading, prefix, files and numbering; category files are found the same way', () => {
    const { section, diagnostics } = resolveBib(
      '',
      {
        file: undefined,
        categories: [
          { heading: 'Conference \\& Workshop Papers', prefix: 'C', file: 'conf.bib' },
          { heading: 'Preprints', file: ['pre.bib'] },
        ],
      },
      { files: { 'publications/conf.bib': entry('c1') + entry('c2'), 'pre.bib': entry('p1') } },
    );
    expect(diagnostics).toEqual([]);
    expect(
      section.lists.map((l) => [l.heading, l.prefix, l.file, l.groups[0]?.publications.map((p) => p.label)]),
    ).toEqual([
      [[{ type: 'text', value: 'Conference & Workshop Papers' }], 'C', 'conf.bib', ['C2', 'C1']],
      [[{ type: 'text', value: 'Preprints' }], '', 'pre.bib', ['1']],
    ]);
    expect(section.total).toBe(3);
  });
});

describe('reading bytes', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vita-pubs-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const diskContext = () => folderContext('publications', dir, 'cv.yaml');

  it('a non-UTF-8 .bib is an error at the line:column of the first bad byte', () => {
    mkdirSync(join(dir, 'publications'), { recursive: true });
    const bytes = Buffer.concat([
      Buffer.from('@misc{a, title = {Fine}}\n@misc{b,\n  author = {G', 'utf8'),
      Buffer.from([0xf6]), // Latin-1 ö
      Buffer.from('del},\n}\n', 'utf8'),
    ]);
    writeFileSync(join(dir, 'publications', 'latin1.bib'), bytes);
    const { diagnostics, section } = resolvePublications(
      publicationsSectionSchema.parse({ file: 'latin1.bib' }),
      diskContext(),
    );
    expect(
      diagnostics.map(
        (d) => `${d.severity} ${d.code} ${d.position?.file}:${d.position?.line}:${d.position?.column}`,
      ),
    ).toEqual(['error file-not-utf8 publications/latin1.bib:3:14']);
    expect(section.total).toBe(0);
  });

  it('reads UTF-8 with a byte-order mark', () => {
    writeFileSync(join(dir, 'publications', 'bom.bib'), `\ufeff${entry('bom', { author: 'Rémi Munos' })}`);
    const { diagnostics, section } = resolvePublications(
      publicationsSectionSchema.parse({ file: 'bom.bib' }),
      diskContext(),
    );
    expect(diagnostics).toEqual([]);
    expect(allPublications(section).map((p) => [p.key, p.authors[0]?.plain])).toEqual([
      ['bom', 'Rémi Munos'],
    ]);
  });
});

describe('the section', () => {
  it('carries title, legend, bib link settings and citations flag', () => {
    const { section } = resolveBib(entry('a'), {
      title: 'Papers',
      legend: 'Highlighted: \\textbf{selected}.',
      show_bib_link: false,
      bib_url: 'https://example.org/all.bib',
      show_citations: true,
    });
    expect(section.title).toEqual([{ type: 'text', value: 'Papers' }]);
    expect(section.legend).toEqual([
      { type: 'text', value: 'Highlighted: ' },
      { type: 'strong', children: [{ type: 'text', value: 'selected' }] },
      { type: 'text', value: '.' },
    ]);
    expect([section.showBibLink, section.bibUrl, section.showCitations]).toEqual([
      false,
      'https://example.org/all.bib',
      true,
    ]);
  });

  it('uses the context owner names when `name:` is absent', () => {
    const { publications } = resolveBib(
      entry('a', { author: 'Jane Doe and Brandon Amos' }),
      {},
      { ownerNames: ['Amos'] },
    );
    expect(publications[0]?.authors.map((a) => a.isOwner)).toEqual([false, true]);
  });
});

describe('schema', () => {
  it('accepts the corpus form and fills defaults', () => {
    const parsed = publicationsSectionSchema.parse({
      name: 'Amos',
      file: 'all.bib',
      sort_bib: true,
      author_urls: { A: 'https://a' },
    });
    expect(parsed).toMatchObject({
      sort_bib: true,
      group_by_year: false,
      group_cutoff_year: 2015,
      numbering: 'descending',
      include_image: false,
      image_dir: 'images/publications',
      error_without_author_url: false,
      venue_summary: false,
      show_citations: false,
    });
  });

  it('rejects wrong types, and file + categories together or neither; unknown keys pass (the resolver warns)', () => {
    const issues = (value: unknown) =>
      publicationsSectionSchema.safeParse(value).error?.issues.map((i) => `${i.code} ${i.path.join('.')}`) ??
      [];
    expect(issues({ file: 'a.bib', sortbib: true })).toEqual([]);
    expect(issues({ file: 'a.bib', numbering: 'up' })).toEqual(['invalid_value numbering']);
    expect(issues({ file: 'a.bib', venue_summary: 0 })).toEqual(['too_small venue_summary']);
    expect(issues({ name: 'X' })).toEqual(['custom file']);
    expect(issues({ file: 'a.bib', categories: [{ heading: 'H', file: 'b.bib' }] })).toEqual([
      'custom categories',
    ]);
    expect(issues({ categories: [{ heading: 'H', file: 'b.bib', extra: 1 }] })).toEqual([]);
    expect(
      issues({ type: 'publications', name: ['Amos', 'Kao'], file: ['a.bib', 'b.bib'], venue_summary: 4 }),
    ).toEqual([]);
  });
});
