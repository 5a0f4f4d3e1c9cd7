/** The files a build read, which watch mode watches: YAML files, .bib files, a theme file, image folders. */
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Cv } from '../model/cv.js';

export function buildInputs(yamlFiles: readonly string[], cv: Cv | undefined, outDir: string): string[] {
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
  // Never the output folder: writing it would trigger the next build.
  const out = path.resolve(outDir);
  return [...inputs].filter((f) => f !== out && !f.startsWith(out + path.sep) && existsSync(f)).sort();
}
