/** One BibTeX entry to one `Publication` of the model (everything but its number). */
import { type Diagnostic, error, warning } from '../../diagnostics/diagnostic.js';
import type { BibEntry, BibFile } from '../../load/bibtex/types.js';
import type { Publication, PublicationLink } from '../../model/cv.js';
import { safeUrl } from '../../util/safe-url.js';
import { type AuthorOptions, type AuthorWithoutUrl, buildAuthors } from './authors.js';
import {
  arxivIdOf,
  doiUrl,
  isSelectedValue,
  normalizeDoi,
  parseYear,
  plainField,
  richField,
  urlValue,
} from './fields.js';

export interface PublicationOptions extends AuthorOptions {
  /** The id-safe anchor of an entry (see `anchorFor`). */
  anchorFor(key: string): string;
  /** Accept entries without `_venue`/`year` or with a non-numeric year, with warnings. */
  readonly lenient: boolean;
  /** The image of an entry, as a path relative to the output (`images/publications/key.png`), if any. */
  imageFor(key: string): string | undefined;
}

export interface BuiltPublication {
  /** The publication with an empty `label`; numbering sets it. */
  readonly publication: Publication;
  readonly withoutUrl: readonly AuthorWithoutUrl[];
}

/** Link fields in the order their links are shown, with the label each gets. */
export const LINK_FIELDS: readonly { readonly label: string; readonly fields: readonly string[] }[] = [
  { label: 'code', fields: ['codeurl'] },
  { label: 'slides', fields: ['slidesurl'] },
  { label: 'talk', fields: ['talkurl', '_talkurl'] },
  { label: 'pdf', fields: ['pdf', 'pdfurl'] },
  { label: 'video', fields: ['video', 'videourl'] },
  { label: 'poster', fields: ['poster', 'posterurl'] },
];

/** Where a venue comes from in lenient mode when `_venue` is missing, in this order. */
export const VENUE_FALLBACKS = ['booktitle', 'journal', 'publisher', 'school', 'institution'] as const;

export function buildPublication(
  bib: BibFile,
  entry: BibEntry,
  options: PublicationOptions,
  diagnostics: Diagnostic[],
): BuiltPublication {
  const field = (name: string) => entry.fields.get(name);
  const at = (offset: number) => bib.lineIndex.position(bib.file, offset);
  const entryPosition = at(entry.offset);
  const severity = options.lenient ? warning : error;

  const title = richField(bib, field('title'), 'line', diagnostics);
  if (title.length === 0) {
    diagnostics.push(
      warning({
        code: 'publication-missing-title',
        message: `entry \`${entry.key}\` has no \`title\``,
        position: entryPosition,
      }),
    );
  }
  const authorField = field('author');
  if (authorField === undefined) {
    diagnostics.push(
      warning({
        code: 'publication-missing-author',
        message: `entry \`${entry.key}\` has no \`author\``,
        position: entryPosition,
      }),
    );
  }
  const { authors, othersTruncated, withoutUrl } = buildAuthors(
    bib,
    authorField,
    entry.key,
    options,
    diagnostics,
  );

  // Venue: `_venue`, or in lenient mode the first standard field that names one.
  let venueField = field('_venue');
  if (venueField === undefined) {
    const fallback = options.lenient ? VENUE_FALLBACKS.find((name) => entry.fields.has(name)) : undefined;
    venueField = fallback === undefined ? undefined : field(fallback);
    diagnostics.push(
      severity({
        code: 'publication-missing-venue',
        message:
          fallback === undefined
            ? `entry \`${entry.key}\` has no \`_venue\``
            : `entry \`${entry.key}\` has no \`_venue\`; its \`${fallback}\` is shown instead`,
        position: entryPosition,
        hints: options.lenient
          ? ['add `_venue = {...}`: the short venue name shown on the CV (`ICML`)']
          : [
              'add `_venue = {...}`: the short venue name shown on the CV (`ICML`)',
              `with --lenient, ${VENUE_FALLBACKS.map((f) => `\`${f}\``).join(', ')} stand in for it`,
            ],
      }),
    );
  }
  const venue = richField(bib, venueField, 'line', diagnostics);

  // Year: required; a number unless lenient.
  const yearField = field('year');
  const year = plainField(yearField);
  const yearNumber = parseYear(year);
  if (yearField === undefined || year === '') {
    diagnostics.push(
      severity({
        code: 'publication-missing-year',
        message: `entry \`${entry.key}\` has no \`year\``,
        position: entryPosition,
        hints: ['add `year = {2024}`'],
      }),
    );
  } else if (yearNumber === undefined) {
    diagnostics.push(
      severity({
        code: 'publication-year-not-numeric',
        message: `the \`year\` of entry \`${entry.key}\` is not a number: \`${year}\``,
        position: at(yearField.valueOffset),
        hints: options.lenient
          ? ['entries with such a year are listed last']
          : ['write the year as digits (`year = {2024}`); with --lenient such entries are listed last'],
      }),
    );
  }

  const url = checkedUrl(bib, entry, 'link', diagnostics) ?? checkedUrl(bib, entry, 'url', diagnostics);
  const links: PublicationLink[] = [];
  for (const { label, fields } of LINK_FIELDS) {
    for (const name of fields) {
      const href = checkedUrl(bib, entry, name, diagnostics);
      if (href !== undefined) {
        links.push({ label, url: href });
        break;
      }
    }
  }
  const doiField = field('doi');
  const doi = doiField === undefined ? undefined : normalizeDoi(urlValue(doiField.value) ?? '');
  if (doi !== undefined) links.push({ label: 'doi', url: doiUrl(doi) });

  const selectedField = field('selected');
  const eprint = field('eprint');
  const archive = field('archiveprefix') ?? field('eprinttype');
  const image = options.imageFor(entry.key);
  const publication: Publication = {
    key: entry.key,
    entryType: entry.type,
    title,
    url,
    authors,
    othersTruncated,
    venue,
    year,
    yearNumber,
    note: richField(bib, field('_note'), 'line', diagnostics),
    abstract: richField(bib, field('abstract'), 'block', diagnostics),
    links,
    selected: selectedField !== undefined && isSelectedValue(plainField(selectedField)),
    image,
    label: '',
    doi,
    arxivId: arxivIdOf(eprint?.value, archive?.value, [url, field('url')?.value]),
    bibtex: entry.source,
    position: entryPosition,
    anchor: options.anchorFor(entry.key),
  };
  return { publication, withoutUrl };
}

/** A URL field, unescaped and checked; an unsafe URL is dropped with a warning. */
function checkedUrl(
  bib: BibFile,
  entry: BibEntry,
  name: string,
  diagnostics: Diagnostic[],
): string | undefined {
  const field = entry.fields.get(name);
  if (field === undefined) return undefined;
  const url = urlValue(field.value);
  if (url === undefined) return undefined;
  const safe = safeUrl(url);
  if (safe === undefined) {
    diagnostics.push(
      warning({
        code: 'publication-unsafe-url',
        message: `the \`${name}\` of entry \`${entry.key}\` is not linked: only http(s), mailto and relative URLs are`,
        position: bib.lineIndex.position(bib.file, field.valueOffset),
      }),
    );
  }
  return safe;
}
