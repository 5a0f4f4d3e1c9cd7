/** The refusal to overwrite shared by `vita init` and `vita import`: which of the files already exist. */
import { lstatSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../render/shared/target.js';

/** Absolute paths of the files (relative to `dir`) that exist already, as files, folders or links. */
export function existingPaths(dir: string, files: readonly OutputFile[]): string[] {
  return files
    .map((f) => path.join(dir, f.path))
    .filter((file) => {
      try {
        lstatSync(file);
        return true;
      } catch {
        return false;
      }
    });
}
