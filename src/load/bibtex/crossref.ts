/**
 * `crossref = {parent}`: an entry inherits every field it lacks from the entry it names, as BibTeX does.
 * For a part of a book or proceedings (`@inproceedings`, `@incollection`, `@inbook`) whose parent is the
 * book or proceedings, the parent's `title` becomes the child's `booktitle` (not its `title`), as biblatex
 * does it and as BibTeX users get by repeating the title in the parent's `booktitle`.
 */
import { type Diagnostic, warning } from '../../diagnostics/diagnostic.js';
import type { BibEntry, BibField, BibFile } from './types.js';

/** An entry and the file it was read from. */
export interface FileEntry {
  readonly bib: BibFile;
  readonly entry: BibEntry;
}

const PART_KINDS: ReadonlySet<string> = new Set(['inproceedings', 'incollection', 'inbook']);
const WHOLE_KINDS: ReadonlySet<string> = new Set(['proceedings', 'book', 'booklet', 'collection']);
/** Fields of a book or proceedings that name the whole, not the part: not inherited by a part. */
const WHOLE_ONLY_FIELDS: ReadonlySet<string> = new Set(['title', 'subtitle', 'titleaddon', 'shorttitle']);

/**
 * Resolves the `crossref` fields of `items` (one file's entries, or those of all files of a publications
 * list): returns the items with inherited fields added, and a warning for each `crossref` naming no entry.
 * Keys are compared ignoring case, as BibTeX does. An inherited field from another file points at the
 * child's `crossref` value in diagnostics (positions are per file).
 */
export function resolveCrossrefs<T extends FileEntry>(
  items: readonly T[],
): { items: T[]; diagnostics: Diagnostic[] } {
  const diagnostics: Diagnostic[] = [];
  const byKey = new Map<string, T>();
  for (const item of items) {
    const lower = item.entry.key.toLowerCase();
    if (!byKey.has(lower)) byKey.set(lower, item);
  }
  const resolved = items.map((item) => {
    const ref = item.entry.fields.get('crossref');
    if (ref === undefined) return item;
    const target = ref.value.trim();
    const parent = byKey.get(target.toLowerCase());
    if (parent === undefined || parent.entry === item.entry) {
      diagnostics.push(
        warning({
          code: 'bibtex-crossref-missing',
          message: `entry \`${item.entry.key}\` has \`crossref = {${target}}\`, but no entry has that key; nothing is inherited`,
          position: item.bib.lineIndex.position(item.bib.file, ref.valueOffset),
          hints: ['add the entry it refers to (often a `@proceedings` or `@book`), or remove the `crossref`'],
        }),
      );
      return item;
    }
    return { ...item, entry: inherit(item, parent, ref) };
  });
  return { items: resolved, diagnostics };
}

function inherit(child: FileEntry, parent: FileEntry, ref: BibField): BibEntry {
  const fields = new Map(child.entry.fields);
  const sameFile = child.bib === parent.bib;
  const place = (field: BibField, name: string): BibField =>
    sameFile
      ? field.name === name
        ? field
        : { ...field, name }
      : {
          name,
          nameOffset: ref.nameOffset,
          value: field.value,
          valueOffset: ref.valueOffset,
          segments: [
            { valueOffset: 0, sourceOffset: ref.valueOffset, length: field.value.length, exact: false },
          ],
        };
  const partOfWhole = PART_KINDS.has(child.entry.kind) && WHOLE_KINDS.has(parent.entry.kind);
  for (const [name, field] of parent.entry.fields) {
    if (name === 'crossref' || fields.has(name)) continue;
    if (partOfWhole && WHOLE_ONLY_FIELDS.has(name)) continue;
    fields.set(name, place(field, name));
  }
  const parentTitle = parent.entry.fields.get('title');
  if (partOfWhole && parentTitle !== undefined && !fields.has('booktitle')) {
    fields.set('booktitle', place(parentTitle, 'booktitle'));
  }
  return { ...child.entry, fields };
}
