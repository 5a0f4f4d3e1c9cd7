/** Golden files: a test's output compared with a file kept in test/fixtures; `VITA_UPDATE_GOLDENS=1` rewrites it. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';

export const UPDATE_GOLDENS = process.env.VITA_UPDATE_GOLDENS === '1';

/** Expects `actual` to equal the golden file (written first when updating). */
export function expectGolden(file: string, actual: string): void {
  if (UPDATE_GOLDENS) {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, actual);
  }
  expect(existsSync(file), `golden file missing: run with VITA_UPDATE_GOLDENS=1 (${file})`).toBe(true);
  expect(actual).toBe(readFileSync(file, 'utf8'));
}
