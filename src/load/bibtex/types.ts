/** The data the BibTeX reader returns: entries with the source offset of every part, for diagnostics. */
import type { Diagnostic } from '../../diagnostics/diagnostic.js';
import type { LineIndex } from '../../diagnostics/source-map.js';

/**
 * A run of a field's value and where it came from. `exact` runs were copied from the source
 * (`{...}`, `"..."`, numbers): offset `i` of the run is source offset `sourceOffset + i`. Macro expansions
 * are not exact: every offset inside maps to the macro's name.
 */
export interface BibSegment {
  readonly valueOffset: number;
  readonly sourceOffset: number;
  readonly length: number;
  readonly exact: boolean;
}

export interface BibField {
  /** Lowercased field name (BibTeX field names are case-insensitive). */
  readonly name: string;
  readonly nameOffset: number;
  /** The value with its delimiters removed, `#` parts concatenated and macros expanded. */
  readonly value: string;
  /** Source offset of the value's first token (its `{`, `"`, digit or macro name). */
  readonly valueOffset: number;
  readonly segments: readonly BibSegment[];
}

export interface BibEntry {
  /** Lowercased entry type (`inproceedings`). */
  readonly type: string;
  readonly typeOffset: number;
  /**
   * The standard BibTeX type the entry is shown as: `type` itself, or the nearest standard type of a
   * biblatex or unknown one (`@online` is `misc`, `@mphdthesis` is `phdthesis`); see `kindOf`.
   */
  readonly kind: string;
  /**
   * The entry's key: as written, or made unique (`key-2`) when an earlier entry has it, or generated
   * (`smith2020deep`) for an entry without a key. Either way a warning says so.
   */
  readonly key: string;
  /** Offset of the key as written (for a keyless entry: where the key belongs). */
  readonly keyOffset: number;
  /** The key as written in the file (`''` for a keyless entry). */
  readonly writtenKey: string;
  /** Offset of the entry's `@`. */
  readonly offset: number;
  /** Offset just after the entry's closing delimiter. */
  readonly end: number;
  readonly fields: ReadonlyMap<string, BibField>;
  /** The entry's source text, `@` to the closing delimiter, for "copy BibTeX". */
  readonly source: string;
}

export interface BibFile {
  /** The file's name as shown in diagnostics. */
  readonly file: string;
  readonly text: string;
  readonly lineIndex: LineIndex;
  readonly entries: readonly BibEntry[];
  /**
   * `@string` macros known at the end of the file (lowercased names): those given to the reader (defined
   * by the files read before, in a publications section) and those the file defines. Pass them on to
   * the next file: `readBibtex(text, file, { macros: previous.strings })`.
   */
  readonly strings: ReadonlyMap<string, string>;
  readonly preambles: readonly string[];
  readonly diagnostics: readonly Diagnostic[];
}

/** Source offset of offset `valueOffset` inside a field's value. */
export function sourceOffsetOf(field: BibField, valueOffset: number): number {
  const segments = field.segments;
  let low = 0;
  let high = segments.length - 1;
  if (high < 0) return field.valueOffset;
  while (low < high) {
    const mid = (low + high + 1) >> 1;
    if ((segments[mid] as BibSegment).valueOffset <= valueOffset) low = mid;
    else high = mid - 1;
  }
  const segment = segments[low] as BibSegment;
  if (!segment.exact) return segment.sourceOffset;
  return segment.sourceOffset + Math.max(0, Math.min(valueOffset - segment.valueOffset, segment.length));
}
