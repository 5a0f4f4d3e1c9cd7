/**
 * The pipeline's boundary: an exception thrown by any stage becomes one `internal` diagnostic naming the
 * stage; `renderCv` and `build` never throw. The stages are made to throw through the options a caller can
 * pass (a loader) and through a model that breaks a renderer.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { internalError } from '../../src/pipeline/boundary.js';
import { build, renderCv } from '../../src/pipeline/build.js';
import { loadCv } from '../../src/pipeline/load-cv.js';
import { useTempDirs } from '../helpers/temp-dir.js';
import { TEST_CV_YAML } from '../helpers/test-cv.js';

const tempDir = useTempDirs();
const now = new Date('2024-01-01T00:00:00Z');

afterEach(() => vi.unstubAllEnvs());

describe('the crash-proof boundary', () => {
  it('a loader that throws: an internal error naming the load stage, nothing rendered', async () => {
    const overflow = () => {
      const down = (n: number): number => down(n + 1) + 1;
      return down(0) as never;
    };
    vi.stubEnv('VITA_DEBUG', '');
    const result = await build({
      files: ['cv.yaml'],
      outDir: tempDir(),
      targets: ['md'],
      now,
      load: overflow,
    });
    expect(result.blocked).toBe(true);
    expect(result.written).toEqual([]);
    expect(result.diagnostics).toHaveLength(1);
    expect(result.diagnostics[0]).toMatchObject({ code: 'internal', severity: 'error' });
    expect(result.diagnostics[0]?.message).toMatch(
      /^the load stage failed: Maximum call stack size exceeded/,
    );
  });

  it('a renderer that throws on a broken model: an internal error naming the target', async () => {
    vi.stubEnv('VITA_DEBUG', '');
    const broken = (files: readonly string[]) => {
      const loaded = loadCv(files);
      // A section list the renderers cannot read: what a bug in the resolver would hand them.
      return { ...loaded, cv: { ...loaded.cv, sections: null } as never };
    };
    const result = await renderCv({
      files: [TEST_CV_YAML],
      outDir: tempDir(),
      targets: ['md', 'json'],
      now,
      load: broken,
    });
    const internal = result.diagnostics.filter((d) => d.code === 'internal');
    expect(internal.length).toBeGreaterThan(0);
    // Each stage that read the model failed on its own: both targets and the copy of publication images.
    expect(internal.map((d) => d.message.split(' failed:')[0])).toEqual([
      'the md target',
      'the json target',
      'the publication images stage',
    ]);
    expect(result.blocked).toBe(true);
  });

  it('VITA_DEBUG lets the exception through, for debugging', async () => {
    vi.stubEnv('VITA_DEBUG', '1');
    const load = () => {
      throw new Error('boom');
    };
    await expect(renderCv({ files: ['x'], outDir: tempDir(), targets: ['md'], now, load })).rejects.toThrow(
      'boom',
    );
  });

  it('the message names the stage, starts lower-case and cuts a huge exception message', () => {
    const d = internalError('write', new Error('x'.repeat(10_000)));
    expect(d.message.startsWith('the write stage failed: x')).toBe(true);
    expect(d.message.length).toBeLessThan(600);
    expect(internalError('the pdf target', 'text').message).toBe('the pdf target failed: text');
  });
});
