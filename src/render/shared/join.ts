/** Lists in running text, as the original joined authors and venues. */

export interface JoinOptions {
  /** The list was cut (`and others` in BibTeX): it ends in `et al.` instead of `and` before the last. */
  readonly truncated: boolean;
  /** The `et al.` text (LaTeX writes `et~al.`). */
  readonly etAl?: string | undefined;
  /** The separators of the CV's language (`locale/listSeparators`); absent: English. */
  readonly separators?: { readonly pair: string; readonly middle: string; readonly last: string } | undefined;
}

const ENGLISH = { pair: ' and ', middle: ', ', last: ', and ' };

/**
 * The pieces of a list in running text, parts and separators in order, for targets whose parts are not
 * plain strings: `A`; `A and B`; `A, B, and C`; truncated, `A et al.` and `A, B, et al.`.
 */
export function joinWithAndPieces<T>(parts: readonly T[], options: JoinOptions): (T | string)[] {
  const pieces: (T | string)[] = [];
  const separators = options.separators ?? ENGLISH;
  parts.forEach((part, i) => {
    if (i > 0) {
      const last = i === parts.length - 1 && !options.truncated;
      pieces.push(last ? (parts.length === 2 ? separators.pair : separators.last) : separators.middle);
    }
    pieces.push(part);
  });
  if (options.truncated) {
    const etAl = options.etAl ?? 'et al.';
    pieces.push(
      parts.length === 0 ? etAl : parts.length === 1 ? ` ${etAl}` : `${separators.middle.trimEnd()} ${etAl}`,
    );
  }
  return pieces;
}

/** `A`, `A and B`, `A, B, and C`; a truncated list: `A et al.`, `A, B, et al.`. */
export function joinWithAnd(parts: readonly string[], options: JoinOptions): string {
  return joinWithAndPieces(parts, options).join('');
}
