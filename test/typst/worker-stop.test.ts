/**
 * The Typst worker thread ending while a compile waits for it (out of memory, an exception outside a
 * compile, terminated): the compile fails at once with its own message, not "could not be loaded"; the next
 * compile starts a new worker if the old one had worked, else it runs in this thread. Before, an ended worker left its compiles waiting forever, and watch
 * mode never built again. The worker script exists only in the compiled tree, so this runs on `dist/`
 * (`npm test` builds it first).
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { REPO_DIR } from '../helpers/temp-dir.js';

const DIST = path.join(REPO_DIR, 'dist');
const built = existsSync(path.join(DIST, 'render/typst/typst-worker.js'));

type CompilerModule = typeof import('../../src/render/typst/compiler.js');
type TypstModule = typeof import('../../src/render/typst/index.js');
type ApiModule = typeof import('../../src/index.js');

const load = async <T>(file: string): Promise<T> =>
  (await import(pathToFileURL(path.join(DIST, file)).href)) as T;

const input = {
  root: '/vita-worker-stop-test',
  files: new Map([['main.typ', 'Hello from the worker.']]),
  main: 'main.typ',
  creationTimestamp: 0,
};

describe.skipIf(!built)('the Typst worker thread stops', () => {
  afterAll(async () => {
    if (built) await (await load<CompilerModule>('render/typst/compiler.js')).stopTypstWorker();
  });

  it('fails the waiting compile with TypstWorkerStopped, and the next compile starts a new worker', async () => {
    const compiler = await load<CompilerModule>('render/typst/compiler.js');
    expect(compiler.startTypstWorker(input.root)).toBe(true);
    const first = await compiler.compileTypstAsync(input);
    expect(first.messages).toEqual([]);
    // A compile that takes a while (a loop of two million steps: ~0.9 s here), and the worker ends meanwhile.
    const slow = {
      ...input,
      files: new Map([['main.typ', '#let n = 0\n#for i in range(2000000) { n += i }\n#n']]),
    };
    const waiting = compiler.compileTypstAsync(slow);
    await compiler.stopTypstWorker();
    await expect(waiting).rejects.toBeInstanceOf(compiler.TypstWorkerStopped);
    await expect(waiting).rejects.toThrow(/the Typst worker thread stopped \(exit code \d+\)/);
    expect(compiler.typstWorkerRunning()).toBe(false);

    // It had worked: the next compile runs on a new worker.
    const again = await compiler.compileTypstAsync(input);
    expect(compiler.typstWorkerRunning()).toBe(true);
    expect(again.messages).toEqual([]);
    expect(
      Buffer.from(again.pdf ?? [])
        .subarray(0, 5)
        .toString('latin1'),
    ).toBe('%PDF-');
  }, 60_000);

  it('reports typst-worker-stopped for the PDF target, not typst-unavailable, and builds on the next try', async () => {
    const api = await load<ApiModule>('index.js');
    const typst = await load<TypstModule>('render/typst/index.js');
    const compiler = await load<CompilerModule>('render/typst/compiler.js');
    const { cv } = api.loadCv([path.join(REPO_DIR, 'examples/seed/cv.yaml')], {});
    if (!cv) throw new Error('the seed CV did not load');
    const now = new Date('2026-01-01T00:00:00Z');

    await compiler.stopTypstWorker();
    expect(typst.prewarmTypst()).toBe(true);
    const pending = typst.compileTypstPdfAsync(cv, { now });
    await compiler.stopTypstWorker();
    const stopped = await pending;
    expect(stopped.pdf).toBeUndefined();
    const codes = stopped.diagnostics.map((d) => d.code);
    expect(codes).toContain('typst-worker-stopped');
    expect(codes).not.toContain('typst-unavailable');
    const diagnostic = stopped.diagnostics.find((d) => d.code === 'typst-worker-stopped');
    expect(diagnostic?.severity).toBe('error');
    expect(diagnostic?.message).toMatch(/stopped before the PDF was typeset/);

    // That worker never answered (it ended while it started): the next PDF is typeset in this thread.
    const rebuilt = await typst.compileTypstPdfAsync(cv, { now });
    expect(rebuilt.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(rebuilt.pdf).toBeDefined();
    expect(compiler.typstWorkerRunning()).toBe(false);
  }, 60_000);
});
