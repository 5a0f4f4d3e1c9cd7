/**
 * Publication images (`include_image`) are referenced by the web pages with a path relative to the output
 * folder; the build copies them there from the YAML's folder. Renderers stay pure: this is the build's I/O.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { type Diagnostic, warning } from '../diagnostics/diagnostic.js';
import { MAX_IMAGE_BYTES } from '../load/limits.js';
import type { Cv } from '../model/cv.js';
import type { OutputFile } from '../render/shared/target.js';
import { resolveInside } from '../util/inside-folder.js';

export function publicationImages(cv: Cv): { files: OutputFile[]; diagnostics: Diagnostic[] } {
  const files: OutputFile[] = [];
  const diagnostics: Diagnostic[] = [];
  const seen = new Set<string>();
  for (const section of cv.sections.values()) {
    if (section.type !== 'publications') continue;
    for (const publication of section.lists.flatMap((l) => l.groups.flatMap((g) => g.publications))) {
      const image = publication.image;
      if (!image || seen.has(image)) continue;
      seen.add(image);
      const normalized = path.posix.normalize(image.replace(/\\/g, '/'));
      if (normalized.startsWith('../') || path.posix.isAbsolute(normalized)) {
        diagnostics.push(
          warning({
            code: 'image-outside-folder',
            message: `the image of \`${publication.key}\` (\`${image}\`) is outside the CV's folder; it is not copied`,
            position: publication.position,
            hints: ['keep `image_dir` inside the folder of the YAML file'],
          }),
        );
        continue;
      }
      // Checked again here (the resolver refused links already): the file may have become a link since.
      const where = resolveInside(cv.baseDir, path.join(cv.baseDir, normalized));
      if (!where.inside && where.real !== undefined) {
        diagnostics.push(
          warning({
            code: 'image-outside-folder',
            message: `the image of \`${publication.key}\` (\`${image}\`) is a link to ${where.real}, outside the CV's folder; it is not copied`,
            position: publication.position,
            hints: ["copy the image into the CV's folder instead of linking to it"],
          }),
        );
        continue;
      }
      const unreadable = (reason: string) =>
        diagnostics.push(
          warning({
            code: 'image-unreadable',
            message: `cannot read the image of \`${publication.key}\` (\`${image}\`): ${reason}`,
            position: publication.position,
          }),
        );
      try {
        // Only a regular file of a sane size: a FIFO would block the build, a device never ends.
        const stats = statSync(path.join(cv.baseDir, normalized));
        if (!stats.isFile()) unreadable('it is not a regular file');
        else if (stats.size > MAX_IMAGE_BYTES)
          unreadable(`it is larger than ${MAX_IMAGE_BYTES / 1048576} MB, the most vita copies`);
        else files.push({ path: normalized, contents: readFileSync(path.join(cv.baseDir, normalized)) });
      } catch (cause) {
        unreadable((cause as Error).message);
      }
    }
  }
  return { files, diagnostics };
}
