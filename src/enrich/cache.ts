/**
 * The enrichment cache: one JSON file per service in the cache folder, each value stamped with the time it
 * was fetched. Files are written atomically (util/atomic-write.ts); a file that is not
 * valid JSON or has the wrong shape is reported and rebuilt, never left as it was.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { type Diagnostic, warning } from '../diagnostics/diagnostic.js';
import { writeFileAtomically } from '../util/atomic-write.js';
import { isRecord } from './http.js';

export const CACHE_FORMAT_VERSION = 1;

export interface CacheEntry<V> {
  /** ISO 8601 time of the fetch. */
  readonly fetchedAt: string;
  readonly value: V;
}

interface CacheFileContent<V> {
  readonly version: number;
  readonly entries: Record<string, CacheEntry<V>>;
}

export class JsonCache<V> {
  readonly path: string;
  private readonly entries: Map<string, CacheEntry<V>>;
  private dirty: boolean;

  private constructor(path: string, entries: Map<string, CacheEntry<V>>, dirty: boolean) {
    this.path = path;
    this.entries = entries;
    this.dirty = dirty;
  }

  /**
   * Reads `dir/fileName`. A missing file is an empty cache; an unreadable, corrupt or wrongly shaped one is
   * an empty (or partly kept) cache plus a warning, and is rewritten by the next `save`.
   */
  static async open<V>(
    dir: string,
    fileName: string,
    isValue: (value: unknown) => value is V,
    diagnostics: Diagnostic[],
  ): Promise<JsonCache<V>> {
    const path = join(dir, fileName);
    let text: string;
    try {
      text = await readFile(path, 'utf8');
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      // ENOTDIR: a file stands where the folder should be; saving reports that.
      if (code !== 'ENOENT' && code !== 'ENOTDIR') {
        diagnostics.push(
          warning({
            code: 'enrich-cache-unreadable',
            message: `could not read the cache file ${path} (${code ?? String(error)}); fetching afresh`,
          }),
        );
      }
      return new JsonCache<V>(path, new Map(), false);
    }
    const corrupt = (why: string): JsonCache<V> => {
      diagnostics.push(
        warning({
          code: 'enrich-cache-corrupt',
          message: `the cache file ${path} is corrupt (${why}); it is rebuilt`,
          position: { file: path, line: 1, column: 1 },
          hints: ['Nothing to do: the file is rewritten with freshly fetched values.'],
        }),
      );
      return new JsonCache<V>(path, new Map(), true);
    };
    let parsed: unknown;
    try {
      parsed = JSON.parse(text) as unknown;
    } catch (error) {
      return corrupt(`not valid JSON: ${(error as Error).message}`);
    }
    if (!isRecord(parsed) || !isRecord(parsed.entries)) return corrupt('no "entries" object');
    if (parsed.version !== CACHE_FORMAT_VERSION) {
      return corrupt(`format version ${JSON.stringify(parsed.version)}, expected ${CACHE_FORMAT_VERSION}`);
    }
    const entries = new Map<string, CacheEntry<V>>();
    let dropped = 0;
    for (const [key, entry] of Object.entries(parsed.entries)) {
      if (
        isRecord(entry) &&
        typeof entry.fetchedAt === 'string' &&
        !Number.isNaN(Date.parse(entry.fetchedAt)) &&
        isValue(entry.value)
      ) {
        entries.set(key, { fetchedAt: entry.fetchedAt, value: entry.value });
      } else {
        dropped++;
      }
    }
    if (dropped > 0) {
      diagnostics.push(
        warning({
          code: 'enrich-cache-corrupt',
          message: `the cache file ${path} had ${dropped} malformed ${dropped === 1 ? 'entry' : 'entries'}; ${dropped === 1 ? 'it is' : 'they are'} dropped and fetched again`,
          position: { file: path, line: 1, column: 1 },
        }),
      );
    }
    return new JsonCache<V>(path, entries, dropped > 0);
  }

  get(key: string): CacheEntry<V> | undefined {
    return this.entries.get(key);
  }

  set(key: string, value: V, fetchedAtMs: number): void {
    this.entries.set(key, { fetchedAt: new Date(fetchedAtMs).toISOString(), value });
    this.dirty = true;
  }

  /** True when the entry is younger than `ttlMs` (an entry from the future counts as fresh). */
  static isFresh(entry: CacheEntry<unknown>, nowMs: number, ttlMs: number): boolean {
    return nowMs - Date.parse(entry.fetchedAt) < ttlMs;
  }

  /** Writes the file when something changed; a failure to write is a warning. */
  async save(diagnostics: Diagnostic[]): Promise<void> {
    if (!this.dirty) return;
    const sorted = [...this.entries.keys()].sort();
    const content: CacheFileContent<V> = {
      version: CACHE_FORMAT_VERSION,
      entries: Object.fromEntries(sorted.map((key) => [key, this.entries.get(key) as CacheEntry<V>])),
    };
    try {
      writeFileAtomically(this.path, `${JSON.stringify(content, null, 2)}\n`);
      this.dirty = false;
    } catch (error) {
      diagnostics.push(
        warning({
          code: 'enrich-cache-write-failed',
          message: `could not write the cache file ${this.path} (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}); the next build fetches again`,
        }),
      );
    }
  }
}
