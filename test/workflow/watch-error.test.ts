/**
 * A failing file watcher (the system's watch limits: EMFILE, ENOSPC) is reported, in the terminal's callback
 * and over the page, and watch mode goes on: before, chokidar's `error` had no listener and ended the process.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { FSWatcher } from 'chokidar';
import { describe, expect, it, vi } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics/diagnostic.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { SseClient } from './sse-client.js';

const watchers = vi.hoisted(() => [] as unknown[]);
vi.mock('chokidar', async (original) => {
  const chokidar = await original<typeof import('chokidar')>();
  return {
    ...chokidar,
    watch: (...args: Parameters<typeof chokidar.watch>) => {
      const watcher = chokidar.watch(...args);
      watchers.push(watcher);
      return watcher;
    },
  };
});

const { startWatch } = await import('../../src/watch/index.js');
const { EVENTS_PATH } = await import('../../src/watch/live-reload.js');
const tempDir = useTempDirs();

describe('vita watch: the file watcher fails', () => {
  it('reports the error (terminal and page) with what to do, and keeps rebuilding', async () => {
    const dir = tempDir();
    cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
    const yaml = path.join(dir, 'cv.yaml');
    const problems: Diagnostic[] = [];
    const handle = await startWatch({
      files: [yaml],
      outDir: path.join(dir, 'build'),
      targets: ['html'],
      now: () => new Date('2024-05-01T00:00:00Z'),
      port: 0,
      onWatchError: (problem) => problems.push(problem),
    });
    const events = await SseClient.connect(new URL(EVENTS_PATH, handle.url).href);
    try {
      await events.next('diagnostics');
      const watcher = watchers.at(-1) as FSWatcher;
      watcher.emit(
        'error',
        Object.assign(new Error('EMFILE: too many open files, watch'), { code: 'EMFILE' }),
      );

      expect(problems).toHaveLength(1);
      expect(problems[0]).toMatchObject({ code: 'watch-failed', severity: 'error' });
      expect(problems[0]?.message).toMatch(/^cannot watch the inputs for changes: EMFILE/);
      expect(problems[0]?.hints?.join(' ')).toMatch(/max_user_instances/);
      const shown = await events.next('diagnostics', (d: { diagnostics: { code: string }[] }) =>
        d.diagnostics.some((x) => x.code === 'watch-failed'),
      );
      expect(shown.data).toMatchObject({ ok: true });

      // Still watching: an edit rebuilds.
      const next = handle.nextBuild();
      writeFileSync(
        yaml,
        readFileSync(yaml, 'utf8').replace('I am a research scientist', 'I am a STILL research scientist'),
      );
      expect((await next).ok).toBe(true);
    } finally {
      events.close();
      await handle.close();
    }
  });
});
