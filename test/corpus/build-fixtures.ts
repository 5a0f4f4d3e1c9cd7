/** Builds the example and the compatibility corpus into temporary folders, as a user would. */
import { cpSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { inlineToText } from '../../src/inline/to-text.js';
import type { Cv, Publication } from '../../src/model/cv.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { type CliRun, runCli } from '../helpers/run-cli.js';
import { CORPUS_DIR, REPO_DIR } from '../helpers/temp-dir.js';

export { CORPUS_DIR };

/** A copy of the corpus with the committed enrichment cache, so it builds offline with a warm cache. */
export function copyCorpus(dir: string): string {
  cpSync(CORPUS_DIR, dir, { recursive: true });
  cpSync(path.join(REPO_DIR, 'test/fixtures/corpus-cache'), path.join(dir, '.vita-cache'), {
    recursive: true,
  });
  return path.join(dir, 'cv.yaml');
}

export function copyExample(dir: string): string {
  cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
  return path.join(dir, 'cv.yaml');
}

export async function buildAll(yaml: string, out: string, extra: readonly string[] = []): Promise<CliRun> {
  return runCli(['build', yaml, '--out', out, '--offline', '--date', '2026-11-25', '-q', ...extra], {
    cwd: path.dirname(yaml),
  });
}

export function publicationsOf(cv: Cv): Publication[] {
  return [...cv.sections.values()].flatMap((s) =>
    s.type === 'publications' ? s.lists.flatMap((l) => l.groups.flatMap((g) => g.publications)) : [],
  );
}

export function loadModel(yaml: string): Cv {
  const { cv, diagnostics } = loadCv([yaml]);
  if (!cv) throw new Error(diagnostics.map((d) => d.message).join('\n'));
  return cv;
}

/** Letters and digits only, lowercased: compares text across PDF line breaks and hyphenation. */
export const squash = (s: string) =>
  s
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, '');

export const titleText = (p: Publication) => inlineToText(p.title);

export function readOut(out: string, file: string): Buffer {
  return readFileSync(path.join(out, file));
}

/** Section titles of a layout as plain text (headings shown in print). */
export function printTitles(cv: Cv): string[] {
  return cv.layouts.print.flatMap((e) => (e.kind === 'section' && e.title ? [inlineToText(e.title)] : []));
}
