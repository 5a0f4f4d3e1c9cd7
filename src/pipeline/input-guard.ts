/**
 * The overwrite guard: no output may replace a file the build read (the YAML files, every `.bib`, the
 * user's PDF theme, the publication images, the enrichment cache). Paths are compared after resolving
 * links and `..`, so `--out` given through a symlink or as `./x/../` does not get around it.
 */
import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import path from 'node:path';
import type { Cv } from '../model/cv.js';

/** An output that would replace an input. */
export interface Clobber {
  /** The output path, relative to the output folder (as the renderer named it). */
  readonly output: string;
  /** The input it would replace (absolute, as the build read it). */
  readonly input: string;
}

export interface BuildInputs {
  /** The YAML files named on the command line. */
  readonly yamlFiles: readonly string[];
  /** Every other file the loader read (the `sources` map's keys: display paths, relative to the working directory). */
  readonly sources: Iterable<string>;
  readonly cv?: Cv | undefined;
  /** The enrichment cache folder, when enrichment ran: every file in it is protected. */
  readonly cacheDir?: string | undefined;
}

/** The absolute paths of every file the build read (existing or not: a path that does not exist cannot be replaced). */
export function inputFiles(inputs: BuildInputs): string[] {
  const files = new Set<string>();
  for (const file of inputs.yamlFiles) files.add(path.resolve(file));
  for (const shown of inputs.sources) files.add(path.resolve(shown));
  const cv = inputs.cv;
  if (cv) {
    if (cv.print.theme.kind === 'file') files.add(path.resolve(cv.print.theme.file));
    for (const image of publicationImagePaths(cv)) files.add(path.resolve(cv.baseDir, image));
  }
  if (inputs.cacheDir) {
    for (const name of listFiles(inputs.cacheDir)) files.add(path.join(path.resolve(inputs.cacheDir), name));
  }
  return [...files];
}

/** The first output (path relative to `outDir`) that would replace one of `inputs`, or undefined. */
export function findClobber(
  outDir: string,
  outputs: readonly string[],
  inputs: readonly string[],
): Clobber | undefined {
  const byKey = new Map<string, string>();
  for (const input of inputs) for (const key of identities(input)) if (!byKey.has(key)) byKey.set(key, input);
  for (const output of outputs) {
    for (const key of identities(path.resolve(outDir, output))) {
      const input = byKey.get(key);
      if (input !== undefined) return { output, input };
    }
  }
  return undefined;
}

/** True when the two paths name the same file (after links and `..`). */
export function sameFile(a: string, b: string): boolean {
  const keys = new Set(identities(a));
  return identities(b).some((k) => keys.has(k));
}

/**
 * The names under which a path can be replaced: the entry itself (its folder's real path + its name: what
 * a rename replaces) and, when it exists, the file it finally points to (links followed, the platform's
 * own spelling of the name on a case-insensitive disk).
 */
function identities(file: string): string[] {
  const absolute = path.resolve(file);
  const keys = [path.join(realFolder(path.dirname(absolute)), path.basename(absolute))];
  try {
    lstatSync(absolute);
    keys.push(realpathSync.native(absolute));
  } catch {
    // Does not exist (or cannot be reached): only the entry name counts.
  }
  return keys;
}

/** The real path of a folder; for a folder that does not exist yet, its nearest existing ancestor's real path + the rest. */
function realFolder(folder: string): string {
  try {
    return realpathSync.native(folder);
  } catch {
    const parent = path.dirname(folder);
    if (parent === folder) return folder;
    return path.join(realFolder(parent), path.basename(folder));
  }
}

function listFiles(folder: string): string[] {
  try {
    return readdirSync(folder, { withFileTypes: true })
      .filter((e) => !e.isDirectory())
      .map((e) => e.name);
  } catch {
    return [];
  }
}

function publicationImagePaths(cv: Cv): string[] {
  const images: string[] = [];
  for (const section of cv.sections.values()) {
    if (section.type !== 'publications') continue;
    for (const list of section.lists)
      for (const group of list.groups)
        for (const publication of group.publications) if (publication.image) images.push(publication.image);
  }
  return images;
}
