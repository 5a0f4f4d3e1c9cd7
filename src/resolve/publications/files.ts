/** Where a `file:` of a publications section is: `publications/<file>` beside the YAML, else `<file>`. */
import { isAbsolute, join, relative, sep } from 'node:path';

export interface LocatedFile {
  /** Absolute path to read. */
  readonly path: string;
  /** Relative to the YAML's folder, `/`-separated (`publications/all.bib`); absolute paths stay absolute. */
  readonly relativePath: string;
}

/** The places a `file:` value is looked up, in order (the original looked only in `publications/`). */
export function bibCandidates(name: string, baseDir: string): string[] {
  if (isAbsolute(name)) return [name];
  return [join(baseDir, 'publications', name), join(baseDir, name)];
}

export function locateBibFile(
  name: string,
  baseDir: string,
  fileExists: (path: string) => boolean,
): LocatedFile | undefined {
  for (const path of bibCandidates(name, baseDir)) {
    if (fileExists(path)) return { path, relativePath: relativeTo(baseDir, path) };
  }
  return undefined;
}

export function relativeTo(baseDir: string, path: string): string {
  const rel = relative(baseDir, path);
  return isAbsolute(rel) ? rel : rel.split(sep).join('/');
}

/** A file's name in diagnostics: beside the YAML's displayed path (`examples/seed/publications/all.bib`). */
export function displayPathOf(yamlFile: string, baseDir: string, path: string): string {
  const rel = relativeTo(baseDir, path);
  if (isAbsolute(rel)) return rel;
  const slash = Math.max(yamlFile.lastIndexOf('/'), yamlFile.lastIndexOf('\\'));
  return slash < 0 ? rel : `${yamlFile.slice(0, slash + 1)}${rel}`;
}
