/**
 * `renderCv`'s `onReady` hook (library callers start their own work there): called once with the CV the build renders,
 * and never for a build that stops at its inputs.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Cv } from '../../src/model/cv.js';
import { renderCv } from '../../src/pipeline/build.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { TEST_CV_YAML } from '../helpers/test-cv.js';

const tempDir = useTempDirs();
const now = new Date('2024-01-01T00:00:00Z');

describe('renderCv onReady', () => {
  it('gets the CV the targets render, once', async () => {
    const ready: Cv[] = [];
    const result = await renderCv({
      files: [TEST_CV_YAML],
      outDir: tempDir(),
      targets: ['md', 'json'],
      now,
      onReady: (cv) => ready.push(cv),
    });
    expect(result.blocked).toBe(false);
    expect(ready).toHaveLength(1);
    expect(ready[0]).toBe(result.cv);
    expect(result.files.map((f) => f.path)).toEqual(expect.arrayContaining(['cv.json', 'cv.md']));
  });

  it('is not called when the inputs stop the build', async () => {
    const dir = tempDir();
    const yaml = path.join(dir, 'cv.yaml');
    writeFileSync(yaml, 'name: [broken\n');
    let called = 0;
    const result = await renderCv({
      files: [yaml],
      outDir: path.join(dir, 'out'),
      targets: ['md'],
      now,
      onReady: () => {
        called++;
      },
    });
    expect(result.blocked).toBe(true);
    expect(called).toBe(0);
  });
});
