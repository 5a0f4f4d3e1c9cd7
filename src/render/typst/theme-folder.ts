/**
 * The files a user theme may read: those in its folder and below that, once every symbolic link is
 * resolved, still lie inside that folder. Typst follows links on disk, so a link `logo.png -> /etc/passwd`
 * beside the theme would let it `read()` any file into the PDF. The folder is scanned before each compile;
 * when it holds a link that leads outside, the theme is compiled in a virtual root holding only the files
 * that stay inside, and each such link is reported.
 */
import { type Dirent, lstatSync, readdirSync, readFileSync, realpathSync, statSync } from 'node:fs';
import path from 'node:path';
import { isWithin } from '../../util/inside-folder.js';

/** Entries looked at before the scan stops (a theme beside a huge tree is then compiled virtually). */
const MAX_ENTRIES = 20_000;
const MAX_DEPTH = 32;
/** Files larger than this are left out of the virtual root (a theme reads logos and helpers, not videos). */
const MAX_FILE_BYTES = 64 * 1024 * 1024;

export interface EscapingLink {
  /** Path relative to the theme's folder, with `/`. */
  readonly relative: string;
  /** Where it leads, or undefined when it cannot be resolved. */
  readonly target: string | undefined;
}

export interface ThemeFolderScan {
  readonly escaping: readonly EscapingLink[];
  /** True when the scan stopped at its limits: the folder could not be checked in full. */
  readonly truncated: boolean;
  /** Every file that stays inside (links resolved), by path relative to the folder, with `/`. */
  readonly files: ReadonlyMap<string, string>;
}

export function scanThemeFolder(folder: string, maxEntries = MAX_ENTRIES): ThemeFolderScan {
  const escaping: EscapingLink[] = [];
  const files = new Map<string, string>();
  let realFolder: string;
  try {
    realFolder = realpathSync(folder);
  } catch {
    return { escaping, truncated: false, files };
  }
  let seen = 0;
  let truncated = false;
  /** `ancestors`: the resolved folders on the way down, so a link back up to one of them is not followed. */
  const walk = (absolute: string, relative: string, depth: number, ancestors: ReadonlySet<string>): void => {
    let entries: Dirent[];
    try {
      entries = readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (++seen > maxEntries || depth > MAX_DEPTH) {
        truncated = true;
        return;
      }
      const childAbsolute = path.join(absolute, entry.name);
      const childRelative = relative === '' ? entry.name : `${relative}/${entry.name}`;
      let real = childAbsolute;
      if (entry.isSymbolicLink()) {
        let target: string | undefined;
        try {
          target = realpathSync(childAbsolute);
        } catch {
          target = undefined;
        }
        if (target === undefined || !isWithin(realFolder, target)) {
          escaping.push({ relative: childRelative, target });
          continue;
        }
        real = target;
      }
      let isDirectory: boolean;
      try {
        isDirectory = (entry.isSymbolicLink() ? statSync(real) : lstatSync(real)).isDirectory();
      } catch {
        continue;
      }
      if (isDirectory) {
        // A link to a folder inside is followed, except back to a folder on the way (it would loop).
        if (ancestors.has(real)) continue;
        walk(real, childRelative, depth + 1, new Set([...ancestors, real]));
      } else {
        files.set(childRelative, real);
      }
    }
  };
  walk(realFolder, '', 0, new Set([realFolder]));
  return { escaping, truncated, files };
}

/** The contents of the scanned files for a virtual root (too large or unreadable ones are left out). */
export function readThemeFiles(scan: ThemeFolderScan): Map<string, Uint8Array> {
  const contents = new Map<string, Uint8Array>();
  for (const [relative, real] of scan.files) {
    try {
      if (statSync(real).size > MAX_FILE_BYTES) continue;
      contents.set(relative, readFileSync(real));
    } catch {
      // Unreadable: the theme gets Typst's own "file not found" if it asks for it.
    }
  }
  return contents;
}
