/**
 * Where the live-reload client goes into a served page: just before the last `</body>`, at a position found
 * in the page itself (a lower-cased copy can be longer than the page: `'İ'.toLowerCase()` is two characters).
 * And the diagnostics a page receives when it connects again after a reload.
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTargets } from '../../src/cli/commands/build.js';
import { startWatch } from '../../src/watch/index.js';
import { CLIENT_SCRIPT, injectLiveReload } from '../../src/watch/live-reload.js';
import { pageDigest } from '../../src/watch/page-patch.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';
import { SseClient } from './sse-client.js';

/** The client as it goes into `page`: named by the page's text, so a patch for another text is refused. */
const scriptFor = (page: string) => `<script data-page="${pageDigest(page)}">${CLIENT_SCRIPT}</script>\n`;

describe('injectLiveReload', () => {
  it('inserts the script right before </body> when text before it changes length in lower case', () => {
    const page = '<!doctype html><html><body><p>Ali İrfan, Ali İrfan and Ali İrfan</p>\n</body>\n</html>\n';
    const out = injectLiveReload(page);
    const script = scriptFor(page);
    expect(out).toBe(page.replace('</body>', `${script}</body>`));
    expect(out.endsWith(`</p>\n${script}</body>\n</html>\n`)).toBe(true);
  });

  it('finds </BODY> in any case, and the last one', () => {
    const page = '<html><body><pre>&lt;/body&gt; </body> in text</pre>\n</BODY></html>';
    expect(injectLiveReload(page)).toBe(
      `<html><body><pre>&lt;/body&gt; </body> in text</pre>\n${scriptFor(page)}</BODY></html>`,
    );
  });

  it('appends the script to a page without </body>', () => {
    expect(injectLiveReload('<p>İ</p>')).toBe(`<p>İ</p>${scriptFor('<p>İ</p>')}`);
  });
});

describe('the state a page reloaded during a build receives', () => {
  const tempDir = useTempDirs();

  it('is the build that told it to reload, not the one before, while the PDF is still typeset', async () => {
    const dir = tempDir();
    cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
    const yaml = path.join(dir, 'cv.yaml');
    const original = readFileSync(yaml, 'utf8');
    writeFileSync(yaml, original.replace(/^name:/m, 'name: [broken\nname_:'));
    const handle = await startWatch({
      files: [yaml],
      outDir: path.join(dir, 'build'),
      targets: parseTargets('html,pdf'),
      now: () => new Date('2024-05-01T00:00:00Z'),
      port: 0,
      debounceMs: 20,
    });
    const events = await SseClient.connect(`${handle.url}__vita/events`);
    try {
      expect(handle.lastBuild().ok).toBe(false);
      // Asked before the save, so it is this build's end whenever it comes (the PDF may be done before the
      // checks below: asked after them, it waited for a build that never came).
      const built = handle.nextBuild();
      writeFileSync(yaml, original);
      // The page reloads on this event and connects again at once, long before the PDF is done.
      const reload = await events.next('reload', (d: { written: string[] }) =>
        d.written.includes('index.html'),
      );
      const reloaded = await SseClient.connect(`${handle.url}__vita/events`);
      const greeting = await reloaded.next('diagnostics');
      reloaded.close();
      expect(greeting.data).toMatchObject({ build: (reload.data as { build: number }).build, ok: true });
      expect(
        (greeting.data as { diagnostics: { severity: string }[] }).diagnostics.filter(
          (d) => d.severity === 'error',
        ),
      ).toEqual([]);
      expect((await built).build).toBe((reload.data as { build: number }).build);
    } finally {
      events.close();
      await handle.close();
    }
  });
});
