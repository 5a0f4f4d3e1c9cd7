/**
 * The folders a build may read: those of the YAML files, and the ones the command line names
 * (`--allow-read`). A file named by the YAML (a `.bib`, the theme) must lie inside one of them once every
 * link and `..` is resolved, so a CV, or a link in its folder, cannot pull another file of the machine into
 * the published output.
 */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, error, type SourcePosition } from '../diagnostics/diagnostic.js';
import { resolveInside } from '../util/inside-folder.js';

export class ReadableFolders {
  private readonly folders: readonly string[];

  constructor(yamlFiles: readonly string[], allowed: readonly string[] = []) {
    const folders = [
      ...yamlFiles.map((f) => path.dirname(path.resolve(f))),
      ...allowed.map((f) => path.resolve(f)),
    ];
    this.folders = [...new Set(folders)];
  }

  /**
   * An `input-outside-folder` error when `file` exists and lies outside every readable folder; undefined
   * otherwise (a missing file is left to the reader, which says it is missing).
   */
  check(file: string, shown: string, referencedAt: SourcePosition | undefined): Diagnostic | undefined {
    try {
      lstatSync(file);
    } catch {
      return undefined;
    }
    if (this.folders.some((folder) => resolveInside(folder, file).inside)) return undefined;
    const first = this.folders[0] as string;
    return error({
      code: 'input-outside-folder',
      message: `\`${shown}\` is outside the CV's folder \`${first}\`${this.folders.length > 1 ? ' and the other readable folders' : ''}; it was not read`,
      position: referencedAt,
      hints: [
        'move the file into the CV folder, or allow its folder on the command line: --allow-read <folder>',
      ],
    });
  }
}
