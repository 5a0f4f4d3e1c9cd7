/** Reads the YAML files named on the command line and resolves them into the `Cv` model. */
import path from 'node:path';
import { type Diagnostic, error } from '../diagnostics/diagnostic.js';
import { MAX_YAML_BYTES } from '../load/limits.js';
import { readTextFile } from '../load/read-text-file.js';
import { YamlSource } from '../load/yaml-source.js';
import type { Cv } from '../model/cv.js';
import { MergedYaml, resolveCv } from '../resolve/resolve-cv.js';

export interface LoadOptions {
  readonly lenient?: boolean | undefined;
  /** Folders besides those of the YAML files that the build may read (`--allow-read`). */
  readonly allowRead?: readonly string[] | undefined;
}

export interface LoadResult {
  readonly cv?: Cv | undefined;
  readonly diagnostics: readonly Diagnostic[];
  /** Text of every file read, by display name: for code frames and for watch mode. */
  readonly sources: ReadonlyMap<string, string>;
}

export function displayPath(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : file;
}

/** One YAML file read and parsed: its text (when it could be read), its source, and its problems. */
export interface ReadYamlResult {
  readonly text?: string | undefined;
  readonly source?: YamlSource | undefined;
  readonly diagnostics: readonly Diagnostic[];
}

/** Reads one YAML file: strict UTF-8, not empty, valid YAML, aliases within bounds. */
export function readYamlFile(file: string): ReadYamlResult {
  const shown = displayPath(file);
  const read = readTextFile(file, shown, undefined, MAX_YAML_BYTES);
  if (!read.ok) return { diagnostics: [read.diagnostic] };
  if (read.text.trim() === '') {
    return {
      text: read.text,
      diagnostics: [
        error({
          code: 'empty-file',
          message: `\`${shown}\` is empty`,
          position: { file: shown, line: 1, column: 1 },
          hints: ['start from `vita init`, or copy examples/seed/cv.yaml'],
        }),
      ],
    };
  }
  // Parsing also converts the document to data, reporting aliases and merge keys that expand too far.
  const { source, diagnostics } = YamlSource.parse(shown, read.text);
  return { text: read.text, source, diagnostics };
}

/**
 * Several files merge in order, later files winning at the top level (the `cv.hidden.yaml` overlay).
 * `readFile` reads one file; watch mode passes one that keeps unchanged files parsed.
 */
export function loadCv(
  files: readonly string[],
  options: LoadOptions = {},
  readFile: (file: string) => ReadYamlResult = readYamlFile,
): LoadResult {
  const diagnostics: Diagnostic[] = [];
  const texts = new Map<string, string>();
  const parsed: YamlSource[] = [];
  if (files.length === 0) {
    diagnostics.push(error({ code: 'no-input', message: 'no YAML file given' }));
    return { diagnostics, sources: texts };
  }
  for (const file of files) {
    const read = readFile(file);
    diagnostics.push(...read.diagnostics);
    if (read.text !== undefined) texts.set(displayPath(file), read.text);
    if (read.source) parsed.push(read.source);
  }
  if (diagnostics.some((d) => d.severity === 'error') || parsed.length === 0)
    return { diagnostics, sources: texts };
  const result = resolveCv(new MergedYaml(parsed), {
    lenient: options.lenient,
    allowRead: options.allowRead,
    onFileRead: (shown, text) => texts.set(shown, text),
  });
  diagnostics.push(...result.diagnostics);
  return { cv: result.cv, diagnostics, sources: texts };
}
