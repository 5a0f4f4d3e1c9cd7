/**
 * Saves that follow each other within a few milliseconds: an editor that saves and then formats on save, a
 * fix typed right after a broken save. The last save is what the output shows, always. (chokidar drops a
 * `change` of a path within 50 ms of the previous one; watch mode must not lose the later save with it.)
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startWatch, type WatchBuild, type WatchHandle } from '../../src/watch/index.js';
import { rawEventFiles } from '../../src/watch/watch.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

const tempDir = useTempDirs();

describe('vita watch: saves in quick succession', () => {
  let dir: string;
  let yaml: string;
  let original: string;
  let handle: WatchHandle;
  const page = () => readFileSync(path.join(dir, 'build', 'cv.md'), 'utf8');
  const withAbout = (word: string) =>
    original.replace('I am a research scientist', `I am a ${word} research scientist`);

  /** Resolves with the first build (from now) whose output shows `word`, or fails after 10 s. */
  const buildShowing = (word: string): Promise<WatchBuild> =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(
        () =>
          reject(
            new Error(
              `no build showed ${word} within 10 s; the page shows ${/I am an? \S+/.exec(page())?.[0]}`,
            ),
          ),
        10_000,
      );
      const wait = () =>
        void handle.nextBuild().then((build) => {
          if (build.ok && page().includes(word)) {
            clearTimeout(timer);
            resolve(build);
          } else wait();
        });
      wait();
    });

  beforeAll(async () => {
    dir = tempDir();
    cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
    yaml = path.join(dir, 'cv.yaml');
    original = readFileSync(yaml, 'utf8');
    handle = await startWatch({
      files: [yaml],
      outDir: path.join(dir, 'build'),
      targets: ['md'],
      now: () => new Date('2024-05-01T00:00:00Z'),
      enrich: { cacheDir: path.join(dir, '.vita-cache'), offline: true, quiet: true },
      port: 0,
    });
  });
  afterAll(async () => {
    await handle?.close();
  });

  it('two saves 20 ms apart (save, then format on save): the second one is built', async () => {
    const shown = buildShowing('SECOND');
    writeFileSync(yaml, withAbout('FIRST'));
    await new Promise((resolve) => setTimeout(resolve, 20));
    writeFileSync(yaml, withAbout('SECOND'));
    await shown;
    expect(page()).toContain('SECOND');
  });

  it('a fix saved the moment a broken save has failed to build: the fix is built', async () => {
    const failed = handle.nextBuild();
    writeFileSync(yaml, original.replace('  first: Brandon', '  first: [Brandon'));
    expect((await failed).ok).toBe(false);
    const shown = buildShowing('FIXED');
    writeFileSync(yaml, withAbout('FIXED'));
    await shown;
  });
});

describe('rawEventFiles', () => {
  const inputs = new Set(['/cv/cv.yaml', '/cv/publications/all.bib', '/cv/images']);
  const folders = new Set(['/cv', '/cv/publications', '/cv/images']);
  it('names the file a folder watch saw, the file a file watch saw, and the path a poll saw', () => {
    expect(rawEventFiles(inputs, folders, 'cv.yaml', { watchedPath: '/cv' })).toEqual(['/cv/cv.yaml']);
    expect(rawEventFiles(inputs, folders, 'all.bib', { watchedPath: '/cv/publications/all.bib' })).toEqual([
      '/cv/publications/all.bib',
    ]);
    expect(rawEventFiles(inputs, folders, 'a.png', { watchedPath: '/cv/images' })).toEqual([
      '/cv/images/a.png',
    ]);
    expect(rawEventFiles(inputs, folders, '/cv/cv.yaml', { curr: {}, prev: {} })).toEqual(['/cv/cv.yaml']);
  });
  it('a folder event without a file name concerns every input in that folder', () => {
    expect(rawEventFiles(inputs, folders, null, { watchedPath: '/cv' }).sort()).toEqual([
      '/cv/cv.yaml',
      '/cv/images',
    ]);
    expect(rawEventFiles(inputs, folders, 'change', undefined)).toEqual([]);
  });
});
