/**
 * Watch mode's loader: `loadCv` with the parsed YAML files kept in memory, by path, modification time and
 * size, so a rebuild parses again only the files that changed (an edit to a .bib or to an overlay does
 * not reparse a large cv.yaml). `invalidate` drops a file the watcher saw change.
 */
import { statSync } from 'node:fs';
import { displayPath, type LoadOptions, type LoadResult } from '../build/load-cv.js';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import { readTextFile } from '../load/read-text-file.js';
import { YamlSource } from '../load/yaml-source.js';
import { MergedYaml, resolveCv } from '../resolve/resolve-cv.js';

interface ParsedFile {
  readonly mtimeMs: number;
  readonly size: number;
  readonly text: string;
  readonly source?: YamlSource | undefined;
  /** Reading and syntax problems of the file. */
  readonly diagnostics: readonly Diagnostic[];
}

export class InputCache {
  private readonly parsed = new Map<string, ParsedFile>();

  invalidate(file: string): void {
    this.parsed.delete(file);
  }

  /** Same contract as `loadCv` (files merged in order, later files winning at the top level). */
  readonly load = (files: readonly string[], options: LoadOptions): LoadResult => {
    const diagnostics: Diagnostic[] = [];
    const texts = new Map<string, string>();
    const sources: YamlSource[] = [];
    if (files.length === 0)
      return { diagnostics: [error({ code: 'no-input', message: 'no YAML file given' })], sources: texts };
    for (const file of files) {
      const parsed = this.parse(file);
      diagnostics.push(...parsed.diagnostics);
      if (parsed.source === undefined) continue;
      texts.set(parsed.source.file, parsed.text);
      sources.push(parsed.source);
    }
    if (diagnostics.some((d) => d.severity === 'error') || sources.length === 0)
      return { diagnostics, sources: texts };
    const result = resolveCv(new MergedYaml(sources), {
      lenient: options.lenient,
      onFileRead: (shown, text) => texts.set(shown, text),
    });
    diagnostics.push(...result.diagnostics);
    return { cv: result.cv, diagnostics, sources: texts };
  };

  private parse(file: string): ParsedFile {
    let stat: { mtimeMs: number; size: number } | undefined;
    try {
      stat = statSync(file);
    } catch {
      stat = undefined;
    }
    const cached = this.parsed.get(file);
    if (stat && cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached;
    const shown = displayPath(file);
    const read = readTextFile(file, shown);
    let parsed: ParsedFile;
    if (!read.ok) {
      parsed = { mtimeMs: -1, size: -1, text: '', diagnostics: [read.diagnostic] };
    } else if (read.text.trim() === '') {
      const empty = error({
        code: 'empty-file',
        message: `\`${shown}\` is empty`,
        position: { file: shown, line: 1, column: 1 },
        hints: ['start from `vita init`, or copy examples/seed/cv.yaml'],
      });
      parsed = {
        mtimeMs: stat?.mtimeMs ?? -1,
        size: stat?.size ?? -1,
        text: read.text,
        diagnostics: [empty],
      };
    } else {
      const { source, diagnostics } = YamlSource.parse(shown, read.text);
      parsed = { mtimeMs: stat?.mtimeMs ?? -1, size: stat?.size ?? -1, text: read.text, source, diagnostics };
    }
    if (stat && read.ok) this.parsed.set(file, parsed);
    return parsed;
  }
}
