/**
 * The live-reload client in a real browser (Debian's Chromium through playwright-core): it runs under the
 * page's Content-Security-Policy, reloads the page after an edit, shows a broken edit's diagnostics in an
 * overlay as text (never as markup), and clears it when the edit is fixed. Skipped, and registered for the
 * run's summary line (test/helpers/skips.ts), when no `chromium` is on PATH (CI installs it).
 */
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseTargets } from '../../src/cli/commands/build.js';
import { startWatch, type WatchHandle } from '../../src/watch/index.js';
import { launchChromium } from '../helpers/chromium.js';
import { findProgram, registerSkip } from '../helpers/skips.js';
import { CORPUS_DIR, REPO_DIR, useTempDirs } from '../helpers/temp-dir.js';

// Callbacks given to page.evaluate run in the browser; the project compiles without the DOM library.
interface DomNode {
  readonly textContent: string | null;
  readonly className: string;
  readonly open?: boolean;
  getBoundingClientRect(): { readonly height: number; readonly width: number };
  getAttribute(name: string): string | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
  setAttribute(name: string, value: string): void;
  getClientRects(): ArrayLike<unknown>;
}
declare const document: {
  readonly title: string;
  readonly body: { readonly textContent: string | null; readonly innerText: string };
  getElementById(id: string): DomNode | null;
  querySelector(selector: string): DomNode | null;
  querySelectorAll(selector: string): ArrayLike<DomNode>;
};
declare const window: Record<string, unknown> & {
  scrollTo(x: number, y: number): void;
  readonly scrollY: number;
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
      browser = await launchChromium(CHROMIUM ?? 'chromium');
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

/** Screenshots of the overlay states, kept as test artefacts (the folder is gitignored). */
const ARTEFACTS = path.join(REPO_DIR, 'test-results/watch-browser');

describe.skipIf(!HAS_CHROMIUM)(
  `live reload in Chromium, on the corpus${HAS_CHROMIUM ? '' : ' [SKIPPED: chromium not on PATH]'}`,
  () => {
    let browser: Browser;

    beforeAll(async () => {
      mkdirSync(ARTEFACTS, { recursive: true });
      browser = await launchChromium(CHROMIUM ?? 'chromium');
    });

    afterAll(async () => {
      await browser?.close();
    });

    const watchCopy = async (source: string, edit?: (yaml: string) => string) => {
      const dir = tempDir();
      cpSync(source, dir, { recursive: true });
      const yaml = path.join(dir, 'cv.yaml');
      const original = readFileSync(yaml, 'utf8');
      if (edit) writeFileSync(yaml, edit(original));
      // A new second for each build, on the same day: cv.json's `lastModified` always changes, the page's date never.
      let tick = 0;
      const handle = await startWatch({
        files: [yaml],
        outDir: path.join(dir, 'build'),
        // json: cv.json carries the time of each build, so it changes on every rebuild.
        targets: parseTargets('html,json'),
        now: () => new Date(Date.UTC(2024, 4, 1) + 1000 * tick++),
        port: 0,
        debounceMs: 20,
      });
      return { handle, yaml, original };
    };

    it('shows an edit, a broken edit (errors first, with their position) and its fix', async () => {
      const { handle, yaml, original } = await watchCopy(CORPUS_DIR);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      page.on('console', (m) => {
        if (m.type() === 'error') problems.push(m.text());
      });
      try {
        await page.goto(handle.url);
        await expect.poll(() => handle.liveClients(), { timeout: 10_000 }).toBe(1);
        // The client ran as a script: its text is nowhere on the page (the corpus has "Ali İrfan"). Rendered
        // text (innerText) on purpose: textContent would include every script's source.
        // biome-ignore lint/performance/useDomNodeTextContent: what is shown, not the scripts' text
        expect(await page.evaluate(() => document.body.innerText.includes('EventSource'))).toBe(false);
        expect(await page.evaluate(() => document.body.textContent?.includes('Ali İrfan'))).toBe(true);

        // Warnings alone: one collapsed line in a corner, not a panel over the page.
        const warnings = handle.lastBuild().diagnostics.filter((d) => d.severity === 'warning').length;
        if (warnings > 0) {
          await page.waitForSelector('#vita-diagnostics');
          const box = await page.evaluate(() => {
            const panel = document.getElementById('vita-diagnostics');
            return {
              height: panel?.getBoundingClientRect().height ?? 0,
              role: panel?.getAttribute('role'),
              open: document.querySelector('#vita-diagnostics details')?.open,
            };
          });
          expect(box.role).toBe('status');
          expect(box.open).toBe(false);
          expect(box.height).toBeLessThan(60);
          await page.screenshot({ path: path.join(ARTEFACTS, 'corpus-warnings.png') });
        }

        writeFileSync(
          yaml,
          original.replace('member of technical staff', 'member of EDITED technical staff'),
        );
        await page.waitForFunction(
          () => (document.body.textContent ?? '').includes('member of EDITED technical'),
          undefined,
          {
            timeout: 20_000,
          },
        );

        // A rebuild that changes only cv.json (its timestamp) does not reload the page.
        await page.evaluate(() => {
          window.vitaMarker = 'kept';
        });
        const rebuilt = handle.nextBuild();
        writeFileSync(yaml, `${readFileSync(yaml, 'utf8')}\n`);
        const build = await rebuilt;
        expect(build.written.map((f) => path.basename(f))).toEqual(['cv.json']);
        await page.waitForTimeout(500);
        expect(await page.evaluate(() => window.vitaMarker)).toBe('kept');

        // Broken YAML: the overlay names the error and its position, before any warning.
        writeFileSync(yaml, original.replace('email: brandon.amos.cs@gmail.com', 'email: [brandon'));
        await page.waitForSelector('#vita-diagnostics[role=alert]', { timeout: 20_000 });
        const overlay = await page.evaluate(() => {
          const panel = document.getElementById('vita-diagnostics');
          const items = Array.from(panel?.querySelectorAll('.vita-diagnostic') ?? []);
          return { text: panel?.textContent ?? '', first: items[0]?.className ?? '' };
        });
        expect(overlay.first).toContain('vita-error');
        expect(overlay.text).toMatch(/cv\.yaml:\d+:\d+: error: /);
        expect(overlay.text).toContain('the page shows the last good build');
        await page.screenshot({ path: path.join(ARTEFACTS, 'corpus-error.png') });

        writeFileSync(yaml, original);
        await page.waitForFunction(
          () => !(document.body.textContent ?? '').includes('member of EDITED technical'),
          undefined,
          {
            timeout: 20_000,
          },
        );
        await page.waitForFunction(() => document.querySelector('#vita-diagnostics[role=alert]') === null);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
        await handle.close();
      }
    });

    it('swaps what an edit changed in place (the tab keeps its state), and reloads for what it cannot swap', async () => {
      const { handle, yaml, original } = await watchCopy(CORPUS_DIR);
      const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
      const problems: string[] = [];
      page.on('pageerror', (e) => problems.push(e.message));
      const documents: string[] = [];
      page.on('request', (r) => {
        if (r.resourceType() === 'document') documents.push(r.url());
      });
      try {
        await page.goto(handle.url);
        await expect.poll(() => handle.liveClients(), { timeout: 10_000 }).toBe(1);
        await page.evaluate(() => {
          window.vitaMarker = 'kept';
          window.scrollTo(0, 3000);
        });
        documents.length = 0;

        // The e-mail address is in the masthead and in the structured data of <head>.
        writeFileSync(yaml, original.replace(/^email: .*$/m, 'email: swapped@example.org'));
        await page.waitForFunction(
          () => (document.body.textContent ?? '').includes('swapped@example.org'),
          undefined,
          { timeout: 20_000 },
        );
        const after = await page.evaluate(() => ({
          marker: window.vitaMarker,
          scrollY: window.scrollY,
          structuredData: document.querySelector('script[type="application/ld+json"]')?.textContent ?? '',
          mailto: document.querySelector('a[href="mailto:swapped@example.org"]') !== null,
        }));
        expect(after).toEqual({
          marker: 'kept',
          scrollY: 3000,
          structuredData: expect.stringContaining('"email":"swapped@example.org"'),
          mailto: true,
        });
        expect(documents).toEqual([]);

        // A swapped section under an active search: the page's script finds its entries again and applies the
        // words the reader typed to them (the edited talks: one no longer matches, one now does).
        await page.fill('#page-q', 'seminar');
        const shownTalk = (place: string) =>
          page.evaluate((text) => {
            const entry = Array.from(document.querySelectorAll('#talks li.entry')).find((li) =>
              (li.textContent ?? '').includes(text),
            );
            return entry === undefined ? 'missing' : entry.getClientRects().length > 0;
          }, place);
        expect([await shownTalk('Columbia NLP'), await shownTalk('Tel Aviv University')]).toEqual([
          true,
          false,
        ]);
        await page.evaluate(() => {
          document.getElementById('talks')?.setAttribute('data-old', '1');
        });
        const talksEdited = original
          .replace(/^email: .*$/m, 'email: swapped@example.org')
          .replace('location: Columbia NLP Seminar', 'location: Columbia NLP Colloquium')
          .replace('location: Tel Aviv University', 'location: Tel Aviv Seminar');
        writeFileSync(yaml, talksEdited);
        await page.waitForFunction(
          () => document.getElementById('talks')?.getAttribute('data-old') === null,
          undefined,
          {
            timeout: 20_000,
          },
        );
        expect([await shownTalk('Columbia NLP'), await shownTalk('Tel Aviv Seminar')]).toEqual([false, true]);
        expect(await page.inputValue('#page-q')).toBe('seminar');
        expect(await page.evaluate(() => document.getElementById('page-count')?.textContent ?? '')).toMatch(
          /^\d+ of \d+ entries shown in \d+ sections?$/,
        );
        expect(await page.evaluate(() => window.vitaMarker)).toBe('kept');
        expect(documents).toEqual([]);

        // The name is also the page's <title>: the page reloads.
        writeFileSync(
          yaml,
          original
            .replace(/^email: .*$/m, 'email: swapped@example.org')
            .replace(/^ {2}last: Amos$/m, '  last: Renamed'),
        );
        await page.waitForFunction(() => document.title.includes('Brandon Renamed'), undefined, {
          timeout: 20_000,
        });
        expect(await page.evaluate(() => window.vitaMarker)).toBeUndefined();
        expect(documents.length).toBe(1);
        expect(problems).toEqual([]);
      } finally {
        await page.close();
        await handle.close();
      }
    });

    it('does not speak of a last good build when none succeeded', async () => {
      const { handle, yaml, original } = await watchCopy(path.join(REPO_DIR, 'examples/seed'), (text) =>
        text.replace(/^name:/m, 'name: [broken\nname_:'),
      );
      const page = await browser.newPage();
      try {
        expect(handle.lastBuild().ok).toBe(false);
        await page.goto(handle.url);
        await page.waitForSelector('#vita-diagnostics[role=alert]', { timeout: 10_000 });
        const text = await page.evaluate(
          () => document.getElementById('vita-diagnostics')?.textContent ?? '',
        );
        expect(text).toContain('no build has succeeded yet');
        expect(text).not.toContain('last good build');
        await page.screenshot({ path: path.join(ARTEFACTS, 'seed-no-good-build.png') });
        writeFileSync(yaml, original);
        await page.waitForFunction(
          () => document.querySelector('h1')?.textContent !== 'Output folder',
          undefined,
          {
            timeout: 20_000,
          },
        );
        await page.waitForFunction(() => document.querySelector('#vita-diagnostics[role=alert]') === null);
      } finally {
        await page.close();
        await handle.close();
      }
    });
  },
);
