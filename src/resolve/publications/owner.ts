/**
 * Finding the CV's owner among an entry's authors, in the forms papers print a name: `Smith, J.`,
 * `J. Smith`, `J.~Smith`, `John Q. Smith`, `John Smith`, `Schr{\"o}dinger` = `Schrödinger`,
 * `Jean-Paul` = `J.-P.`, any case.
 *
 * A name of the owner (the person's name, a `name:` of the section, an `aliases:` entry) is split into
 * given names and a last name; an author is the owner when the last names are equal and the first given
 * name agrees: the same word, or an initial of it. Further given names (middle names, middle initials)
 * may be there or not. Comparison folds accents, case, dots, hyphens and non-breaking spaces.
 */

export interface OwnerName {
  /** Folded given names, in order (`['jean', 'paul']`); empty when only the last name is known. */
  readonly given: readonly string[];
  /** Folded last name, words joined by one space (`'van der berg'`). */
  readonly last: string;
}

const NON_ASCII = /[\u0080-\uffff]/;

/** Accents, case, dots, hyphens, apostrophes and odd spaces folded; words joined by one space. */
export function foldName(text: string): string {
  // Most names are ASCII: no accents to take off, and NFD would only copy the string.
  const bare = NON_ASCII.test(text) ? text.normalize('NFD').replace(/\p{M}/gu, '') : text;
  return bare
    .toLowerCase()
    .replace(/[.\-‐‑–~\u00a0\s]+/g, ' ')
    .replace(/['’]/g, '')
    .trim();
}

/**
 * An owner name written by the user: `First Middle Last`, `Last, First`, or one word (a last name only).
 * Undefined for an empty name.
 */
export function parseOwnerName(name: string): OwnerName | undefined {
  const comma = name.indexOf(',');
  if (comma >= 0) {
    const last = foldName(name.slice(0, comma));
    const given = foldName(name.slice(comma + 1));
    if (last === '') return undefined;
    return { last, given: given === '' ? [] : given.split(' ') };
  }
  const words = foldName(name).split(' ').filter(Boolean);
  const last = words.pop();
  if (last === undefined) return undefined;
  return { last, given: words };
}

/** An owner from the person's name parts (`name: {first, middle, last}`), which knows its last name. */
export function ownerFromParts(given: string, last: string): OwnerName | undefined {
  const l = foldName(last);
  if (l === '') return undefined;
  const g = foldName(given);
  return { last: l, given: g === '' ? [] : g.split(' ') };
}

/** Does one given name of a paper agree with the owner's: the same word, or its initial? */
function givenAgrees(written: string, owner: string): boolean {
  if (written === owner) return true;
  return written.length === 1 && owner.startsWith(written);
}

/**
 * Is the author (display name "First von Last, Jr", plain text) one of `owners`? The author's words end
 * with the owner's last name; the words before it are the given names, the first of which must agree
 * with the owner's first given name (when both have one).
 */
export function isOwnerAuthor(display: string, owners: readonly OwnerName[]): boolean {
  if (owners.length === 0) return false;
  const name = foldName(display.replace(/,\s*(jr|sr|ii|iii|iv)\.?\s*$/i, ''));
  for (const owner of owners) {
    if (name === owner.last) {
      if (owner.given.length === 0) return true;
      continue;
    }
    if (!name.endsWith(` ${owner.last}`)) continue;
    const given = name.slice(0, name.length - owner.last.length - 1).split(' ');
    const first = owner.given[0];
    if (first === undefined) return true;
    if (givenAgrees(given[0] as string, first)) {
      // `J.-P.` against `Jean-Paul`, `John Q.` against `John Quincy`: later words agree in order when
      // they are initials of the owner's later given names; other middle names are allowed.
      if (matchesInOrder(given.slice(1), owner.given.slice(1))) return true;
    }
  }
  return false;
}

/** Every initial among `written` agrees with an owner's given name, in order; full words may be extra. */
function matchesInOrder(written: readonly string[], owner: readonly string[]): boolean {
  let j = 0;
  for (const word of written) {
    if (word.length > 1) {
      const at = owner.indexOf(word, j);
      if (at >= 0) j = at + 1;
      continue;
    }
    while (j < owner.length && !givenAgrees(word, owner[j] as string)) j++;
    if (j >= owner.length) return owner.length === 0;
    j++;
  }
  return true;
}
