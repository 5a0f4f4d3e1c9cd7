/** Small formatting helpers of the HTML target: counts, dates and element ids. */

/** A count with thousands separators, `4,210`, the same on every machine. */
export function formatCount(n: number): string {
  return Math.trunc(n).toLocaleString('en-US');
}

/** The "Last updated on" date: the same text as every other target. */
export { formatLongDate } from '../../util/dates.js';

/** `2025-11-25`, for `<time datetime>`. */
export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A key made into an id fragment: ASCII letters, digits, `_` and `-`; everything else becomes `-`. */
export function idFragment(key: string): string {
  const cleaned = key.replace(/[^A-Za-z0-9_-]/g, '-');
  return cleaned === '' ? 'x' : cleaned;
}

/** Hands out unique element ids: the first claim of a name gets it, later ones get `-2`, `-3`... */
export class IdRegistry {
  private readonly used = new Set<string>();
  /** The last suffix handed out for each name: numbering goes on from there, not from 2 again each time. */
  private readonly lastSuffix = new Map<string, number>();

  claim(id: string): string {
    let candidate = id;
    let n = this.lastSuffix.get(id) ?? 1;
    while (this.used.has(candidate)) candidate = `${id}-${++n}`;
    if (n > 1) this.lastSuffix.set(id, n);
    this.used.add(candidate);
    return candidate;
  }
}
