/**
 * Writes the rendered files so that nothing is ever half-written: every file goes to a temporary name in
 * its final folder first, and only when all of them are written are they renamed into place.
 */
import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { OutputFile } from '../render/target.js';

export function writeOutputs(outDir: string, files: readonly OutputFile[]): string[] {
  const staged: { temp: string; final: string }[] = [];
  const suffix = `.vita-tmp-${process.pid}-${Date.now().toString(36)}`;
  try {
    for (const file of files) {
      const final = resolveInside(outDir, file.path);
      mkdirSync(path.dirname(final), { recursive: true });
      const temp = `${final}${suffix}`;
      writeFileSync(temp, file.contents);
      staged.push({ temp, final });
    }
  } catch (cause) {
    for (const s of staged) rmSync(s.temp, { force: true });
    throw cause;
  }
  for (const s of staged) renameSync(s.temp, s.final);
  return staged.map((s) => s.final);
}

/** Output paths come from renderers; refuse any that would land outside the output folder. */
export function resolveInside(outDir: string, relative: string): string {
  const root = path.resolve(outDir);
  const final = path.resolve(root, relative);
  if (final !== root && !final.startsWith(root + path.sep)) {
    throw new Error(`refusing to write outside the output folder: ${relative}`);
  }
  return final;
}
