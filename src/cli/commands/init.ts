/** `vita init [DIR]`: a new CV repository (cv.yaml, publications.bib, workflow, ...); never overwrites. */
import path from 'node:path';
import { initProject } from '../../init/init.js';
import { displayPath } from '../../pipeline/load-cv.js';
import type { Io } from '../report.js';

export function runInit(io: Io, dir: string | undefined, version: string): number {
  const target = path.resolve(io.cwd, dir ?? '.');
  const result = initProject(target, { version });
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
