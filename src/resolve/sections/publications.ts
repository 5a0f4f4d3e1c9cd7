/**
 * Publications sections (`all_publications:` in the original's cv.yaml): the schema of the config, and its
 * resolver: the .bib files are read, their entries formatted, sorted, grouped and numbered into the model's
 * `PublicationsSection`. Defaults are the original's behaviour where it had one.
 */
import { join } from 'node:path';
import { z } from 'zod';
import { type Diagnostic, error, type SourcePosition, warning } from '../../diagnostics/diagnostic.js';
import { resolveCrossrefs } from '../../load/bibtex/crossref.js';
import { readBibtex } from '../../load/bibtex/reader.js';
import type { BibEntry, BibFile } from '../../load/bibtex/types.js';
import type { Publication, PublicationList, PublicationsSection } from '../../model/cv.js';
import { closestMatch } from '../../util/did-you-mean.js';
import { resolveInside } from '../../util/inside-folder.js';
import type { RelativePath, ResolveContext, SectionSpec } from '../context.js';
import { AuthorUrlIndex } from '../publications/author-urls.js';
import type { AuthorWithoutUrl, NameFacts } from '../publications/authors.js';
import { bibCandidates, displayPathOf, locateBibFile } from '../publications/files.js';
import { anchorFor, groupByYear, numberGroups, sortByYear } from '../publications/ordering.js';
import { type OwnerName, ownerFromParts, parseOwnerName } from '../publications/owner.js';
import { buildPublication, type PublicationOptions } from '../publications/publication.js';
import { countVenues, venueThreshold } from '../publications/venue-counts.js';
import { venueMatcher } from '../publications/venue-table.js';
import { PARSE_CONTEXT } from '../schema-issues.js';
import type { PublicationFilter } from '../variants.js';

/**
 * What resolving a publications section needs of the resolve context: the YAML places, the files, and the
 * markup parser (whose problems go to the context's diagnostics).
 */
export type PublicationsContext = Pick<
  ResolveContext,
  | 'key'
  | 'baseDir'
  | 'yamlFile'
  | 'position'
  | 'rich'
  | 'readTextFile'
  | 'fileExists'
  | 'lenient'
  | 'ownerNames'
> &
  Partial<Pick<ResolveContext, 'ownerName' | 'locale' | 'publicationFilter'>>;

const nonEmpty = z.string().trim().min(1);

/** One name or a list of names; a list means "any of these" (name variants, maiden names). */
const oneOrMany = (description: string) =>
  z.union([nonEmpty, z.array(nonEmpty).min(1)]).meta({ description });

export const publicationCategorySchema = z.looseObject({
  heading: z.string().meta({ description: 'Heading of this list, e.g. "Conference Papers" (LaTeX subset).' }),
  prefix: z
    .string()
    .default('')
    .meta({ description: 'Prefix of the numbers of this list: `C` gives [C1], [C2], ...' }),
  file: oneOrMany(
    'The .bib file(s) of this list: `publications/<file>` beside the YAML, else relative to it.',
  ),
});

export const publicationsSectionSchema = z
  .looseObject({
    type: z.literal('publications').optional(),
    name: oneOrMany(
      'The owner, shown in bold: a string found in "First Last" (e.g. `Amos`), or a list of variants.',
    ).optional(),
    aliases: z.array(nonEmpty).default([]).meta({
      description:
        "Other names the owner published under (`Jane Doe-Smith`, `Smith, J. Q.`), matched like the person's name: initials, accents, hyphens and case do not matter.",
    }),
    venues: z.record(z.string(), nonEmpty).default({}).meta({
      description:
        'Short venue names of your own: `{"Full name": SHORT}` or `{"/regex/i": SHORT}`, before the built-in table.',
    }),
    venue: z.enum(['short', 'full']).default('short').meta({
      description:
        'Venue of an entry without `_venue`: `short` (default) shortens well-known venues ("ICML"); `full` keeps the field as written.',
    }),
    file: oneOrMany(
      'The .bib file(s): `publications/<file>` beside the YAML, else relative to it.',
    ).optional(),
    categories: z
      .array(publicationCategorySchema)
      .min(1)
      .optional()
      .meta({ description: 'Several lists, each with its own heading, number prefix and .bib file(s).' }),
    sort_bib: z.boolean().default(false).meta({ description: 'Sort by year, newest first (stable).' }),
    group_by_year: z
      .boolean()
      .default(false)
      .meta({ description: 'One heading per year; old years are folded.' }),
    group_cutoff_year: z
      .number()
      .int()
      .default(2015)
      .meta({ description: 'With group_by_year: this year and older are one group, "2015 and earlier".' }),
    numbering: z.enum(['descending', 'ascending']).default('descending').meta({
      description: '`descending`: the newest paper has the highest number; `ascending`: it is [1].',
    }),
    include_image: z
      .boolean()
      .default(false)
      .meta({ description: 'Show `<image_dir>/<key>.png|.jpg|.svg` when it exists.' }),
    image_dir: z.string().trim().min(1).default('images/publications'),
    error_without_author_url: z
      .boolean()
      .default(false)
      .meta({ description: 'Fail when a co-author has no entry in author_urls.' }),
    author_urls: z
      .record(z.string(), z.string())
      .default({})
      .meta({ description: 'Co-author links: a key matches an author whose "First Last" contains it.' }),
    venue_summary: z
      .union([z.boolean(), z.number().int().min(1)])
      .default(false)
      .meta({ description: '`true` or a number N: list the venues with at least N papers (default 3).' }),
    show_citations: z
      .boolean()
      .default(false)
      .meta({ description: 'Show citation counts (when enrichment found them).' }),
    show_bib_link: z
      .boolean()
      .optional()
      .meta({ description: 'Link the heading to the .bib source (default: on).' }),
    bib_url: z
      .string()
      .optional()
      .meta({ description: 'URL of the .bib source; default: <src>/blob/master/<path>.' }),
    title: z.string().optional().meta({ description: 'Heading text when the layout gives none.' }),
    legend: z.string().optional().meta({ description: 'Text shown under the heading.' }),
  })
  .superRefine((config, ctx) => {
    if (config.file === undefined && config.categories === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['file'],
        message: 'a publications section needs `file:` (a .bib file) or `categories:`',
      });
    } else if (config.file !== undefined && config.categories !== undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['categories'],
        message: 'give either `file:` or `categories:`, not both',
      });
    }
  });

/** The original's first shape: a list of groups of preformatted text (`- title: Conference, details: [...]`). */
/**
 * A publications section: the options, or a .bib path alone (`publications: publications.bib`). A list (the
 * original's first shape, or forks' YAML entries) goes to `publication-entries.ts` instead (see section.ts).
 */
export const publicationsSectionValueSchema = z.union([
  publicationsSectionSchema,
  z.string().trim().min(1).meta({ description: 'The .bib file alone, with every option at its default.' }),
]);

export type PublicationsConfigInput = z.input<typeof publicationsSectionSchema>;
export type PublicationsConfig = z.output<typeof publicationsSectionSchema>;
export type PublicationCategoryConfig = z.output<typeof publicationCategorySchema>;

export interface PublicationsResult {
  readonly section: PublicationsSection;
  readonly diagnostics: Diagnostic[];
}

/** The image extensions looked for with `include_image`, in order. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'svg'] as const;

interface ListSource {
  readonly heading: string | null;
  readonly headingPath: RelativePath;
  readonly prefix: string;
  readonly files: readonly string[];
  /** YAML path of the `file:` node; with a list, each file is at `[...filePath, i]`. */
  readonly filePath: RelativePath;
  readonly fileIsList: boolean;
}

const toList = (value: string | readonly string[]): readonly string[] =>
  typeof value === 'string' ? [value] : value;

export interface ResolvePublicationsOptions {
  /** `publications: file.bib` (the path alone): a missing file is a warning, the section is empty. */
  readonly fileOnly?: boolean;
}

export function resolvePublications(
  config: PublicationsConfig,
  context: PublicationsContext,
  resolveOptions: ResolvePublicationsOptions = {},
): PublicationsResult {
  const diagnostics: Diagnostic[] = [];
  warnUnknownOptions(config, context, diagnostics);
  // `name:` keeps the original's substring test; without it the person's name is matched by its parts
  // (so a co-author who shares the last name is not bold), the bare last name only when no parts are known.
  const substringNames =
    config.name !== undefined
      ? toList(config.name)
      : context.ownerName !== undefined
        ? []
        : (context.ownerNames ?? []);
  const ownerNames = substringNames.map((n) => n.trim().normalize('NFC'));
  const owners = ownersOf(config, context);
  const venues = venueMatcher(Object.entries(config.venues).map(([pattern, short]) => ({ pattern, short })));
  const authorUrls = new AuthorUrlIndex(config.author_urls);
  const nameFacts = new Map<string, NameFacts>();
  const anchors = new Set<string>();
  const withoutUrl: AuthorWithoutUrl[] = [];
  const lists: PublicationList[] = [];
  // `@string` macros are shared by all the files of the section, in order (as `\bibliography{a,b}`).
  const macros = { current: new Map<string, string>() as ReadonlyMap<string, string> };

  for (const source of listSources(config)) {
    const loaded = loadEntries(source, context, diagnostics, macros, resolveOptions.fileOnly === true);
    const images = config.include_image
      ? findImages(loaded.entries, config.image_dir, context, diagnostics)
      : new Map<string, string>();
    const options: PublicationOptions = {
      ownerNames,
      owners,
      authorUrls,
      nameFacts,
      collectWithoutUrl: config.error_without_author_url,
      venues,
      venueForm: config.venue,
      imageFor: (key) => images.get(key),
      anchorFor: (key) => anchorFor(key, source.prefix, anchors),
      linkLabels: context.locale?.labels,
    };
    let publications: Publication[] = loaded.entries.map(({ bib, entry }) => {
      const built = buildPublication(bib, entry, options, diagnostics);
      withoutUrl.push(...built.withoutUrl);
      return built.publication;
    });
    const only = context.publicationFilter;
    if (only !== undefined) publications = publications.filter((p) => keptInVariant(p, only));
    if (config.sort_bib) publications = sortByYear(publications);
    const groups =
      publications.length === 0
        ? []
        : config.group_by_year
          ? groupByYear(publications, config.group_cutoff_year, context.locale?.labels)
          : [{ heading: null, items: publications }];
    lists.push({
      heading: source.heading === null ? null : context.rich(source.heading, source.headingPath),
      prefix: source.prefix,
      file: source.files[0] ?? '',
      files: source.files,
      sourcePaths: loaded.sourcePaths,
      groups: numberGroups(groups, source.prefix, config.numbering),
    });
  }

  if (config.error_without_author_url && withoutUrl.length > 0) {
    diagnostics.push(missingUrlsError(withoutUrl, context.position(['error_without_author_url'])));
  }

  const all = lists.flatMap((list) => list.groups.flatMap((group) => group.publications));
  const threshold = venueThreshold(config.venue_summary);
  const section: PublicationsSection = {
    type: 'publications',
    key: context.key,
    position: context.position([]),
    lists,
    venueSummary: threshold === undefined ? [] : countVenues(all, threshold),
    showCitations: config.show_citations,
    total: all.length,
    title: config.title === undefined ? undefined : context.rich(config.title, ['title']),
    legend: config.legend === undefined ? undefined : context.rich(config.legend, ['legend']),
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

/**
 * Reads the .bib files of one list, each with the `@string` macros of the files before it (`macros` is
 * updated). A key defined in two of its files is a warning; both entries are kept, the later one renamed
 * (`key-2`). `crossref` is resolved across the list's files.
 */
function loadEntries(
  source: ListSource,
  context: PublicationsContext,
  diagnostics: Diagnostic[],
  macros: { current: ReadonlyMap<string, string> },
  missingIsWarning: boolean,
): { entries: LoadedEntry[]; sourcePaths: string[] } {
  const entries: LoadedEntry[] = [];
  const sourcePaths: string[] = [];
  const seen = new Map<string, LoadedEntry>();
  const suffixes = new Map<string, number>();
  source.files.forEach((name, i) => {
    const referencedAt = context.position(source.fileIsList ? [...source.filePath, i] : source.filePath);
    const located = locateBibFile(name, context.baseDir, (p) => context.fileExists(p));
    if (located === undefined) {
      const looked = bibCandidates(name, context.baseDir).map(
        (p) => `\`${displayPathOf(context.yamlFile, context.baseDir, p)}\``,
      );
      diagnostics.push(
        (missingIsWarning ? warning : error)({
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
    const bib = readBibtex(read.text, display, { macros: macros.current, resolveCrossrefs: false });
    macros.current = bib.strings;
    diagnostics.push(...bib.diagnostics);
    for (const entry of bib.entries) {
      const previous = seen.get(entry.key);
      let loaded: LoadedEntry = { bib, entry };
      if (previous) {
        let n = suffixes.get(entry.key) ?? 2;
        while (seen.has(`${entry.key}-${n}`)) n++;
        suffixes.set(entry.key, n + 1);
        const key = `${entry.key}-${n}`;
        const p = previous.bib.lineIndex.position(previous.bib.file, previous.entry.keyOffset);
        diagnostics.push(
          warning({
            code: 'bibtex-duplicate-key',
            message: `duplicate key \`${entry.key}\`: already defined at ${p.file}:${p.line}:${p.column}; both entries are kept, this one as \`${key}\``,
            position: bib.lineIndex.position(bib.file, entry.keyOffset),
            hints: ['the files of one list share their keys; rename or remove one of the two entries'],
          }),
        );
        loaded = { bib, entry: { ...entry, key } };
      }
      seen.set(loaded.entry.key, loaded);
      entries.push(loaded);
    }
  });
  const resolved = resolveCrossrefs(entries);
  diagnostics.push(...resolved.diagnostics);
  return { entries: resolved.items, sourcePaths };
}

/**
 * `<image_dir>/<key>.png|.jpg|.svg` that exist beside the YAML, by key. An image that is a link (or lies in a
 * linked folder) resolving outside the CV's folder is refused with a warning at `include_image`, and not shown.
 */
function findImages(
  entries: readonly LoadedEntry[],
  imageDir: string,
  context: PublicationsContext,
  diagnostics: Diagnostic[],
): Map<string, string> {
  const images = new Map<string, string>();
  const dir = imageDir.replace(/\/+$/, '');
  for (const { entry } of entries) {
    if (/[/\\]/.test(entry.key) || entry.key === '.' || entry.key === '..') continue;
    for (const ext of IMAGE_EXTENSIONS) {
      const relative = `${dir}/${entry.key}.${ext}`;
      const file = join(context.baseDir, relative);
      if (context.fileExists(file)) {
        // A path that cannot be resolved now is kept: the copy step checks again and reads it or warns.
        const where = resolveInside(context.baseDir, file);
        if (where.inside || where.real === undefined) images.set(entry.key, relative);
        else {
          diagnostics.push(
            warning({
              code: 'image-outside-folder',
              message: `the image of \`${entry.key}\` (\`${relative}\`) is a link to ${where.real}, outside the CV's folder; it is not shown`,
              position: context.position(['include_image']),
              hints: ["copy the image into the CV's folder instead of linking to it"],
            }),
          );
        }
        break;
      }
    }
  }
  return images;
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

export const publicationsSection: SectionSpec<PublicationsSection, typeof publicationsSectionValueSchema> = {
  type: 'publications',
  description:
    'Publications from BibTeX files: file or categories, name (the owner), author_urls, sort_bib, group_by_year, ...',
  schema: publicationsSectionValueSchema,
  resolve: (value, ctx) => {
    const fileOnly = typeof value === 'string';
    const config = fileOnly ? publicationsSectionSchema.parse({ file: value }, PARSE_CONTEXT) : value;
    const { section, diagnostics } = resolvePublications(
      config,
      fileOnly ? { ...ctx, position: (rel) => ctx.position(rel[0] === 'file' ? rel.slice(1) : rel) } : ctx,
      { fileOnly },
    );
    ctx.diagnostics.addAll(diagnostics);
    return section;
  },
};

/** The keys a publications section knows, for warnings about the others. */
const KNOWN_OPTIONS = new Set(Object.keys(publicationsSectionSchema.def.shape));
const KNOWN_CATEGORY_OPTIONS = new Set(Object.keys(publicationCategorySchema.def.shape));

/** Unknown options (a typo, an option of another tool) are warned about and ignored: the CV still builds. */
function warnUnknownOptions(
  config: PublicationsConfig,
  context: PublicationsContext,
  diagnostics: Diagnostic[],
): void {
  const check = (value: object, known: ReadonlySet<string>, path: (string | number)[], where: string) => {
    for (const key of Object.keys(value)) {
      if (known.has(key)) continue;
      const suggestion = closestMatch(key, known);
      diagnostics.push(
        warning({
          code: 'publication-unknown-option',
          message: `unknown option \`${key}\` in ${where}; it is ignored`,
          position: context.position([...path, key]),
          hints: suggestion
            ? [`did you mean \`${suggestion}\`?`]
            : [`options: ${[...known].filter((k) => k !== 'type').join(', ')}`],
        }),
      );
    }
  };
  check(config, KNOWN_OPTIONS, [], `section \`${context.key}\``);
  config.categories?.forEach((category, i) => {
    check(category, KNOWN_CATEGORY_OPTIONS, ['categories', i], `\`categories[${i}]\``);
  });
}

/** The owner's names matched in the forms papers use: the person, each `name:` and each alias. */
function ownersOf(config: PublicationsConfig, context: PublicationsContext): OwnerName[] {
  const owners: OwnerName[] = [];
  const person = context.ownerName;
  const fromPerson = person === undefined ? undefined : ownerFromParts(person.given, person.last);
  if (fromPerson) owners.push(fromPerson);
  const names = config.name === undefined ? [] : toList(config.name);
  for (const name of [...names, ...config.aliases]) {
    const owner = parseOwnerName(name);
    if (owner) owners.push(owner);
  }
  return owners;
}

/**
 * Whether a variant keeps a publication: selected when it asks for selected ones only; a year (when the
 * entry has one) not before `since`; with `tags`, untagged entries stay and tagged ones must share one.
 */
function keptInVariant(publication: Publication, only: PublicationFilter): boolean {
  if (only.selectedOnly && !publication.selected) return false;
  if (only.since !== undefined && publication.yearNumber !== undefined && publication.yearNumber < only.since)
    return false;
  const own = publication.tags;
  const wanted = only.tags;
  return own === undefined || wanted === undefined || own.some((t) => wanted.includes(t));
}
