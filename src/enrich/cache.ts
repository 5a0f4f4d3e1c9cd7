/**
 * The enrichment cache: one JSON file per service in the cache folder, each value stamped with the time it
 * was fetched. Files are written atomically (util/atomic-write.ts). A file that cannot be read in full
 * (not valid JSON, another format version, the wrong shape, malformed entries, no read permission) is
 * never replaced by less: it is left untouched unless something new is to be written, and then it is
 * first moved aside (`github.json.corrupt-<time>`) with a warning naming both paths. A build that
 * fetched nothing (`--offline`, or an all-fresh cache) writes nothing.
 */
import { existsSync, renameSync } from 'node:fs';
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
  /** True once a value was set: only then does `save` write. */
  private dirty = false;
  /** True when the file on disk holds something this cache did not load: it is moved aside before a write. */
  private damaged: boolean;

  private constructor(path: string, entries: Map<string, CacheEntry<V>>, damaged: boolean) {
    this.path = path;
    this.entries = entries;
    this.damaged = damaged;
  }

  /**
   * Reads `dir/fileName`. A missing file is an empty cache; an unreadable, corrupt or wrongly shaped one is
   * an empty (or partly kept) cache plus a warning. The file itself stays as it is; the first `save` that
   * has new values to write moves it aside first.
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
            message: `could not read the cache file ${path} (${code ?? String(error)}); it is kept, and values are fetched afresh`,
          }),
        );
      }
      // A folder standing at the path is never moved: writing over it fails with a warning instead.
      const damaged = code !== undefined && code !== 'ENOENT' && code !== 'ENOTDIR' && code !== 'EISDIR';
      return new JsonCache<V>(path, new Map(), damaged);
    }
    const corrupt = (why: string): JsonCache<V> => {
      diagnostics.push(
        warning({
          code: 'enrich-cache-corrupt',
          message: `the cache file ${path} is corrupt (${why}); it is ignored and kept`,
          position: { file: path, line: 1, column: 1 },
          hints: [
            'Nothing is lost: before new values are written, the file is moved aside to a name ending in .corrupt-<time>.',
          ],
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
          message: `the cache file ${path} has ${dropped} malformed ${dropped === 1 ? 'entry' : 'entries'}; ${dropped === 1 ? 'it is' : 'they are'} ignored and fetched again`,
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

  /**
   * Writes the file when a value was set since loading; otherwise writes nothing at all. A damaged file is
   * moved aside first (a warning names both paths); if that fails, nothing is written. A failure to write
   * is a warning.
   */
  async save(diagnostics: Diagnostic[]): Promise<void> {
    if (!this.dirty) return;
    if (this.damaged) {
      const aside = asidePath(this.path);
      let moved = false;
      try {
        renameSync(this.path, aside);
        moved = true;
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code !== 'ENOENT') {
          diagnostics.push(
            warning({
              code: 'enrich-cache-write-failed',
              message: `could not move the damaged cache file ${this.path} aside to ${aside} (${code ?? (error as Error).message}); it is kept and the cache is not written`,
            }),
          );
          return;
        }
      }
      this.damaged = false;
      // (Not existsSync: a moved symbolic link may point nowhere now, and it was moved all the same.)
      if (moved) {
        diagnostics.push(
          warning({
            code: 'enrich-cache-moved-aside',
            message: `moved the damaged cache file ${this.path} aside to ${aside}; a new cache file is written in its place`,
            hints: ['Delete the moved file once nothing in it is needed.'],
          }),
        );
      }
    }
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

/** `<path>.corrupt-<UTC time>`, with a counter when that name is taken; no colons, so it is valid on Windows. */
function asidePath(path: string): string {
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  let candidate = `${path}.corrupt-${stamp}`;
  for (let n = 2; existsSync(candidate); n++) candidate = `${path}.corrupt-${stamp}-${n}`;
  return candidate;
}
