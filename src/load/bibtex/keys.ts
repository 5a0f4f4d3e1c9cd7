/** Keys for entries written without one: `<first author's last name><year><first title word>`. */
import type { BibField } from './types.js';

/** Small words a generated key skips at the start of a title (as Google Scholar's keys do). */
const SKIPPED_TITLE_WORDS: ReadonlySet<string> = new Set([
  'a',
  'an',
  'the',
  'on',
  'of',
  'in',
  'for',
  'to',
  'and',
  'with',
  'at',
  'by',
  'from',
]);

/** LaTeX letters written as commands (`{\\O}stergaard`, `Stra{\\ss}e`), then the other commands dropped. */
function dropCommands(value: string): string {
  return value
    .replace(/\\(ss|ae|AE|oe|OE|aa|AA|o|O|l|L|i|j)(?![a-zA-Z])\s*/g, '$1')
    .replace(/\\[a-zA-Z]+|\\./g, '')
    .replace(/[{}]/g, '');
}

/** Lowercase ASCII letters and digits of a BibTeX value: LaTeX commands, braces and accents dropped. */
function plain(value: string): string {
  return dropCommands(value)
    .normalize('NFD')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** The last name of the first author (`Doe, Jane` and `Jane Doe` give `doe`). */
function firstAuthorLastName(names: string): string {
  const first = names.split(/\s+and\s+/i)[0] ?? '';
  const comma = first.indexOf(',');
  if (comma >= 0) return plain(first.slice(0, comma));
  const words = first.trim().split(/\s+/);
  return plain(words[words.length - 1] ?? '');
}

function firstTitleWord(title: string): string {
  const words = dropCommands(title)
    .split(/[\s\-–—:;,.!?/()[\]{}"'`~]+/)
    .map(plain)
    .filter((w) => w !== '');
  return words.find((w) => !SKIPPED_TITLE_WORDS.has(w)) ?? words[0] ?? '';
}

/**
 * A key for an entry without one, from its fields: `smith2020deep` (first author's last name, year,
 * first title word), at most 60 characters; `anon` when the entry has no author or editor. The caller
 * makes it unique.
 */
export function generateKey(fields: ReadonlyMap<string, BibField>): string {
  const names = fields.get('author')?.value ?? fields.get('editor')?.value ?? '';
  const author = firstAuthorLastName(names) || 'anon';
  const yearText = fields.get('year')?.value ?? fields.get('date')?.value ?? '';
  const year = /\d{4}/.exec(yearText)?.[0] ?? '';
  const word = firstTitleWord(fields.get('title')?.value ?? '');
  return `${author}${year}${word}`.slice(0, 60);
}
