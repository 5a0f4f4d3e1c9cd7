/** Where a publications heading links its .bib source, and the clean BibTeX of an entry shown on the page. */

import type { PublicationList, PublicationsSection } from '../../model/cv.js';
import { ForwardSearch } from '../../util/forward-search.js';
import { safeUrl } from '../../util/safe-url.js';
import { encodeUriComponent } from '../../util/uri.js';
import { isSpaceCode } from '../../util/white-space.js';

/**
 * The link to a list's .bib source: the section's `bib_url`, else `<src>/blob/master/<path>` when the list
 * was read from exactly one file inside the CV's folder (its path relative to the YAML, each segment
 * percent-encoded); undefined when `show_bib_link: false`, when there is nothing to link, or when the URL is
 * not safe to link.
 */
export function bibSourceUrl(
  section: PublicationsSection,
  list: PublicationList | undefined,
  sourceUrl: string | undefined,
): string | undefined {
  if (section.showBibLink === false || list === undefined) return undefined;
  if (section.bibUrl !== undefined) return safeUrl(section.bibUrl);
  const paths =
    list.sourcePaths ??
    (list.file === '' ? [] : [list.file.includes('/') ? list.file : `publications/${list.file}`]);
  const source = sourceUrl?.trim().replace(/\/+$/, '');
  const path = paths.length === 1 ? paths[0] : undefined;
  if (!source || path === undefined || path.startsWith('/')) return undefined;
  const segments = path.split('/').filter((segment) => segment !== '' && segment !== '.');
  if (segments.length === 0 || segments.includes('..')) return undefined;
  return safeUrl(`${source}/blob/master/${segments.map(encodeUriComponent).join('/')}`);
}

/** A field of an entry: its name as written and its value expression as written (`{…}`, `"…"`, `2020`, `jan # {~1}`). */
interface RawField {
  readonly name: string;
  readonly value: string;
}

/**
 * The fields kept in a clean entry, in their order: the standard BibTeX fields and biblatex's common ones
 * that a citation uses. Everything else is dropped: vita's and the forks' private fields (`_venue`,
 * `selected`, `codeurl`, `_talkurl`, ...), the abstract (shown beside the entry), keywords, file paths.
 */
const CLEAN_FIELD_ORDER = [
  'author',
  'editor',
  'title',
  'booktitle',
  'journal',
  'journaltitle',
  'howpublished',
  'school',
  'institution',
  'organization',
  'publisher',
  'address',
  'location',
  'series',
  'edition',
  'volume',
  'number',
  'chapter',
  'pages',
  'type',
  'month',
  'year',
  'date',
  'note',
  'doi',
  'eprint',
  'archiveprefix',
  'eprinttype',
  'primaryclass',
  'isbn',
  'issn',
  'url',
] as const;
const FIELD_RANK = new Map<string, number>(CLEAN_FIELD_ORDER.map((name, i) => [name, i]));

/** The field that names the venue of each entry type, when `_venue` must stand in for a missing one. */
const VENUE_FIELD: Readonly<Record<string, string>> = {
  article: 'journal',
  inproceedings: 'booktitle',
  conference: 'booktitle',
  incollection: 'booktitle',
  phdthesis: 'school',
  mastersthesis: 'school',
  thesis: 'school',
  techreport: 'institution',
};
const VENUE_FIELDS = new Set([
  'booktitle',
  'journal',
  'journaltitle',
  'howpublished',
  'school',
  'institution',
  'publisher',
]);

const FIELD_NAME = /[^\s=,{}()"#]+/y;
const BARE_WORD = /[^\s,#{}()"]+/y;

const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const QUOTE = 0x22;

/** The index of the first character at or after `at` that is not white space. */
function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && isSpaceCode(text.charCodeAt(i))) i++;
  return i;
}

/** The match of a sticky pattern at `at` (no copy of the rest of the text), or undefined. */
function matchAt(pattern: RegExp, text: string, at: number): string | undefined {
  pattern.lastIndex = at;
  return pattern.exec(text)?.[0];
}

/** The `{`, `}` and `\` of one entry, searched forward once for all its groups (util/forward-search.ts). */
interface BraceMarks {
  readonly open: ForwardSearch;
  readonly close: ForwardSearch;
  readonly escape: ForwardSearch;
}

function braceMarks(text: string): BraceMarks {
  return {
    open: new ForwardSearch(text, '{'),
    close: new ForwardSearch(text, '}'),
    escape: new ForwardSearch(text, '\\'),
  };
}

/**
 * End of a braced group starting at `open` (the index after its `}`), or -1 when it is not closed. It jumps
 * from one `{`, `}` or `\` to the next with `indexOf` (a vectorised search): an entry is mostly an abstract
 * with few braces, which a loop over every character reads ~5x slower.
 */
function closeBrace(text: string, open: number, marks: BraceMarks = braceMarks(text)): number {
  let depth = 0;
  let from = open;
  for (;;) {
    let at = marks.close.next(from);
    if (at < 0) return -1;
    const opening = marks.open.next(from);
    const backslash = marks.escape.next(from);
    if (opening >= 0 && opening < at) at = opening;
    if (backslash >= 0 && backslash < at) at = backslash;
    const c = text.charCodeAt(at);
    if (c === CLOSE_BRACE && --depth === 0) return at + 1;
    if (c === OPEN_BRACE) depth++;
    // A backslash hides the character after it.
    from = c === BACKSLASH ? at + 2 : at + 1;
  }
}

/** End of a quoted string starting at `open` (braces inside may hold a `"`), or -1. */
function closeQuote(text: string, open: number): number {
  let depth = 0;
  for (let i = open + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === BACKSLASH) i++;
    else if (c === OPEN_BRACE) depth++;
    else if (c === CLOSE_BRACE) depth--;
    else if (c === QUOTE && depth === 0) return i + 1;
  }
  return -1;
}

/** Whether the character code ends an entry's key: `,`, `}`, `)` or white space. */
function endsKey(c: number): boolean {
  return c === 0x2c || c === CLOSE_BRACE || c === 0x29 || isSpaceCode(c);
}

/**
 * An entry's type, key and fields as written; undefined when the text is not one well-formed entry. A doubled
 * `@@` reads as one (BibTeX skips the first `@`, which starts no entry).
 */
function readEntry(source: string): { type: string; key: string; fields: RawField[] } | undefined {
  // Up to the opening brace by a regular expression whose white-space runs are each bounded by something
  // else (`@`, letters, the brace); the key by hand: `\s*([^,\s})]*)\s*,` backtracks quadratically over a
  // long run of white space with no comma after it (a broken entry: 200,000 tabs took 28 s).
  const head = /^\s*@+\s*([A-Za-z]+)\s*([{(])/.exec(source);
  if (head === null) return undefined;
  const type = head[1] ?? '';
  const closer = head[2] === '(' ? ')' : '}';
  const fields: RawField[] = [];
  const marks = braceMarks(source);
  let i = skipSpace(source, head[0].length);
  const keyStart = i;
  while (i < source.length && !endsKey(source.charCodeAt(i))) i++;
  const key = source.slice(keyStart, i);
  i = skipSpace(source, i);
  if (source[i] !== ',') return undefined;
  i++;
  for (;;) {
    i = skipSpace(source, i);
    if (source[i] === closer) break;
    const name = matchAt(FIELD_NAME, source, i);
    if (name === undefined) return undefined;
    i = skipSpace(source, i + name.length);
    if (source[i] !== '=') return undefined;
    i++;
    let value: string | undefined;
    for (;;) {
      i = skipSpace(source, i);
      const c = source.charCodeAt(i);
      let end: number;
      if (c === OPEN_BRACE) end = closeBrace(source, i, marks);
      else if (c === QUOTE) end = closeQuote(source, i);
      else {
        const word = matchAt(BARE_WORD, source, i);
        end = word === undefined ? -1 : i + word.length;
      }
      if (end < 0) return undefined;
      const part = source.slice(i, end);
      value = value === undefined ? part : `${value} # ${part}`;
      i = skipSpace(source, end);
      if (source[i] !== '#') break;
      i++;
    }
    fields.push({ name, value });
    if (source[i] === ',') i++;
    else if (source[i] !== closer) return undefined;
  }
  return { type, key, fields };
}

/** A value on one line: runs of white space (the source's line breaks and indentation) become one space. */
function oneLine(value: string): string {
  // Most values are on one line already: the test costs a fraction of a replace that matches every space.
  const collapsed = /\s\s|[^\S ]/.test(value) ? value.replace(/\s+/g, ' ') : value;
  // `{ text }` -> `{text}`: space just inside the outer braces is the source's layout.
  return collapsed.startsWith('{') && closeBrace(collapsed, 0) === collapsed.length
    ? `{${collapsed.slice(1, -1).trim()}}`
    : collapsed;
}

/**
 * The entry as a citation manager should receive it: standard fields only, in a fixed order, one per line
 * with two spaces of indentation, each value on one line; `_venue` stands in for the type's venue field
 * when the entry has none (a `@misc` with only `_venue` otherwise pastes with no venue). The source as it
 * is (trimmed) when it is not one well-formed entry.
 */
export function cleanBibtex(source: string): string {
  const entry = readEntry(source);
  if (entry === undefined) return source.trim();
  const type = entry.type.toLowerCase();
  const byName = new Map<string, string>();
  for (const field of entry.fields) {
    const name = field.name.toLowerCase();
    // Fields that are not kept (the abstract, private fields) are not reflowed: most of an entry's bytes.
    if (name !== '_venue' && !FIELD_RANK.has(name)) continue;
    const value = oneLine(field.value);
    // An empty value (`journal={}`) is as good as no field.
    if (!byName.has(name) && !/^(\{\s*\}|"\s*")$/.test(value)) byName.set(name, value);
  }
  const venue = byName.get('_venue');
  if (venue !== undefined && ![...VENUE_FIELDS].some((f) => byName.has(f)))
    byName.set(VENUE_FIELD[type] ?? 'howpublished', venue);
  const kept = [...byName]
    .filter(([name]) => FIELD_RANK.has(name))
    .sort(([a], [b]) => (FIELD_RANK.get(a) ?? 0) - (FIELD_RANK.get(b) ?? 0));
  const lines = kept.map(([name, value]) => `  ${name} = ${value}`);
  return `@${type}{${entry.key},\n${lines.join(',\n')}\n}`;
}
