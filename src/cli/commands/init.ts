/** `vita init [DIR]`: a new CV repository (cv.yaml, publications.bib, workflow, ...); never overwrites. */
import path from 'node:path';
import { initProject } from '../../init/init.js';
import { isKnownLocale, KNOWN_LANGUAGES } from '../../locale/locale.js';
import { displayPath } from '../../pipeline/load-cv.js';
import type { Io } from '../report.js';
import { UsageError } from '../usage-error.js';

export function runInit(io: Io, dir: string | undefined, version: string, locale?: string): number {
  if (locale !== undefined && !isKnownLocale(locale)) {
    throw new UsageError(
      `--locale: vita has no labels for \`${locale}\``,
      `languages: ${KNOWN_LANGUAGES.join(', ')} (with any region: de-CH, pt-BR)`,
    );
  }
  const target = path.resolve(io.cwd, dir ?? '.');
  const result = initProject(target, { version, locale });
  if (!result.ok) {
    io.stderr.write(
      `vita: error: not overwriting ${result.existing.length === 1 ? 'a file that exists' : 'files that exist'}: ${result.existing.map((f) => displayPath(f)).join(', ')}\n`,
    );
    io.stderr.write('  hint: nothing was written; run `vita init` in a new folder (`vita init my-cv`)\n');
    return 1;
  }
  io.stdout.write(`wrote ${result.written.map((f) => displayPath(f)).join(', ')}\n`);
  const cd = target === path.resolve(io.cwd) ? '' : `cd ${displayPath(target)} && `;
  io.stdout.write(`next: ${cd}vita watch    (then edit cv.yaml)\n`);
  return 0;
}
