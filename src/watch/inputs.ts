/** The files a build read, which watch mode watches: YAML files, .bib files, a theme file, image folders. */
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Cv } from '../model/cv.js';

/**
 * The inputs a build names, present or not: watch mode waits for a deleted `cv.yaml` or `.bib` to come back
 * (a save that deletes and recreates the file).
 */
export function buildInputPaths(yamlFiles: readonly string[], cv: Cv | undefined): string[] {
  const inputs = new Set(yamlFiles.map((f) => path.resolve(f)));
  if (cv !== undefined) {
    for (const section of cv.sections.values()) {
      if (section.type !== 'publications') continue;
      for (const list of section.lists) {
        for (const bib of list.sourcePaths ?? []) inputs.add(path.resolve(cv.baseDir, bib));
        for (const group of list.groups)
          for (const p of group.publications)
            if (p.image) inputs.add(path.dirname(path.resolve(cv.baseDir, p.image)));
      }
    }
    if (cv.print.theme.kind === 'file') inputs.add(cv.print.theme.file);
  }
  // Inputs inside the output folder (`--out .`) are watched too: the overwrite guard keeps outputs off every
  // input file, and watch mode ignores the events of the files it writes itself.
  return [...inputs].sort();
}

/**
 * The folders to watch for these inputs: an input folder (images) itself, the folder holding an input file.
 * A watch on the file itself ends when the file is deleted, and a file created again in its place is a new
 * file that nobody watches: the folder's watch sees it come back. Events are filtered by `isInputEvent`.
 */
export function watchedFolders(inputs: Iterable<string>): string[] {
  const folders = new Set<string>();
  for (const input of inputs) {
    const folder = isFolder(input) ? input : path.dirname(input);
    if (existsSync(folder)) folders.add(folder);
  }
  return [...folders].sort();
}

/** Whether a change at `file` concerns one of the inputs: the input itself, or a file in an input folder. */
export function isInputEvent(inputs: ReadonlySet<string>, file: string): boolean {
  return inputs.has(file) || inputs.has(path.dirname(file));
}

function isFolder(file: string): boolean {
  try {
    return statSync(file).isDirectory();
  } catch {
    return false;
  }
}
