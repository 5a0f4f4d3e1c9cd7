/**
 * The live-reload client in a real browser (Debian's Chromium through playwright-core): it runs under the
 * page's Content-Security-Policy, reloads the page after an edit, shows a broken edit's diagnostics in an
 * overlay as text (never as markup), and clears it when the edit is fixed. Skipped, and registered for the
 * run's summary line (test/helpers/skips.ts), when no `chromium` is on PATH (CI installs it).
 */
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { type Browser, chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTargets } from '../../src/cli/commands/build.js';
import { startWatch, type WatchHandle } from '../../src/watch/index.js';
import { findProgram, registerSkip } from '../helpers/skips.js';
import { REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

// Callbacks given to page.evaluate run in the browser; the project compiles without the DOM library.
declare const document: {
  readonly body: { readonly textContent: string | null };
  getElementById(id: string): { readonly textContent: string | null } | null;
};

const CHROMIUM = findProgram('chromium');
const HAS_CHROMIUM = CHROMIUM !== undefined;
if (!HAS_CHROMIUM) registerSkip('live reload in Chromium', 'apt-get install chromium fonts-liberation');
const tempDir = useTempDirs();

describe.skipIf(!HAS_CHROMIUM)(
  `live reload in Chromium${HAS_CHROMIUM ? '' : ' [SKIPPED: chromium not on PATH]'}`,
  () => {
    let browser: Browser;
    let handle: WatchHandle;
    let yaml: string;

    beforeAll(async () => {
      const dir = tempDir();
      cpSync(path.join(REPO_DIR, 'examples/seed'), dir, { recursive: true });
      yaml = path.join(dir, 'cv.yaml');
      handle = await startWatch({
        files: [yaml],
        outDir: path.join(dir, 'build'),
        targets: parseTargets('md,html'),
        now: () => new Date('2024-05-01T00:00:00Z'),
        port: 0,
      });
      browser = await chromium.launch({
        executablePath: CHROMIUM ?? 'chromium',
        args: ['--no-sandbox', '--disable-gpu', '--no-first-run'],
      });
    });

    afterAll(async () => {
      await browser?.close();
      await handle?.close();
    });

    it('reloads after an edit and shows a broken edit in an overlay, as text', async () => {
      const page = await browser.newPage();
      const problems: string[] = [];
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      page.on('pageerror', (e) => problems.push(e.message));
      await page.goto(handle.url);
      await expect.poll(() => handle.liveClients(), { timeout: 10_000 }).toBe(1);

      const original = readFileSync(yaml, 'utf8');
      writeFileSync(
        yaml,
        original.replace('I am a research scientist', 'I am a RELOADED research scientist'),
      );
      await page.waitForFunction(() => document.body.textContent?.includes('RELOADED') ?? false, undefined, {
        timeout: 15_000,
      });

      // A value that looks like markup, quoted in an error: the overlay must show it as text. (Odd sections
      // only warn now, as they are shown generically; a .bib file that cannot be found is an error.)
      const broken = original.replace(
        'publications:\n  name: [Amos, Kao]\n  file: all.bib',
        'publications:\n  name: [Amos, Kao]\n  file: "<b id=injected>key</b>.bib"',
      );
      writeFileSync(yaml, broken);
      await page.waitForSelector('#vita-diagnostics', { timeout: 15_000 });
      const overlay = await page.evaluate(
        () => document.getElementById('vita-diagnostics')?.textContent ?? '',
      );
      expect(overlay).toMatch(
        /cv\.yaml:\d+:\d+: error: cannot find the \.bib file `<b id=injected>key<\/b>\.bib`/,
      );
      expect(await page.evaluate(() => document.getElementById('injected') === null)).toBe(true);
      // The page still shows the last good build.
      expect(await page.evaluate(() => document.body.textContent?.includes('RELOADED') ?? false)).toBe(true);

      writeFileSync(yaml, original);
      await page.waitForFunction(
        () => !(document.body.textContent?.includes('RELOADED') ?? true),
        undefined,
        { timeout: 15_000 },
      );
      expect(await page.evaluate(() => document.getElementById('vita-diagnostics') === null)).toBe(true);
      expect(problems).toEqual([]);
      await page.close();
    });
  },
);
