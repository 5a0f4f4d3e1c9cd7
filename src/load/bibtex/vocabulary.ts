/** Names BibTeX defines before a file is read: entry types (BibTeX and biblatex) and the month macros. */

/** The standard BibTeX types: every entry is shown as one of these (its `kind`). */
const STANDARD_TYPE_NAMES = [
  'article',
  'book',
  'booklet',
  'inbook',
  'incollection',
  'inproceedings',
  'manual',
  'mastersthesis',
  'misc',
  'phdthesis',
  'proceedings',
  'techreport',
  'unpublished',
] as const;

export const KNOWN_ENTRY_TYPES: ReadonlySet<string> = new Set([
  // BibTeX (`conference` is its old name for `inproceedings`)
  ...STANDARD_TYPE_NAMES,
  'conference',
  // biblatex and common extensions
  'online',
  'electronic',
  'www',
  'report',
  'thesis',
  'software',
  'dataset',
  'patent',
  'collection',
  'mvbook',
  'mvcollection',
  'mvproceedings',
  'bookinbook',
  'suppbook',
  'suppcollection',
  'suppperiodical',
  'periodical',
  'reference',
  'inreference',
  'set',
  'xdata',
  'artwork',
  'audio',
  'video',
  'movie',
  'music',
  'performance',
  'image',
  'standard',
  'letter',
  'review',
  'talk',
  'presentation',
  'poster',
  'preprint',
]);

const STANDARD_TYPES: ReadonlySet<string> = new Set(STANDARD_TYPE_NAMES);

/** biblatex and other common types, and the standard type each is shown as. */
const KIND_OF: ReadonlyMap<string, string> = new Map([
  ['conference', 'inproceedings'],
  ['online', 'misc'],
  ['electronic', 'misc'],
  ['www', 'misc'],
  ['software', 'misc'],
  ['dataset', 'misc'],
  ['report', 'techreport'],
  ['thesis', 'phdthesis'],
  ['patent', 'misc'],
  ['collection', 'book'],
  ['mvbook', 'book'],
  ['mvcollection', 'book'],
  ['mvproceedings', 'proceedings'],
  ['bookinbook', 'inbook'],
  ['suppbook', 'inbook'],
  ['suppcollection', 'incollection'],
  ['suppperiodical', 'article'],
  ['periodical', 'misc'],
  ['reference', 'book'],
  ['inreference', 'incollection'],
  ['preprint', 'misc'],
]);

/**
 * The standard BibTeX type an entry type is shown as: itself for the standard types, the nearest one for
 * biblatex types (`@online` is a `misc`, `@report` a `techreport`), and a guess from the name for unknown
 * ones (`@mphdthesis` is a `phdthesis`, `@journalarticle` an `article`), else `misc`.
 */
export function kindOf(type: string): string {
  const lower = type.toLowerCase();
  if (STANDARD_TYPES.has(lower)) return lower;
  const known = KIND_OF.get(lower);
  if (known !== undefined) return known;
  if (lower.includes('thesis'))
    return lower.includes('master') || lower.includes('msc') ? 'mastersthesis' : 'phdthesis';
  if (lower.includes('proceedings') || lower.includes('conference')) return 'inproceedings';
  if (lower.includes('article') || lower.includes('journal')) return 'article';
  if (lower.includes('report')) return 'techreport';
  if (lower.includes('collection')) return 'incollection';
  if (lower.includes('book')) return 'book';
  return 'misc';
}

/** BibTeX's predefined `@string` macros: the months, `jan` to `dec`. */
export const MONTH_MACROS: ReadonlyMap<string, string> = new Map([
  ['jan', 'January'],
  ['feb', 'February'],
  ['mar', 'March'],
  ['apr', 'April'],
  ['may', 'May'],
  ['jun', 'June'],
  ['jul', 'July'],
  ['aug', 'August'],
  ['sep', 'September'],
  ['oct', 'October'],
  ['nov', 'November'],
  ['dec', 'December'],
]);
