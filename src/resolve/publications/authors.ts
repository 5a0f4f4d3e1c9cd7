/** An entry's `author` field to model authors: display names, equal-contribution marks, owner, links. */
import { type Diagnostic, error, type SourcePosition, warning } from '../../diagnostics/diagnostic.js';
import type { Inline } from '../../inline/ast.js';
import { mergeText } from '../../inline/parse.js';
import { inlineToText } from '../../inline/to-text.js';
import { type BibField, type BibFile, sourceOffsetOf } from '../../load/bibtex/types.js';
import type { Author } from '../../model/cv.js';
import { type AuthorUrlIndex, type AuthorUrlMatch, isOwnerName } from './author-urls.js';
import { parseFieldText } from './fields.js';
import {
  type NameSpan,
  type ParsedName,
  parseWrittenName,
  splitNameList,
  type WrittenName,
} from './names.js';
import { isOwnerAuthor, type OwnerName } from './owner.js';

export interface AuthorOptions {
  /** Owner names (NFC); an author whose "First Last" contains one is the owner (the original's test). */
  readonly ownerNames: readonly string[];
  /** The owner's names as first/last (the person, `name:`, `aliases:`), matched in the forms papers use. */
  readonly owners?: readonly OwnerName[] | undefined;
  readonly authorUrls: AuthorUrlIndex;
  /** Collect the co-authors no `author_urls` key matched (for `error_without_author_url`). */
  readonly collectWithoutUrl: boolean;
  /**
   * What each name written so far gives, by its text as written, shared by the entries of one section (the
   * owner and `author_urls` are the section's): co-authors recur across a CV's papers, and a name's display
   * form, owner test and link are worked out once. Absent: nothing is kept.
   */
  readonly nameFacts?: Map<string, NameFacts> | undefined;
}

/**
 * What an author's name gives, whichever entry it is in: the model author (one object for every place the
 * name is written, so a renderer can keep what it made of it) and how `author_urls` matched it.
 */
export interface NameFacts {
  readonly author: Author;
  readonly match: AuthorUrlMatch;
}

export interface AuthorWithoutUrl {
  readonly name: string;
  readonly entryKey: string;
  readonly position: SourcePosition;
}

export interface AuthorsResult {
  readonly authors: Author[];
  readonly othersTruncated: boolean;
  /** Co-authors (not the owner) that no `author_urls` key matched. */
  readonly withoutUrl: AuthorWithoutUrl[];
}

/** Characters that mark an author (equal contribution, corresponding author) when they end a name. */
const MARK_CHARACTERS = /[*†‡§¶#]+$/;

export function buildAuthors(
  bib: BibFile,
  field: BibField | undefined,
  entryKey: string,
  options: AuthorOptions,
  diagnostics: Diagnostic[],
): AuthorsResult {
  if (field === undefined) return { authors: [], othersTruncated: false, withoutUrl: [] };
  const list = splitNameList(field.value);
  const at = (offset: number) => bib.lineIndex.position(bib.file, sourceOffsetOf(field, offset));
  // Names are kept around an empty one (`A and and B`, a trailing `and`): a warning, nothing lost.
  for (const problem of list.problems) {
    diagnostics.push(
      warning({
        code: 'bibtex-author-list',
        message: `${problem.message} (entry \`${entryKey}\`)`,
        position: at(problem.offset),
      }),
    );
  }
  const authors: Author[] = [];
  const withoutUrl: AuthorWithoutUrl[] = [];
  for (const written of list.names) {
    const { author, match } = nameFactsOf(bib, field, written, options, diagnostics);
    const { plain, isOwner } = author;
    if (match.kind === 'many') {
      const position = at(written.raw.offset);
      diagnostics.push(
        error({
          code: 'publication-author-url-ambiguous',
          message: `author \`${plain}\` of entry \`${entryKey}\` (${position.file}:${position.line}) matches ${match.keys.length} keys of \`author_urls\`: ${match.keys.map((k) => `\`${k}\``).join(' and ')}`,
          position,
          hints: [
            'a key matches every author whose "First Last" contains it; make the keys longer so only one matches',
          ],
        }),
      );
    } else if (match.kind === 'none' && !isOwner && options.collectWithoutUrl) {
      withoutUrl.push({ name: plain, entryKey, position: at(written.raw.offset) });
    }
    authors.push(author);
  }
  return { authors, othersTruncated: list.othersTruncated, withoutUrl };
}

/**
 * The facts of one name, from `options.nameFacts` when the same text was read before. A name whose reading
 * reported a problem is not kept: each place it is written gets its own message.
 */
function nameFactsOf(
  bib: BibFile,
  field: BibField,
  written: WrittenName,
  options: AuthorOptions,
  diagnostics: Diagnostic[],
): NameFacts {
  const known = options.nameFacts?.get(written.raw.text);
  if (known !== undefined) return known;
  const reported = diagnostics.length;
  // Split into its parts only now: a co-author of many papers is read once (70,000 names, 11,000 distinct
  // ones, in a 10,000-paper .bib).
  const parsed = parseWrittenName(field.value, written);
  const { name, marks } = displayName(bib, field, parsed, diagnostics);
  const text = inlineToText(name).replace(/\s+/g, ' ').trim();
  const plain = /[\u0080-\uffff]/.test(text) ? text.normalize('NFC') : text;
  const isOwner = isOwnerName(plain, options.ownerNames) || isOwnerAuthor(plain, options.owners ?? []);
  const match = options.authorUrls.match(plain);
  const url = match.kind === 'one' ? match.url : undefined;
  const facts: NameFacts = { author: { name, plain, url, isOwner, marks }, match };
  if (diagnostics.length === reported) options.nameFacts?.set(written.raw.text, facts);
  return facts;
}

/** "First von Last, Jr" as rich text, with the marks at the end of each part taken out. */
export function displayName(
  bib: BibFile,
  field: BibField,
  parsed: ParsedName,
  diagnostics: Diagnostic[],
): { name: Inline[]; marks: Inline[] } {
  const simple = simpleDisplayName(parsed);
  if (simple !== undefined) return { name: [{ type: 'text', value: simple }], marks: [] };
  const marks: Inline[] = [];
  const part = (piece: NameSpan | undefined): Inline[] => {
    if (piece === undefined) return [];
    const nodes = parseFieldText(bib, field, piece.text, piece.offset, 'line', diagnostics);
    const split = splitMarks(nodes);
    marks.push(...split.marks);
    return split.name;
  };
  const pieces = [part(parsed.first), part(parsed.von), part(parsed.last)].filter((p) => p.length > 0);
  const name: Inline[] = [];
  pieces.forEach((piece, i) => {
    if (i > 0) name.push({ type: 'text', value: ' ' });
    name.push(...piece);
  });
  const jr = part(parsed.jr);
  if (jr.length > 0) name.push({ type: 'text', value: ', ' }, ...jr);
  return { name: mergeText(name), marks: mergeText(marks) };
}

/** Characters that need the full path: LaTeX syntax, a character reference, marks, or whitespace other than single spaces. */
const NOT_SIMPLE = /[\\{}$~`&*†‡§¶#\s]|--/;

/**
 * The display name when no part has LaTeX, marks or odd whitespace (most names): the parts joined with
 * spaces, exactly what the full path gives, without building and merging nodes.
 */
function simpleDisplayName(parsed: ParsedName): string | undefined {
  let out = '';
  for (const piece of [parsed.first, parsed.von, parsed.last]) {
    if (piece === undefined) continue;
    const words = piece.text.split(' ');
    for (const word of words) if (word === '' || NOT_SIMPLE.test(word)) return undefined;
    out = out === '' ? piece.text : `${out} ${piece.text}`;
  }
  if (parsed.jr !== undefined) {
    if (parsed.jr.text.split(' ').some((w) => w === '' || NOT_SIMPLE.test(w))) return undefined;
    out = `${out}, ${parsed.jr.text}`;
  }
  return out === '' ? undefined : out;
}

/**
 * Takes trailing marks off a name: superscripts (`$^*$`, `$^\dagger$`) and `*`, `†`, `‡`, `§`, `¶`, `#`.
 * The marks come back as plain text nodes, in order; renderers set them as superscripts.
 */
export function splitMarks(nodes: readonly Inline[]): { name: Inline[]; marks: Inline[] } {
  const name = [...nodes];
  const marks: Inline[] = [];
  for (;;) {
    const last = name[name.length - 1];
    if (last === undefined) break;
    if (last.type === 'superscript') {
      name.pop();
      marks.unshift({ type: 'text', value: inlineToText(last.children) });
      continue;
    }
    if (last.type === 'text') {
      const trimmed = last.value.trimEnd();
      const m = MARK_CHARACTERS.exec(trimmed);
      if (m) {
        const rest = trimmed.slice(0, m.index).trimEnd();
        name.pop();
        if (rest !== '') name.push({ type: 'text', value: rest });
        marks.unshift({ type: 'text', value: m[0] });
        continue;
      }
      if (trimmed !== last.value) {
        name[name.length - 1] = { type: 'text', value: trimmed };
        if (trimmed === '') name.pop();
        continue;
      }
    }
    break;
  }
  return { name, marks: mergeText(marks) };
}
