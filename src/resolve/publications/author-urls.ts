/**
 * Co-author links and the owner, matched as the original matched them: a key of `author_urls` (or an
 * owner name) matches an author when it occurs anywhere in the author's "First Last" text.
 */

export type AuthorUrlMatch =
  | { readonly kind: 'none' }
  | { readonly kind: 'one'; readonly key: string; readonly url: string }
  | { readonly kind: 'many'; readonly keys: readonly string[] };

const NONE: AuthorUrlMatch = { kind: 'none' };

/**
 * Substring lookup of many keys in many names. Keys are bucketed by their first two characters, so a
 * name is checked only against keys that could start at each of its positions: the cost per name is
 * its length times a small bucket, not the number of keys. Results are cached per name.
 */
export class AuthorUrlIndex {
  private readonly buckets = new Map<string, number[]>();
  private readonly shortKeys: number[] = [];
  private readonly keys: string[] = [];
  private readonly urls: string[] = [];
  private readonly cache = new Map<string, AuthorUrlMatch>();

  constructor(authorUrls: Readonly<Record<string, string>>) {
    for (const [rawKey, url] of Object.entries(authorUrls)) {
      const key = rawKey.normalize('NFC');
      if (key.trim() === '') continue; // would match everyone
      const index = this.keys.length;
      this.keys.push(key);
      this.urls.push(url);
      if (key.length < 2) {
        this.shortKeys.push(index);
      } else {
        const head = key.slice(0, 2);
        const bucket = this.buckets.get(head);
        if (bucket) bucket.push(index);
        else this.buckets.set(head, [index]);
      }
    }
  }

  get size(): number {
    return this.keys.length;
  }

  /** The keys occurring in `name` ("First Last", plain text). */
  match(name: string): AuthorUrlMatch {
    if (this.keys.length === 0) return NONE;
    const cached = this.cache.get(name);
    if (cached) return cached;
    const found = new Set<number>();
    for (const index of this.shortKeys) if (name.includes(this.keys[index] as string)) found.add(index);
    for (let p = 0; p + 1 < name.length; p++) {
      const bucket = this.buckets.get(name.slice(p, p + 2));
      if (!bucket) continue;
      for (const index of bucket) if (name.startsWith(this.keys[index] as string, p)) found.add(index);
    }
    const sorted = [...found].sort((a, b) => a - b);
    let result: AuthorUrlMatch;
    if (sorted.length === 0) result = NONE;
    else if (sorted.length === 1) {
      const index = sorted[0] as number;
      result = { kind: 'one', key: this.keys[index] as string, url: this.urls[index] as string };
    } else result = { kind: 'many', keys: sorted.map((i) => this.keys[i] as string) };
    this.cache.set(name, result);
    return result;
  }
}

/** The owner test of the original: one of the owner's names occurs in the author's "First Last". */
export function isOwnerName(name: string, ownerNames: readonly string[]): boolean {
  for (const owner of ownerNames) if (owner !== '' && name.includes(owner)) return true;
  return false;
}
