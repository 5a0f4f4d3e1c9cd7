/** One BibTeX entry to one `Publication` of the model (everything but its number). */
import { type Diagnostic, warning } from '../../diagnostics/diagnostic.js';
import type { Inline } from '../../inline/ast.js';
import { inlineToText } from '../../inline/to-text.js';
import type { BibEntry, BibFile } from '../../load/bibtex/types.js';
import { type Labels, type LinkLabel, linkWord } from '../../locale/labels.js';
import type { Publication, PublicationLink } from '../../model/cv.js';
import { safeUrl } from '../../util/safe-url.js';
import { encodeUri } from '../../util/uri.js';
import { type AuthorOptions, type AuthorWithoutUrl, buildAuthors } from './authors.js';
import {
  arxivIdOf,
  doiUrl,
  isPendingYear,
  isSelectedValue,
  normalizeDoi,
  plainField,
  readYear,
  richField,
  urlValue,
} from './fields.js';
import { UNDATED_HEADING } from './ordering.js';
import type { VenueMatcher } from './venue-table.js';

export interface PublicationOptions extends AuthorOptions {
  /** The id-safe anchor of an entry (see `anchorFor`). */
  anchorFor(key: string): string;
  /** Short names of venues (the built-in table and the section's `venues:`). */
  readonly venues: VenueMatcher;
  /** `short` (default): a venue the table knows is shown by its short name; `full`: as written. */
  readonly venueForm: 'short' | 'full';
  /** The image of an entry, as a path relative to the output (`images/publications/key.png`), if any. */
  imageFor(key: string): string | undefined;
  /** The words of the links (`code`, `slides`, ...) in the CV's language; absent: English. */
  readonly linkLabels?: Labels | undefined;
}

export interface BuiltPublication {
  /** The publication with an empty `label`; numbering sets it. */
  readonly publication: Publication;
  readonly withoutUrl: readonly AuthorWithoutUrl[];
}

/**
 * Link fields in the order their links are shown, with the label each gets (the first field present
 * wins). The arxiv link comes before them and the doi after them.
 */
export const LINK_FIELDS: readonly {
  readonly label: Exclude<LinkLabel, 'arxiv'>;
  readonly fields: readonly string[];
}[] = [
  { label: 'code', fields: ['codeurl'] },
  { label: 'slides', fields: ['slidesurl'] },
  { label: 'talk', fields: ['talkurl', '_talkurl'] },
  { label: 'pdf', fields: ['pdf', 'pdfurl'] },
  { label: 'video', fields: ['video', 'videourl'] },
  { label: 'poster', fields: ['poster', 'posterurl'] },
  // Fields some .bib files carry (al-folio's among them).
  { label: 'html', fields: ['html', 'htmlurl', 'website'] },
  { label: 'supp', fields: ['supp', 'suppurl', 'supplementary'] },
  { label: 'blog', fields: ['blog', 'blogurl'] },
];

/** Where a venue comes from when `_venue` is missing, in this order. */
export const VENUE_FALLBACKS = [
  'booktitle',
  'journal',
  'journaltitle',
  'series',
  'publisher',
  'school',
  'institution',
  'howpublished',
] as const;

export function buildPublication(
  bib: BibFile,
  entry: BibEntry,
  options: PublicationOptions,
  diagnostics: Diagnostic[],
): BuiltPublication {
  const field = (name: string) => entry.fields.get(name);
  const at = (offset: number) => bib.lineIndex.position(bib.file, offset);
  const entryPosition = at(entry.offset);

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

  const eprint = field('eprint');
  const archive = field('archiveprefix') ?? field('eprinttype');
  const arxivId = arxivIdOf(eprint?.value, archive?.value, [field('url')?.value]);

  // Venue: `_venue` as written; else the first standard field that names one, shortened for a venue
  // the table knows (`venue: full` keeps it long); else arXiv for an arXiv preprint.
  const venue = buildVenue(bib, entry, arxivId, options, diagnostics);

  // Year: `year`, else biblatex `date`. Words (`to appear`) are kept as written; no year sorts last.
  const yearText = plainField(field('year'));
  const yearField = yearText !== '' ? field('year') : field('date');
  const { text: year, number: yearNumber } = readYear(yearText, plainField(field('date')));
  if (year === '') {
    diagnostics.push(
      warning({
        code: 'publication-missing-year',
        message: `entry \`${entry.key}\` has no \`year\`; it is listed last, under "${UNDATED_HEADING}" when grouped by year`,
        position: entryPosition,
        hints: ['add `year = {2024}` (or biblatex `date = {2024-05-03}`)'],
      }),
    );
  } else if (yearNumber === undefined && !isPendingYear(year) && yearField !== undefined) {
    diagnostics.push(
      warning({
        code: 'publication-year-not-numeric',
        message: `the \`${yearField.name}\` of entry \`${entry.key}\` has no year in it: \`${year}\`; it is shown as written and listed after the dated entries`,
        position: at(yearField.valueOffset),
        hints: [
          'write the year as digits (`year = {2024}`); `to appear`, `in press`, `submitted` and the like are listed first',
        ],
      }),
    );
  }

  const url = checkedUrl(bib, entry, 'link', diagnostics) ?? checkedUrl(bib, entry, 'url', diagnostics);
  const word = (label: LinkLabel) =>
    options.linkLabels === undefined ? label : linkWord(options.linkLabels, label);
  const arxivField = field('arxiv');
  const arxivFieldId =
    arxivField === undefined ? undefined : arxivIdOf(arxivField.value, 'arxiv', [arxivField.value]);
  const paperArxivId = arxivIdOf(eprint?.value, archive?.value, [url, field('url')?.value]) ?? arxivFieldId;
  const links: PublicationLink[] = [];
  const arxivUrl = arxivLinkOf(bib, entry, paperArxivId, diagnostics);
  // Not when the title already links to that arXiv page (one more link to the same place).
  if (arxivUrl !== undefined && (url === undefined || samePage(url) !== samePage(arxivUrl)))
    links.push({ label: word('arxiv'), url: arxivUrl });
  for (const { label, fields } of LINK_FIELDS) {
    for (const name of fields) {
      const href = checkedUrl(bib, entry, name, diagnostics);
      if (href !== undefined) {
        links.push({ label: word(label), url: href });
        break;
      }
    }
  }
  const doiField = field('doi');
  const doi = doiField === undefined ? undefined : normalizeDoi(urlValue(doiField.value) ?? '');
  if (doi !== undefined) links.push({ label: 'doi', url: doiUrl(doi) });
  const awardText = richField(bib, field('award'), 'line', diagnostics);

  const selectedField = field('selected');
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
    award: awardText.length === 0 ? undefined : awardText,
    selected: selectedField !== undefined && isSelectedValue(plainField(selectedField)),
    ...(field('tags') === undefined
      ? {}
      : {
          tags: plainField(field('tags'))
            .split(/[,;]/)
            .map((t) => t.trim())
            .filter((t) => t !== ''),
        }),
    image,
    label: '',
    doi,
    arxivId: paperArxivId,
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

/**
 * The arXiv page of a paper: the `arxiv` field (an id such as `2101.00001`, `arXiv:2101.00001v2`, or a URL,
 * checked as every link is), else the paper's arXiv id (from `eprint` or an arxiv.org `url`).
 */
function arxivLinkOf(
  bib: BibFile,
  entry: BibEntry,
  arxivId: string | undefined,
  diagnostics: Diagnostic[],
): string | undefined {
  const written = urlValue(entry.fields.get('arxiv')?.value ?? '');
  if (written === undefined) return arxivId === undefined ? undefined : arxivAbsUrl(arxivId);
  if (/^(www\.)?arxiv\.org\//i.test(written)) return `https://${written}`;
  if (/^[a-z][a-z0-9+.-]*:/i.test(written) && !/^arxiv:/i.test(written))
    return checkedUrl(bib, entry, 'arxiv', diagnostics);
  return arxivAbsUrl(written.replace(/^arxiv:\s*/i, ''));
}

/** A URL as compared with the arXiv link: `http:` as `https:`, without `www.` or a version (`v2`). */
const samePage = (url: string): string =>
  url
    .replace(/^http:/i, 'https:')
    .replace(/^(https:\/\/)www\./i, '$1')
    .replace(/v\d+$/, '');

const arxivAbsUrl = (id: string): string => `https://arxiv.org/abs/${encodeUri(id)}`;

/** The venue of an entry without `_venue` comes from a standard field; a URL in `howpublished` is no venue. */
function buildVenue(
  bib: BibFile,
  entry: BibEntry,
  arxivId: string | undefined,
  options: PublicationOptions,
  diagnostics: Diagnostic[],
): Inline[] {
  const own = entry.fields.get('_venue');
  if (own !== undefined) return richField(bib, own, 'line', diagnostics);
  for (const name of VENUE_FALLBACKS) {
    const field = entry.fields.get(name);
    if (field === undefined) continue;
    const plain = plainField(field);
    if (plain === '' || (name === 'howpublished' && /^(https?:|www\.)/i.test(plain))) continue;
    const rich = richField(bib, field, 'line', diagnostics);
    if (options.venueForm === 'full') return rich;
    const short = options.venues.shorten(inlineToText(rich));
    return short === undefined ? rich : [{ type: 'text', value: short }];
  }
  if (arxivId !== undefined) return [{ type: 'text', value: 'arXiv' }];
  diagnostics.push(
    warning({
      code: 'publication-missing-venue',
      message: `entry \`${entry.key}\` names no venue; it is listed without one`,
      position: bib.lineIndex.position(bib.file, entry.offset),
      hints: [
        `add \`_venue = {...}\` (the short name shown, e.g. \`ICML\`) or one of ${VENUE_FALLBACKS.map((f) => `\`${f}\``).join(', ')}`,
      ],
    }),
  );
  return [];
}
