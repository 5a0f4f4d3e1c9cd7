/**
 * A publications section: its config (validated by `src/schema/publications.ts`) and .bib files become
 * the model's `PublicationsSection`: entries read, formatted, sorted, grouped and numbered.
 */
import { join } from 'node:path';
import { type Diagnostic, error, type SourcePosition, warning } from '../../diagnostics/diagnostic.js';
import type { Inline } from '../../inline/ast.js';
import { readBibtex } from '../../load/bibtex/reader.js';
import type { BibEntry, BibFile } from '../../load/bibtex/types.js';
import type { Publication, PublicationList, PublicationsSection } from '../../model/cv.js';
import type { PublicationsConfig } from '../sections/publications-schema.js';
import { AuthorUrlIndex } from './author-urls.js';
import type { AuthorWithoutUrl } from './authors.js';
import { parseLatex } from './fields.js';
import { bibCandidates, displayPathOf, locateBibFile } from './files.js';
import { anchorFor, groupByYear, numberGroups, sortByYear } from './ordering.js';
import { buildPublication, type PublicationOptions } from './publication.js';
import { countVenues, venueThreshold } from './venue-summary.js';

export { readBibtex } from '../../load/bibtex/reader.js';
export type { BibEntry, BibField, BibFile } from '../../load/bibtex/types.js';

export type YamlPath = readonly (string | number)[];

/** What `readTextFile` of `src/load/read-text-file.ts` returns. */
export type ReadTextResult =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly diagnostic: Diagnostic };

export interface PublicationsContext {
  /** The section's YAML key (`all_publications`). */
  readonly key: string;
  /** Absolute folder of the YAML file: `file:` values resolve against it. */
  readonly baseDir: string;
  /** The YAML file as shown in diagnostics; .bib files are shown beside it. */
  readonly yamlFile: string;
  /** Position of a node inside this section's config (`['file']`, `['categories', 0, 'file']`). */
  positionOf(path: YamlPath): SourcePosition | undefined;
  /**
   * Reads a file as strict UTF-8 (a bad byte is an error at its line:column); `readTextFile` from
   * `src/load/read-text-file.ts` is this function.
   */
  readTextFile(path: string, displayPath: string, referencedAt: SourcePosition | undefined): ReadTextResult;
  fileExists(path: string): boolean;
  /** `--lenient`: missing `_venue`/`year` and non-numeric years are warnings, not errors. */
  readonly lenient: boolean;
  /** Owner names used when the section has no `name:` (e.g. the person's last name). */
  readonly ownerNames?: readonly string[] | undefined;
}

export interface PublicationsResult {
  readonly section: PublicationsSection;
  readonly diagnostics: Diagnostic[];
}

/** The image extensions looked for with `include_image`, in order. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'svg'] as const;

interface ListSource {
  readonly heading: string | null;
  readonly headingPath: YamlPath;
  readonly prefix: string;
  readonly files: readonly string[];
  /** YAML path of the `file:` node; with a list, each file is at `[...filePath, i]`. */
  readonly filePath: YamlPath;
  readonly fileIsList: boolean;
}

const toList = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;

export function resolvePublications(
  config: PublicationsConfig,
  context: PublicationsContext,
): PublicationsResult {
  const diagnostics: Diagnostic[] = [];
  const ownerNames = (config.name === undefined ? (context.ownerNames ?? []) : toList(config.name)).map((n) =>
    n.trim().normalize('NFC'),
  );
  const authorUrls = new AuthorUrlIndex(config.author_urls);
  const anchors = new Set<string>();
  const withoutUrl: AuthorWithoutUrl[] = [];
  const lists: PublicationList[] = [];

  for (const source of listSources(config)) {
    const loaded = loadEntries(source, context, diagnostics);
    const images = config.include_image
      ? findImages(loaded.entries, config.image_dir, context)
      : new Map<string, string>();
    const options: PublicationOptions = {
      ownerNames,
      authorUrls,
      collectWithoutUrl: config.error_without_author_url,
      lenient: context.lenient,
      imageFor: (key) => images.get(key),
      anchorFor: (key) => anchorFor(key, source.prefix, anchors),
    };
    let publications: Publication[] = loaded.entries.map(({ bib, entry }) => {
      const built = buildPublication(bib, entry, options, diagnostics);
      withoutUrl.push(...built.withoutUrl);
      return built.publication;
    });
    if (config.sort_bib) publications = sortByYear(publications);
    const groups =
      publications.length === 0
        ? []
        : config.group_by_year
          ? groupByYear(publications, config.group_cutoff_year)
          : [{ heading: null, items: publications }];
    lists.push({
      heading:
        source.heading === null
          ? null
          : richConfigText(source.heading, source.headingPath, context, diagnostics),
      prefix: source.prefix,
      file: source.files[0] ?? '',
      files: source.files,
      sourcePaths: loaded.sourcePaths,
      groups: numberGroups(groups, source.prefix, config.numbering),
    });
  }

  if (config.error_without_author_url && withoutUrl.length > 0) {
    diagnostics.push(missingUrlsError(withoutUrl, context.positionOf(['error_without_author_url'])));
  }

  const all = lists.flatMap((list) => list.groups.flatMap((group) => group.publications));
  const threshold = venueThreshold(config.venue_summary);
  const section: PublicationsSection = {
    type: 'publications',
    key: context.key,
    position: context.positionOf([]),
    lists,
    venueSummary: threshold === undefined ? [] : countVenues(all, threshold),
    showCitations: config.show_citations,
    total: all.length,
    title:
      config.title === undefined ? undefined : richConfigText(config.title, ['title'], context, diagnostics),
    legend:
      config.legend === undefined
        ? undefined
        : richConfigText(config.legend, ['legend'], context, diagnostics),
    showBibLink: config.show_bib_link ?? true,
    bibUrl: config.bib_url,
  };
  return { section, diagnostics };
}

function listSources(config: PublicationsConfig): ListSource[] {
  if (config.categories !== undefined) {
    return config.categories.map((category, i) => ({
      heading: category.heading,
      headingPath: ['categories', i, 'heading'],
      prefix: category.prefix,
      files: toList(category.file),
      filePath: ['categories', i, 'file'],
      fileIsList: Array.isArray(category.file),
    }));
  }
  if (config.file !== undefined) {
    return [
      {
        heading: null,
        headingPath: [],
        prefix: '',
        files: toList(config.file),
        filePath: ['file'],
        fileIsList: Array.isArray(config.file),
      },
    ];
  }
  return [];
}

interface LoadedEntry {
  readonly bib: BibFile;
  readonly entry: BibEntry;
}

/** Reads the .bib files of one list; a key defined in two of its files is an error. */
function loadEntries(
  source: ListSource,
  context: PublicationsContext,
  diagnostics: Diagnostic[],
): { entries: LoadedEntry[]; sourcePaths: string[] } {
  const entries: LoadedEntry[] = [];
  const sourcePaths: string[] = [];
  const seen = new Map<string, LoadedEntry>();
  source.files.forEach((name, i) => {
    const referencedAt = context.positionOf(source.fileIsList ? [...source.filePath, i] : source.filePath);
    const located = locateBibFile(name, context.baseDir, (p) => context.fileExists(p));
    if (located === undefined) {
      const looked = bibCandidates(name, context.baseDir).map(
        (p) => `\`${displayPathOf(context.yamlFile, context.baseDir, p)}\``,
      );
      diagnostics.push(
        error({
          code: 'publication-file-not-found',
          message: `cannot find the .bib file \`${name}\` (looked for ${looked.join(' and ')})`,
          position: referencedAt,
          hints: [
            'a `file:` is looked up in the `publications/` folder beside the YAML, then beside the YAML itself',
          ],
        }),
      );
      return;
    }
    const display = displayPathOf(context.yamlFile, context.baseDir, located.path);
    const read = context.readTextFile(located.path, display, referencedAt);
    if (!read.ok) {
      diagnostics.push(read.diagnostic);
      return;
    }
    sourcePaths.push(located.relativePath);
    const bib = readBibtex(read.text, display);
    diagnostics.push(...bib.diagnostics);
    for (const entry of bib.entries) {
      const previous = seen.get(entry.key);
      if (previous) {
        const p = previous.bib.lineIndex.position(previous.bib.file, previous.entry.keyOffset);
        diagnostics.push(
          error({
            code: 'bibtex-duplicate-key',
            message: `duplicate key \`${entry.key}\`: already defined at ${p.file}:${p.line}:${p.column}`,
            position: bib.lineIndex.position(bib.file, entry.keyOffset),
            hints: [
              'the files of one list share their keys; rename or remove one entry (the first one is used)',
            ],
          }),
        );
        continue;
      }
      const loaded = { bib, entry };
      seen.set(entry.key, loaded);
      entries.push(loaded);
    }
  });
  return { entries, sourcePaths };
}

/** `<image_dir>/<key>.png|.jpg|.svg` that exist beside the YAML, by key. */
function findImages(
  entries: readonly LoadedEntry[],
  imageDir: string,
  context: PublicationsContext,
): Map<string, string> {
  const images = new Map<string, string>();
  const dir = imageDir.replace(/\/+$/, '');
  for (const { entry } of entries) {
    if (/[/\\]/.test(entry.key) || entry.key === '.' || entry.key === '..') continue;
    for (const ext of IMAGE_EXTENSIONS) {
      const relative = `${dir}/${entry.key}.${ext}`;
      if (context.fileExists(join(context.baseDir, relative))) {
        images.set(entry.key, relative);
        break;
      }
    }
  }
  return images;
}

function richConfigText(
  value: string,
  path: YamlPath,
  context: PublicationsContext,
  diagnostics: Diagnostic[],
): Inline[] {
  const { nodes, problems } = parseLatex(value);
  for (const problem of problems) {
    diagnostics.push(
      warning({
        code: 'inline-markup',
        message: problem.message,
        position: context.positionOf(path),
        hints: problem.hint === undefined ? [] : [problem.hint],
      }),
    );
  }
  return nodes;
}

/** One error listing every co-author without a link, each with the entries (and places) they appear in. */
function missingUrlsError(
  missing: readonly AuthorWithoutUrl[],
  position: SourcePosition | undefined,
): Diagnostic {
  const byName = new Map<string, AuthorWithoutUrl[]>();
  for (const m of missing) {
    const list = byName.get(m.name);
    if (list) list.push(m);
    else byName.set(m.name, [m]);
  }
  const lines = [...byName].map(
    ([name, places]) =>
      `  - ${name || '(empty name)'}: ${places.map((p) => `\`${p.entryKey}\` (${p.position.file}:${p.position.line})`).join(', ')}`,
  );
  const count = byName.size;
  return error({
    code: 'publication-author-url-missing',
    message: `${count} co-author${count === 1 ? ' has' : 's have'} no link in \`author_urls\` (\`error_without_author_url\` is on):\n${lines.join('\n')}`,
    position,
    hints: [
      'add each to `author_urls` (a key matches an author whose "First Last" contains it), or set `error_without_author_url: false`',
    ],
  });
}
