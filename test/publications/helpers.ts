/** Test helpers: publications resolved from in-memory .bib text. */

import { existsSync } from 'node:fs';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { LineIndex } from '../../src/diagnostics/source-map.js';
import { parseInline } from '../../src/inline/parse.js';
import { readBibtex } from '../../src/load/bibtex/reader.js';
import type { BibField, BibFile } from '../../src/load/bibtex/types.js';
import { readTextFile } from '../../src/load/read-text-file.js';
import type { Author, Publication, PublicationsSection } from '../../src/model/cv.js';
import { AuthorUrlIndex } from '../../src/resolve/publications/author-urls.js';
import { buildAuthors } from '../../src/resolve/publications/authors.js';
import {
  type PublicationsConfigInput,
  type PublicationsContext,
  publicationsSectionSchema,
  resolvePublications,
} from '../../src/resolve/sections/publications.js';

export interface AuthorTestOptions {
  readonly ownerNames?: readonly string[];
  readonly authorUrls?: Record<string, string>;
}

export function authorsOfEntry(bib: BibFile, key: string, options: AuthorTestOptions = {}) {
  const entry = bib.entries.find((e) => e.key === key);
  if (!entry) throw new Error(`no entry ${key}`);
  const diagnostics: Diagnostic[] = [];
  const result = buildAuthors(
    bib,
    entry.fields.get('author'),
    key,
    {
      ownerNames: options.ownerNames ?? [],
      authorUrls: new AuthorUrlIndex(options.authorUrls ?? {}),
      collectWithoutUrl: true,
    },
    diagnostics,
  );
  return { ...result, diagnostics };
}

/** The authors of an `author` field value (any string: the field is built directly, not read). */
export function authorsOf(field: string, options: AuthorTestOptions = {}): Author[] {
  const bib = readBibtex('', 'test.bib');
  const author: BibField = {
    name: 'author',
    nameOffset: 0,
    value: field,
    valueOffset: 0,
    segments: [{ valueOffset: 0, sourceOffset: 0, length: field.length, exact: true }],
  };
  const withAuthor: BibFile = { ...bib, text: field, lineIndex: new LineIndex(field), entries: [] };
  const urls = new AuthorUrlIndex(options.authorUrls ?? {});
  const authorOptions = { ownerNames: options.ownerNames ?? [], authorUrls: urls, collectWithoutUrl: true };
  return buildAuthors(withAuthor, author, 'k', authorOptions, []).authors;
}

export interface ResolveTestOptions {
  /** Files by path relative to the YAML folder (`publications/all.bib`). */
  readonly files?: Record<string, string>;
  readonly lenient?: boolean;
  /** Positions of YAML nodes, by path joined with `.`. */
  readonly positions?: Record<string, { line: number; column: number }>;
  readonly ownerNames?: readonly string[];
  /** The person's name (given names, last name), as resolve-cv passes it. */
  readonly ownerName?: { readonly given: string; readonly last: string };
}

export const BASE_DIR = '/cv';

export function memoryContext(options: ResolveTestOptions = {}): PublicationsContext {
  const files = options.files ?? {};
  const abs = (rel: string) => `${BASE_DIR}/${rel}`;
  const byPath = new Map(Object.entries(files).map(([rel, text]) => [abs(rel), text]));
  return {
    key: 'publications',
    baseDir: BASE_DIR,
    yamlFile: 'cv.yaml',
    position: (path) => {
      const p = options.positions?.[path.join('.')];
      return { file: 'cv.yaml', ...(p ?? { line: 1, column: 1 }) };
    },
    readTextFile: (path) => {
      const text = byPath.get(path);
      if (text === undefined) throw new Error(`test: unexpected read of ${path}`);
      return { ok: true, text };
    },
    fileExists: (path) => byPath.has(path),
    lenient: options.lenient ?? false,
    ownerNames: options.ownerNames ?? [],
    ownerName: options.ownerName,
    rich: (value) => parseInline(value ?? ''),
  };
}

/** A context that reads the .bib files of a CV folder on disk (the example, the corpus). */
export function diskContext(key: string, baseDir: string, yamlFile: string): PublicationsContext {
  return {
    key,
    baseDir,
    yamlFile,
    position: () => ({ file: yamlFile, line: 1, column: 1 }),
    readTextFile: (file, shown, referencedAt) => readTextFile(file, shown, referencedAt),
    fileExists: existsSync,
    lenient: false,
    ownerNames: [],
    rich: (value) => parseInline(value ?? ''),
  };
}

/** Resolves a section whose `file:` is `all.bib` holding `bib`. */
export function resolveBib(
  bib: string,
  config: Partial<PublicationsConfigInput> = {},
  options: ResolveTestOptions = {},
): { section: PublicationsSection; diagnostics: Diagnostic[]; publications: Publication[] } {
  const parsed = publicationsSectionSchema.parse({ file: 'all.bib', ...config });
  const context = memoryContext({ ...options, files: { 'publications/all.bib': bib, ...options.files } });
  const { section, diagnostics } = resolvePublications(parsed, context);
  return { section, diagnostics, publications: allPublications(section) };
}

export const allPublications = (section: PublicationsSection): Publication[] =>
  section.lists.flatMap((l) => l.groups.flatMap((g) => g.publications));

export const codes = (diagnostics: readonly Diagnostic[]) =>
  diagnostics.map((d) => `${d.severity} ${d.code}`);

/** A minimal valid entry. */
export function entry(key: string, fields: Record<string, string> = {}, type = 'inproceedings'): string {
  const all = { title: `Title of ${key}`, author: 'Brandon Amos', year: '2020', _venue: 'ICML', ...fields };
  const body = Object.entries(all)
    .map(([k, v]) => `  ${k} = {${v}},`)
    .join('\n');
  return `@${type}{${key},\n${body}\n}\n`;
}
