/**
 * Watch mode's loader: `loadCv` with the parsed YAML files kept in memory, by path, modification time and
 * size, so a rebuild parses again only the files that changed (an edit to a .bib or to an overlay does
 * not reparse a large cv.yaml). `invalidate` drops a file the watcher saw change.
 */
import { statSync } from 'node:fs';
import {
  type LoadOptions,
  type LoadResult,
  loadCv,
  type ReadYamlResult,
  readYamlFile,
} from '../pipeline/load-cv.js';

interface CachedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly read: ReadYamlResult;
}

export class InputCache {
  private readonly parsed = new Map<string, CachedFile>();

  invalidate(file: string): void {
    this.parsed.delete(file);
  }

  /** Same contract as `loadCv`; only the reading of each file is cached. */
  readonly load = (files: readonly string[], options: LoadOptions): LoadResult =>
    loadCv(files, options, (file) => this.read(file));

  private read(file: string): ReadYamlResult {
    let stat: { mtimeMs: number; size: number } | undefined;
    try {
      stat = statSync(file);
    } catch {
      stat = undefined;
    }
    const cached = this.parsed.get(file);
    if (stat && cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.read;
    const read = readYamlFile(file);
    // A file that could not be read is read again next time, not remembered.
    if (stat && read.text !== undefined)
      this.parsed.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, read });
    return read;
  }
}
