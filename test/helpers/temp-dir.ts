/** Temporary folders for tests, removed after each test file. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll } from 'vitest';

export function useTempDirs(): () => string {
  const made: string[] = [];
  afterAll(() => {
    for (const dir of made) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'vita-test-'));
    made.push(dir);
    return dir;
  };
}

/** The shared reference material beside the repository (absent outside this workplace). */
export const SHARED_DIR = path.resolve(import.meta.dirname, '../../../shared');
export const REPO_DIR = path.resolve(import.meta.dirname, '../..');

/** bamos/cv's CV (MIT), copied into the repository: the compatibility corpus every clone tests against. */
export const CORPUS_DIR = path.join(REPO_DIR, 'test/fixtures/bamos-cv');
/** The original's reference rendering of its example CV (test/fixtures/seed-reference). */
export const SEED_PAGE = path.join(REPO_DIR, 'test/fixtures/seed-reference/seed-cv-page.md');
